"""Dates found in a source's text, resolved into EDTF against the day it was issued.

English forms, in the order they are tried (an earlier form wins over a later one that
overlaps it):

* either/or days: ``14 or 15 December 2021``, ``14, 15 or 16 December 2021``;
* full dates: ``16 November 2021``, ``November 16, 2021``, ``2021-11-16``,
  ``16.11.2021``, ``November 2021``; read by :func:`.written_dates.read_written_date`;
* seasons, quarters and halves (``spring 2022``, ``Q1 2022``, ``the first half of next
  year``), ``by the end of the year`` (or of 2022, of November 2021, of the month) and
  ``in the coming days/weeks/months``: read by the same reader, counting from the issue
  date (see :mod:`.written_periods` for the conventions);
* part of a month: ``early``, ``mid``, ``late``, ``the beginning of``, ``the middle
  of``, ``the end of`` a month: one unknown day in days 1-10, 11-20 or 21 to the end;
* ``last November``, ``next March``, ``this December``: the latest such month before
  the issue month, the first after it, the one in the issue year;
* a day of a month without a year (``November 16``, ``on 15 December``) and a month
  after ``in``, ``until`` or ``during``: in the year that puts it nearest the issue
  date; after ``since``, the latest such month up to the issue month;
* ``yesterday``, ``today``, ``tomorrow``, ``the day before yesterday``;
* a weekday: ``on Saturday`` (or ``Saturday``, ``last Saturday``) is the latest such
  day on or before the issue date (strictly before, with "last"); ``next Saturday``
  the first after it;
* ``last``/``this``/``next week``, ``month``, ``year``; ``the past``/``passing week``;
* windows: ``within (the next) three years``, ``in the next six months`` run from the
  issue date forward, ``in the last couple of months``, ``over the past two weeks``
  back to it; ``three years ago`` is a point. Numbers are digits or words up to
  twelve; "a couple of" is two, "a few" three;
* a year on its own, 1600-2099 (``the 2020 war``).

Anything counted from the issue date needs the issued date to be one day; without it
the words are listed unresolved (empty EDTF). A day counted from an uncertain or
approximate issue date (``2021-11-20?``) carries the same qualifier. Windows say where
one unknown day falls (``[2021-11-20..2024-11-20]``); a text may count from another
day than its own (a treaty's "within three years"), which the researcher judges.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .daynum import add_months, civil, day_number, days_in_month, format_day, format_year
from .written_dates import WrittenDateError, read_written_date
from .written_points import MONTH_NAMES, MONTHS

# A dot belongs to an abbreviated month ("Nov."), not to a full one ending a sentence.
_MONTH = (
    r"(?P<m>(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)"
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a couple of": 2, "couple of": 2, "a few": 3, "few": 3,
}  # fmt: skip
_NUMBER = r"(?P<n>\d{1,3}|(?i:a couple of|couple of|a few|few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"  # noqa: E501
_UNIT = r"(?P<u>(?i:days?|weeks?|months?|years?))"
_ON = r"(?:(?i:on|in) )?"
_ORD = r"(?:st|nd|rd|th)?"


@dataclass(frozen=True, slots=True)
class Anchor:
    """The day a text counts from (its issue date), with that date's qualifier."""

    day: int
    qualifier: str = ""


@dataclass(frozen=True, slots=True)
class FoundDate:
    """Words in paragraph ``paragraph`` (from 1) at ``start:end``, read as ``edtf``.

    ``edtf`` is empty when the words could not be resolved; ``how`` says how they were
    (or why not).
    """

    paragraph: int
    start: int
    end: int
    words: str
    edtf: str
    how: str


_ISSUED = re.compile(r"(-?\d{4})-(\d{2})-(\d{2})([?~%]?)")


def anchor_of(issued: str) -> Anchor | None:
    """The anchor of an issued date given as one day (qualified or not), else None."""
    found = _ISSUED.fullmatch(issued.strip())
    if found is None:
        return None
    year, month, day = (int(found.group(i)) for i in (1, 2, 3))
    return Anchor(day_number(year, month, day), found.group(4))


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").casefold()]


