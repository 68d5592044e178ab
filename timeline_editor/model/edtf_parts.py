"""EDTF level-2 points: qualified parts, seasons and long, exponent or significant years.

:func:`~.edtf.parse_point` reads the common forms itself and hands the rest here.

Qualification of parts (EDTF 2019, level 2), as we read it:

* a qualifier to the *left* of a part applies to that part only: ``2004-~06-11``
  (the month is approximate), ``?2004-06-11`` (the year is uncertain);
* a qualifier to the *right* of a part applies to it and to every part to its left:
  ``2004-06~-11`` (year and month approximate), ``2004?-06-11`` (the year uncertain,
  it has nothing to its left);
* bounds widen by one unit of the finest part a qualifier covers — a year for the
  year, a month (a season's length for a season) for the month, a day for the day —
  the same rule as a qualifier at the end (``2004-06~`` widens by a month).
  Qualifiers on different parts add up: ``2004?-06-~11`` is 2003-06-10 .. 2005-06-12.

The text is kept as written (``?2004`` and ``2004?`` mean the same but both round-trip):
a qualifier after the last part is the point's ``qualifier``, the others stay in the
part texts (``year_text == "2004?"``, ``day_text == "~11"``).
"""

from __future__ import annotations

import re

from .daynum import add_months, civil, day_number, days_in_month
from .edtf import MAX_YEAR, EdtfError, Point, Precision, _core_bounds
from .edtf_digits import year_range
from .edtf_seasons import (
    FIRST_SEASON,
    LAST_SEASON,
    season_first_day,
    season_last_day,
    season_length,
)
from .edtf_years import read_year

_Q = r"[~?%]"
_PARTS = re.compile(
    rf"(?P<yq>{_Q})?(?P<year>-?[0-9X]{{4}})(?P<yt>{_Q})?"
    rf"(?:-(?P<mq>{_Q})?(?P<month>[0-9X]{{2}})(?P<mt>{_Q})?"
    rf"(?:-(?P<dq>{_Q})?(?P<day>[0-9X]{{2}})(?P<dt>{_Q})?)?)?"
)
_YEAR_ONLY = re.compile(
    r"(?P<year>Y-?[0-9]+(?:E[0-9]+)?(?:S[0-9]+)?|-?[0-9]{4}S[0-9]+)(?P<q>[~?%])?"
)

YEAR, MONTH, DAY = 0, 1, 2


def widen_parts(
    core: tuple[int, int], units: set[int], months: int, has_day: bool
) -> tuple[int, int]:
    """Bounds widened by a year, ``months`` months and/or a day, per qualified part."""
    y, m, d = civil(core[0])
    y2, m2, d2 = civil(core[1])
    if YEAR in units:
        y, y2 = y - 1, y2 + 1
    if MONTH in units:
        (y, m), (y2, m2) = add_months(y, m, -months), add_months(y2, m2, months)
    d = min(d, days_in_month(y, m))
    # Without a day the latest is the end of its month (of a season's last month).
    d2 = min(d2, days_in_month(y2, m2)) if has_day else days_in_month(y2, m2)
    step = 1 if DAY in units else 0
    return day_number(y, m, d) - step, day_number(y2, m2, d2) + step


def _year_only(text: str) -> Point | None:
    """A long, exponent or significant-digit year with an optional qualifier."""
    match = _YEAR_ONLY.fullmatch(text)
    if match is None:
        return None
    year_text, qualifier = match.group("year"), match.group("q") or ""
    try:
        value = read_year(year_text, MAX_YEAR)
    except ValueError as exc:
        raise EdtfError(str(exc)) from None
    if value is None:
        raise EdtfError(f"'{text}' is not an EDTF year (expected e.g. Y170000002, Y17E7, 1950S2)")
    core = day_number(value.year, 1, 1), day_number(value.year, 12, 31)
    outer = day_number(value.low, 1, 1), day_number(value.high, 12, 31)
    if qualifier:
        outer = widen_parts(outer, {YEAR}, 0, has_day=False)
    return Point(year_text, "", "", qualifier, Precision.YEAR, *core, *outer)


def _check_month(month: str, day: str, text: str) -> None:
    if "X" in month:
        return
    value = int(month)
    if FIRST_SEASON <= value <= LAST_SEASON:
        if day:
            raise EdtfError(f"season {month} has no days in '{text}' (write {text[:7]})")
        return
    if value > LAST_SEASON:
        raise EdtfError(
            f"season {month} out of range in '{text}' "
            f"(seasons and sub-year groupings are 21–41, months 01–12)"
        )
    if not 1 <= value <= 12:
        raise EdtfError(f"month {month} out of range in '{text}' (seasons are 21–41)")


def _check_parts(match: re.Match[str], text: str) -> None:
    year, month, day = match.group("year"), match.group("month") or "", match.group("day") or ""
    if year == "-0000":
        raise EdtfError(f"year -0000 is not valid in '{text}' (write 0000)")
    if month:
        _check_month(month, day, text)
    if day and "X" not in day and not 1 <= int(day) <= 31:
        raise EdtfError(f"day {day} out of range in '{text}'")
    for part in ("y", "m", "d"):
        if match.group(f"{part}q") and match.group(f"{part}t"):
            raise EdtfError(f"'{text}' has two qualifiers on one part; use % for both")


def _core(year: str, month: str, day: str, text: str) -> tuple[int, int]:
    if month and "X" not in month and int(month) >= FIRST_SEASON:
        low, high = year_range(year)
        return season_first_day(low, int(month)), season_last_day(high, int(month))
    return _core_bounds(text, year, month, day)


def _split_texts(match: re.Match[str]) -> tuple[list[str], str, set[int]]:
    """Part texts with their qualifiers, the point's end qualifier and the qualified units."""
    texts: list[str] = []
    units: set[int] = set()
    last = ""
    for unit, part in enumerate(("y", "m", "d")):
        digits = match.group({"y": "year", "m": "month", "d": "day"}[part])
        if digits is None:
            break
        lead, trail = match.group(f"{part}q") or "", match.group(f"{part}t") or ""
        if lead or trail:
            units.add(unit)
        texts.append(lead + digits + trail)
        last = trail
    if last:
        texts[-1] = texts[-1][: -len(last)]
    return texts, last, units


def parse_extended_point(text: str) -> Point:
    """Parse a level-2 point (see the module docstring); raises :class:`EdtfError`."""
    point = _year_only(text)
    if point is not None:
        return point
    match = _PARTS.fullmatch(text)
    if match is None:
        raise EdtfError(f"'{text}' is not an EDTF date (expected e.g. 2021-12-15, 2021-11~)")
    _check_parts(match, text)
    year, month, day = match.group("year"), match.group("month") or "", match.group("day") or ""
    texts, qualifier, units = _split_texts(match)
    season = bool(month) and "X" not in month and int(month) >= FIRST_SEASON
    precision = (
        Precision.DAY
        if day
        else Precision.SEASON
        if season
        else Precision.MONTH
        if month
        else Precision.YEAR
    )
    core = _core(year, month, day, text)
    months = season_length(int(month)) if season else 1
    outer = widen_parts(core, units, months, has_day=bool(day)) if units else core
    texts += [""] * (3 - len(texts))
    return Point(texts[0], texts[1], texts[2], qualifier, precision, *core, *outer)
