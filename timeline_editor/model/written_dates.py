"""Dates as people write them, read into EDTF: '15 Dec 2021', 'about Nov 2021', '44 BC'.

One reader for every place where a person types or pastes a date in words. Month names
are English, in full or in three letters (and "Sept"), in any letter case; spaces
around the text, commas, ordinals ("15th of") and a final period do not matter.

Forms read:

* any EDTF text that :func:`.edtf.parse_edtf` accepts, unchanged (``2021-11~``);
* a day: ``15 Dec 2021``, ``15 December 2021``, ``December 15, 2021``, ``Dec. 15 2021``,
  ``15-Dec-2021``, ``2021-12-15`` (a time after a space is dropped; ``2021-12-15T10:30``
  is EDTF and keeps its time, written ``T10:30:00``), ``2021/12/15``,
  ``15.12.2021``, ``15/12/2021``; a weekday in front must agree with the date;
* a month: ``December 2021``, ``Dec 2021``, ``12/2021``; a year: ``2021``;
* BC years: ``44 BC``, ``44 BCE``, ``44 B.C.``; ``AD 44`` and ``44 CE`` for early years;
* approximate (``~``): ``about``, ``around``, ``circa``, ``c.``, ``ca.``,
  ``approximately``, ``~X``, ``X~``; uncertain (``?``): ``perhaps``, ``possibly``,
  ``maybe``, ``probably``, ``X?``; both at once give ``%``;
* ``before X`` and ``by X`` give ``[..X]``, ``after X`` gives ``[X..]``; as in the
  inspector's "before" and "after" cases, the window includes X itself;
* ``between A and B`` gives ``[A..B]`` and ``from A to B`` (or until, till) ``A/B``;
* parts of a month, seasons, quarters and halves ("early November 2021", "spring
  2022", "Q1 2022", "the first half of 2022"), "by the end of the year" and "in the
  coming weeks": see :mod:`.written_periods` for their conventions. Before, after,
  between and from-to take them too, by their first or last day: "before spring
  2022" is ``[..2022-05-31]``;
* either/or: "14 or 15 December 2021", "14, 15 or 16 December 2021", "November or
  December 2021" give the one-of set ``[2021-12-14,2021-12-15]``, its dates in order.

Decisions:

* Numeric dates such as ``09/11/2021`` are read day-first (9 November) unless
  ``day_first=False`` (11 September). With ``day_first=None``, the default, a date with
  a number over 12 takes its only real reading (``12/15/2021`` is 15 December); with
  True or False the order is kept and such a date is refused.
* "between A and B" is one unknown day in a window; "from A to B" is a period that
  lasts from A to B.
* BC years count astronomically, as EDTF and :mod:`.edtf` do: 1 BC is ``0000``, so
  44 BC is ``-0043``.
* The first date of a range may leave out what the second gives: "between 1 and 10
  November 2021", "from September to November 2020".
* Refused, with a message saying why: empty text, unknown months, days that do not
  exist, years written with one or two digits, and relative dates ("next Tuesday"):
  the model never reads the clock. Only "the year" (this, next, last), "the month"
  and "the coming days/weeks/months" count from a day, the ``reference`` the caller
  passes (the as-of date or today in the editor, the issued date of a source).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from .daynum import day_number, format_day
from .edtf import EdtfError, is_valid_edtf, parse_edtf, parse_point
from .edtf_time import canonical_edtf, timed_refusal
from .written_periods import Period, read_end_of, read_period
from .written_points import (
    MONTH_NAMES,
    MONTHS,
    UnreadableError,
    WrittenDateError,
    Ymd,
    normalise,
    point_edtf,
    read_point,
    short_year,
    year_words,
)

__all__ = ["WrittenDate", "WrittenDateError", "read_written_date"]

APPROXIMATE_WORDS = frozenset(
    {"about", "around", "circa", "c", "ca", "approximately", "approx", "roughly"}
)
UNCERTAIN_WORDS = frozenset({"perhaps", "possibly", "maybe", "probably"})
_SYMBOLS = {"~": (True, False), "?": (False, True), "%": (True, True)}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS: dict[str, int] = {
    **{name.casefold(): number for number, name in enumerate(WEEKDAY_NAMES)},
    **{name[:3].casefold(): number for number, name in enumerate(WEEKDAY_NAMES)},
    "tues": 1,
    "thur": 3,
    "thurs": 3,
}
RELATIVE_WORDS = frozenset(
    {"today", "yesterday", "tomorrow", "tonight", "now", "next", "last", "this", "ago"}
    | {"days", "weeks", "weekend", "fortnight", "months", "years", "recently", "soon"}
)
#: Texts with more words are not searched for a readable part: they are no date.
_MAX_DIAGNOSED = 12
_EXAMPLES = "e.g. 15 Dec 2021, December 2021, 2021-12-15 or about 2021"

_BETWEEN = re.compile(r"between (.+?) and (.+)", re.IGNORECASE)
_FROM = re.compile(r"from (.+?) (?:to|until|till) (.+)", re.IGNORECASE)
_ONE_SIDED = re.compile(r"(before|by|after) (.+)", re.IGNORECASE)
_OR = re.compile(r" or ", re.IGNORECASE)
#: The most dates an either/or may list (the EDTF parser's limit for a set).
MAX_MEMBERS = 1000


@dataclass(frozen=True, slots=True)
class WrittenDate:
    """A written date read: its EDTF text and the words as the writer gave them.

    ``as_stated`` is empty when the text was EDTF already: there are no words to keep.
    """

    edtf: str
    as_stated: str


def read_written_date(
    text: str, *, day_first: bool | None = None, reference: int | None = None
) -> WrittenDate:
    """Read a date written in words or digits (see the module docstring for the forms).

    ``day_first`` orders numeric dates such as ``09/11/2021``: True reads 9 November,
    False reads 11 September, None (the default) reads day-first unless only the other
    order gives a real date. ``reference`` is the day number that "the year" and "the
    coming weeks" count from; without it they are refused. Raises
    :class:`WrittenDateError` naming the problem.
    """
    stated = text.strip()
    if not stated:
        raise WrittenDateError(f"no date given: write one, {_EXAMPLES}")
    if is_valid_edtf(stated) and not _leading_qualifier(stated):
        return WrittenDate(canonical_edtf(stated), "")
    if (refused := timed_refusal(stated)) is not None:
        raise WrittenDateError(refused)  # not a day with the time dropped
    words = normalise(stated)
    named = read_end_of(words, reference) or _period_edtf(read_period(words, reference))
    if named:
        return WrittenDate(named, stated)
    tokens = words.casefold().split()
    if RELATIVE_WORDS.intersection(tokens) or (len(tokens) == 1 and tokens[0] in WEEKDAYS):
        raise WrittenDateError(_relative(stated))
    try:
        edtf = _checked(_read(words, day_first, reference))
    except UnreadableError:
        # Its own class: a caller with another reading (EDTF) may have a better reason.
        raise UnreadableError(_unreadable(stated, words, day_first)) from None
    except EdtfError as exc:
        raise WrittenDateError(str(exc)) from None
    return WrittenDate(edtf, stated)


def _leading_qualifier(text: str) -> bool:
    """True for '~2021-11': EDTF level 2 would qualify the year alone, but a person
    writing it means "about November 2021", so it is read as written words."""
    return text[:1] in ("~", "?", "%") and not any(q in text[1:] for q in "~?%")


def _period_edtf(period: Period | None) -> str:
    return "" if period is None else period.edtf


def _checked(edtf: str) -> str:
    """``edtf`` once the EDTF parser accepts it: the last word on X digits and long years."""
    try:
        parse_edtf(edtf)
    except EdtfError as exc:
        raise WrittenDateError(str(exc)) from None
    return edtf


def _read(words: str, day_first: bool | None, reference: int | None) -> str:
    """EDTF of normalised text: either/or, a range, a one-sided window or one date."""
    if either := _either(words, day_first):
        return either
    if match := _BETWEEN.fullmatch(words):
        first, second = _pair(match[1], match[2], day_first, reference)
        return f"[{first}..{second}]"
    if match := _FROM.fullmatch(words):
        first, second = _pair(match[1], match[2], day_first, reference)
        return f"{first}/{second}"
    head = words.split(" ", 1)[0].casefold()
    if head in ("between", "from"):
        joiner = "and" if head == "between" else "to"
        raise WrittenDateError(f"'{head}' needs two dates joined by '{joiner}'")
    if match := _ONE_SIDED.fullmatch(words):
        after = match[1].casefold() == "after"
        if period := read_period(match[2], reference):
            return f"[{format_day(period.first)}..]" if after else f"[..{format_day(period.last)}]"
        point, _ = _end(match[2], day_first, None)
        return f"[{point}..]" if after else f"[..{point}]"
    return _end(words, day_first, None)[0]


def _pair(
    first_text: str, second_text: str, day_first: bool | None, reference: int | None
) -> tuple[str, str]:
    """The two ends of a range; the first may take its year and month from the second.

    A period at an end ("between spring and autumn 2022") stands for its first day at
    the start and its last day at the end.
    """
    parts: Ymd | None = None
    if late := read_period(second_text, reference):
        second, high = format_day(late.last), late.last
    else:
        second, parts = _end(second_text, day_first, None)
        high = parse_point(second).core_latest
    if early := read_period(first_text, reference):
        first, low = format_day(early.first), early.first
    else:
        first, _ = _end(first_text, day_first, parts)
        low = parse_point(first).core_earliest
    if high < low:
        raise WrittenDateError(f"the dates are the wrong way round: {first} comes after {second}")
    return first, second


def _end(text: str, day_first: bool | None, borrow: Ymd | None) -> tuple[str, Ymd | None]:
    """One date with its qualifier as EDTF, and its parts for the other end to borrow."""
    body, qualifier = _qualifier(text)
    if qualifier and _names_period(body):
        raise WrittenDateError(
            f"'{text}': a period such as '{body}' is a span already; "
            "it takes no 'about' or 'perhaps'"
        )
    body, weekday = _weekday(body)
    point = read_point(body, day_first)
    if isinstance(point, str):
        if weekday is not None:
            raise WrittenDateError(f"a weekday needs a whole date, not '{body}'")
        return point + qualifier, None
    parts = _complete(point, borrow, body)
    edtf = point_edtf(parts)
    if weekday is not None:
        _check_weekday(parts, weekday)
    return edtf + qualifier, parts


def _either(words: str, day_first: bool | None) -> str:
    """EDTF ``[a,b]`` of "14 or 15 December 2021", "14, 15 or 16 Dec 2021"; "" if no "or".

    The dates before the last may leave out what the last gives (as in a range).
    """
    *heads, last_text = _OR.split(words)
    if not heads:
        return ""
    first_words = heads[0].split(" ")
    if len(first_words) > 1 and first_words[0].casefold() in MONTHS and last_text[:1].isdigit():
        heads[0] = " ".join(first_words[1:])  # "December 14 or 15, 2021"
        last_text = f"{first_words[0]} {last_text}"
    listed = [h for head in heads for h in (head.split(" ") if _days(head) else [head])]
    if len(listed) + 1 > MAX_MEMBERS:
        raise WrittenDateError(f"{len(listed) + 1} dates joined by 'or': at most {MAX_MEMBERS}")
    for text in [*listed, last_text]:
        if _names_period(text):
            raise WrittenDateError(f"an either/or lists dates, not periods such as '{text}'")
    members: list[str] = []
    parts: Ymd | None = None
    for text in reversed([*listed, last_text]):  # each date may borrow from the next
        member, parts = _end(text, day_first, parts)
        members.append(member)
    if any(member[-1] in _SYMBOLS for member in members):
        raise WrittenDateError("one date of an either/or cannot be 'about' or 'perhaps'")
    members.sort(key=lambda member: parse_point(member).core_earliest)
    for one, other in pairwise(members):
        if one == other:
            raise WrittenDateError(f"{one} is given twice in '{words}'")
    return f"[{','.join(members)}]"


def _days(text: str) -> bool:
    """True for "14 15": days listed with commas, which normalising turned to spaces."""
    return all(token.isdigit() and len(token) <= 2 for token in text.split(" "))


def _names_period(text: str) -> bool:
    """True when ``text`` is written as a period ("spring 2022"), readable or not."""
    try:
        return read_period(text, None) is not None
    except WrittenDateError:
        return True


def _qualifier(text: str) -> tuple[str, str]:
    """The date without its qualifying words or signs, and the EDTF qualifier they mean."""
    approximate = uncertain = False
    words = text.split(" ")
    while words and words[0].casefold() in APPROXIMATE_WORDS | UNCERTAIN_WORDS:
        if words.pop(0).casefold() in UNCERTAIN_WORDS:
            uncertain = True
        else:
            approximate = True
    body = " ".join(words)
    while body and (body[0] in _SYMBOLS or body[-1] in _SYMBOLS):
        sign = body[0] if body[0] in _SYMBOLS else body[-1]
        body = (body[1:] if body[0] == sign else body[:-1]).strip()
        approximate |= _SYMBOLS[sign][0]
        uncertain |= _SYMBOLS[sign][1]
    if not body:
        raise WrittenDateError(f"'{text}' says how sure the date is, but gives no date")
    if approximate and uncertain:
        return body, "%"
    return body, "~" if approximate else "?" if uncertain else ""


def _weekday(text: str) -> tuple[str, int | None]:
    """The text without a leading weekday, and that weekday (Monday = 0) if there was one."""
    head, _, rest = text.partition(" ")
    weekday = WEEKDAYS.get(head.casefold())
    if weekday is None or not rest:
        return text, None
    return rest, weekday


def _complete(point: Ymd, borrow: Ymd | None, text: str) -> Ymd:
    """The point with the year (and month) it leaves out taken from ``borrow``."""
    if point.year is not None:
        return point
    if point.month is None:  # a bare number: a day of the other end's month, or a year
        if borrow is None or borrow.month is None:
            raise short_year(text)
        return Ymd(borrow.year, borrow.month, point.day)
    if borrow is None:
        raise WrittenDateError(f"'{text}' has no year: write the year in full")
    return Ymd(borrow.year, point.month, point.day)


def _check_weekday(parts: Ymd, weekday: int) -> None:
    """Refuse a weekday that the date does not fall on."""
    year, month, day = parts
    if year is None or month is None or day is None:
        raise WrittenDateError(f"a weekday needs a day, not just {_spelled(parts)}")
    actual = (day_number(year, month, day) + 3) % 7  # 1970-01-01 was a Thursday
    if actual != weekday:
        raise WrittenDateError(
            f"{_spelled(parts)} is a {WEEKDAY_NAMES[actual]}, not a {WEEKDAY_NAMES[weekday]}"
        )


def _spelled(parts: Ymd) -> str:
    """'15 December 2021', 'December 2021' or '2021'."""
    year, month, day = parts
    assert year is not None
    words = [str(day) if day else "", MONTH_NAMES[month - 1] if month else "", year_words(year)]
    return " ".join(w for w in words if w)


def _relative(stated: str) -> str:
    return (
        f"'{stated}' is a relative date, which is out of scope: write the date itself ({_EXAMPLES})"
    )


def _reads(words: str, day_first: bool | None) -> bool:
    """True when normalised text reads as a date."""
    try:
        _checked(_read(words, day_first, None))
    except WrittenDateError:
        return False
    return True


def _unreadable(stated: str, words: str, day_first: bool | None) -> str:
    """Why text in none of the forms is no date: relative, words around a date, or neither."""
    tokens = words.split(" ")
    if len(tokens) <= _MAX_DIAGNOSED:
        for cut in range(len(tokens) - 1, 0, -1):
            head, tail = " ".join(tokens[:cut]), " ".join(tokens[cut:])
            if _reads(head, day_first):
                return f"'{tail}' is left over after the date '{head}'"
        for cut in range(1, len(tokens)):
            head, tail = " ".join(tokens[:cut]), " ".join(tokens[cut:])
            if _reads(tail, day_first):
                return f"'{head}' comes before the date '{tail}' and is not part of it"
    if any(token.casefold() in WEEKDAYS for token in tokens):
        return _relative(stated)
    return f"'{stated}' is not a date we can read; write it as {_EXAMPLES}"