def _day(days: int, anchor: Anchor) -> str:
    return format_day(days) + anchor.qualifier


def _window(first: int, last: int) -> str:
    return f"[{format_day(first)}..{format_day(last)}]"


def _ym(year: int, month: int) -> str:
    return f"{format_year(year)}-{month:02d}"


def _shift(days: int, unit: str, count: int) -> int:
    """``days`` moved by ``count`` units (a month or year keeps its day, clamped)."""
    unit = unit.casefold().rstrip("s")
    if unit in ("day", "week"):
        return days + count * (7 if unit == "week" else 1)
    year, month, day = civil(days)
    year, month = add_months(year, month, count * (12 if unit == "year" else 1))
    return day_number(year, month, min(day, days_in_month(year, month)))


def _nearest_year(month: int, day: int, anchor: Anchor) -> int:
    year = civil(anchor.day)[0]
    candidates = [y for y in (year - 1, year, year + 1) if day <= days_in_month(y, month)]
    if not candidates:
        return year  # no such day in any year: the caller says so
    return min(candidates, key=lambda y: abs(day_number(y, month, day) - anchor.day))


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _NUMBER_WORDS[text.casefold()]


Resolver = Callable[[re.Match[str], Anchor | None], tuple[str, str]]
_NEEDS_ANCHOR = "counted from the issue date, which is not given as one day"


def _written(found: re.Match[str], _anchor: Anchor | None) -> tuple[str, str]:
    try:
        return read_written_date(found.group("w")).edtf, "a date given in full"
    except WrittenDateError as exc:
        return "", str(exc)


def _period(found: re.Match[str], anchor: Anchor | None) -> tuple[str, str]:
    """A period, an either/or or a counted date, as the written-date reader reads it."""
    words = found.group("w")
    try:
        edtf = read_written_date(words, reference=anchor.day if anchor else None).edtf
    except WrittenDateError as exc:
        return "", str(exc)
    if "," in edtf:
        how = "one of these days"
    elif edtf.startswith("[.."):
        how = "up to the end of that period"
    elif "coming" in words.casefold():
        how = "a window from the issue date forward"
    else:
        how = "a season, quarter or half"
    counted = "year" in words.casefold() or "month" in words.casefold()
    return edtf, f"{how}, counted from the issue date" if counted else how


def _part_of_month(found: re.Match[str], anchor: Anchor | None) -> tuple[str, str]:
    month, part = _month(found.group("m")), found.group("p").casefold()
    if found.group("y"):
        year = int(found.group("y"))
    elif anchor is None:
        return "", _NEEDS_ANCHOR
    else:
        year = _nearest_year(month, 15, anchor)
    first, last = (1, 10) if "early" in part or "beginning" in part or "start" in part else (11, 20)
    if "late" in part or "end" in part:
        first, last = 21, days_in_month(year, month)
    days = (day_number(year, month, first), day_number(year, month, last))
    return _window(*days), f"days {first}-{last} of {MONTH_NAMES[month - 1]} {year}"


def _named_month(found: re.Match[str], anchor: Anchor | None) -> tuple[str, str]:
    if anchor is None:
        return "", _NEEDS_ANCHOR
    month, which = _month(found.group("m")), found.group("which").casefold()
    year, issue_month, _ = civil(anchor.day)
    if which == "last":
        year = year if month < issue_month else year - 1
        return _ym(year, month), "the latest such month before the issue month"
    if which == "next":
        year = year if month > issue_month else year + 1
        return _ym(year, month), "the first such month after the issue month"
    return _ym(year, month), "that month of the issue year"


def _month_day(found: re.Match[str], anchor: Anchor | None) -> tuple[str, str]:
    if anchor is None:
        return "", _NEEDS_ANCHOR
    month, day = _month(found.group("m")), int(found.group("d"))
    if not 1 <= day <= 31:
        return "", f"there is no day {day} in a month"
    year = _nearest_year(month, day, anchor)
    if day > days_in_month(year, month):
        return "", f"day {day} is not in {MONTH_NAMES[month - 1]} {year}"
    return format_day(day_number(year, month, day)), "the year nearest the issue date"


