"""Proleptic Gregorian day numbers that work for any year, BCE included.

``datetime.date`` stops at year 1, but chronologies (and TimelineJS data) reach
back further, so dates are kept as plain integers: days since 1970-01-01.
Year 0 is 1 BCE, as in ISO 8601 and EDTF.
"""

from __future__ import annotations

_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def is_leap(year: int) -> bool:
    """True when ``year`` is a Gregorian leap year (year 0 is one)."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """Number of days in ``month`` (1-12) of ``year``."""
    if month == 2 and is_leap(year):
        return 29
    return _MONTH_DAYS[month - 1]


def day_number(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil)."""
    y = year - (1 if month <= 2 else 0)
    era = y // 400
    yoe = y - era * 400
    mp = (month + 9) % 12
    doy = (153 * mp + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def civil(days: int) -> tuple[int, int, int]:
    """Inverse of :func:`day_number`: (year, month, day) of a day number."""
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    year = yoe + era * 400 + (1 if month <= 2 else 0)
    return year, month, day


def format_year(year: int) -> str:
    """EDTF spelling of a year: four digits, a minus sign before BCE years."""
    if year < 0:
        return f"-{-year:04d}"
    return f"{year:04d}"


def format_day(days: int) -> str:
    """ISO/EDTF text (``YYYY-MM-DD``) of a day number."""
    year, month, day = civil(days)
    return f"{format_year(year)}-{month:02d}-{day:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) shifted by ``delta`` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1
