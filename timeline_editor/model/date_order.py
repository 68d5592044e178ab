"""Where a date sorts in a chronology: one rule for the table and the text exports.

A date sorts at its earliest possible day, then the dates of that day without a time
before the timed ones, then shorter spans before longer (an open end last), then the
timed ones by time (UTC when zoned). A date with no earliest day, an open or unknown
start ("by 31 December 2021", ``[..2021-12-31]``), sorts at its latest day, as a
deadline does: a researcher reads "by the end of the year" at the end of the year,
not before every dated entry. Undated values have no key: they come last.
"""

from __future__ import annotations

import sys
from typing import NamedTuple

from .edtf import ParsedDate, Shape
from .edtf_time import NO_TIME, minute_key

#: The ``last`` of a date open after (``2021-11-19/..``): after every closed span.
OPEN_END = sys.maxsize


class OrderKey(NamedTuple):
    """A dated value's place in a chronology; tuples of them compare in that order."""

    day: int
    #: True for a day with a time: it comes after the untimed dates of its day.
    timed: bool
    #: The last possible day, :data:`OPEN_END` when open after.
    last: int
    #: The minute of the day (UTC when zoned); :data:`NO_TIME` without one.
    minute: int


def _first_day(parsed: ParsedDate) -> int | None:
    """The day a date sorts at: its earliest, else its latest, else its first given day."""
    if parsed.earliest is not None:
        return parsed.earliest
    if parsed.latest is not None:
        return parsed.latest
    # A set open at both ends (``[..1760-12-03,1761..]``): its first given day.
    return min((p.core_earliest for p in parsed.points()), default=None)


def order_key(parsed: ParsedDate) -> OrderKey | None:
    """Where ``parsed`` sorts (see the module docstring); None when undated."""
    if parsed.shape is Shape.UNDATED:
        return None
    day = _first_day(parsed)
    if day is None:
        return None
    last = max(parsed.latest, day) if parsed.latest is not None else OPEN_END
    minute = minute_key(parsed)
    return OrderKey(day, minute != NO_TIME, last, minute)
