"""iCalendar export: meetings and deadlines as all-day VEVENTs.

Our dates carry no time of day, so every event is all-day (``VALUE=DATE``),
spanning the date's core range: one day for a day-precision date, the whole
month or year for a coarser one, the whole interval for a period. An open end
keeps the start only; a window ("one unknown day between a and b") spans the
window and says so in the description. The EDTF value is kept in
``X-TIMELINE-EDTF`` and the status in ``X-TIMELINE-STATUS``; ``STATUS`` is
TENTATIVE (proposed, postponed, rescheduled), CONFIRMED (scheduled, confirmed,
occurred) or CANCELLED (cancelled, lapsed). UIDs are ``<entry id>@timeline-editor``
so that a calendar re-imported after an update replaces its events. Undated
entries and years outside 1-9999 (which calendars cannot hold) are left out.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from icalendar import Calendar, Event

from timeline_editor.io.atomic import atomic_write_bytes
from timeline_editor.model.daynum import civil
from timeline_editor.model.edtf import End, Shape, parse_edtf
from timeline_editor.model.entities import Entry, Project
from timeline_editor.model.vocab import EntryKind, Status

from ._common import Lookup, date_order, grade_text, source_text

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


def _description(entry: Entry, lookup: Lookup) -> str:
    lines = [entry.description] if entry.description else []
    if entry.when.as_stated:
        lines.append(f"Date as stated: {entry.when.as_stated}")
    if parse_edtf(entry.when.edtf).shape is Shape.ONE_OF:
        lines.append("One day within this span; which day is not known.")
    lines.append(f"Status: {entry.status.value}")
    sources = lookup.entry_sources(entry)
    if sources:
        lines.append("Sources:")
        lines.extend(f"- {source_text(s)} [{grade_text(s)}]" for s in sources)
    return "\n".join(lines)


def _event(entry: Entry, lookup: Lookup, stamp: dt.datetime) -> Event | None:
    span = day_span(entry.when.edtf)
    if span is None:
        return None
    event = Event()
    event.add("uid", f"{entry.id}@timeline-editor")
    event.add("dtstamp", stamp)
    event.add("dtstart", span[0])
    event.add("dtend", span[1])
    event.add("summary", entry.title or "(untitled)")
    event.add("status", ICS_STATUS[entry.status])
    event.add("description", _description(entry, lookup))
    if entry.tags:
        event.add("categories", list(entry.tags))
    event.add("x-timeline-edtf", entry.when.edtf)
    event.add("x-timeline-status", entry.status.value)
    event.add("x-timeline-kind", entry.kind.value)
    return event


def calendar_bytes(project: Project) -> bytes:
    """The iCalendar text of a project's meetings and deadlines."""
    calendar = Calendar()
    calendar.add("prodid", "-//Timeline Editor//timeline-editor//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", project.title)
    lookup = Lookup.of(project)
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for entry in date_order(project):
        if entry.kind in CALENDAR_KINDS:
            event = _event(entry, lookup, stamp)
            if event is not None:
                calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def export_ics(project: Project, path: Path) -> None:
    """Write the project's meetings and deadlines as an ``.ics`` calendar."""
    atomic_write_bytes(path, calendar_bytes(project))
