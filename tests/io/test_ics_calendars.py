"""ICS export in real calendars: updates that take, free time, cancellations, honest dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from icalendar import Calendar

from timeline_editor.io.exporters.ics import build_calendar
from timeline_editor.model.edits import redated, with_status
from timeline_editor.model.entities import DateValue, Entry, Place, Project
from timeline_editor.model.vocab import EntryKind, Status

MEETING = EntryKind.MEETING


def _meeting(ident: str, edtf: str, status: Status = Status.SCHEDULED, **more: Any) -> Entry:
    return Entry(
        id=ident, kind=MEETING, title=ident, when=DateValue(edtf=edtf), status=status, **more
    )


def _events(*entries: Entry, places: tuple[Place, ...] = ()) -> dict[str, Any]:
    data, _ = build_calendar(Project(entries=entries, places=places))
    events = Calendar.from_ical(data).walk("VEVENT")
    return {str(e["UID"]).removesuffix("@timeline-editor"): e for e in events}


def test_sequence_grows_when_the_date_or_status_changes_between_exports() -> None:
    first = _meeting("brussels", "2021-12-15")
    moved = redated(first, when="2021-12-16", at="2021-12-01")
    off = with_status(moved, status=Status.CANCELLED, at="2021-12-10")
    sequences = [int(_events(e)["brussels"]["SEQUENCE"]) for e in (first, moved, off)]
    assert sequences == [0, 1, 2]
    assert int(_events(off)["brussels"]["SEQUENCE"]) == 2  # the same entry, the same number
    event = _events(off)["brussels"]
    assert event.decoded("LAST-MODIFIED") == event.decoded("DTSTAMP")
    assert event.decoded("DTSTAMP").tzinfo is not None


def test_only_one_known_day_is_busy() -> None:
    events = _events(
        _meeting("day", "2021-12-15"),
        _meeting("month", "2021-12"),
        _meeting("approx", "2021-12-15~"),
        _meeting("two-days", "2021-10-01/2021-10-02"),
        _meeting("window", "[2021-12-01..2021-12-10]"),
        _meeting("open", "2021-11-19/.."),
        _meeting("off", "2021-12-15", Status.CANCELLED),
    )
    busy = {key for key, event in events.items() if str(event["TRANSP"]) == "OPAQUE"}
    assert busy == {"day"}
    assert {str(event["TRANSP"]) for key, event in events.items() if key != "day"} == {
        "TRANSPARENT"
    }


def test_cancelled_and_lapsed_entries_say_so_in_the_title() -> None:
    events = _events(
        _meeting("Summit", "2021-10-01", Status.CANCELLED),
        Entry(
            id="route", kind=EntryKind.DEADLINE, title="Route agreed", status=Status.LAPSED,
            when=DateValue(edtf="[2020-11-10..2023-11-10]"),
        ),
        _meeting("Talks", "2021-10-05", Status.POSTPONED),
    )  # fmt: skip
    assert str(events["Summit"]["SUMMARY"]) == "Cancelled: Summit"
    assert str(events["route"]["SUMMARY"]) == "Lapsed: Route agreed (deadline, latest)"
    assert {str(events[k]["STATUS"]) for k in ("Summit", "route")} == {"CANCELLED"}
    assert (str(events["Talks"]["SUMMARY"]), str(events["Talks"]["STATUS"])) == (
        "Talks",
        "TENTATIVE",
    )
    assert str(events["Summit"]["X-TIMELINE-TITLE"]) == "Summit"


def test_dates_that_are_not_one_known_day_say_what_they_stand_for() -> None:
    events = _events(
        _meeting("month", "2021-12~"),
        _meeting("uncertain", "2021-12-15?"),
        _meeting("open", "2021-11-19/.."),
        _meeting("unknown-start", "/2021-11-19"),
        _meeting("window", "[2021-12-01..2021-12-10]"),
        _meeting("day", "2021-12-15"),
    )

    def said(key: str) -> tuple[str, str]:
        return str(events[key]["SUMMARY"]), str(events[key]["DESCRIPTION"])

    title, text = said("month")
    assert title == "month (Dec 2021, approx.)"
    assert "The calendar shows every day from 1 Dec 2021 to 31 Dec 2021: any of them" in text
    assert events["month"].decoded("DTEND") == dt.date(2022, 1, 1)
    title, text = said("uncertain")
    assert title == "uncertain (15 Dec 2021, uncertain)"
    assert "the date is not certain" in text
    title, text = said("open")
    assert title == "open (from 19 Nov 2021, ongoing)"
    assert "shows its first day only; its end is open (it goes on)" in text
    title, text = said("unknown-start")
    assert title == "unknown-start (until 19 Nov 2021, start unknown)"
    assert "shows its last day only; its start is not known" in text
    assert said("window")[0] == "window (between 1 and 10 Dec 2021)"
    title, text = said("day")
    assert title == "day" and "The calendar shows" not in text


def test_place_becomes_the_location() -> None:
    place = Place(id="p-brussels", name="Brussels, Europa building")
    events = _events(_meeting("brussels", "2021-12-15", place_id="p-brussels"), places=(place,))
    assert str(events["brussels"]["LOCATION"]) == "Brussels, Europa building"
