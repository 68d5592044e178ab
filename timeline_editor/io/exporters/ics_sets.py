"""Set dates in a calendar: a one-of set like a window, an all-of set one event per member.

*Decisions* (a calendar has no "one of these days"):

* A one-of set (``[2021-12-14,2021-12-15]``, "on 14 or 15 December") is placed like a
  window: a meeting on its **first candidate**, TENTATIVE and free time (TRANSPARENT),
  titled with every candidate ("(14 or 15 Dec 2021)"), its description naming them; a
  deadline on the last possible day, titled "(deadline, latest)". Repeating it on each
  candidate (RDATE) would tell the calendar it happens on all of them.
* An all-of set (``{2021-10-12,2021-11-25}``) happens on every member, so each member
  becomes a **VEVENT of its own**, placed as that member's date would be (a known day is
  busy time, a month spans the month). RDATE was the other choice: calendars that read
  it (Apple, the ``icalendar`` library) show each date, but Outlook drops it on import,
  and RDATE values of a date cannot give a member its own length (a month). The first
  member's event keeps the entry's UID, so a calendar that had the entry updates it;
  the others get ``<id>-part<n>@timeline-editor`` and ``X-TIMELINE-PART: n`` (n from 2), which
  our own ``.ics`` import reads to take the entry back once, not once per member.
"""

from __future__ import annotations

import dataclasses

from timeline_editor.model.datewords import date_words
from timeline_editor.model.daynum import civil
from timeline_editor.model.edtf import ParsedDate, Shape
from timeline_editor.model.entities import DateValue, Entry
from timeline_editor.model.vocab import EntryKind

from .ics_placement import ICS_STATUS, NO_LATEST, OUT_OF_RANGE, Placement, placement, title_words

PART = "X-TIMELINE-PART"


def _on_day(entry: Entry, day: int, suffix: str, explain: str) -> Placement | str:
    """A whole-day placement on day number ``day`` (None when a calendar cannot hold it)."""
    shown = placement(entry.model_copy(update={"when": DateValue(edtf=_iso(day))}))
    if isinstance(shown, str):
        return OUT_OF_RANGE
    status = None if ICS_STATUS[entry.status] == "CANCELLED" else "TENTATIVE"
    return Placement(shown.start, shown.end, suffix, status, explain)


def _iso(day: int) -> str:
    year, month, dom = civil(day)
    return f"{year:04d}-{month:02d}-{dom:02d}"


def one_of_placement(entry: Entry, parsed: ParsedDate) -> Placement | str:
    """A one-of set: on its first candidate (a deadline: its last possible day), tentative."""
    words = date_words(entry.when.edtf)
    if entry.kind is EntryKind.DEADLINE:
        if parsed.latest is None:
            return NO_LATEST
        explain = f"Deadline on one of these dates: {words}. Shown on the latest possible day."
        return _on_day(entry, parsed.latest, " (deadline, latest)", explain)
    first = parsed.members[0]
    anchor = first.earliest if first.earliest is not None else parsed.earliest
    if anchor is None:
        return OUT_OF_RANGE
    explain = f"One of these dates: {words}; which one is not known. Shown on the first."
    return _on_day(entry, anchor, f" ({title_words(entry.when.edtf)})", explain)


def all_of_placements(entry: Entry, parsed: ParsedDate) -> list[Placement] | str:
    """An all-of set: one placement per member, each as that member's own date."""
    words = date_words(entry.when.edtf)
    count = len(parsed.members)
    found: list[Placement] = []
    for number, member in enumerate(parsed.members, start=1):
        single = entry.model_copy(update={"when": DateValue(edtf=member.to_edtf())})
        shown = placement(single)
        if isinstance(shown, str):
            return shown
        note = f"Part {number} of {count} of one entry dated {words}."
        explain = f"{shown.explain}\n{note}" if shown.explain else note
        suffix = f"{shown.suffix} ({number} of {count})"
        tail = "" if number == 1 else f"-part{number}"
        found.append(dataclasses.replace(shown, suffix=suffix, explain=explain, part=tail))
    return found


def placements(entry: Entry, parsed: ParsedDate) -> list[Placement] | str:
    """Every calendar event of ``entry``: one for most dates, one per member of an all-of set."""
    if parsed.shape is Shape.SET_ALL:
        return all_of_placements(entry, parsed)
    shown = one_of_placement(entry, parsed) if parsed.shape is Shape.SET_ONE else placement(entry)
    return shown if isinstance(shown, str) else [shown]
