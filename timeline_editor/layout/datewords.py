"""Dates in plain words for a reader of a chart: "between 15 and 19 Nov 2021", not EDTF.

The case of a date (exact, about, between, from … to …) is the one the inspector
offers (:mod:`timeline_editor.model.date_cases`); only the dates are spelled out.
"""

from __future__ import annotations

from timeline_editor.model.date_cases import DateCase, parts_of
from timeline_editor.model.edtf import EdtfError, End, Point, Precision, parse_edtf

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_QUALIFIED = {"~": " (approx.)", "?": " (uncertain)", "%": " (approx., uncertain)"}
_LEADS = {
    DateCase.APPROXIMATE: "about ",
    DateCase.UNCERTAIN: "perhaps ",
    DateCase.APPROXIMATE_UNCERTAIN: "perhaps about ",
}


def _year(point: Point) -> int | None:
    try:
        return int(point.year_text)
    except ValueError:
        return None


def point_words(point: Point, *, qualifier: bool = True) -> str:
    """ "15 Nov 2021", "Nov 2021", "2021", "44 BCE"; digits left unknown stay as EDTF."""
    year = _year(point)
    if year is None or point.unspecified:
        return point.to_edtf() if qualifier else point.to_edtf().rstrip("~?%")
    text = str(year) if year > 0 else f"{1 - year} BCE"
    if point.precision >= Precision.MONTH:
        text = f"{MONTH_ABBR[int(point.month_text) - 1]} {text}"
    if point.precision >= Precision.DAY:
        text = f"{int(point.day_text)} {text}"
    return text + (_QUALIFIED.get(point.qualifier, "") if qualifier else "")


def _plain_days(first: Point, last: Point) -> bool:
    return (
        first.precision == last.precision == Precision.DAY
        and not first.qualifier
        and not last.qualifier
        and not first.unspecified
        and not last.unspecified
        and first.year_text == last.year_text
    )


def _pair(first: Point, last: Point) -> tuple[str, str]:
    """Both ends, the shared month and year said once ("15" and "19 Nov 2021")."""
    if _plain_days(first, last):
        if first.month_text == last.month_text:
            return str(int(first.day_text)), point_words(last)
        return f"{int(first.day_text)} {MONTH_ABBR[int(first.month_text) - 1]}", point_words(last)
    return point_words(first), point_words(last)


def _interval(start: Point | None, end: Point | None, start_kind: End, end_kind: End) -> str:
    if start is not None and end is not None:
        first, last = _pair(start, end)
        return f"{first} – {last}"
    if start is not None:
        tail = "still going" if end_kind is End.OPEN else "end unknown"
        return f"from {point_words(start)}, {tail}"
    assert end is not None
    head = "open start" if start_kind is End.OPEN else "start unknown"
    return f"until {point_words(end)} ({head})"


def date_words(edtf: str) -> str:
    """A date for a reader; text that is not EDTF comes back as it is."""
    try:
        parsed = parse_edtf(edtf.strip())
    except EdtfError:
        return edtf
    case, start, end = parts_of(parsed).case, parsed.start, parsed.end
    if case is DateCase.UNDATED:
        return "undated"
    if case is DateCase.FROM_TO:
        return _interval(start, end, parsed.start_kind, parsed.end_kind)
    if case is DateCase.BEFORE:
        assert end is not None
        return f"on or before {point_words(end)}"
    if case is DateCase.AFTER:
        assert start is not None
        return f"on or after {point_words(start)}"
    assert start is not None
    if case is DateCase.BETWEEN:
        assert end is not None
        first, last = _pair(start, end)
        return f"between {first} and {last}"
    return _LEADS.get(case, "") + point_words(start, qualifier=False)
