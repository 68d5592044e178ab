"""Unspecified digits (``X``) in EDTF dates: which years, months and days they allow.

Split from :mod:`.edtf`, which builds a point's bounds from these.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import product

from .daynum import day_number, days_in_month


@lru_cache(maxsize=4096)
def candidates(pattern: str, low: int, high: int) -> tuple[int, ...]:
    """Values in [low, high] whose zero-padded digits match a pattern with X."""
    # Cached: months and days give only a few hundred distinct (pattern, range) pairs.
    if "X" not in pattern:  # the common case: one value, no scan
        value = int(pattern)
        return (value,) if low <= value <= high else ()
    width = len(pattern)
    return tuple(
        value
        for value in range(low, high + 1)
        if all(p in ("X", d) for p, d in zip(pattern, f"{value:0{width}d}", strict=True))
    )


def year_range(text: str) -> tuple[int, int]:
    negative = text.startswith("-")
    digits = text.lstrip("-")
    low = int(digits.replace("X", "0"))
    high = int(digits.replace("X", "9"))
    if negative:
        return -high, -low
    return low, high


def month_days(year: int, month: int, day_text: str) -> tuple[int, ...]:
    if not day_text:
        return (1, days_in_month(year, month))
    return candidates(day_text, 1, days_in_month(year, month))


def years_of(text: str, ascending: bool) -> Iterator[int]:
    """Years a year text with X digits can mean, in ascending or descending order."""
    negative = text.startswith("-")
    choices = ["0123456789" if c == "X" else c for c in text.lstrip("-")]
    # Digits in ascending order give magnitudes in ascending order; BCE flips it.
    if ascending == negative:
        choices = [c[::-1] for c in choices]
    for digits in product(*choices):
        magnitude = int("".join(digits))
        yield -magnitude if negative else magnitude


def first_day(years: Iterable[int], months: tuple[int, ...], day: str, last: bool) -> int | None:
    """Day number of the first (or last) real day in the given years and months."""
    for y in years:
        for m in reversed(months) if last else months:
            days = month_days(y, m, day)
            if days:
                return day_number(y, m, days[-1] if last else days[0])
    return None
