"""ICS: a window is one unknown day, not a span; what a calendar cannot hold is named."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from icalendar import Calendar

from timeline_editor.io.exporters import TEXT_EXPORTERS
from timeline_editor.io.exporters.ics import build_calendar
from timeline_editor.model.entities import DateValue, Entry, Era, Project
from timeline_editor.model.vocab import EntryKind, Status

DEADLINE, MEETING = EntryKind.DEADLINE, EntryKind.MEETING


def _entry(ident: str, kind: EntryKind, edtf: str, status: Status = Status.PROPOSED) -> Entry:
    return Entry(id=ident, kind=kind, title=ident, when=DateValue(edtf=edtf), status=status)


def _events(project: Project) -> tuple[dict[str, Any], list[str]]:
    data, notes = build_calendar(project)
    return {str(e["SUMMARY"]): e for e in Calendar.from_ical(data).walk("VEVENT")}, notes


def test_deadline_window_is_its_last_possible_day() -> None:
    project = Project(entries=(_entry("route", DEADLINE, "[2020-11-10..2023-11-10]"),))
    events, _ = _events(project)
    event = events["route (deadline, latest)"]
    assert event.decoded("DTSTART") == dt.date(2023, 11, 10)
    assert event.decoded("DTEND") == dt.date(2023, 11, 11)
    description = str(event["DESCRIPTION"])
    assert "Deadline window: between 10 Nov 2020 and 10 Nov 2023" in description


def test_meeting_window_is_its_first_day_tentative() -> None:
    entries = (
        _entry("talks", MEETING, "[2021-12-01..2021-12-10]", status=Status.SCHEDULED),
        _entry("before", MEETING, "[..2021-12-20]"),
        _entry("off", MEETING, "[2021-12-01..2021-12-10]", status=Status.CANCELLED),
    )
    events, _ = _events(Project(entries=entries))
    talks = events["talks (between 1 and 10 Dec 2021)"]
    assert talks.decoded("DTSTART") == dt.date(2021, 12, 1)
    assert talks.decoded("DTEND") == dt.date(2021, 12, 2)
    assert str(talks["STATUS"]) == "TENTATIVE"
    assert "Shown on the first possible day" in str(talks["DESCRIPTION"])
    before = events["before (on or before 20 Dec 2021)"]
    assert before.decoded("DTSTART") == dt.date(2021, 12, 20)
    assert str(events["Cancelled: off (between 1 and 10 Dec 2021)"]["STATUS"]) == "CANCELLED"


def test_left_out_entries_are_named_in_notes(tmp_path: Path) -> None:
    entries = (
        _entry("Hotline", MEETING, ""),
        _entry("Trilateral", MEETING, ""),
        _entry("open", DEADLINE, "[2020-11-10..]"),
        _entry("war", EntryKind.PERIOD, "2020-09-27/2020-11-10"),
        _entry("Brussels", MEETING, "2021-12-15"),
    )
    notes = TEXT_EXPORTERS[".ics"](Project(entries=entries), tmp_path / "c.ics")
    assert notes == [
        "left out 1 entry with no latest day (a deadline on or after a date): “open”",
        "left out 2 undated entries: “Hotline”, “Trilateral”",
        "left out 1 entry that is not a meeting or deadline (a calendar holds only those)",
    ]
    assert len(Calendar.from_ical((tmp_path / "c.ics").read_bytes()).walk("VEVENT")) == 1


def test_timelinejs_names_undated_entries_and_eras(tmp_path: Path) -> None:
    project = Project(
        entries=tuple(_entry(f"e{i}", MEETING, "") for i in range(5)),
        eras=(Era(title="someday", when=DateValue()),),
    )
    notes = TEXT_EXPORTERS[".timelinejs.json"](project, tmp_path / "w.timelinejs.json")
    assert notes == [
        "left out 5 undated entries: “e0”, “e1”, “e2” and 2 more",
        "left out 1 undated era: “someday”",
    ]


def test_complete_exports_return_no_notes(tmp_path: Path) -> None:
    project = Project(entries=(_entry("x", MEETING, ""),))
    for suffix in (".csv", ".md", ".html"):
        assert not TEXT_EXPORTERS[suffix](project, tmp_path / f"out{suffix}")


def test_events_come_in_the_order_of_the_days_they_land_on(tmp_path: Path) -> None:
    from icalendar import Calendar

    from timeline_editor.io.exporters.ics import export_ics
    from timeline_editor.io.project_file import load_project

    example = Path(__file__).resolve().parents[2] / "resources/examples/brussels-2021.timeline.json"
    out = tmp_path / "brussels.ics"
    export_ics(load_project(example), out)
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    days = [event.decoded("dtstart") for event in events]
    assert len(days) >= 2
    assert days == sorted(days)
