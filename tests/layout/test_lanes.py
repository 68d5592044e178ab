"""The chart's rows in each lane mode, named once for the chart, the list filter and the CLI."""

from __future__ import annotations

import pytest

from timeline_editor.layout.index import TimelineIndex
from timeline_editor.layout.lanes import LaneInfo, entry_lane_keys, lane_rows, rows_in_use
from timeline_editor.model.entities import Actor, DateValue, Entry, Lane, Project
from timeline_editor.model.vocab import NO_LANE, EntryKind, LaneMode

PROJECT = Project(
    lanes=(Lane(id="l-eu", title="EU track", colour="#0072B2"), Lane(id="l-ru", title="Russia")),
    actors=(Actor(id="a-michel", name="Charles Michel"), Actor(id="a-putin", name="Putin")),
    entries=(
        Entry(
            id="e1",
            title="Brussels",
            when=DateValue(edtf="2021-12-15"),
            lane_id="l-eu",
            actor_ids=("a-michel", "a-putin"),
        ),
        Entry(id="e2", title="Hotline", when=DateValue(edtf="2021-11"), kind=EntryKind.DEADLINE),
    ),
)


def test_rows_by_lane_keep_the_project_order_and_colours_then_no_lane() -> None:
    assert lane_rows(PROJECT, LaneMode.LANE) == [
        LaneInfo("l-eu", "EU track", "#0072B2"),
        LaneInfo("l-ru", "Russia"),
        LaneInfo(NO_LANE, "(no lane)"),
    ]


def test_rows_by_actor_end_with_no_actor_and_rows_by_kind_have_no_empty_row() -> None:
    assert [(r.key, r.title) for r in lane_rows(PROJECT, LaneMode.ACTOR)] == [
        ("a-michel", "Charles Michel"),
        ("a-putin", "Putin"),
        (NO_LANE, "(no actor)"),
    ]
    by_kind = lane_rows(PROJECT, LaneMode.KIND)
    assert [r.key for r in by_kind] == [k.value for k in EntryKind]
    assert by_kind[1] == LaneInfo("meeting", "Meeting")


def test_an_entry_is_in_one_row_per_actor_and_in_the_empty_row_without_any() -> None:
    brussels, hotline = PROJECT.entries
    assert list(entry_lane_keys(brussels, LaneMode.ACTOR)) == ["a-michel", "a-putin"]
    assert list(entry_lane_keys(hotline, LaneMode.ACTOR)) == [NO_LANE]
    assert list(entry_lane_keys(hotline, LaneMode.LANE)) == [NO_LANE]
    assert list(entry_lane_keys(hotline, LaneMode.KIND)) == ["deadline"]


def test_rows_in_use_keep_display_order_and_put_unknown_keys_last() -> None:
    used = {"l-zz", "l-ru", NO_LANE, "l-aa"}
    assert rows_in_use(PROJECT, LaneMode.LANE, used) == [
        LaneInfo("l-ru", "Russia"),
        LaneInfo(NO_LANE, "(no lane)"),
        LaneInfo("l-aa", "l-aa"),
        LaneInfo("l-zz", "l-zz"),
    ]


@pytest.mark.parametrize(
    ("mode", "titles"),
    [
        (LaneMode.LANE, ["EU track", "(no lane)"]),
        (LaneMode.ACTOR, ["Charles Michel", "Putin", "(no actor)"]),
        (LaneMode.KIND, ["Event", "Deadline"]),
    ],
)
def test_the_index_names_its_rows_as_lane_rows_does(mode: LaneMode, titles: list[str]) -> None:
    index = TimelineIndex(PROJECT, lane_mode=mode)
    assert [info.title for info in index.lanes] == titles
    assert all(info in lane_rows(PROJECT, mode) for info in index.lanes)


def test_the_index_refuses_a_bad_lane_mode_from_an_untyped_caller() -> None:
    bad: object = "colour"
    with pytest.raises(ValueError, match="'colour' is not a lane mode; use one of lane, actor"):
        TimelineIndex(PROJECT, lane_mode=bad)  # type: ignore[arg-type]