def _month_only(found: re.Match[str], anchor: Anchor | None) -> tuple[str, str]:
    if anchor is None:
        return "", _NEEDS_ANCHOR
    month = _month(found.group("m"))
    if found.group("k").casefold() == "since":
        year, issue_month, _ = civil(anchor.day)
        year = year if month <= issue_month else year - 1
        return _ym(year, month), "the latest such month up to the issue month"
    return _ym(_nearest_year(month, 15, anchor), month), "the year nearest the issue date"


def _day_word(found: re.Match[str], anchor: Anchor | None) -> tuple[str, str]:
    if anchor is None:
        return "", _NEEDS_ANCHOR
    word = found.group("w").casefold()
    offset = {"yesterday": -1, "today": 0, "tomorrow": 1}.get(word, -2)
    how = {-2: "two days before", -1: "the day before", 0: "", 1: "the day after"}[offset]
    return _day(anchor.day + offset, anchor), f"{how} the issue date".strip()


def _weekday(found: re.Match[str], anchor: Anchor | None) -> tuple[str, str]:
    if anchor is None:
        return "", _NEEDS_ANCHOR
    wanted = _WEEKDAYS.index(found.group("wd").capitalize())
    today = (anchor.day + 3) % 7  # 1970-01-01 was a Thursday: weekday 3, Monday 0
    which = (found.group("which") or "on").casefold()
    if which == "next":
        ahead = (wanted - today) % 7 or 7
        return _day(anchor.day + ahead, anchor), "the first such day after the issue date"
    back = (today - wanted) % 7
    if which == "last" and back == 0:
        back = 7
    where = "before" if which == "last" else "on or before"
    return _day(anchor.day - back, anchor), f"the latest such day {where} the issue date"


def _relative_unit(found: re.Match[str], anchor: Anchor | None) -> tuple[str, str]:
    if anchor is None:
        return "", _NEEDS_ANCHOR
    which = found.group("which").casefold().removeprefix("the ")
    unit = found.group("u").casefold()
    step = {"last": -1, "next": 1}.get(which, 0)
    year, month, _ = civil(anchor.day)
    if unit == "year":
        return format_year(year + step), "counted from the issue year"
    if unit == "month":
        return _ym(*add_months(year, month, step)), "counted from the issue month"
    if which in ("past", "passing"):
        return _window(anchor.day - 6, anchor.day), "the seven days up to the issue date"
    monday = anchor.day - (anchor.day + 3) % 7 + 7 * step
    return _window(monday, monday + 6), "that week (Monday to Sunday)"


def _ahead(found: re.Match[str], anchor: Anchor | None) -> tuple[str, str]:
    if anchor is None:
        return "", _NEEDS_ANCHOR
    end = _shift(anchor.day, found.group("u"), _number(found.group("n")))
    return _window(anchor.day, end), "from the issue date forward"


def _back(found: re.Match[str], anchor: Anchor | None) -> tuple[str, str]:
    if anchor is None:
        return "", _NEEDS_ANCHOR
    count = _number(found.group("n")) if found.group("n") else 1
    start = _shift(anchor.day, found.group("u"), -count)
    return _window(start, anchor.day), "back from the issue date"


def _ago(found: re.Match[str], anchor: Anchor | None) -> tuple[str, str]:
    if anchor is None:
        return "", _NEEDS_ANCHOR
    unit = found.group("u").casefold().rstrip("s")
    days = _shift(anchor.day, unit, -_number(found.group("n")))
    year, month, _ = civil(days)
    shown = {"year": format_year(year), "month": _ym(year, month)}.get(unit, _day(days, anchor))
    return shown, "counted back from the issue date"


def _year(found: re.Match[str], _anchor: Anchor | None) -> tuple[str, str]:
    return found.group("y"), "a year on its own"


