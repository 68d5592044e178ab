"""Words for the EDTF level-2 forms: seasons, qualified parts, long years and sets.

``spring 2001``, ``Q1 2022``, ``first half of 2022``; ``11 Jun 2004 (year
uncertain, day approx.)``; ``170000000``, ``1950 (1900–1999)``; ``14 or 15 Dec 2021``,
``1667, 1668 or 1670 to 1672``, ``1960 and Dec 1961``. :mod:`.datewords` calls these
for the forms it does not spell itself.
"""

from __future__ import annotations

from collections.abc import Callable

from .daynum import civil
from .edtf import SEASON_NAMES, ParsedDate, Point, Precision, Shape
from .edtf_seasons import SEASON_MONTHS

_PART_NAMES = ("year", "month", "day")
_QUALIFIED = {"~": "approx.", "?": "uncertain", "%": "approx., uncertain"}


def _year(year: int) -> str:
    return str(year) if year > 0 else f"{1 - year} BC"


def season_words(point: Point) -> str:
    """'spring 2001', 'Q1 2022', 'first half of 2022', 'winter 2010' (Dec to Feb)."""
    code = int(point.month_text.strip("~?%"))
    first, length = SEASON_MONTHS[code]
    low = civil(point.core_earliest)[0]
    # A winter of 2010 ends in 2011: name the year it starts in.
    high = civil(point.core_latest)[0] - (1 if first + length - 1 > 12 else 0)
    years = _year(low) if low == high else f"{_year(low)}–{_year(high)}"
    name = SEASON_NAMES[code]
    return f"{name} {years}" if code <= 36 else f"{name} of {years}"


def year_words(point: Point) -> str:
    """A long, exponent or significant-digit year: '170000000', '1950 (1900–1999)'."""
    year = _year(civil(point.core_earliest)[0])
    if "S" not in point.year_text:
        return year
    low, high = civil(point.earliest)[0], civil(point.latest)[0]
    if point.qualifier:  # the qualifier widened the range by a year each side
        low, high = low + 1, high - 1
    return f"{year} ({_year(low)}–{_year(high)})"


def part_qualifier_words(point: Point) -> str:
    """' (year uncertain, day approx.)' for qualifiers on parts; '' when there are none.

    A qualifier left of a part is about that part; right of it, about it and every
    part to its left (EDTF level 2), so ``2004-06~-11`` says 'year and month approx.'.
    """
    texts = [t for t in (point.year_text, point.month_text, point.day_text) if t]
    said: list[str] = []
    for index, text in enumerate(texts):
        lead = text[:1] if text[:1] in _QUALIFIED else ""
        trail = text[-1:] if text[-1:] in _QUALIFIED and len(text) > 1 else ""
        if index == len(texts) - 1:
            trail = trail or point.qualifier
        if lead:
            said.append(f"{_PART_NAMES[index]} {_QUALIFIED[lead]}")
        if trail:
            said.append(f"{_names(_PART_NAMES[: index + 1])} {_QUALIFIED[trail]}")
    return f" ({', '.join(said)})" if said else ""


def _names(names: tuple[str, ...]) -> str:
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _member_words(member: ParsedDate, say: Callable[[Point], str]) -> str:
    if member.shape is Shape.POINT:
        assert member.start is not None
        return say(member.start)
    if member.start is None:
        assert member.end is not None
        return f"{say(member.end)} or earlier"
    if member.end is None:
        return f"{say(member.start)} or later"
    return f"{say(member.start)} to {say(member.end)}"


def _shared(parsed: ParsedDate, glue: str) -> str | None:
    """'14 or 15 Dec 2021', 'Jan and Feb 2022': plain points sharing a month or year."""
    points = [m.start for m in parsed.members if m.shape is Shape.POINT and m.start]
    if len(points) != len(parsed.members) or len(points) < 2:
        return None
    if any(p.qualifier or p.partly_qualified or p.unspecified for p in points):
        return None
    precision = points[0].precision
    days = [civil(p.core_earliest) for p in points]
    if any(p.precision is not precision for p in points) or len({d[0] for d in days}) > 1:
        return None
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    if precision is Precision.DAY and len({d[1] for d in days}) == 1:
        heads, tail = [str(d[2]) for d in days], f"{months[days[0][1] - 1]} {_year(days[0][0])}"
    elif precision is Precision.MONTH:
        heads, tail = [months[d[1] - 1] for d in days], _year(days[0][0])
    else:
        return None
    return f"{_listed(heads, glue)} {tail}"


def _listed(words: list[str], glue: str) -> str:
    if len(words) == 1:
        return words[0]
    return f"{', '.join(words[:-1])} {glue} {words[-1]}"


def set_words(parsed: ParsedDate, say: Callable[[Point], str]) -> str:
    """A set in words: '1667, 1668 or 1670 to 1672', '1960 and Dec 1961'."""
    glue = "or" if parsed.shape is Shape.SET_ONE else "and"
    shared = _shared(parsed, glue)
    if shared is not None:
        return shared
    return _listed([_member_words(m, say) for m in parsed.members], glue)
