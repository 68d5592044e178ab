"""One written calendar date, without range words or qualifiers, read as year, month, day.

The helper of :mod:`.written_dates`. Text arrives normalised by :func:`normalise`
(single spaces, no commas, no dot after a word) with the writer's own letter case, so
that a message can quote their words ("no month called 'Decembr'"). A date read here may
lack its year or month (:class:`Ymd` holds None there): a range fills them from its
other end ("between 1 and 10 November 2021"); a date on its own is refused.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .daynum import days_in_month, format_year
from .edtf import MAX_YEAR, EdtfError, parse_edtf

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTHS: dict[str, int] = {
    **{name.casefold(): number for number, name in enumerate(MONTH_NAMES, start=1)},
    **{name[:3].casefold(): number for number, name in enumerate(MONTH_NAMES, start=1)},
    "sept": 9,
}
_BC = ("bc", "bce")
_FLAGS = re.IGNORECASE | re.ASCII

# "B.C.", "b.c.e.", "A.D." and "C.E." lose their dots first, so that a dot after
# any other word ("Dec.", "c.") can be dropped as an abbreviation mark.
_ERA_DOTS = re.compile(r"\b(?:b\.?c\.?(?:e\.?)?|a\.?d\.?|c\.?e\.?)(?=\s|$)", _FLAGS)
_WORD_DOT = re.compile(r"\b([a-z]+)\.", _FLAGS)
_ORDINAL = re.compile(r"\b([0-9]{1,2})(?:st|nd|rd|th)\b(?: of\b)?", _FLAGS)
# "15-Dec-2021"; an X digit ("2021-XX") is not a letter here.
_WORD_HYPHEN = re.compile(r"(?<=[0-9])-(?=[a-wyz])|(?<=[a-wyz])-(?=[0-9])", _FLAGS)

_YEAR = r"(?:(?:ad|ce) )?[0-9]+(?: (?:bce|bc|ad|ce))?"
_YEAR_PARTS = re.compile(r"(?:(ad|ce) )?([0-9]+)(?: (bce|bc|ad|ce))?", _FLAGS)
_TIME = r"(?:[ t][0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?z?)?"
_ISO = re.compile(rf"(-?[0-9]{{4}})([-/.])([0-9]{{1,2}})(?:\2([0-9]{{1,2}}){_TIME})?", _FLAGS)
_NUMERIC = re.compile(rf"([0-9]{{1,2}})([-/.])([0-9]{{1,2}})\2({_YEAR})", _FLAGS)
_MONTH_YEAR = re.compile(r"([0-9]{1,2})[-/.]([0-9]{3,4})", _FLAGS)
_SHORT_NUMERIC = re.compile(r"[0-9]{1,2}([-/.])[0-9]{1,2}(?:\1[0-9]{1,2})?", _FLAGS)
_NAMED = re.compile(rf"(?:([0-9]{{1,2}}) )?([a-z]+)(?: ([0-9]{{1,2}}))?(?: ({_YEAR}))?", _FLAGS)
_DAY = re.compile(r"[0-9]{1,2}", _FLAGS)
_UNSPECIFIED = re.compile(r"-?[0-9x]{4}(?:-[0-9x]{2}){0,2}", _FLAGS)


class WrittenDateError(ValueError):
    """Text that is not a date we can read; the message says why in plain words."""


class UnreadableError(WrittenDateError):
    """Text in none of the written forms (the caller words the final message)."""


class Ymd(NamedTuple):
    """A written date's year, month and day; None where the text gives none."""

    year: int | None
    month: int | None
    day: int | None


def normalise(text: str) -> str:
    """Single spaces, no commas, ordinals and abbreviation dots dropped; case kept."""
    text = " ".join(text.split())
    text = _ERA_DOTS.sub(lambda m: m[0].replace(".", ""), text)
    text = _WORD_DOT.sub(r"\1 ", text.removesuffix("."))
    text = _ORDINAL.sub(r"\1", text.replace(",", " "))
    return " ".join(_WORD_HYPHEN.sub(" ", text).split())


def year_words(year: int) -> str:
    """A year as people write it: 2021, 44 BC (year 0 is 1 BC)."""
    return str(year) if year > 0 else f"{1 - year} BC"


def short_year(digits: str) -> WrittenDateError:
    """The refusal of a year written with one or two digits."""
    return WrittenDateError(
        f"write the year in full, not '{digits}' (add BC or AD for a year before 100)"
    )


