"""Moving and resizing EDTF dates by a drag, keeping precision and qualifiers.

A drag gives a distance in days; each end moves by the nearest whole number of its
own unit (days, months or years), so "2021-11~" moved by 40 days becomes "2021-12~",
never a day-precise date. Ends with unspecified digits (``X``) move only by whole
years when the year itself is spelt out; otherwise they stay where they are.
"""

from __future__ import annotations

from .daynum import add_months, civil, format_year
from .edtf import End, ParsedDate, Point, Precision, Shape, parse_edtf

DAYS_PER_MONTH = 30.436875
DAYS_PER_YEAR = 365.2425


def _units(days: float, precision: Precision) -> int:
    if precision is Precision.DAY:
        return round(days)
    if precision is Precision.MONTH:
        return round(days / DAYS_PER_MONTH)
    return round(days / DAYS_PER_YEAR)


def _spell(year: int, month: int, day: int, precision: Precision) -> str:
    text = format_year(year)
    if precision >= Precision.MONTH:
        text += f"-{month:02d}"
    if precision is Precision.DAY:
        text += f"-{day:02d}"
    return text


def shift_point(point: Point, days: float) -> str:
    """EDTF text of ``point`` moved by about ``days``, in whole units of its precision."""
    steps = _units(days, point.precision)
    if steps == 0:
        return point.to_edtf()
    if point.unspecified:
        return _shift_unspecified(point, round(days / DAYS_PER_YEAR))
    if point.precision is Precision.SEASON:
        return _shift_unspecified(point, steps)  # whole years: spring stays spring
    year, month, day = civil(point.core_earliest)
    if point.precision is Precision.DAY:
        year, month, day = civil(point.core_earliest + steps)
    elif point.precision is Precision.MONTH:
        year, month = add_months(year, month, steps)
    else:
        year += steps
    return _spell(year, month, day, point.precision) + point.qualifier


def _shift_unspecified(point: Point, years: int) -> str:
    if "X" in point.year_text or point.year_text.startswith("Y") or years == 0:
        return point.to_edtf()
    parts = [format_year(int(point.year_text) + years), point.month_text, point.day_text]
    return "-".join(p for p in parts if p) + point.qualifier


def _end(point: Point | None, kind: End, days: float) -> str:
    if point is None:
        return ".." if kind is End.OPEN else ""
    return shift_point(point, days)


def _join(parsed: ParsedDate, start: str, end: str) -> str:
    if parsed.shape is Shape.INTERVAL:
        return f"{start}/{end}"
    return f"[{start}..{end}]"


def _valid_or(original: str, candidate: str) -> str:
    """``candidate`` when it is a valid date, else ``original`` (the move is refused)."""
    try:
        parse_edtf(candidate)
    except ValueError:
        return original
    return candidate


def shift_edtf(text: str, days: float) -> str:
    """Move a whole date value by about ``days``; undated values stay undated.

    A move that would give no valid date (an interval whose ends have different
    precisions crossing over, a year past the supported range) returns ``text``.
    """
    parsed = parse_edtf(text)
    if parsed.shape is Shape.UNDATED:
        return text
    if parsed.shape is Shape.POINT:
        assert parsed.start is not None
        return _valid_or(text, shift_point(parsed.start, days))
    if parsed.members:
        return _valid_or(text, _shift_set(parsed, days))
    start = _end(parsed.start, parsed.start_kind, days)
    end = _end(parsed.end, parsed.end_kind, days)
    return _valid_or(text, _join(parsed, start, end))


def _shift_set(parsed: ParsedDate, days: float) -> str:
    """Every member of a set moved alike; a set stays a set (never a window)."""
    parts = []
    for member in parsed.members:
        if member.shape is Shape.POINT and member.start is not None:
            parts.append(shift_point(member.start, days))
        else:
            first = _end(member.start, member.start_kind, days)
            parts.append(f"{first}..{_end(member.end, member.end_kind, days)}")
    body = ",".join(parts)
    return f"[{body}]" if parsed.shape is Shape.SET_ONE else f"{{{body}}}"


def move_edge(text: str, days: float, edge: str) -> str:
    """Move one edge (``"start"`` or ``"end"``) of an interval or window.

    The result is checked: an edge dragged past the other one is refused by
    returning the text unchanged.
    """
    parsed = parse_edtf(text)
    if parsed.shape not in (Shape.INTERVAL, Shape.ONE_OF):
        return text
    start = _end(parsed.start, parsed.start_kind, days if edge == "start" else 0)
    end = _end(parsed.end, parsed.end_kind, days if edge == "end" else 0)
    return _valid_or(text, _join(parsed, start, end))


def day_to_edtf(day: int, precision: Precision = Precision.DAY) -> str:
    """EDTF text of the day, month or year containing day number ``day``."""
    year, month, dom = civil(day)
    return _spell(year, month, dom, precision)
