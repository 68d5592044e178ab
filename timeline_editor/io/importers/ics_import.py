"""Import an iCalendar file (``.ics``): each calendar event becomes a meeting.

Mapping of a ``VEVENT``: ``DTSTART``/``DTEND`` (or ``DURATION``) -> the date, as days:
an all-day event is its days (``DTEND`` is the day after the last), a timed event the
day or days it falls on in its own time zone, with the time of day kept in the wording
(``2021-12-15 10:00–12:30 Europe/Brussels``), since our dates are days. ``SUMMARY`` ->
title; ``DESCRIPTION`` -> description; ``LOCATION`` -> a place; ``ORGANIZER`` -> an
actor (its name, else its address); ``STATUS`` CONFIRMED -> confirmed, TENTATIVE ->
proposed, CANCELLED -> cancelled, none -> scheduled (an invitation is an agreed plan);
``METHOD:CANCEL`` (an organiser's cancellation) cancels every event in the file;
``CATEGORIES`` -> tags; ``URL`` -> a cited source; ``UID`` -> id when it is usable as
one. The calendar's name (``X-WR-CALNAME``) or the file name becomes the project title.

Our own ``.ics`` export carries ``X-TIMELINE-EDTF``, ``-KIND``, ``-STATUS`` and
``-TITLE``, which are preferred, so its dates, kinds, statuses and titles come back
exactly (its descriptions come back with the lines the export added: the wording,
the status, the sources).

**Nothing dropped silently:** attendees, alarms, repeat rules (only the first
occurrence is imported), to-dos and journal entries, properties we have no field for
(conference links, attachments, geography...), UIDs not usable as ids and times of day
are each counted, one report line per kind with its first event. Properties that only
say how a calendar files the event (DTSTAMP, SEQUENCE, CREATED, LAST-MODIFIED, TRANSP,
CLASS, PRIORITY) are not.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from icalendar import Calendar, Component

from timeline_editor.model.edtf import is_valid_edtf

from ._common import (
    MAX_RECORDS,
    NO_CONTROL,
    UNDATED,
    ImportControl,
    ImportFileError,
    ImportReport,
    ImportResult,
    ProjectBuilder,
    edtf_from_parts,
    join_interval,
)

STATUSES = {"CONFIRMED": "confirmed", "TENTATIVE": "proposed", "CANCELLED": "cancelled"}
#: Properties read into the entry (ours included) or that only file the event.
READ = frozenset(
    {"UID", "DTSTART", "DTEND", "DURATION", "SUMMARY", "DESCRIPTION", "LOCATION"}
    | {"ORGANIZER", "STATUS", "CATEGORIES", "URL", "RRULE", "RDATE", "EXDATE", "ATTENDEE"}
    | {"X-TIMELINE-EDTF", "X-TIMELINE-KIND", "X-TIMELINE-STATUS", "X-TIMELINE-TITLE"}
    | {"X-TIMELINE-PART"}
)
QUIET = frozenset(
    {"DTSTAMP", "SEQUENCE", "CREATED", "LAST-MODIFIED", "TRANSP", "CLASS", "PRIORITY"}
)
OUR_UID = "@timeline-editor"
_NOT_ID = re.compile(r"[^A-Za-z0-9_.:-]")


def _text(event: Component, name: str) -> str:
    value = event.get(name)
    return str(value).strip() if value is not None else ""


def _day_edtf(value: dt.date) -> str:
    return edtf_from_parts(value.year, value.month, value.day)


def _one(event: Component, name: str) -> Any:
    """The decoded value of a property given once; ValueError when it is unreadable."""
    if isinstance(event.get(name), list):
        raise ValueError(f"{name} is given more than once")
    try:
        return event.decoded(name)
    except Exception:  # icalendar raises many kinds on broken values (fuzz-tested)
        raise ValueError(f"{name} '{_raw(event, name)}' cannot be read") from None


def _date(event: Component, name: str) -> dt.date:
    value = _one(event, name)
    if not isinstance(value, dt.date):
        raise ValueError(f"{name} '{_raw(event, name)}' is not a date")
    return value


def _end(event: Component, start: dt.date) -> dt.date | None:
    """The end instant (a date: the day after the last), from DTEND or DURATION."""
    if event.get("DTEND") is not None:
        return _date(event, "DTEND")
    if event.get("DURATION") is not None:
        length = _one(event, "DURATION")
        if not isinstance(length, dt.timedelta):
            raise ValueError(f"DURATION '{_raw(event, 'DURATION')}' is not a duration")
        try:
            return start + length
        except OverflowError:
            raise ValueError(f"DURATION '{_raw(event, 'DURATION')}' is too long") from None
    return None


def _last_day(start: dt.date, end: dt.date | None) -> dt.date:
    """The last day an event touches: DTEND is exclusive (a day, or midnight)."""
    first = start.date() if isinstance(start, dt.datetime) else start
    if end is None:
        return first
    if isinstance(end, dt.datetime):
        last = end.date() if end.time() != dt.time(0) else end.date() - dt.timedelta(days=1)
    else:
        last = end - dt.timedelta(days=1)
    return max(first, last)


def _wording(event: Component, start: dt.datetime, end: dt.date | None) -> str:
    """'2021-12-15 10:00–12:30 Europe/Brussels': the time our days cannot keep."""
    same_day = isinstance(end, dt.datetime) and end.date() == start.date()
    clock = f"{start:%H:%M}" + (f"–{end:%H:%M}" if same_day and end is not None else "")
    zone = str(event["DTSTART"].params.get("TZID") or "")
    if not zone and start.tzinfo is not None and start.utcoffset() == dt.timedelta(0):
        zone = "UTC"
    return f"{start.date().isoformat()} {clock} {zone}".strip()


def _when(event: Component, where: str, report: ImportReport) -> dict[str, str]:
    """Days of the event, the time of day (if any) kept in the wording; ValueError if unread."""
    own = _text(event, "X-TIMELINE-EDTF")
    if own and is_valid_edtf(own):
        return {"edtf": own, "as_stated": ""}
    if event.get("DTSTART") is None:
        raise ValueError("no DTSTART")
    start = _date(event, "DTSTART")
    end = _end(event, start)
    first = start.date() if isinstance(start, dt.datetime) else start
    try:
        edtf = join_interval(_day_edtf(first), _day_edtf(_last_day(start, end)), where, report)
    except (ValueError, OverflowError):
        raise ValueError(f"DTSTART '{_raw(event, 'DTSTART')}' gives no day we can keep") from None
    if not isinstance(start, dt.datetime):
        return {"edtf": edtf, "as_stated": ""}
    wording = _wording(event, start, end)
    report.count("times of day kept in the wording only (our dates are days)", where, wording)
    return {"edtf": edtf, "as_stated": wording}


def _date_or_undated(event: Component, where: str, report: ImportReport) -> dict[str, str]:
    try:
        return _when(event, where, report)
    except ValueError as exc:
        report.problem(where, f"{exc}; imported as undated", UNDATED, str(exc))
        return {"edtf": "", "as_stated": ""}


def _status(event: Component, cancelled: bool, where: str, report: ImportReport) -> str:
    """Our status of an event: ours if it is our export, else from STATUS (or METHOD)."""
    own = _text(event, "X-TIMELINE-STATUS")
    if own:
        return own
    if cancelled:
        return "cancelled"
    status = _text(event, "STATUS").upper()
    if not status:
        return "scheduled"
    if status not in STATUSES:
        report.problem(
            where, f"STATUS {status[:40]} is not one of CONFIRMED, TENTATIVE, CANCELLED; "
            "imported as scheduled", "unknown STATUS: imported as scheduled",
        )  # fmt: skip
        return "scheduled"
    return STATUSES[status]


def _organiser(event: Component) -> str:
    """The organiser's name, else their address without ``mailto:``."""
    organiser = event.get("ORGANIZER")
    if isinstance(organiser, list):
        organiser = organiser[0] if organiser else None
    if organiser is None:
        return ""
    name = organiser.params.get("CN", "") if hasattr(organiser, "params") else ""
    address = str(organiser)
    if address.lower().startswith("mailto:"):
        address = address[len("mailto:") :]
    return str(name).strip() or address.strip()