def read_year(text: str) -> int:
    """The astronomical year of '2021', '44 BC', 'AD 44' (1 BC is year 0)."""
    match = _YEAR_PARTS.fullmatch(text)
    if match is None:
        raise UnreadableError(text)
    before, digits, after = match.groups()
    era = (before or after or "").casefold()
    if not era and len(digits) < 3:
        raise short_year(digits)
    value = int(digits)
    if era and value == 0:
        raise WrittenDateError("there is no year 0 BC or AD 0: 1 BC is followed by AD 1")
    if value > MAX_YEAR:
        raise WrittenDateError(f"year {digits} is too far off (the limit is {MAX_YEAR:,})")
    return 1 - value if era in _BC else value


def _month(digits: str, text: str) -> int:
    """A month number that exists."""
    month = int(digits)
    if not 1 <= month <= 12:
        raise WrittenDateError(f"there is no month {month} in '{text}'")
    return month


def _iso_month(match: re.Match[str]) -> int:
    """The month of ``2021-12``; beyond 1–12 in EDTF's own form, the EDTF parser's message."""
    # "2001-42" is EDTF's form with a season code out of range: say what validate says
    # ("season 42 out of range … 21–41"), not that months stop at 12.
    if match[2] == "-" and len(match[3]) == 2 and not 1 <= int(match[3]) <= 12:
        try:
            parse_edtf(match[0])
        except EdtfError as exc:
            raise WrittenDateError(str(exc)) from None
    return _month(match[3], match[0])


def _numeric(match: re.Match[str], day_first: bool | None) -> Ymd:
    """D/M/YYYY or M/D/YYYY; without a preference, the only real reading or day-first."""
    first, second = int(match[1]), int(match[3])
    if day_first is None:
        day_first = not second > 12 >= first
    day, month = (first, second) if day_first else (second, first)
    if not 1 <= month <= 12:
        order = "day/month/year" if day_first else "month/day/year"
        raise WrittenDateError(f"there is no month {month} in '{match[0]}' (read as {order})")
    return Ymd(read_year(match[4]), month, day)


def _named(match: re.Match[str]) -> Ymd:
    """'15 December 2021', 'Dec 15 2021', 'December 2021', or parts of them."""
    before, word, after, year = match.groups()
    month = MONTHS.get(word.casefold())
    if month is None:
        if before is None and after is None and year is None:
            raise UnreadableError(word)  # a lone word: not worth calling it a month
        raise WrittenDateError(f"no month called '{word}'")
    if before is not None and after is not None:
        raise short_year(after)
    day = before or after
    return Ymd(read_year(year) if year else None, month, int(day) if day else None)


def read_point(text: str, day_first: bool | None) -> Ymd | str:
    """One normalised written date; EDTF text when it has unspecified digits (2021-1X)."""
    if match := _ISO.fullmatch(text):
        day = int(match[4]) if match[4] else None
        return Ymd(int(match[1]), _iso_month(match), day)
    if match := _NUMERIC.fullmatch(text):
        return _numeric(match, day_first)
    if match := _MONTH_YEAR.fullmatch(text):
        return Ymd(read_year(match[2]), _month(match[1], match[0]), None)
    if _SHORT_NUMERIC.fullmatch(text):
        raise WrittenDateError(f"'{text}' has no year: write the year in full")
    if _DAY.fullmatch(text):
        return Ymd(None, None, int(text))  # a day, or a short year: the caller decides
    if _YEAR_PARTS.fullmatch(text):
        return Ymd(read_year(text), None, None)
    if match := _NAMED.fullmatch(text):
        return _named(match)
    if _UNSPECIFIED.fullmatch(text) and "x" in text.casefold():
        return text.upper()
    raise UnreadableError(text)


def point_edtf(ymd: Ymd) -> str:
    """EDTF text of a complete written date; refuses months and days that do not exist."""
    year, month, day = ymd
    assert year is not None, "a date without a year is filled or refused before this"
    if day is not None:
        assert month is not None
        if not 1 <= day <= days_in_month(year, month):
            raise WrittenDateError(
                f"day {day} is not in {MONTH_NAMES[month - 1]} {year_words(year)}"
            )
    if abs(year) > 9999:
        if month is not None:
            raise WrittenDateError(f"a year beyond 9999 ({year_words(year)}) takes no month")
        return f"Y{year}"
    parts = [format_year(year)]
    if month is not None:
        parts.append(f"{month:02d}")
    if day is not None:
        parts.append(f"{day:02d}")
    return "-".join(parts)
