"""iCalendar export: meetings and deadlines as all-day VEVENTs.

Our dates carry no time of day, so every event is all-day (``VALUE=DATE``),
spanning the date's core range: one day for a day-precision date, the whole
month or year for a coarser one, the whole interval for a period. An open end
keeps the start only. A window ("one unknown day between a and b") is not a
span: a deadline window becomes its LAST possible day, titled "… (deadline,
latest)"; a meeting window becomes its first possible day (its last, for "on or
before b"), marked TENTATIVE and titled with the window in words. Either way the
description states the window. A deadline "on or after a" has no latest day and
is left out. The EDTF value is kept in ``X-TIMELINE-EDTF`` and the status in
``X-TIMELINE-STATUS``; ``STATUS`` is TENTATIVE (proposed, postponed, rescheduled),
CONFIRMED (scheduled, confirmed, occurred) or CANCELLED (cancelled, lapsed). UIDs
are ``<entry id>@timeline-editor`` so that a calendar re-imported after an update
replaces its events. Whatever is left out (other kinds, undated entries, years
outside 1-9999, open deadlines) is named in the list :func:`export_ics` returns.

Text from the project goes through :func:`calendar_text` first: control characters
(which iCalendar does not allow and some calendars choke on) are removed, and every
line break becomes one newline, which the calendar writer escapes as ``\n``; in
categories, which cannot hold one, it becomes a space.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from icalendar import Calendar, Event

from timeline_editor.io.atomic import atomic_write_bytes
from timeline_editor.model.datewords import date_words
from timeline_editor.model.daynum import civil
from timeline_editor.model.edtf import End, ParsedDate, Shape, parse_edtf
from timeline_editor.model.entities import Entry, Project
from timeline_editor.model.vocab import EntryKind, Status

from ._common import Lookup, date_order, grade_text, left_out, source_text

#: Control characters iCalendar text may not hold (tab and newline are handled apart).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x85]")


def calendar_text(value: str, one_line: bool = False) -> str:
    """``value`` safe for an iCalendar text property: no control characters.

    Line breaks of any kind become ``\n`` (escaped by the writer), or spaces with
    ``one_line``.
    """
    text = _CONTROL.sub("", _BREAKS.sub("\n", value))
    return text.replace("\n", " ") if one_line else text


CALENDAR_KINDS = frozenset({EntryKind.MEETING, EntryKind.DEADLINE})
ICS_STATUS: dict[Status, str] = {
    Status.PROPOSED: "TENTATIVE",
    Status.POSTPONED: "TENTATIVE",
    Status.RESCHEDULED: "TENTATIVE",
    Status.SCHEDULED: "CONFIRMED",
    Status.CONFIRMED: "CONFIRMED",
    Status.OCCURRED: "CONFIRMED",
    Status.CANCELLED: "CANCELLED",
    Status.LAPSED: "CANCELLED",
}


def _day(number: int) -> dt.date | None:
    year, month, day = civil(number)
    return dt.date(year, month, day) if 1 <= year <= 9999 else None


def day_span(edtf: str) -> tuple[dt.date, dt.date] | None:
    """(first day, day after the last) of a date's core range, or None."""
    parsed = parse_edtf(edtf)
    if parsed.shape is Shape.UNDATED:
        return None
    first = parsed.start or parsed.end
    assert first is not None
    last = parsed.end if parsed.end is not None and parsed.end_kind is End.DATE else first
    if parsed.start is None:
        last = first
    start, end = _day(first.core_earliest), _day(last.core_latest + 1)
    return (start, end) if start and end else None


@dataclass(frozen=True)
class Placement:
    """Where an entry goes in a calendar: days, a title suffix, a status and why."""

    start: dt.date
    end: dt.date  # the day after the last, as DTEND wants
    suffix: str = ""
    status: str | None = None
    explain: str = ""


#: Why an entry has no placement (the keys of the notes an export returns).
UNDATED, OUT_OF_RANGE, NO_LATEST = "undated", "out of range", "no latest day"


def _one_day(number: int) -> tuple[dt.date, dt.date] | None:
    first, after = _day(number), _day(number + 1)
    return (first, after) if first and after else None


