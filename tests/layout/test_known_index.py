"""The masked index of a "known on" day against the chronology built afresh for that day."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from timeline_editor.io.project_file import load_project
from timeline_editor.layout import index as index_module
from timeline_editor.layout.index import SHOWN_ROWS, LaneArrays, TimelineIndex
from timeline_editor.layout.known import KnowledgeArrays
from timeline_editor.layout.known_day import DayLens
from timeline_editor.layout.known_index import POSSIBLE_MARK, KnownIndexer
from timeline_editor.layout.visual import OPEN_FADE_DAYS, Mark
from timeline_editor.model.changes import ChangeSet
from timeline_editor.model.document import Document
from timeline_editor.model.entities import DateValue, Entry, HistoryItem, Project
from timeline_editor.model.knowledge import knowledge_dates
from timeline_editor.model.knowledge_view import as_known_on
from timeline_editor.model.one_day import read_day as parse_day

EXAMPLE = Path(__file__).parents[2] / "resources/examples/brussels-2021.timeline.json"


def _example() -> Project:
    loaded = load_project(EXAMPLE)
    return loaded.project if hasattr(loaded, "project") else loaded


def _shown(index: TimelineIndex) -> dict[str, int]:
    """Each shown entry's id and its Mark flags (undated: -1)."""
    found = {index.entries[n].id: -1 for n in index.undated}
    for lane in index.arrays:
        for n, m in zip(lane.entries.tolist(), lane.marks.tolist(), strict=True):
            found[index.entries[n].id] = m
    return found


@pytest.mark.parametrize("step", range(0, 40, 3))
def test_masked_index_matches_the_chronology_of_the_day(step: int) -> None:
    project = _example()
    dates = knowledge_dates(project)
    day = dates[min(step, len(dates) - 1)] - (step % 2)
    masked = KnownIndexer().index_on(
        TimelineIndex(project), DayLens(KnowledgeArrays(project)).on(project, day), None
    )
    fresh = _shown(TimelineIndex(as_known_on(project, day).project))
    drawn = _shown(masked)
    assert drawn.keys() == fresh.keys()
    style = int(Mark.DEAD | Mark.DISPUTED | Mark.PLANNED)
    for ident, mark in fresh.items():
        assert (mark & style) == (drawn[ident] & style) or mark == -1, ident
    possible = as_known_on(project, day).possible
    assert {i for i, m in drawn.items() if m >= 0 and m & POSSIBLE_MARK} <= possible


