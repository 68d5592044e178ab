"""Written dates that name part of a month or year, or count from a reference day.

The helper of :mod:`.written_dates` for the forms a diplomatic source uses when it
gives no day: "early November 2021", "spring 2022", "Q1 2022", "the first half of
2022", "by the end of the year", "in the coming weeks". Text arrives normalised by
:func:`.written_points.normalise` (single spaces, no commas, no abbreviation dots).

Conventions (also in the README and the date editor's help):

* part of a month: ``early`` (or ``the beginning of``, ``the start of``) is days 1-10,
  ``mid`` (``the middle of``) days 11-20, ``late`` (``the end of``) day 21 to the end
  of the month; each is one unknown day in that window, ``[2021-11-01..2021-11-10]``;
* seasons: EDTF's codes 21-24 (``spring 2022`` is ``2022-21``, March to May;
  ``summer`` June to August; ``autumn``/``fall`` September to November; ``winter``
  December to February of the next year, so ``winter 2022`` and ``winter 2022/23``
  are ``2022-24``);
* quarters ``Q1 2022``, ``2022 Q1``, ``the first quarter of 2022`` (``2022-33`` to
  ``2022-36``) and halves ``H1 2022``, ``the first half of 2022`` (``2022-40``,
  ``2022-41``);
* a year may be written ``the year``, ``this year``, ``next year`` or ``last year``,
  and a month ``the month``, ``this month``, ``next month`` or ``last month``, when a
  reference day is given (the project's as-of date or today in the editor, a source's
  issued date in its text): they count from it;
* ``by the end of X`` or ``before the end of X`` is ``[..last day of X]``;
* ``in the coming days`` is the reference day and the 7 days after it, ``the coming
  weeks`` the reference day and 6 weeks after it, ``the coming months`` the reference
  day to 6 months later: one unknown day in that window.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .daynum import add_months, civil, day_number, days_in_month, format_day, format_year
from .edtf import parse_point
from .written_points import (
    MONTHS,
    UnreadableError,
    WrittenDateError,
    point_edtf,
    read_point,
    read_year,
)

__all__ = ["Period", "read_end_of", "read_period"]

_FLAGS = re.IGNORECASE | re.ASCII
_YEAR = r"(?:the|this|next|last) year|(?:(?:ad|ce) )?[0-9]+(?: (?:bce|bc|ad|ce))?"
_IN = r"(?:(?:in|during|at|over) )?(?:the )?"
_PART = re.compile(
    rf"{_IN}(early|mid|mid-|late|(?:beginning|start|middle|end) of)"
    rf" ?(?:the month of )?([a-z]+)(?: ({_YEAR}))?",
    _FLAGS,
)
_PART_OF_YEAR = re.compile(
    rf"{_IN}(early|mid|mid-|late|(?:beginning|start|middle|end) of) ?(?:the )?({_YEAR})", _FLAGS
)
_SEASON = re.compile(
    rf"{_IN}(spring|summer|autumn|fall|winter)(?: of)?(?: ({_YEAR}))?(?:[/-]([0-9]{{2,4}}))?",
    _FLAGS,
)
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_ORDINALS |= {"fourth": 4, "4th": 4} | {str(n): n for n in range(1, 5)}
#: Normalising has already turned "3rd" into "3".
_ORDINAL = r"first|second|third|fourth|last|1st|2nd|3rd|4th|[1-4]"
_SHARE = re.compile(
    rf"{_IN}(?:([qh])([0-9]+)(?: (?:of )?({_YEAR}))?|([0-9]+) ([qh])([0-9]+)"
    rf"|({_ORDINAL}) (quarter|half)(?: of)?(?: ({_YEAR}))?)",
    _FLAGS,
)
_COMING = re.compile(rf"{_IN}coming (days|weeks|months)|{_IN}(days|weeks|months) to come", _FLAGS)
_END_OF = re.compile(r"(by|before) (?:the )?end of (.+)", _FLAGS)
_MONTH_WORDS = re.compile(r"(?:the|this|next|last) month", _FLAGS)
_STEP = {"next": 1, "last": -1}

#: Sub-year groupings: code -> (first month, months), as EDTF defines them.
SPANS: dict[int, tuple[int, int]] = {
    21: (3, 3), 22: (6, 3), 23: (9, 3), 24: (12, 3),
    33: (1, 3), 34: (4, 3), 35: (7, 3), 36: (10, 3),
    40: (1, 6), 41: (7, 6),
}  # fmt: skip
SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
#: How far "the coming days/weeks/months" reach past the reference day.
COMING = {"days": (7, 0), "weeks": (42, 0), "months": (0, 6)}


@dataclass(frozen=True, slots=True)
class Period:
    """A written period read: its EDTF text and its first and last day numbers."""

    edtf: str
    first: int
    last: int


def _needs(words: str, what: str, example: str) -> WrittenDateError:
    return WrittenDateError(
        f"'{words}' needs {what}, and no day is given to count from: write it out ({example})"
    )


def _year(text: str | None, reference: int | None, words: str) -> int:
    """The year of '2022', '44 BC' or, counted from the reference day, 'next year'."""
    if text is None:
        raise WrittenDateError(f"'{words}' has no year: write the year in full")
    lowered = text.casefold()
    if not lowered.endswith("year"):
        return read_year(text)
    if reference is None:
        raise _needs(words, "a year", "e.g. by the end of 2022")
    return civil(reference)[0] + _STEP.get(lowered.split(" ")[0], 0)


def _months(year: int, month: int, count: int) -> tuple[int, int]:
    """First and last day numbers of ``count`` months from ``year``-``month``."""
    after = add_months(year, month, count)
    return day_number(year, month, 1), day_number(*after, 1) - 1


def _grouping(year: int, code: int, words: str) -> Period:
    """The season, quarter or half ``code`` of ``year`` (EDTF ``YYYY-CC``)."""
    if abs(year) > 9999:
        kind = "season" if code < 30 else "quarter" if code < 40 else "half"
        raise WrittenDateError(f"a year beyond 9999 ({year}) takes no {kind}: '{words}'")
    first, last = _months(year, *SPANS[code])
    return Period(f"{format_year(year)}-{code}", first, last)


def _part_of_month(match: re.Match[str], reference: int | None, words: str) -> Period:
    part, name, year_text = match.groups()
    month = MONTHS.get(name.casefold())
    if month is None:
        raise WrittenDateError(f"no month called '{name}'")
    year = _year(year_text, reference, words)
    key = part.casefold().rstrip("-").split(" ")[0]
    key = {"beginning": "early", "start": "early", "middle": "mid", "end": "late"}.get(key, key)
    low, high = _PARTS[key]
    if abs(year) > 9999:
        raise WrittenDateError(f"a year beyond 9999 ({year}) takes no month: '{words}'")
    first = day_number(year, month, low)
    last = day_number(year, month, min(high, days_in_month(year, month)))
    return Period(f"[{format_day(first)}..{format_day(last)}]", first, last)


def _part_of_year(match: re.Match[str], _reference: int | None, words: str) -> Period:
    raise WrittenDateError(
        f"'{words}': early, mid and late are read for a month (early November 2021); "
        "for part of a year write a season, quarter or half (Q1 2022, the first half of "
        "2022), or 'by the end of 2022'"
    )


def _season(match: re.Match[str], reference: int | None, words: str) -> Period:
    name, year_text, next_text = match.groups()
    year = _year(year_text, reference, words)
    code = SEASONS[name.casefold()]
    if next_text is not None:
        wanted = str(year + 1)[-len(next_text) :]
        if code != 24:
            raise WrittenDateError(f"'{words}': only a winter runs into a second year")
        if next_text != wanted:
            raise WrittenDateError(f"'{words}': winter {year} runs into {year + 1}")
    return _grouping(year, code, words)


def _share(match: re.Match[str], reference: int | None, words: str) -> Period:
    """A quarter or half: Q1 2022, 2022 H1, the second half of 2022."""
    letter, number, year_text, year_first, letter_after, number_after, ordinal, noun, year_end = (
        match.groups()
    )
    if ordinal is not None:
        kind = noun.casefold()
        last = 4 if kind == "quarter" else 2
        count = last if ordinal.casefold() == "last" else _ORDINALS[ordinal.casefold()]
    else:
        kind = "quarter" if (letter or letter_after).casefold() == "q" else "half"
        count = int(number or number_after)
    if kind == "quarter" and not 1 <= count <= 4:
        raise WrittenDateError(f"there is no quarter {count} in '{words}': Q1 to Q4")
    if kind == "half" and not 1 <= count <= 2:
        raise WrittenDateError(f"there is no half {count} in '{words}': H1 or H2")
    year = _year(year_text or year_first or year_end, reference, words)
    return _grouping(year, (33 if kind == "quarter" else 40) + count - 1, words)


def _coming(match: re.Match[str], reference: int | None, words: str) -> Period:
    if reference is None:
        raise _needs(words, "a first day", "e.g. between 1 and 30 November 2021")
    days, months = COMING[(match[1] or match[2]).casefold()]
    year, month, day = civil(reference + days)
    year, month = add_months(year, month, months)
    last = day_number(year, month, min(day, days_in_month(year, month)))
    return Period(f"[{format_day(reference)}..{format_day(last)}]", reference, last)


_FORMS = (
    (_PART, _part_of_month),
    (_PART_OF_YEAR, _part_of_year),
    (_SEASON, _season),
    (_SHARE, _share),
    (_COMING, _coming),
)


def read_period(words: str, reference: int | None) -> Period | None:
    """The period normalised ``words`` name, or None when they are in none of its forms.

    Raises :class:`WrittenDateError` for a period that cannot be (no month called
    'Smarch', Q5, a year left out with no reference day to count from).
    """
    for pattern, read in _FORMS:
        if match := pattern.fullmatch(words):
            return read(match, reference, words)
    return None


def _month_end(text: str, reference: int | None, words: str) -> int:
    """The last day of 'the month', 'next month' (counted from the reference day)."""
    if reference is None:
        raise _needs(words, "a month", "e.g. by the end of December 2021")
    year, month, _ = civil(reference)
    year, month = add_months(year, month, _STEP.get(text.casefold().split(" ")[0], 0))
    return day_number(year, month, days_in_month(year, month))


def _last_day(text: str, reference: int | None, words: str) -> int:
    """The last day of a year, month, period or date written in words."""
    if _MONTH_WORDS.fullmatch(text):
        return _month_end(text, reference, words)
    if text.casefold().endswith(" year"):
        return day_number(_year(text, reference, words), 12, 31)
    period = read_period(text, reference)
    if period is not None:
        return period.last
    point = read_point(text, None)
    if not isinstance(point, str):
        if point.year is None:
            raise WrittenDateError(f"'{text}' has no year: write the year in full")
        point = point_edtf(point)
    return parse_point(point).core_latest


def read_end_of(words: str, reference: int | None) -> str | None:
    """EDTF ``[..D]`` of 'by the end of X', or None when ``words`` are not in that form."""
    match = _END_OF.fullmatch(words)
    if match is None:
        return None
    try:
        last = _last_day(match[2], reference, words)
    except UnreadableError:
        raise WrittenDateError(
            f"'{match[2]}' is not a year, month or period: write e.g. 'by the end of 2022'"
        ) from None
    return f"[..{format_day(last)}]"
