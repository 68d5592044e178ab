"""Where an entry lands in a calendar, and what the calendar date stands for.

A calendar knows exact days only, so every date that is not one known day says in the
event's title what it really is (``Moscow trilateral (Dec 2021, approx.)``) and in its
description what the calendar shows ("The calendar shows every day it may fall on, 1 to
31 Dec 2021"):

* one known day (``2021-12-15``): that day, nothing added; it and a time of day are the
  only cases marked busy (``TRANSP:OPAQUE``), see :attr:`Placement.busy`;
* a time of day (``2021-12-14T17:00:00+01:00``): a timed event (:func:`_timed`). A fixed
  offset has no time-zone name (TZID) that calendars share, so a zoned time is written
  in UTC (``DTSTART:20211214T160000Z``), which every calendar shows in its reader's own
  zone; a time with no zone is written as floating local time (``DTSTART:20211214T170000``),
  shown at that clock time wherever the calendar is. *Decision:* the end is not known,
  but calendars show an event with no end as a sliver or not at all, so DTEND is one
  hour later and the description says so;
* a period of known days (``2021-10-01/2021-10-02``): those days, nothing added;
* a day that is approximate or uncertain: that day, the title says "approx." or
  "uncertain";
* a month, a year or unspecified digits (``2021-12``, ``2021-1X``): every day it may
  fall on, the title says which month or year;
* an open or unknown end (``2021-11-19/..``): the known day only, the title says
  "from … ongoing" or "until …";
* a window for one unknown day (``[a..b]``): a deadline lands on its last possible day,
  titled "(deadline, latest)"; a meeting on its first (its last, for "on or before b"),
  TENTATIVE and titled with the window; a deadline "on or after a" has no latest day
  and is left out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from timeline_editor.model.datewords import MONTHS, date_words
from timeline_editor.model.daynum import civil
from timeline_editor.model.edtf import End, ParsedDate, Point, Precision, Shape, parse_edtf
from timeline_editor.model.edtf_time import time_words, zone_offset
from timeline_editor.model.entities import Entry
from timeline_editor.model.vocab import EntryKind, Status

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

#: Why an entry has no placement (the keys of the notes an export returns).
UNDATED, OUT_OF_RANGE, NO_LATEST = "undated", "out of range", "no latest day"


@dataclass(frozen=True)
class Placement:
    """Where an entry goes in a calendar: days, a title suffix, a status and why."""

    start: dt.date  # a datetime for a time of day
    end: dt.date  # the day after the last, as DTEND wants (a datetime: an hour later)
    suffix: str = ""
    status: str | None = None
    explain: str = ""
    #: Known days: a calendar may show them as busy time.
    busy: bool = False
    #: Added to the entry's id in the UID: a second event of one entry (an all-of set).
    part: str = ""


def _day(number: int) -> dt.date | None:
    year, month, day = civil(number)
    return dt.date(year, month, day) if 1 <= year <= 9999 else None


def day_words(day: dt.date) -> str:
    """'15 Dec 2021'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def title_words(edtf: str) -> str:
    """The date in words for a title's brackets: 'Dec 2021, approx.', no nested brackets."""
    return date_words(edtf).replace(" (", ", ").replace(")", "")


def _plain_day(point: Point | None) -> bool:
    """One exact day: day precision, no qualifier, no X digits."""
    return (
        point is not None
        and point.precision is Precision.DAY
        and not point.qualifier
        and not point.unspecified
    )


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
    return Placement(*days, f" ({title_words(entry.when.edtf)})", status, explain)


def _stands_for(parsed: ParsedDate, edtf: str, start: dt.date, end: dt.date) -> str:
    """What the calendar's days stand for, when they are not the date itself ('' if so)."""
    words = date_words(edtf)
    shown = day_words(start)
    last = end - dt.timedelta(days=1)
    if last != start:
        shown = f"every day from {shown} to {day_words(last)}"
    if parsed.shape is Shape.INTERVAL and (parsed.start is None or parsed.end_kind is not End.DATE):
        side, known = ("end", "first") if parsed.start is not None else ("start", "last")
        kind = parsed.end_kind if side == "end" else parsed.start_kind
        how = "open (it goes on)" if kind is End.OPEN else "not known"
        return f"Date: {words}. The calendar shows its {known} day only; its {side} is {how}."
    if parsed.shape is Shape.POINT:
        point = parsed.start
        assert point is not None
        if point.precision is Precision.DAY and not point.unspecified:
            return f"Date: {words}. The calendar shows that day; the date is not certain."
        return f"Date: {words}, no more precise. The calendar shows {shown}: any of them."
    return f"Date: {words}. The calendar shows {shown}."


#: How long a timed event lasts in a calendar: its end is not known.
TIMED_LENGTH = dt.timedelta(hours=1)


def _timed(point: Point) -> Placement | str:
    """A time of day: UTC when zoned, floating local time when not, one hour long."""
    year, month, day = civil(point.core_earliest)
    if not 1 <= year <= 9999:
        return OUT_OF_RANGE
    clock = point.time_text
    hour, minute, second = int(clock[1:3]), int(clock[4:6]), int(clock[7:9])
    offset = zone_offset(point)
    start = dt.datetime(year, month, day, hour, minute, second)
    if offset is not None:
        start = (start - dt.timedelta(minutes=offset)).replace(tzinfo=dt.UTC)
        shown = f"written in UTC ({start:%H:%M} UTC)"
    else:
        shown = "no zone given, so the calendar shows that clock time wherever it is opened"
    explain = (
        f"Time: {time_words(point)}, {shown}. The end is not known: the calendar shows one hour."
    )
    return Placement(start, start + TIMED_LENGTH, explain=explain, busy=True)


def sort_key(place: Placement) -> tuple[dt.date, int, dt.date]:
    """Calendar order: by day (UTC for a zoned time), all-day events before timed ones."""
    start = place.start
    if isinstance(start, dt.datetime):
        seconds = start.hour * 3600 + start.minute * 60 + start.second
        return start.date(), seconds, start.date()
    end = place.end.date() if isinstance(place.end, dt.datetime) else place.end
    return start, -1, end


def placement(entry: Entry) -> Placement | str:
    """Where ``entry`` goes in a calendar, or why it cannot go there."""
    parsed = parse_edtf(entry.when.edtf)
    if parsed.shape is Shape.UNDATED:
        return UNDATED
    if parsed.shape is Shape.ONE_OF:
        return _window(entry, parsed)
    if parsed.start is not None and parsed.start.time_text:
        return _timed(parsed.start)
    span = day_span(entry.when.edtf)
    if span is None:
        return OUT_OF_RANGE
    known = _plain_day(parsed.start) and (
        parsed.shape is Shape.POINT or (parsed.end_kind is End.DATE and _plain_day(parsed.end))
    )
    if known:
        return Placement(*span, busy=parsed.shape is Shape.POINT)
    suffix = f" ({title_words(entry.when.edtf)})"
    return Placement(*span, suffix, None, _stands_for(parsed, entry.when.edtf, *span))
