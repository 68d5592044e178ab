"""The model's edit rules: moves in time, re-dating, re-laning, status, and their history."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from timeline_editor.model.daynum import day_number
from timeline_editor.model.edits import (
    change_day,
    current_day,
    initial_status,
    new_entry,
    nudged,
    placed,
    recorded,
    redated,
    relaned,
    shifted,
    unrecorded,
    with_status,
)
from timeline_editor.model.edtf import Precision
from timeline_editor.model.entities import DateValue, Entry, HistoryItem
from timeline_editor.model.vocab import EntryKind, LaneMode, Status

DAY = "2021-11-30"
AS_OF = day_number(2021, 11, 30)


def _entry(edtf: str, **fields: object) -> Entry:
    return Entry.model_validate({"title": "x", "when": DateValue(edtf=edtf), **fields})


def test_change_day_prefers_the_as_of_date_and_else_takes_the_day_passed_in() -> None:
    assert change_day(as_of="2021-11-26", today=day_number(2030, 1, 1)) == "2021-11-26"
    assert change_day(as_of="", today=day_number(2030, 1, 2)) == "2030-01-02"
    assert change_day(as_of="", today=day_number(-43, 3, 15)) == "-0043-03-15"


def test_current_day_is_the_as_of_day_else_today() -> None:
    assert current_day(as_of=AS_OF, today=0) == AS_OF
    assert current_day(as_of=None, today=12) == 12
    assert current_day(as_of=0, today=12) == 0  # 1970-01-01 is a day, not "no as-of"


def test_recorded_adds_only_real_changes_with_their_source() -> None:
    assert recorded((), field="when", old="2021", new="2021", at=DAY) == ()
    added = recorded((), field="status", old="proposed", new="cancelled", at=DAY, source_id="s1")
    assert added == (
        HistoryItem(field="status", old="proposed", new="cancelled", at=DAY, source_id="s1"),
    )


def test_recorded_folds_only_bare_runs_of_one_field_on_one_day() -> None:
    first = recorded((), field="when", old="2021-11-16", new="2021-11-17", at=DAY)
    folded = recorded(first, field="when", old="2021-11-17", new="2021-11-18", at=DAY, fold=True)
    assert [(h.old, h.new) for h in folded] == [("2021-11-16", "2021-11-18")]
    back = recorded(first, field="when", old="2021-11-17", new="2021-11-16", at=DAY, fold=True)
    assert back == ()
    later = recorded(
        first, field="when", old="2021-11-17", new="2021-11-18", at="2021-12-01", fold=True
    )
    assert len(later) == 2
    noted = (first[0].model_copy(update={"note": "per the Kremlin"}),)
    assert len(recorded(noted, field="when", old="2021-11-17", new="x", at=DAY, fold=True)) == 2
    status = recorded(first, field="status", old="2021-11-17", new="y", at=DAY, fold=True)
    assert [h.field for h in status] == ["when", "status"]
    assert len(recorded(first, field="when", old="2021-11-17", new="2021-11-18", at=DAY)) == 2


def test_redated_by_text_keeps_the_wording_and_records_history() -> None:
    entry = _entry("2021-12-15").model_copy(
        update={"when": DateValue(edtf="2021-12-15", as_stated="on 15 December")}
    )
    result = redated(entry, when="2021-12-16", at=DAY, source_id="s1")
    assert result.when == DateValue(edtf="2021-12-16", as_stated="on 15 December")
    assert result.history == (
        HistoryItem(field="when", old="2021-12-15", new="2021-12-16", at=DAY, source_id="s1"),
    )
    assert redated(entry, when="2021-12-15", at=DAY) is entry


def test_redated_new_wording_alone_is_no_date_change() -> None:
    entry = _entry("2021-12-15")
    reworded = redated(entry, when=DateValue(edtf="2021-12-15", as_stated="mid-December"), at=DAY)
    assert reworded.when.as_stated == "mid-December" and reworded.history == ()
    assert redated(entry, when=DateValue(edtf="2021-12-15"), at=DAY) is entry


def test_redated_refuses_text_that_is_not_edtf() -> None:
    with pytest.raises(ValidationError):
        redated(_entry("2021"), when="15 December", at=DAY)


def test_shifted_keeps_precision_qualifiers_and_records_history() -> None:
    entry = _entry("2021-11?")
    result = shifted(entry, days=61.0, at=DAY)
    assert result.when.edtf == "2022-01?"
    assert result.history == (HistoryItem(field="when", old="2021-11?", new="2022-01?", at=DAY),)
    assert shifted(entry, days=5.0, at=DAY) is entry  # less than half a month: stays


def test_shifted_crosses_into_bce_dates() -> None:
    ides = _entry("-0043-03-15")
    assert shifted(ides, days=1.0, at=DAY).when.edtf == "-0043-03-16"
    assert shifted(_entry("0001"), days=-400.0, at=DAY).when.edtf == "0000"
    assert shifted(_entry("0000"), days=-400.0, at=DAY).when.edtf == "-0001"


def test_shifted_edges_and_refused_moves_leave_the_entry() -> None:
    period = _entry("2021-11-03/2021-11-08")
    assert shifted(period, days=2.0, at=DAY, edge="end").when.edtf == "2021-11-03/2021-11-10"
    crossed = shifted(period, days=9.0, at=DAY, edge="start")
    assert crossed is period  # start past the end: refused, no history
    beyond = _entry("9999-12")
    assert shifted(beyond, days=60.0, at=DAY) is beyond  # no year 10000 without a "Y"
    undated = _entry("")
    assert shifted(undated, days=30.0, at=DAY) is undated


def test_nudges_fold_their_history_and_coarse_dates_step_by_their_unit() -> None:
    entry = _entry("2021-11-16")
    twice = nudged(nudged(entry, step=1.0, at=DAY), step=1.0, at=DAY)
    assert twice.when.edtf == "2021-11-18"
    assert [(h.old, h.new) for h in twice.history] == [("2021-11-16", "2021-11-18")]
    back = nudged(nudged(twice, step=-1.0, at=DAY), step=-1.0, at=DAY)
    assert back.when.edtf == "2021-11-16" and back.history == ()
    assert nudged(_entry("2021~"), step=1.0, at=DAY).when.edtf == "2022~"
    assert nudged(_entry("2021-11"), step=-1.0, at=DAY).when.edtf == "2021-10"
    assert nudged(_entry("-0044"), step=-1.0, at=DAY).when.edtf == "-0045"
    fixed = _entry("201X")
    assert nudged(fixed, step=1.0, at=DAY) is fixed  # no unit moves an unknown year


def test_placed_gives_an_undated_entry_the_unit_containing_the_day() -> None:
    hotline = _entry("")
    month = placed(hotline, day=18962, precision=Precision.MONTH, at=DAY)
    assert month.when.edtf == "2021-12"
    assert month.history == (HistoryItem(field="when", old="", new="2021-12", at=DAY),)
    ides = day_number(-43, 3, 15)
    assert placed(hotline, day=ides, precision=Precision.DAY, at=DAY).when.edtf == "-0043-03-15"
    assert placed(hotline, day=ides, precision=Precision.YEAR, at=DAY).when.edtf == "-0043"


def test_relaned_moves_lane_or_actor_and_kind_rows_stay() -> None:
    entry = _entry("2021-11-16", lane_id="a", actor_ids=("am", "az"))
    assert relaned(entry, mode=LaneMode.LANE, old_key="a", new_key="b").lane_id == "b"
    assert relaned(entry, mode=LaneMode.LANE, old_key="a", new_key="").lane_id is None
    assert relaned(entry, mode=LaneMode.LANE, old_key="a", new_key="a") is entry
    assert relaned(entry, mode=LaneMode.ACTOR, old_key="am", new_key="ru").actor_ids == ("az", "ru")
    assert relaned(entry, mode=LaneMode.ACTOR, old_key="am", new_key="az").actor_ids == ("az",)
    assert relaned(entry, mode=LaneMode.ACTOR, old_key="", new_key="ru").actor_ids == (
        "am",
        "az",
        "ru",
    )
    assert relaned(entry, mode=LaneMode.KIND, old_key="event", new_key="meeting") is entry
    assert relaned(entry, mode=LaneMode.LANE, old_key="a", new_key="b").history == ()


def test_with_status_records_the_change_once() -> None:
    entry = _entry("2021-12-15", status=Status.PROPOSED)
    done = with_status(entry, status=Status.CANCELLED, at=DAY, source_id="s1")
    assert done.status is Status.CANCELLED
    assert done.history == (
        HistoryItem(field="status", old="proposed", new="cancelled", at=DAY, source_id="s1"),
    )
    assert with_status(done, status=Status.CANCELLED, at="2022-01-01") is done


def test_initial_status_after_the_as_of_day_is_scheduled_for_meetings_else_proposed() -> None:
    later = "2021-12-01"  # AS_OF is 2021-11-30
    assert initial_status(when=later, as_of=AS_OF, kind=EntryKind.MEETING) is Status.SCHEDULED
    for kind in (EntryKind.EVENT, EntryKind.DEADLINE, EntryKind.PERIOD, EntryKind.STATEMENT):
        assert initial_status(when=later, as_of=AS_OF, kind=kind) is Status.PROPOSED


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("2021-11-30", Status.OCCURRED),  # on the as-of day
        ("2021-11", Status.OCCURRED),  # starts before it
        ("2021-12-15~", Status.PROPOSED),  # "~" widens by a day here (by a month for 2021-12~)
        ("2021-12-01/..", Status.PROPOSED),
        ("2021-11-01/2022-01", Status.OCCURRED),  # under way
        ("-0044-03-15", Status.OCCURRED),
        ("", Status.OCCURRED),  # no date: nothing says it is planned
        # One unknown day in a window that reaches past the as-of day may be still to come.
        ("[2020-11-10..2023-11-10]", Status.PROPOSED),  # "within three years"
        ("[2020-11-10..]", Status.PROPOSED),  # "after the route is agreed"
        ("[..2021-12]", Status.PROPOSED),  # "before December is out"
        ("[2021-11-15..2021-11-19]", Status.OCCURRED),  # the window has passed
        ("[..2021-11-30]", Status.OCCURRED),
    ],
)
def test_initial_status_follows_the_date_against_the_as_of_day(when: str, expected: Status) -> None:
    assert initial_status(when=when, as_of=AS_OF, kind=EntryKind.EVENT) is expected


def test_without_an_as_of_day_a_new_entry_occurred() -> None:
    for kind in EntryKind:
        assert initial_status(when="2999", as_of=None, kind=kind) is Status.OCCURRED


def test_unrecorded_keeps_the_old_history_and_the_new_values() -> None:
    entry = _entry("2021-11-16", status=Status.OCCURRED)
    moved = with_status(redated(entry, when="2021-12-15", at=DAY), status=Status.SCHEDULED, at=DAY)
    assert len(moved.history) == 2
    quiet = unrecorded(entry, moved)
    assert (quiet.when.edtf, quiet.status, quiet.history) == ("2021-12-15", Status.SCHEDULED, ())
    assert unrecorded(entry, entry) is entry
    earlier = redated(entry, when="2021-11-17", at=DAY)
    again = redated(earlier, when="2021-11-18", at=DAY)
    assert unrecorded(earlier, again).history == earlier.history


def test_new_entry_takes_its_row_and_status() -> None:
    planned = new_entry(
        title="Summit", edtf="2021-12-15", as_of=AS_OF, mode=LaneMode.LANE, key="l1"
    )
    assert (planned.lane_id, planned.status) == ("l1", Status.PROPOSED)
    past = new_entry(title="Fight", edtf="2021-11-16", as_of=AS_OF, mode=LaneMode.ACTOR, key="am")
    assert (past.actor_ids, past.status, past.lane_id) == (("am",), Status.OCCURRED, None)
    meeting = new_entry(title="M", edtf="2021", as_of=AS_OF, mode=LaneMode.KIND, key="meeting")
    assert (meeting.kind, meeting.status) == (EntryKind.MEETING, Status.OCCURRED)
    later = new_entry(title="M", edtf="2022", as_of=AS_OF, mode=LaneMode.KIND, key="meeting")
    assert (later.kind, later.status) == (EntryKind.MEETING, Status.SCHEDULED)
    undated = new_entry(title="U", edtf="", as_of=AS_OF, mode=LaneMode.KIND, key="")
    assert (undated.kind, undated.status) == (EntryKind.EVENT, Status.OCCURRED)
    assert new_entry(title="L", edtf="2021", as_of=None).lane_id is None
