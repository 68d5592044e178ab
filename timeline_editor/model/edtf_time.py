"""Times of day on a full date, with an optional zone: ``2021-12-14T17:00+01:00``.

EDTF level 0 allows a time on a complete day: ``hh:mm:ss``, then ``Z`` (UTC) or an
offset ``±hh:mm``, or nothing (local time, zone unknown). Decisions:

* Read: ``hh:mm`` or ``hh:mm:ss``; zones ``Z``, ``±hh:mm`` and, as ISO 8601 allows,
  ``±hhmm`` and ``±hh``. Written (canonical, :attr:`Point.time_text`): always with
  seconds and ``±hh:mm`` (``T17:00:00+01:00``), because EDTF's own examples carry
  seconds and stricter readers want them; ``-00:00`` is written ``+00:00``.
* Refused, each with a message naming the problem: a time without a date
  (``T17:00``), on a month, a year or a day with ``X`` digits, hours over 23 (``24:00``
  included: write 00:00 of the next day), minutes or seconds over 59, fractions of a
  second, offsets beyond the zones in use (UTC-12:00 to UTC+14:00), a qualifier
  (``~ ? %``) with a time (qualify the day without the time), and a time at an end of an
  interval or window (EDTF level 0 keeps intervals to dates; the parser reads their ends
  as dates and says the end is not one).
* Bounds stay day numbers, of the day as written. :attr:`Point.utc_minute` is the
  minute of that day in UTC when a zone is given (it may fall below 0 or past 1439 when
  the zone moves the moment into the day before or after), else the clock minute as
  written; ``day * 1440 + utc_minute`` orders moments (:func:`moment_minutes`).
"""

from __future__ import annotations

import re

# edtf.py imports this module inside parse_edtf, so importing it from here is no cycle.
from .edtf import EdtfError, End, ParsedDate, Point, Precision, Shape, parse_edtf

MINUTES_PER_DAY = 1440
#: Offsets in use on Earth run from UTC-12:00 to UTC+14:00.
MIN_OFFSET, MAX_OFFSET = -12 * 60, 14 * 60
#: The minute key of a date without a time: before every timed moment of its day.
NO_TIME = -(1 << 20)

_TIME = re.compile(
    r"(?P<hour>[0-9]{2}):(?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2}))?"
    r"(?P<zone>Z|[+-][0-9]{2}(?::?[0-9]{2})?)?"
)
_EXAMPLE = "e.g. 2021-12-14T17:00, 2021-12-14T17:00:00Z or 2021-12-14T17:00+01:00"


def _refuse(text: str, why: str) -> EdtfError:
    return EdtfError(f"'{text}' {why}")


def _date_part(text: str, date_text: str) -> Point:
    """The day a time sits on: a full, plain, unqualified day."""
    if not date_text:
        raise _refuse(text, f"has a time but no date: write the day first ({_EXAMPLE})")
    if date_text[-1:] in ("~", "?", "%"):
        raise _refuse(text, "qualifies a day that has a time: leave out the time or the ~ ? %")
    # Through parse_edtf: its fast path and cache serve the few distinct days of a project.
    point = parse_edtf(date_text).start if "/" not in date_text else None
    if point is None or point.precision is not Precision.DAY or point.unspecified:
        raise _refuse(text, f"has a time on '{date_text}': a time needs a full day (YYYY-MM-DD)")
    return point


def _zone(text: str, zone: str) -> tuple[str, int | None]:
    """Canonical zone text and its offset in minutes (None: no zone given)."""
    if not zone:
        return "", None
    if zone == "Z":
        return "Z", 0
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if minutes > 59:
        raise _refuse(text, f"has zone minutes {minutes:02d} out of range (00-59)")
    offset = (hours * 60 + minutes) * (-1 if zone[0] == "-" else 1)
    if not MIN_OFFSET <= offset <= MAX_OFFSET:
        raise _refuse(text, f"has zone {zone} out of range (UTC-12:00 to UTC+14:00)")
    sign = "-" if offset < 0 else "+"
    return f"{sign}{hours:02d}:{minutes:02d}", offset