_WEEKDAY = r"(?P<wd>" + "|".join(_WEEKDAYS) + r")\b"
_YEARISH = r"(?:\d{4}|(?i:this|next|last) year)"
_PERIODS = (
    rf"\b(?P<w>(?i:(?:the )?(?:spring|summer|autumn|fall|winter)(?: of)?) {_YEARISH}"
    rf"|[QH]\d \d{{4}}|(?i:the (?:first|second|third|fourth|last) (?:quarter|half) of) "
    rf"{_YEARISH}|(?i:by|before) the end of (?:(?i:the|this|next) (?i:year|month)|\d{{4}}"
    rf"|{_MONTH},? \d{{4}})|(?i:in|over|during) the coming (?i:days|weeks|months))\b"
)
_FORMS: tuple[tuple[re.Pattern[str], Resolver], ...] = tuple(
    (re.compile(pattern), resolve)
    for pattern, resolve in (
        (
            rf"\b{_ON}(?P<w>\d{{1,2}}{_ORD}(?:, \d{{1,2}}{_ORD})*,? (?i:or) \d{{1,2}}{_ORD}"
            rf"(?: of)? {_MONTH},? \d{{4}})\b",
            _period,
        ),
        (rf"\b{_ON}(?P<w>\d{{1,2}}{_ORD}(?: of)? {_MONTH},? \d{{4}})\b", _written),
        (rf"\b{_ON}(?P<w>{_MONTH} \d{{1,2}}{_ORD},? \d{{4}})\b", _written),
        (r"\b(?P<w>\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})\b", _written),
        (_PERIODS, _period),
        (
            rf"\b(?P<p>(?i:early|mid-?|late|the beginning of|the start of|the middle of|"
            rf"the end of)) ?{_MONTH}(?: (?P<y>\d{{4}})\b)?",
            _part_of_month,
        ),
        (rf"\b(?P<w>{_MONTH},? \d{{4}})\b", _written),
        (rf"\b(?P<which>(?i:last|next|this)) {_MONTH}", _named_month),
        (rf"\b{_ON}(?P<d>\d{{1,2}}){_ORD}(?: of)? {_MONTH}", _month_day),
        (rf"\b{_ON}{_MONTH} (?P<d>\d{{1,2}}){_ORD}\b(?![.,]?\d)", _month_day),
        (rf"\b(?P<k>(?i:in|since|until|during)) {_MONTH}", _month_only),
        (r"\b(?P<w>(?i:the day before yesterday|yesterday|today|tomorrow))\b", _day_word),
        (rf"\b(?:(?P<which>(?i:on|last|next|this)) )?{_WEEKDAY}", _weekday),
        (
            rf"\b(?:(?i:within) (?:the )?(?:(?i:next|coming) )?|(?i:in|over) the "
            rf"(?i:next|coming) ){_NUMBER} {_UNIT}\b",
            _ahead,
        ),
        (
            rf"\b(?i:in|over|during|for) the (?i:last|past|previous) (?:{_NUMBER} )?{_UNIT}\b",
            _back,
        ),
        (rf"\b{_NUMBER} {_UNIT} (?i:ago)\b", _ago),
        (
            r"\b(?P<which>(?i:last|next|this|the past|the passing)) (?P<u>(?i:week|month|year))\b",
            _relative_unit,
        ),
        (r"\b(?P<y>1[6-9]\d\d|20\d\d)\b", _year),
    )
)


def find_dates(paragraph: str, number: int, anchor: Anchor | None) -> list[FoundDate]:
    """The dates in one paragraph (``number`` counted from 1), in text order."""
    taken: list[tuple[int, int]] = []
    found: list[FoundDate] = []
    for pattern, resolve in _FORMS:
        for match in pattern.finditer(paragraph):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            taken.append((start, end))
            edtf, how = resolve(match, anchor)
            found.append(FoundDate(number, start, end, match.group(0), edtf, how))
    return sorted(found, key=lambda f: f.start)


def find_text_dates(paragraphs: tuple[str, ...], issued: str) -> list[FoundDate]:
    """The dates in every paragraph, counted from the ``issued`` EDTF date."""
    anchor = anchor_of(issued)
    return [d for i, text in enumerate(paragraphs, 1) for d in find_dates(text, i, anchor)]