def _window(entry: Entry, parsed: ParsedDate) -> Placement | str:
    """One unknown day in a window: a deadline's last day, a meeting's first (tentative)."""
    words = date_words(entry.when.edtf)
    if entry.kind is EntryKind.DEADLINE:
        if parsed.end is None:
            return NO_LATEST
        days = _one_day(parsed.end.core_latest)
        explain = f"Deadline window: {words}. Shown on the latest possible day."
        return Placement(*days, " (deadline, latest)", None, explain) if days else OUT_OF_RANGE
    if parsed.start is not None:
        anchor, which = parsed.start.core_earliest, "first"
    else:  # 'on or before b': only the last day is known
        assert parsed.end is not None
        anchor, which = parsed.end.core_latest, "last"
    days = _one_day(anchor)
    if days is None:
        return OUT_OF_RANGE
    explain = f"One day {words}; which day is not known. Shown on the {which} possible day."
    status = None if ICS_STATUS[entry.status] == "CANCELLED" else "TENTATIVE"
    return Placement(*days, f" ({words})", status, explain)


def placement(entry: Entry) -> Placement | str:
    """Where ``entry`` goes in a calendar, or why it cannot go there."""
    parsed = parse_edtf(entry.when.edtf)
    if parsed.shape is Shape.UNDATED:
        return UNDATED
    if parsed.shape is Shape.ONE_OF:
        return _window(entry, parsed)
    span = day_span(entry.when.edtf)
    return Placement(*span) if span else OUT_OF_RANGE


def _description(entry: Entry, lookup: Lookup, place: Placement) -> str:
    lines = [entry.description] if entry.description else []
    if entry.when.as_stated:
        lines.append(f"Date as stated: {entry.when.as_stated}")
    if place.explain:
        lines.append(place.explain)
    lines.append(f"Status: {entry.status.value}")
    sources = lookup.entry_sources(entry)
    if sources:
        lines.append("Sources:")
        lines.extend(f"- {source_text(s)} [{grade_text(s)}]" for s in sources)
    return "\n".join(lines)


def _event(entry: Entry, place: Placement, lookup: Lookup, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", f"{entry.id}@timeline-editor")
    event.add("dtstamp", stamp)
    event.add("dtstart", place.start)
    event.add("dtend", place.end)
    event.add("summary", calendar_text((entry.title or "(untitled)") + place.suffix))
    event.add("status", place.status or ICS_STATUS[entry.status])
    event.add("description", calendar_text(_description(entry, lookup, place)))
    if entry.tags:
        event.add("categories", [calendar_text(tag, one_line=True) for tag in entry.tags])
    event.add("x-timeline-edtf", entry.when.edtf)
    event.add("x-timeline-status", entry.status.value)
    event.add("x-timeline-kind", entry.kind.value)
    return event


_WHY = {
    UNDATED: "undated",
    OUT_OF_RANGE: " with years a calendar cannot hold (1-9999)",
    NO_LATEST: " with no latest day (a deadline on or after a date)",
}


def build_calendar(project: Project) -> tuple[bytes, list[str]]:
    """The iCalendar text of a project's meetings and deadlines, and what was left out."""
    calendar = Calendar()
    calendar.add("prodid", "-//Timeline Editor//timeline-editor//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", calendar_text(project.title, one_line=True))
    lookup = Lookup.of(project)
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    skipped: dict[str, list[Entry]] = {}
    others = 0
    placed: list[tuple[Placement, Entry]] = []
    for entry in date_order(project):
        if entry.kind not in CALENDAR_KINDS:
            others += 1
            continue
        place = placement(entry)
        if isinstance(place, str):
            skipped.setdefault(_WHY[place], []).append(entry)
        else:
            placed.append((place, entry))
    # By the day each event lands on: a deadline window lands on its last day.
    placed.sort(key=lambda pair: (pair[0].start, pair[0].end))
    for place, entry in placed:
        calendar.add_component(_event(entry, place, lookup, stamp))
    data: bytes = calendar.to_ical()
    notes = [left_out(entries, why) for why, entries in skipped.items()]
    if others:
        # By design, so a count is enough: naming a dozen events would bury the rest.
        noun = (
            "entry that is not a meeting or deadline"
            if others == 1
            else ("entries that are not meetings or deadlines")
        )
        notes.append(f"left out {others} {noun} (a calendar holds only those)")
    return data, notes


def export_ics(project: Project, path: Path) -> list[str]:
    """Write the project's meetings and deadlines as an ``.ics`` calendar; notes on the rest."""
    data, notes = build_calendar(project)
    atomic_write_bytes(path, data)
    return notes