def test_masked_lanes_stay_searchable() -> None:
    project = _example()
    day = knowledge_dates(project)[len(knowledge_dates(project)) // 2]
    masked = KnownIndexer().index_on(
        TimelineIndex(project), DayLens(KnowledgeArrays(project)).on(project, day), None
    )
    for lane in masked.arrays:
        assert np.all(np.diff(lane.starts) >= 0)
        assert np.array_equal(lane.sorted_ends, np.sort(lane.ends))
        assert lane.count_between(-1e9, 1e9) == len(lane)


def test_arrays_follow_edits_as_a_rebuild_would() -> None:
    document = Document(_example())
    arrays = KnowledgeArrays(document.project)
    position = lambda ident: document.index_of("entries", ident)  # noqa: E731

    def follow(changes: ChangeSet) -> None:
        arrays.apply(document.project, changes, position)

    document.subscribe(follow)
    entries = document.project.entries
    document.remove("entries", [entries[3].id, entries[7].id])
    changed = entries[0].model_copy(update={"known_since": "2021-11-18"})
    document.replace("entries", [changed])
    document.append("entries", [entries[3].model_copy(update={"claims": ()})])
    fresh = KnowledgeArrays(document.project)
    for name in ("certain", "possible", "settle", "disputed", "undated"):
        assert np.array_equal(getattr(arrays, name), getattr(fresh, name)), name


def _with_open_ends(as_of: str | None) -> Project:
    """The example with ongoing entries ("still going") and the project's as-of day given."""
    project = _example()
    lane = project.lanes[0].id if project.lanes else None
    ongoing = tuple(
        Entry(id=f"open{i}", title=f"Ongoing {i}", when=DateValue(edtf=edtf), lane_id=lane)
        for i, edtf in enumerate(("2021-09-01/..", "2021-11-05/..", "2021-11-18/..", "2021-10/.."))
    )
    # Dates changed later: until the change is learnt, each stands at its old date.
    moved = tuple(
        Entry(
            id=f"moved{i}",
            title=f"Moved {i}",
            when=DateValue(edtf=new),
            lane_id=lane,
            history=(HistoryItem(field="when", old=old, new=new, at="2021-11-15"),),
        )
        for i, (old, new) in enumerate(
            (
                ("2021-11-03", "2021-11-09"),
                ("2021-11-02/2021-11-06", "2021-11-08"),
                ("2021-11-04/..", "2021-11-10"),
            )
        )
    )
    update = {"entries": (*project.entries, *ongoing, *moved), "as_of": as_of}
    return project.model_copy(update=update)


def _extents(index: TimelineIndex) -> dict[str, tuple[float, float, float]]:
    """Each shown entry's start, end and core end (first lane that holds it)."""
    found: dict[str, tuple[float, float, float]] = {}
    for lane in index.arrays:
        columns = (lane.entries, lane.starts, lane.ends, lane.core_ends)
        for n, start, end, core in zip(*(c.tolist() for c in columns), strict=True):
            found.setdefault(index.entries[n].id, (start, end, core))
    return found


@pytest.mark.parametrize("as_of", ["2021-11-20", None])
@pytest.mark.parametrize("text", ["2021-11-06", "2021-11-12", "2021-11-19", "2021-11-25"])
def test_open_ends_reach_the_day_shown(as_of: str | None, text: str) -> None:
    project = _with_open_ends(as_of)
    day = parse_day(text)
    masked = KnownIndexer().index_on(
        TimelineIndex(project), DayLens(KnowledgeArrays(project)).on(project, day), None
    )
    fresh = _extents(TimelineIndex(as_known_on(project, day).project))
    drawn = _extents(masked)
    assert drawn.keys() == fresh.keys()
    assert drawn == fresh
    # The ongoing entry begun on 5 November (known on the 6th) runs to the day shown,
    # or to the project's as-of day when the day is later.
    reach = min(day, parse_day(as_of)) if as_of else day
    assert drawn["open1"][1] == max(reach + 1, parse_day("2021-11-05") + 1 + OPEN_FADE_DAYS)
    if day < parse_day("2021-11-18"):
        assert "open2" not in drawn
    if parse_day("2021-11-10") <= day < parse_day("2021-11-15"):  # known, at the old dates
        assert drawn["moved0"][0] == parse_day("2021-11-03")
        assert drawn["moved2"][1] == max(reach + 1, parse_day("2021-11-04") + 1 + OPEN_FADE_DAYS)


@pytest.mark.parametrize("cap", [32, 1])
@pytest.mark.parametrize("as_of", ["2021-11-20", None])
def test_masked_search_arrays_agree_with_the_marks(
    as_of: str | None, cap: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bounds kept from the whole lane find the same marks a fresh lane would (also
    with lanes stacked up to the row cap, where marks added on the day share its row)."""
    monkeypatch.setattr(index_module, "ROW_CAP", cap)
    project = _with_open_ends(as_of)
    indexer, lens, index = KnownIndexer(), DayLens(KnowledgeArrays(project)), TimelineIndex(project)
    for text in ("2021-11-02", "2021-11-12", "2021-11-19"):
        masked = indexer.index_on(index, lens.on(project, parse_day(text)), None)
        for lane in masked.arrays:
            plain = LaneArrays(
                lane.starts, lane.ends, lane.core_starts, lane.core_ends,
                lane.marks, lane.rows, lane.entries,
            )  # fmt: skip
            assert np.array_equal(lane.sorted_ends, plain.sorted_ends)
            assert lane.row_count == max(plain.row_count, lane.row_count) <= cap + 1
            assert np.all(np.diff(lane.cummax_end) >= 0)
            assert np.all(lane.cummax_end >= plain.cummax_end)
            if len(lane):
                assert lane.cummax_end[-1] == plain.cummax_end[-1]
            mine, theirs = lane.split(SHOWN_ROWS), plain.split(SHOWN_ROWS)
            for name in ("positions", "starts", "ends", "sorted_ends", "hidden_sorted_ends"):
                assert np.array_equal(getattr(mine, name), getattr(theirs, name)), name
            for start, end in ((-1e9, 1e9), (parse_day(text) - 40, parse_day(text) + 3)):
                assert np.array_equal(lane.visible(start, end), plain.visible(start, end))
                assert np.array_equal(mine.visible(start, end), theirs.visible(start, end))
                assert lane.count_between(start, end) == plain.count_between(start, end)


def test_one_lens_stepped_about_agrees_with_a_fresh_one() -> None:
    """The lens keeps what it learnt between days: walked forward, back and about, each
    day's state is what a lens asked that day alone gives."""
    project = _with_open_ends("2021-11-20")
    arrays = KnowledgeArrays(project)
    walker = DayLens(arrays)
    first = parse_day("2021-10-20")
    days = [*range(first, first + 40), *range(first + 40, first - 5, -3)]
    days += [first + (7 * i) % 41 for i in range(30)]
    for day in days:
        walked, fresh = walker.on(project, day), DayLens(arrays).on(project, day)
        assert np.array_equal(walked.state, fresh.state), day
        assert np.array_equal(walked.new, fresh.new), day
        assert np.array_equal(walked.disputed, fresh.disputed), day
        assert walked.overrides == fresh.overrides, day
