"""The masked index of a "known on" day against the chronology built afresh for that day."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from timeline_editor.io.project_file import load_project
from timeline_editor.layout.index import TimelineIndex
from timeline_editor.layout.known import KnowledgeArrays
from timeline_editor.layout.known_day import DayLens
from timeline_editor.layout.known_index import POSSIBLE_MARK, KnownIndexer
from timeline_editor.layout.visual import Mark
from timeline_editor.model.changes import ChangeSet
from timeline_editor.model.document import Document
from timeline_editor.model.entities import Project
from timeline_editor.model.knowledge import knowledge_dates
from timeline_editor.model.knowledge_view import as_known_on

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
