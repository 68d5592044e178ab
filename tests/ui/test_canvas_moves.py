"""The rules of canvas edits without any widget: steps, moves, lanes, new entries."""

from __future__ import annotations

from timeline_editor.model.edtf import Precision
from timeline_editor.model.entities import DateValue, Entry, HistoryItem, Project
from timeline_editor.model.vocab import EntryKind, Status
from timeline_editor.ui.canvas.moves import (
    moved,
    new_entry,
    nudged,
    placed,
    relane,
    snap_days,
    step_days,
    zoom_precision,
)


def _entry(edtf: str, **fields: object) -> Entry:
    return Entry.model_validate({"title": "x", "when": DateValue(edtf=edtf), **fields})


def test_zoom_precision_and_steps() -> None:
    assert zoom_precision(10.0) is Precision.DAY
    assert zoom_precision(1.0) is Precision.MONTH
    assert zoom_precision(0.05) is Precision.YEAR
    assert step_days(10.0) == 1.0
    assert 30 < step_days(1.0) < 31
    assert 365 < step_days(0.05) < 366
    assert snap_days(4.6, 10.0) == 5.0
    assert snap_days(40.0, 1.0) == step_days(1.0)
    assert snap_days(10.0, 1.0) == 0.0


def test_moved_keeps_precision_qualifiers_and_records_history() -> None:
    entry = _entry("2021-11?")
    result = moved(entry, 61.0, at="2021-11-30")
    assert result.when.edtf == "2022-01?"
    assert result.history == (
        HistoryItem(field="when", old="2021-11?", new="2022-01?", at="2021-11-30"),
    )
    assert moved(entry, 5.0) is entry  # less than half a month: stays


def test_moved_edges_and_lanes() -> None:
    period = _entry("2021-11-03/2021-11-08", lane_id="a")
    assert moved(period, 2.0, edge="end").when.edtf == "2021-11-03/2021-11-10"
    assert moved(period, 9.0, edge="start").when.edtf == "2021-11-03/2021-11-08"  # refused
    relaned = moved(period, 0.0, lanes=("lane", "a", "b"))
    assert relaned.lane_id == "b" and relaned.when == period.when
    assert moved(period, 0.0, lanes=("lane", "a", "")).lane_id is None


def test_relane_by_actor_swaps_that_actor_and_kind_rows_stay() -> None:
    entry = _entry("2021-11-16", actor_ids=("am", "az"))
    assert relane(entry, "actor", "am", "ru").actor_ids == ("az", "ru")
    assert relane(entry, "actor", "am", "az").actor_ids == ("az",)
    assert relane(entry, "kind", "event", "meeting") is entry


def test_nudges_fold_their_history_and_coarse_dates_step_by_their_unit() -> None:
    entry = _entry("2021-11-16")
    once = nudged(entry, 1.0, at="2021-11-30")
    twice = nudged(once, 1.0, at="2021-11-30")
    assert twice.when.edtf == "2021-11-18"
    assert [(h.old, h.new) for h in twice.history] == [("2021-11-16", "2021-11-18")]
    back = nudged(nudged(twice, -1.0, at="2021-11-30"), -1.0, at="2021-11-30")
    assert back.when.edtf == "2021-11-16" and back.history == ()
    assert nudged(_entry("2021~"), 1.0).when.edtf == "2022~"
    assert nudged(_entry("2021-11"), -1.0).when.edtf == "2021-10"


def test_placed_and_new_entry() -> None:
    hotline = _entry("")
    assert placed(hotline, 18962, Precision.MONTH).when.edtf == "2021-12"
    project = Project(as_of="2021-11-30")
    planned = new_entry(project, "Summit", "2021-12-15", mode="lane", key="l1")
    assert (planned.lane_id, planned.status) == ("l1", Status.SCHEDULED)
    past = new_entry(project, "Fight", "2021-11-16", mode="actor", key="am")
    assert (past.actor_ids, past.status, past.lane_id) == (("am",), Status.OCCURRED, None)
    assert new_entry(project, "M", "2021", mode="kind", key="meeting").kind is EntryKind.MEETING
    assert new_entry(project, "U", "", mode="kind", key="").kind is EntryKind.EVENT
