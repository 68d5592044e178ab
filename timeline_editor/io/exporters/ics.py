"""iCalendar export: meetings and deadlines as VEVENTs, all-day unless a time is given.

A date without a time of day is an all-day event (``VALUE=DATE``) spanning the date's
core range; a time of day is a timed event (UTC, or floating when no zone is given; see
:mod:`.ics_placement`); where the calendar's days are not the date itself (a month, an
approximate day, an open end, a window, a set), the title says what the date is and the
description what the calendar shows (:mod:`.ics_placement`, for sets :mod:`.ics_sets`).
Whatever is left out (other kinds, undated entries, years outside 1-9999, open
deadlines) is named in the list :func:`export_ics` returns.

What each event carries, for calendars to do the right thing:

* ``STATUS``: TENTATIVE (proposed, postponed, rescheduled), CONFIRMED (scheduled,
  confirmed, occurred) or CANCELLED (cancelled, lapsed). A cancelled or lapsed entry's
  title starts "Cancelled: " or "Lapsed: ", because Google Calendar drops a CANCELLED
  event silently: whoever sees the event sees why.
* ``TRANSP``: OPAQUE (busy) only for one known day that is not cancelled; anything
  else is TRANSPARENT, so a meeting known to the month does not block the month.
* ``UID`` ``<entry id>@timeline-editor``, so that a re-imported calendar updates its
  events instead of duplicating them, with ``SEQUENCE`` and ``LAST-MODIFIED`` so that a
  calendar takes the update. *Decision:* SEQUENCE is the length of the entry's history.
  Every change of date or status is recorded there and only ever adds a line, so
  SEQUENCE grows with exactly the changes RFC 5546 calls significant (the date, the
  status), and stays the same from one export to the next of an unchanged entry (a hash
  of the content would not grow, and a clock would grow with no change). Other edits
  (title, description) keep the SEQUENCE; calendars order such updates by DTSTAMP and
  LAST-MODIFIED, both the time of the export. (A run of nudges on one day is folded
  into one history line, so it counts once.)
* ``LOCATION``: the entry's place; ``CATEGORIES``: its tags.
* ``X-TIMELINE-EDTF``, ``X-TIMELINE-KIND``, ``X-TIMELINE-STATUS`` and, when the title
  shown differs from the entry's, ``X-TIMELINE-TITLE``: our import of ``.ics`` files
  reads them back exactly.

Text from the project goes through :func:`calendar_text` first: control characters
(which iCalendar does not allow and some calendars choke on) are removed, and every
line break becomes one newline, which the calendar writer escapes as ``\n``; in
categories, which cannot hold one, it becomes a space.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from icalendar import Calendar, Event

from timeline_editor.io.atomic import atomic_write_bytes
from timeline_editor.model.edtf import parse_edtf
from timeline_editor.model.entities import Entry, Project
from timeline_editor.model.vocab import EntryKind, Status

from ._common import Lookup, date_order, grade_text, left_out, source_text
from .ics_placement import ICS_STATUS, NO_LATEST, OUT_OF_RANGE, UNDATED, Placement, sort_key
from .ics_sets import PART, placements

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
#: The title's first word for an entry that will not take place (STATUS:CANCELLED).
DEAD_WORDS = {Status.CANCELLED: "Cancelled", Status.LAPSED: "Lapsed"}


def summary(entry: Entry, place: Placement) -> str:
    """The event's title: 'Cancelled: ' in front when it will not happen, what the date is after."""
    title = (entry.title or "(untitled)") + place.suffix
    dead = DEAD_WORDS.get(entry.status)
    return f"{dead}: {title}" if dead else title


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
    event.add("uid", f"{entry.id}{place.part}@timeline-editor")
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("sequence", len(entry.history))
    event.add("dtstart", place.start)
    event.add("dtend", place.end)
    title = summary(entry, place)
    event.add("summary", calendar_text(title))
    status = place.status or ICS_STATUS[entry.status]
    event.add("status", status)
    event.add("transp", "OPAQUE" if place.busy and status != "CANCELLED" else "TRANSPARENT")
    event.add("description", calendar_text(_description(entry, lookup, place)))
    place_name = lookup.place_name(entry)
    if place_name:
        event.add("location", calendar_text(place_name, one_line=True))
    if entry.tags:
        event.add("categories", [calendar_text(tag, one_line=True) for tag in entry.tags])
    event.add("x-timeline-edtf", entry.when.edtf)
    event.add("x-timeline-status", entry.status.value)
    event.add("x-timeline-kind", entry.kind.value)
    if title != entry.title:
        event.add("x-timeline-title", calendar_text(entry.title))
    if place.part:
        event.add(PART, place.part.removeprefix("-part"))
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
        found = placements(entry, parse_edtf(entry.when.edtf))
        if isinstance(found, str):
            skipped.setdefault(_WHY[found], []).append(entry)
        else:
            placed.extend((place, entry) for place in found)
    # By the day each event lands on: a deadline window lands on its last day.
    placed.sort(key=lambda pair: sort_key(pair[0]))
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