def _clock(text: str, time_text: str) -> tuple[int, int, int, str]:
    """Hour, minute, second and zone text of the part after ``T``."""
    if time_text[-1:] in ("~", "?", "%"):
        raise _refuse(text, "qualifies a time: put ~ ? % on the day and leave out the time")
    match = _TIME.fullmatch(time_text)
    if match is None:
        why = "fractions of a second are not kept" if "." in time_text else "not a time of day"
        raise _refuse(
            text, f"has '{time_text}' after T: {why}; write hh:mm or hh:mm:ss ({_EXAMPLE})"
        )
    hour, minute = int(match["hour"]), int(match["minute"])
    second = int(match["second"] or 0)
    if hour > 23:
        tip = " (write 00:00 of the next day)" if hour == 24 else ""
        raise _refuse(text, f"has hour {hour:02d} out of range (00-23){tip}")
    if minute > 59 or second > 59:
        which, value = ("minute", minute) if minute > 59 else ("second", second)
        raise _refuse(text, f"has {which} {value:02d} out of range (00-59)")
    return hour, minute, second, match["zone"] or ""


def parse_time_point(text: str) -> Point:
    """A day with a time of day (``2021-12-14T17:00+01:00``); raises ``EdtfError``."""
    date_text, _, time_text = text.partition("T")
    hour, minute, second, zone = _clock(text, time_text)
    point = _date_part(text, date_text)
    zone_text, offset = _zone(text, zone)
    local = hour * 60 + minute
    utc_minute = local - offset if offset is not None else local
    time = f"T{hour:02d}:{minute:02d}:{second:02d}{zone_text}"
    return point._replace(time_text=time, utc_minute=utc_minute)


def parse_timed(text: str) -> ParsedDate:
    """A parsed date of one day with a time (the parser's path for text with ``T``)."""
    point = parse_time_point(text)
    return ParsedDate(Shape.POINT, point, None, End.DATE, End.DATE, point.earliest, point.latest)


#: EDTF-looking text with a time: a date (or nothing) then ``T`` and a digit.
_TIMED_LOOK = re.compile(r"(?:-?[0-9X]{4}(?:-[0-9X]{2}){0,2}[~?%]?)?T[0-9].*")


def timed_refusal(text: str) -> str | None:
    """Why EDTF-looking text with a time is refused (``2021-12-14T25:00``), or None.

    For readers of written dates, so that such text is refused with the parser's reason
    instead of being read as a day with the time dropped.
    """
    if _TIMED_LOOK.fullmatch(text) is None:
        return None
    try:
        parse_timed(text)
    except EdtfError as exc:
        return str(exc)
    return None


def canonical_edtf(text: str) -> str:
    """``text`` with its time written canonically (``T17:00`` → ``T17:00:00``); else as is."""
    if "T" not in text:
        return text
    try:
        return parse_timed(text).to_edtf()
    except EdtfError:
        return text


def minute_key(parsed: ParsedDate) -> int:
    """The minute of its day a date sorts by: UTC when zoned, :data:`NO_TIME` without a time."""
    point = parsed.start
    if parsed.shape is not Shape.POINT or point is None or point.utc_minute is None:
        return NO_TIME
    return point.utc_minute


def moment_minutes(point: Point) -> int | None:
    """Minutes since day 0 at midnight (UTC when zoned) of a timed point; None without a time."""
    if point.utc_minute is None:
        return None
    return point.core_earliest * MINUTES_PER_DAY + point.utc_minute


def zone_offset(point: Point) -> int | None:
    """The zone's offset in minutes east of UTC; None without a time or a zone."""
    zone = point.time_text[9:]
    if not zone:
        return None
    if zone == "Z":
        return 0
    sign = -1 if zone[0] == "-" else 1
    return sign * (int(zone[1:3]) * 60 + int(zone[4:6]))


def zone_words(point: Point) -> str:
    """'UTC' for ``Z`` and ``+00:00``, 'UTC+1', 'UTC-5', 'UTC+5:30'; '' without a zone."""
    offset = zone_offset(point)
    if offset is None:
        return ""
    if offset == 0:
        return "UTC"
    hours, minutes = divmod(abs(offset), 60)
    sign = "-" if offset < 0 else "+"
    return f"UTC{sign}{hours}" + (f":{minutes:02d}" if minutes else "")


def time_words(point: Point) -> str:
    """'17:00 UTC+1', '09:30:15 UTC', '17:00' (no zone); '' for a point without a time."""
    if not point.time_text:
        return ""
    clock = point.time_text[1:9]
    clock = clock.removesuffix(":00")
    zone = zone_words(point)
    return f"{clock} {zone}" if zone else clock