def _tags(event: Component) -> list[str]:
    found = event.get("CATEGORIES")
    groups = found if isinstance(found, list) else [found] if found is not None else []
    tags = [str(tag).strip() for group in groups for tag in getattr(group, "cats", [])]
    return [tag[:200] for tag in dict.fromkeys(tags) if tag]


def _id(builder: ProjectBuilder, event: Component, where: str, report: ImportReport) -> str | None:
    """The UID as the entry's id, so that an updated invitation imported again matches.

    Characters an id cannot hold (``@``, spaces...) become ``_``; our own export's
    ``<id>@timeline-editor`` gives back the id itself.
    """
    uid = _text(event, "UID")
    if not uid:
        return None
    wanted = _NOT_ID.sub("_", uid.removesuffix(OUR_UID))[:100]
    ident = builder.fresh_id(wanted)
    if ident is None:
        report.count("UIDs used twice: a new id given", where, uid)
    elif ident != uid.removesuffix(OUR_UID):
        report.count("UIDs made into ids (@ and other characters as _)", where, f"{uid} → {ident}")
    return ident


def _raw(event: Component, name: str) -> str:
    """A property as written in the file (a repeat rule, an address)."""
    value = event.get(name)
    first = value[0] if isinstance(value, list) else value
    if first is None:
        return ""
    data = first.to_ical() if hasattr(first, "to_ical") else str(first)
    return (data.decode("utf-8", "replace") if isinstance(data, bytes) else data)[:80]


