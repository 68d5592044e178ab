"""The filter panel's criteria and the find bar's search, without Qt."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.samples import small_project
from timeline_editor.model.daynum import day_number
from timeline_editor.model.entities import Project
from timeline_editor.model.filters import EntryFilter, filtered_project, find_entries
from timeline_editor.model.vocab import NO_LANE, EntryKind, Reliability, Status


def _ids(flt: EntryFilter, project: Project | None = None) -> set[str]:
    project = project or small_project()
    return {e.id for e in project.entries if flt.matches(e, project)}


ALL = {"e-brussels", "e-moscow", "e-route", "e-war", "e-hotline"}


def test_empty_filter_passes_everything() -> None:
    assert EntryFilter().is_empty()
    assert _ids(EntryFilter()) == ALL


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (EntryFilter(disputed_only=True), {"e-moscow"}),
        (EntryFilter(unsourced_only=True), {"e-moscow", "e-war", "e-hotline"}),
        (EntryFilter(kinds=frozenset({EntryKind.MEETING})), {"e-brussels", "e-moscow"}),
        (EntryFilter(statuses=frozenset({Status.OCCURRED})), {"e-war"}),
        (EntryFilter(lane_ids=frozenset({"l-ru"})), {"e-moscow", "e-war"}),
        (EntryFilter(lane_ids=frozenset({NO_LANE})), {"e-route", "e-hotline"}),
        (EntryFilter(tags=frozenset({"war", "none"})), {"e-war"}),
        (EntryFilter(actor_ids=frozenset({"a-peskov"})), {"e-moscow"}),
        (EntryFilter(actor_ids=frozenset({"a-pash"})), {"e-brussels", "e-moscow"}),
        (EntryFilter(min_reliability=Reliability.B), {"e-brussels"}),
        (EntryFilter(min_reliability=Reliability.E), {"e-brussels", "e-route"}),
        (
            EntryFilter(kinds=frozenset({EntryKind.MEETING}), disputed_only=True),
            {"e-moscow"},
        ),
    ],
)
def test_single_criteria(flt: EntryFilter, expected: set[str]) -> None:
    assert _ids(flt) == expected


def test_date_range_overlaps_and_drops_undated() -> None:
    december = EntryFilter(start_day=day_number(2021, 12, 1), end_day=day_number(2021, 12, 31))
    # The route window (2020-11-10..2023-11-10) overlaps December too.
    assert _ids(december) == {"e-brussels", "e-moscow", "e-route"}
    war_only = EntryFilter(end_day=day_number(2020, 10, 1))
    assert _ids(war_only) == {"e-war"}  # the route window opens on 2020-11-10
    assert "e-hotline" not in _ids(EntryFilter(start_day=0))


def test_bound_predicate_follows_source_changes() -> None:
    project = small_project()
    holder = [project]
    predicate = EntryFilter(min_reliability=Reliability.B).bind(lambda: holder[0])
    entry = project.entries[0]
    assert predicate(entry)
    worse = tuple(s.model_copy(update={"reliability": Reliability.D}) for s in project.sources)
    holder[0] = project.model_copy(update={"sources": worse})
    assert not predicate(entry)


def test_filtered_project_keeps_only_matches() -> None:
    project = small_project()
    predicate = EntryFilter(disputed_only=True).bind(lambda: project)
    assert [e.id for e in filtered_project(project, predicate).entries] == ["e-moscow"]
    assert filtered_project(project, None) is project


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("brussels", ["e-brussels"]),  # title and place
        ("NOT AGREED", ["e-moscow"]),  # claim text, any case
        ("peskov", ["e-moscow"]),  # a speaker's name
        ("Aliyev", ["e-brussels"]),  # actor name
        ("within three", ["e-route"]),  # quote and wording
        ("kremlin", ["e-moscow"]),  # description
        # "2021-12?" may start a month early, so Moscow sorts before Brussels.
        ("meeting", ["e-moscow", "e-brussels"]),
        ("   ", []),
        ("zzz", []),
    ],
)
def test_find_entries(text: str, expected: list[str]) -> None:
    assert find_entries(small_project(), text) == expected


def test_find_orders_by_date_with_undated_last() -> None:
    assert find_entries(small_project(), "e") == [
        "e-war",
        "e-route",
        "e-moscow",
        "e-brussels",
        "e-hotline",
    ]


@settings(max_examples=40, deadline=None)
@given(
    start=st.integers(day_number(2019, 1, 1), day_number(2024, 1, 1)),
    length=st.integers(0, 800),
)
def test_narrower_range_never_adds_entries(start: int, length: int) -> None:
    wide = _ids(EntryFilter(start_day=start - 30, end_day=start + length + 30))
    narrow = _ids(EntryFilter(start_day=start, end_day=start + length))
    assert narrow <= wide
