"""Seasons and sub-year groupings of EDTF level 2: the month codes 21 to 41.

A code stands where a month would (``2001-21`` is spring 2001) and covers the
months the EDTF specification (2019, "Sub-year groupings") gives it:

* 21–24 spring, summer, autumn, winter (independent of location): March–May,
  June–August, September–November, December–February;
* 25–28 the same four seasons in the northern hemisphere, same months;
* 29–32 spring, summer, autumn, winter in the southern hemisphere: September–November,
  December–February, March–May, June–August;
* 33–36 quarters (three months each), 37–39 quadrimesters (four months),
  40–41 semesters (six months).

A winter (24, 28) or southern summer (30) that starts in December of a year runs
into January and February of the *next* year: "winter 2010" is 2010-12-01 to
2011-02-28. python-edtf ends it on 2010-12-31 instead; the README lists that.
"""

from __future__ import annotations

from .daynum import add_months, day_number, days_in_month

FIRST_SEASON = 21
LAST_SEASON = 41

#: First month and number of months of each code.
SEASON_MONTHS: dict[int, tuple[int, int]] = {
    21: (3, 3), 22: (6, 3), 23: (9, 3), 24: (12, 3),
    25: (3, 3), 26: (6, 3), 27: (9, 3), 28: (12, 3),
    29: (9, 3), 30: (12, 3), 31: (3, 3), 32: (6, 3),
    33: (1, 3), 34: (4, 3), 35: (7, 3), 36: (10, 3),
    37: (1, 4), 38: (5, 4), 39: (9, 4),
    40: (1, 6), 41: (7, 6),
}  # fmt: skip

#: Words for each code, as a report says them ("spring 2001", "Q1 2022").
SEASON_NAMES: dict[int, str] = {
    21: "spring", 22: "summer", 23: "autumn", 24: "winter",
    25: "spring (northern hemisphere)", 26: "summer (northern hemisphere)",
    27: "autumn (northern hemisphere)", 28: "winter (northern hemisphere)",
    29: "spring (southern hemisphere)", 30: "summer (southern hemisphere)",
    31: "autumn (southern hemisphere)", 32: "winter (southern hemisphere)",
    33: "Q1", 34: "Q2", 35: "Q3", 36: "Q4",
    37: "first four months", 38: "middle four months", 39: "last four months",
    40: "first half", 41: "second half",
}  # fmt: skip


def is_season_code(text: str) -> bool:
    """True when a two-digit month text is a season or grouping code (21–41)."""
    return text.isdigit() and FIRST_SEASON <= int(text) <= LAST_SEASON


def season_length(code: int) -> int:
    """Number of months a code covers (3, 4 or 6)."""
    return SEASON_MONTHS[code][1]


def season_first_day(year: int, code: int) -> int:
    """Day number of the first day of a season of ``year``."""
    first, _ = SEASON_MONTHS[code]
    return day_number(year, first, 1)


def season_last_day(year: int, code: int) -> int:
    """Day number of the last day of a season of ``year`` (in the next year for a winter)."""
    first, length = SEASON_MONTHS[code]
    last_year, last_month = add_months(year, first, length - 1)
    return day_number(last_year, last_month, days_in_month(last_year, last_month))