def count_dropped(event: Component, where: str, report: ImportReport) -> None:
    """Count what of an event has no place in a project (one report line per kind)."""
    if event.get("ATTENDEE") is not None:
        report.count(
            "attendees not imported (the organiser is kept)", where, _raw(event, "ATTENDEE")
        )
    for name in ("RRULE", "RDATE"):
        if event.get(name) is not None:
            report.count("repeating events: the first occurrence only", where, _raw(event, name))
            break
    for name in event:
        if name not in READ and name not in QUIET:
            report.count(f"{name} not imported", where, _raw(event, name))
    for part in event.subcomponents:
        noun = "alarms" if part.name == "VALARM" else part.name or "component"
        report.count(f"{noun} not imported", where, _text(part, "DESCRIPTION"))


def _event(
    builder: ProjectBuilder, event: Component, cancelled: bool, where: str, report: ImportReport
) -> None:
    data: dict[str, Any] = {
        "kind": _text(event, "X-TIMELINE-KIND") or "meeting",
        "title": _text(event, "X-TIMELINE-TITLE") or _text(event, "SUMMARY"),
        "description": _text(event, "DESCRIPTION"),
        "when": _date_or_undated(event, where, report),
        "status": _status(event, cancelled, where, report),
    }
    optional = {
        "id": _id(builder, event, where, report),
        "place_id": builder.place(_text(event, "LOCATION")),
        "actor_ids": [a for a in (builder.actor(_organiser(event)),) if a],
        "tags": _tags(event),
    }
    data.update((key, value) for key, value in optional.items() if value)
    citation = builder.citation_for_url(_text(event, "URL"), where, report)
    if citation is not None:
        data["citations"] = [citation]
    count_dropped(event, where, report)
    builder.add_entry(data, where, report)


def _calendar(raw: bytes) -> Calendar:
    """The calendar in the bytes; ImportFileError naming what is wrong."""
    if b"BEGIN:VCALENDAR" not in raw[:4096].upper():
        raise ImportFileError("not an iCalendar file: no BEGIN:VCALENDAR at its start")
    try:
        calendars = Calendar.from_ical(raw, multiple=True)
    except Exception as exc:  # icalendar raises many kinds on broken files (fuzz-tested)
        raise ImportFileError(f"not a readable iCalendar file: {str(exc)[:200]}") from None
    if not calendars:
        raise ImportFileError("not an iCalendar file: no complete VCALENDAR (BEGIN…END) in it")
    if len(calendars) > 1:
        raise ImportFileError(f"{len(calendars)} calendars in one file; import them one by one")
    calendar: Calendar = calendars[0]
    return calendar


def ics_from_bytes(raw: bytes, path: Path, control: ImportControl = NO_CONTROL) -> ImportResult:
    """Import the bytes of the iCalendar file ``path`` (see the module docstring)."""
    report = ImportReport()
    calendar = _calendar(raw)
    cancelled = _text(calendar, "METHOD").upper() == "CANCEL"
    if cancelled:
        report.note("METHOD:CANCEL: the organiser cancelled these events; imported as cancelled")
    # Our export writes an all-of set as one event per member; the first holds the entry.
    events = [
        part
        for part in calendar.subcomponents
        if part.name == "VEVENT" and not _text(part, "X-TIMELINE-PART")
    ]
    if len(events) > MAX_RECORDS:
        raise ImportFileError(f"more than {MAX_RECORDS} events")
    for part in calendar.subcomponents:
        name = part.name or "component"
        if name not in ("VEVENT", "VTIMEZONE"):
            report.count(f"{name} not imported (only events are)", name, _text(part, "SUMMARY"))
    builder = ProjectBuilder()
    for number, event in enumerate(events, start=1):
        _event(builder, event, cancelled, f"event {number}", report)
        control.step(number, len(events))
    title = _text(calendar, "X-WR-CALNAME") or path.stem
    return ImportResult(builder.build(title=title), report)
