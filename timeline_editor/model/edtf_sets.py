"""EDTF level-2 sets: one of ``[1667,1668,1670..1672]`` and all of ``{1960,1961-12}``.

Each member is a date (a POINT value) or a range ``a..b``: in a one-of set a window
(ONE_OF: one day of it), in an all-of set an interval (INTERVAL: all of it). The
first member may be open before (``..1760-12-03``, "that day or some earlier one"),
the last open after (``1760-12..``). The set's ``start`` is the first member's first
date, its ``end`` the last member's last date, and ``earliest`` / ``latest`` the
extremes over all members (None when a member is open that way), so code that reads
only the span keeps working. Members keep their written order; spaces after commas
are read and dropped from the canonical text. A member written twice is refused.
"""

from __future__ import annotations

from .edtf import EdtfError, End, ParsedDate, Shape, _member_text, _parse_pair, parse_point

#: The most members a set may have: more is a mistake, not a date.
MAX_MEMBERS = 1000

_CLOSE = {"[": "]", "{": "}"}


def _check_brackets(text: str) -> str:
    """The text between the brackets, or an error naming what is unbalanced."""
    opening = text[:1]
    if opening not in _CLOSE:
        raise EdtfError(f"'{text}' closes a set that was never opened (start with [ or {{)")
    closing = _CLOSE[opening]
    if not text.endswith(closing):
        raise EdtfError(f"'{text}' opens a set with {opening} but does not end with {closing}")
    inner = text[1:-1]
    stray = next((c for c in inner if c in "[]{}"), None)
    if stray is not None:
        raise EdtfError(f"'{text}' has a stray '{stray}' inside the set (sets do not nest)")
    return inner


def _range_member(text: str, shape: Shape, first: bool, last: bool, where: str) -> ParsedDate:
    low, _, high = text.partition("..")
    if not low and not first:
        raise EdtfError(f"{where}: only the first member can be open before ('..{high}')")
    if not high and not last:
        raise EdtfError(f"{where}: only the last member can be open after ('{low}..')")
    if not low and not high:
        raise EdtfError(f"{where}: '..' needs a date on at least one side")
    try:
        return _parse_pair(low or "..", high or "..", shape)
    except EdtfError as exc:
        raise EdtfError(f"{where}: {exc}") from None


def _member(text: str, shape: Shape, index: int, count: int, whole: str) -> ParsedDate:
    where = f"member {index + 1} of '{whole}'"
    if not text:
        raise EdtfError(f"{where} is empty")
    if ".." in text:
        return _range_member(text, shape, index == 0, index == count - 1, where)
    try:
        point = parse_point(text)
    except EdtfError as exc:
        raise EdtfError(f"{where}: {exc}") from None
    return ParsedDate(Shape.POINT, point, None, End.DATE, End.DATE, point.earliest, point.latest)


def _check_repeats(members: tuple[ParsedDate, ...], whole: str) -> None:
    """Refuse a member written twice: "14 or 14 December" is a slip, never a date."""
    # Compared as canonical text, so `2021-12-14` and `2021-12-14T17:00` differ, and so
    # do `2004?` and `?2004` (kept as written); spaces after commas do not count.
    seen: dict[str, int] = {}
    for index, member in enumerate(members):
        written = _member_text(member)
        if written in seen:
            raise EdtfError(f"member {index + 1} of '{whole}' repeats member {seen[written] + 1}")
        seen[written] = index


def _span(members: tuple[ParsedDate, ...]) -> tuple[int | None, int | None]:
    """The earliest and latest day over the members (None when one is open that way)."""
    firsts = [m.earliest for m in members]
    lasts = [m.latest for m in members]
    earliest = None if None in firsts else min(v for v in firsts if v is not None)
    latest = None if None in lasts else max(v for v in lasts if v is not None)
    return earliest, latest


def parse_set(text: str) -> ParsedDate:
    """Parse ``[a,b,c..d]`` (SET_ONE) or ``{a,b}`` (SET_ALL); raises :class:`EdtfError`."""
    inner = _check_brackets(text)
    count = inner.count(",") + 1
    if count > MAX_MEMBERS:
        raise EdtfError(f"a set of {count:,} members is too many (the limit is {MAX_MEMBERS:,})")
    shape = Shape.SET_ONE if text.startswith("[") else Shape.SET_ALL
    range_shape = Shape.ONE_OF if shape is Shape.SET_ONE else Shape.INTERVAL
    texts = [t.strip(" ") for t in inner.split(",")]
    members = tuple(_member(t, range_shape, i, count, text) for i, t in enumerate(texts))
    _check_repeats(members, text)
    first, last = members[0], members[-1]
    start_kind = first.start_kind if first.shape is not Shape.POINT else End.DATE
    end_kind = last.end_kind if last.shape is not Shape.POINT else End.DATE
    end = last.start if last.shape is Shape.POINT else last.end
    earliest, latest = _span(members)
    return ParsedDate(shape, first.start, end, start_kind, end_kind, earliest, latest, members)
