"""Dates read aloud for reports: '19 Nov 2021 (uncertain)', 'between 1 and 10 Nov 2021'.

The case (exact, window, interval, before, after…) comes from
:func:`timeline_editor.model.date_cases.parts_of`, the same reading the inspector
offers; this module only spells each end in words instead of ISO digits, and
shares the month or year of two ends when they agree ('27 Sep – 10 Nov 2020').
"""

from __future__ import annotations

from .date_cases import DateCase, parts_of
from .datewords_sets import part_qualifier_words, season_words, set_words, year_words
from .daynum import civil
from .edtf import EdtfError, End, ParsedDate, Point, Precision, parse_edtf
from .edtf_time import time_words

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
QUALIFIER_WORDS = {"~": " (approx.)", "?": " (uncertain)", "%": " (approx., uncertain)"}


def _year(year: int) -> str:
    # EDTF counts astronomically: year 0 is 1 BC, -0044 is 45 BC.
    return str(year) if year > 0 else f"{1 - year} BC"


def _day_text(number: int, precision: Precision) -> tuple[str, str, str]:
    """(day, month, year) words of a day number, blank below ``precision``."""
    year, month, day = civil(number)
    return (
        str(day) if precision is Precision.DAY else "",
        MONTHS[month - 1] if precision >= Precision.MONTH else "",
        _year(year),
    )


def _join(parts: tuple[str, ...]) -> str:
    return " ".join(p for p in parts if p)


def _span(first: int, last: int, precision: Precision, glue: str) -> str:
    """Two days at one precision, sharing their common year and month.

    A dash between single words closes up ('15–19 Nov 2021', '2020–2021').
    """
    a, b = _day_text(first, precision), _day_text(last, precision)
    if a == b:
        return _join(a)
    if a[2] != b[2]:
        head = _join(a)
    elif a[1] != b[1] or precision is Precision.MONTH:
        head = _join(a[:2])
    else:
        head = a[0]
    if glue.strip() == "–" and " " not in head:
        glue = "–"
    return f"{head}{glue}{_join(b)}"


def point_words(point: Point) -> str:
    """One end in words, e.g. '19 Nov 2021 (uncertain)'; unspecified digits as a range."""
    if point.partly_qualified:
        plain = point._replace(
            year_text=point.year_text.strip("~?%"),
            month_text=point.month_text.strip("~?%"),
            day_text=point.day_text.strip("~?%"),
            qualifier="",
        )
        return point_words(plain) + part_qualifier_words(point)
    if point.precision is Precision.SEASON:
        body = season_words(point)
    elif point.year_text.startswith("Y") or "S" in point.year_text:
        body = year_words(point)
    elif point.unspecified:
        body = _span(point.core_earliest, point.core_latest, point.precision, "–")
    else:
        body = _join(_day_text(point.core_earliest, point.precision))
    if point.time_text:  # never qualified: the parser refuses ~ ? % with a time
        return f"{body}, {time_words(point)}"
    return body + QUALIFIER_WORDS.get(point.qualifier, "")


def _pair(start: Point, end: Point, glue: str) -> str:
    """'1 and 10 Nov 2021' when both ends are plain and equally precise, else each in full."""
    plain = not (start.qualifier or end.qualifier or start.unspecified or end.unspecified)
    long_year = start.year_text.startswith("Y") or end.year_text.startswith("Y")
    spelt = start.precision is end.precision and start.precision is not Precision.SEASON
    if plain and not long_year and spelt and "S" not in start.year_text + end.year_text:
        return _span(start.core_earliest, end.core_earliest, start.precision, glue)
    return f"{point_words(start)}{glue}{point_words(end)}"


def _interval_words(parsed: ParsedDate) -> str:
    start, end = parsed.start, parsed.end
    if start is not None and end is not None:
        return _pair(start, end, " – ")
    if start is not None:
        tail = "ongoing" if parsed.end_kind is End.OPEN else "end unknown"
        return f"from {point_words(start)} ({tail})"
    assert end is not None
    head = "start open" if parsed.start_kind is End.OPEN else "start unknown"
    return f"until {point_words(end)} ({head})"


def parsed_words(parsed: ParsedDate) -> str:
    """A parsed date in plain words (see :func:`date_words`)."""
    if parsed.members:
        return set_words(parsed, point_words)
    case = parts_of(parsed).case
    if case is DateCase.UNDATED:
        return "undated"
    if case is DateCase.FROM_TO:
        return _interval_words(parsed)
    start, end = parsed.start, parsed.end
    if case is DateCase.BEFORE:
        assert end is not None
        return f"on or before {point_words(end)}"
    if case is DateCase.AFTER:
        assert start is not None
        return f"on or after {point_words(start)}"
    assert start is not None
    if case is DateCase.BETWEEN:
        assert end is not None
        return f"between {_pair(start, end, ' and ')}"
    return point_words(start)


def date_words(edtf: str) -> str:
    """An EDTF value in plain words: '19 Nov 2021 (uncertain)', 'between 1 and 10 Nov 2021',
    'Sep 2021 (approx.) – 20 Nov 2021', 'undated'. Invalid text is shown as it is."""
    try:
        return parsed_words(parse_edtf(edtf))
    except EdtfError:
        return edtf
