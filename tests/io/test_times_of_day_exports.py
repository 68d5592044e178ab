"""Times of day in the exports: timed ICS events, CSV and TimelineJS keep the time."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from icalendar import Calendar

from timeline_editor.io.exporters._common import date_order
from timeline_editor.io.exporters.csv_export import csv_text
from timeline_editor.io.exporters.ics import build_calendar
from timeline_editor.io.exporters.timelinejs_export import timelinejs_data
from timeline_editor.io.importers._common import ImportReport
from timeline_editor.io.importers.timelinejs import timelinejs_data as read_timelinejs
from timeline_editor.model.entities import DateValue, Entry, Project
from timeline_editor.model.vocab import EntryKind

UTC = dt.UTC


def _project() -> Project:
    whens = {
        "brussels": "2021-12-14T17:00:00+01:00",
        "moscow": "2021-12-14T18:00:00+03:00",
        "floating": "2021-12-14T09:30:00",
        "all-day": "2021-12-14",
        "late": "2021-12-15T00:30:00+01:00",
        "utc": "2021-12-14T12:15:30Z",
    }
    entries = tuple(
        Entry(id=k, kind=EntryKind.MEETING, title=k, when=DateValue(edtf=v))
        for k, v in whens.items()
    )
    return Project(entries=entries)


def _events() -> tuple[dict[str, Any], list[str]]:
    data, _ = build_calendar(_project())
    events = Calendar.from_ical(data).walk("VEVENT")
    order = [str(e["UID"]).removesuffix("@timeline-editor") for e in events]
    return dict(zip(order, events, strict=True)), order


def test_a_zoned_time_is_a_utc_event_of_one_hour_read_back_by_icalendar() -> None:
    events, _ = _events()
    brussels = events["brussels"]
    assert brussels.decoded("DTSTART") == dt.datetime(2021, 12, 14, 16, 0, tzinfo=UTC)
    assert brussels.decoded("DTEND") == dt.datetime(2021, 12, 14, 17, 0, tzinfo=UTC)
    assert brussels["DTSTART"].to_ical() == b"20211214T160000Z"
    assert str(brussels["TRANSP"]) == "OPAQUE"
    assert str(brussels["SUMMARY"]) == "brussels"  # nothing to explain in the title
    text = str(brussels["DESCRIPTION"])
    assert "Time: 17:00 UTC+1, written in UTC (16:00 UTC)" in text
    assert "the calendar shows one hour" in text
    late = events["late"]  # the zone moves it into the UTC day before
    assert late.decoded("DTSTART") == dt.datetime(2021, 12, 14, 23, 30, tzinfo=UTC)
    assert events["utc"].decoded("DTSTART") == dt.datetime(2021, 12, 14, 12, 15, 30, tzinfo=UTC)


def test_a_time_without_zone_is_floating_and_the_all_day_event_stays_a_date() -> None:
    events, _ = _events()
    floating = events["floating"]
    start = floating.decoded("DTSTART")
    assert start == dt.datetime(2021, 12, 14, 9, 30) and start.tzinfo is None
    assert "no zone given" in str(floating["DESCRIPTION"])
    assert events["all-day"].decoded("DTSTART") == dt.date(2021, 12, 14)
    assert str(events["all-day"]["X-TIMELINE-EDTF"]) == "2021-12-14"
    assert str(events["brussels"]["X-TIMELINE-EDTF"]) == "2021-12-14T17:00:00+01:00"


def test_calendar_order_is_by_day_all_day_first_then_time() -> None:
    _, order = _events()
    assert order == ["all-day", "floating", "utc", "moscow", "brussels", "late"]


def test_csv_keeps_the_time_and_orders_a_day_by_time() -> None:
    rows = list(csv.DictReader(io.StringIO(csv_text(_project()))))
    assert [r["id"] for r in rows] == ["all-day", "floating", "utc", "moscow", "brussels", "late"]
    brussels = next(r for r in rows if r["id"] == "brussels")
    assert brussels["edtf"] == "2021-12-14T17:00:00+01:00"
    assert (brussels["earliest"], brussels["latest"]) == ("2021-12-14", "2021-12-14")
    assert [e.id for e in date_order(_project())][:3] == ["all-day", "floating", "utc"]


def test_timelinejs_gives_hour_minute_second_in_utc_and_round_trips() -> None:
    data = timelinejs_data(_project())
    events = {e["unique_id"]: e for e in data["events"]}
    assert events["brussels"]["start_date"] == {
        "year": 2021,
        "month": 12,
        "day": 14,
        "hour": 16,
        "minute": 0,
        "second": 0,
    }
    assert events["brussels"]["display_date"] == "14 Dec 2021, 17:00 UTC+1"
    assert events["late"]["start_date"]["day"] == 14  # its UTC day
    assert events["floating"]["start_date"]["hour"] == 9
    assert "hour" not in events["all-day"]["start_date"]
    result = read_timelinejs(data, ImportReport())
    kept = {e.id: e.when.edtf for e in result.project.entries}
    assert kept == {e.id: e.when.edtf for e in _project().entries}
    assert not any("time" in line for line in result.report.summary())
