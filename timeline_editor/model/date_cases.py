"""The date cases a researcher thinks in, and their two-way mapping to EDTF.

A researcher says "exactly 15 December", "around November", "between the ceasefire and
three years later", "from 27 September to 10 November", "before 2022", "after the 19th"
or "no date". The inspector offers those cases; this module turns a case plus one or two
typed dates into EDTF text and back, so the EDTF field and the case fields stay in step.

Typed dates are EDTF points without qualifiers for the single-date cases (``2021-12-15``,
``2021-11``, ``2021``; the text's length is its precision). The ends of a window or an
interval may carry their own qualifier (``2020-11~``); an interval end may also be ``..``
(open: still going) or empty (unknown).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .edtf import EdtfError, End, ParsedDate, Point, Precision, Shape, parse_edtf, parse_point
from .edtf_time import canonical_edtf, parse_time_point


class DateCase(StrEnum):
    """A way of knowing a date."""

    EXACT = "exact"
    APPROXIMATE = "approximate"
    UNCERTAIN = "uncertain"
    APPROXIMATE_UNCERTAIN = "approximate_uncertain"
    BETWEEN = "between"
    FROM_TO = "from_to"
    BEFORE = "before"
    AFTER = "after"
    ONE_OF = "one_of"
    ALL_OF = "all_of"
    UNDATED = "undated"


CASE_LABELS: dict[DateCase, str] = {
    DateCase.EXACT: "exact (day, month or year)",
    DateCase.APPROXIMATE: "approximate (about …)",
    DateCase.UNCERTAIN: "uncertain (perhaps …)",
    DateCase.APPROXIMATE_UNCERTAIN: "approximate and uncertain",
    DateCase.BETWEEN: "between A and B (one day in a window)",
    DateCase.FROM_TO: "from … to … (lasting)",
    DateCase.BEFORE: "before …",
    DateCase.AFTER: "after …",
    DateCase.ONE_OF: "one of these dates (either/or)",
    DateCase.ALL_OF: "all of these dates",
    DateCase.UNDATED: "no date",
}

_QUALIFIERS: dict[DateCase, str] = {
    DateCase.EXACT: "",
    DateCase.APPROXIMATE: "~",
    DateCase.UNCERTAIN: "?",
    DateCase.APPROXIMATE_UNCERTAIN: "%",
}
_CASE_OF_QUALIFIER = {q: case for case, q in _QUALIFIERS.items()}

#: Which of the two date fields a case uses: (start, end).
CASE_FIELDS: dict[DateCase, tuple[bool, bool]] = {
    **dict.fromkeys(_QUALIFIERS, (True, False)),
    DateCase.BETWEEN: (True, True),
    DateCase.FROM_TO: (True, True),
    DateCase.BEFORE: (False, True),
    DateCase.AFTER: (True, False),
    DateCase.ONE_OF: (True, False),
    DateCase.ALL_OF: (True, False),
    DateCase.UNDATED: (False, False),
}

PRECISION_WORDS = {
    Precision.DAY: "day",
    Precision.MONTH: "month",
    Precision.SEASON: "season",
    Precision.YEAR: "year",
}


class DateCaseError(ValueError):
    """A case and dates that make no valid EDTF; ``field`` is "start", "end" or "edtf"."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class DateParts:
    """A case with its typed start and end (empty when the case does not use them)."""

    case: DateCase
    start: str = ""
    end: str = ""


def _point_text(point: Point | None, kind: End) -> str:
    if point is not None:
        return point.to_edtf()
    return ".." if kind is End.OPEN else ""


def _member_text(member: ParsedDate) -> str:
    """A set member as written inside the set: a range as ``a..b``."""
    if member.shape is Shape.POINT:
        return member.to_edtf()
    first = member.start.to_edtf() if member.start else ""  # "..1760": on or before
    return f"{first}..{member.end.to_edtf() if member.end else ''}"


def parts_of(parsed: ParsedDate) -> DateParts:
    """The case and dates of a parsed EDTF value."""
    if parsed.shape is Shape.UNDATED:
        return DateParts(DateCase.UNDATED)
    if parsed.members:  # the members as a list, so that editing keeps a set a set
        case = DateCase.ONE_OF if parsed.shape is Shape.SET_ONE else DateCase.ALL_OF
        return DateParts(case, ", ".join(_member_text(m) for m in parsed.members))
    start = _point_text(parsed.start, parsed.start_kind)
    end = _point_text(parsed.end, parsed.end_kind)
    if parsed.shape is Shape.POINT:
        assert parsed.start is not None
        qualifier = parsed.start.qualifier
        return DateParts(_CASE_OF_QUALIFIER[qualifier], start.removesuffix(qualifier))
    if parsed.shape is Shape.INTERVAL:
        return DateParts(DateCase.FROM_TO, start, end)
    if not start:
        return DateParts(DateCase.BEFORE, end=end)
    if not end:
        return DateParts(DateCase.AFTER, start=start)
    return DateParts(DateCase.BETWEEN, start, end)


def from_edtf(text: str) -> DateParts:
    """The case and dates of EDTF text; raises :class:`DateCaseError` if it is invalid."""
    try:
        return parts_of(parse_edtf(text))
    except EdtfError as exc:
        raise DateCaseError("edtf", str(exc)) from None


def _check_point(field: str, text: str, plain: bool) -> None:
    if not text:
        raise DateCaseError(field, f"enter the {field} date (e.g. 2021-12-15, 2021-11 or 2021)")
    try:
        point = _single_point(text) if plain else parse_point(text)
    except EdtfError as exc:
        if "T" in text and not plain:
            raise DateCaseError(field, _TIME_ON_END) from None
        raise DateCaseError(field, str(exc)) from None
    if plain and point.qualifier:
        raise DateCaseError(field, "leave out ~ ? %: pick approximate or uncertain instead")


_TIME_ON_END = "a time of day goes with a single date only, not with the ends of a range"


def _single_point(text: str) -> Point:
    """A single date, which may carry a time of day (``2021-12-14T17:00``)."""
    return parse_time_point(text) if "T" in text else parse_point(text)


def _check_end(field: str, text: str) -> None:
    """An interval end: a date, ``..`` (open) or empty (unknown)."""
    if text not in ("", ".."):
        _check_point(field, text, plain=False)


_SET_BRACKETS = {DateCase.ONE_OF: "[]", DateCase.ALL_OF: "{}"}


def _join_set(case: DateCase, text: str) -> str:
    """``[a,b]`` or ``{a,b}`` of a typed list; the parser checks each member after."""
    members = [m.strip() for m in text.split(",")]
    if len(members) < 2 or not all(members):
        raise DateCaseError(
            "start", "list two or more dates, parted by commas (2021-12-14, 2021-12-15)"
        )
    brackets = _SET_BRACKETS[case]
    return brackets[0] + ",".join(members) + brackets[1]


def _join(parts: DateParts) -> str:
    case, start, end = parts.case, parts.start.strip(), parts.end.strip()
    if case in _SET_BRACKETS:
        return _join_set(case, start)
    if case in _QUALIFIERS:
        _check_point("start", start, plain=True)
        return start + _QUALIFIERS[case]
    if case is DateCase.FROM_TO:
        _check_end("start", start)
        _check_end("end", end)
        if start in ("", "..") and end in ("", ".."):
            raise DateCaseError("start", "give at least one of the two dates")
        return f"{start}/{end}"
    if case in (DateCase.BETWEEN, DateCase.AFTER):
        _check_point("start", start, plain=False)
    if case in (DateCase.BETWEEN, DateCase.BEFORE):
        _check_point("end", end, plain=False)
    if case is DateCase.BEFORE:
        return f"[..{end}]"
    if case is DateCase.AFTER:
        return f"[{start}..]"
    return f"[{start}..{end}]"


_MARKS_OF_CASE: dict[DateCase, frozenset[str]] = {
    DateCase.EXACT: frozenset(),
    DateCase.APPROXIMATE: frozenset("~"),
    DateCase.UNCERTAIN: frozenset("?"),
    DateCase.APPROXIMATE_UNCERTAIN: frozenset("~?"),
}
_CASE_OF_MARKS = {marks: case for case, marks in _MARKS_OF_CASE.items()}


def requalified(parts: DateParts) -> DateParts:
    """A single date typed with ``~``, ``?`` or ``%`` moved into the matching case.

    Typing ``2021-11~`` in the exact case means "about November 2021": the case
    becomes approximate and the date ``2021-11``; ``?`` on an approximate date makes
    it approximate and uncertain. The marks count at either end of the date (``~2021``
    is how people write it too); other cases and unmarked dates come back unchanged.
    """
    marks = _MARKS_OF_CASE.get(parts.case)
    text = parts.start.strip()
    bare = text.strip("~?%")
    if marks is None or bare == text:
        return parts
    typed = {c for c in text.replace(bare, "", 1) if c in "~?%"}
    if "%" in typed:
        typed = (typed - {"%"}) | {"~", "?"}
    return DateParts(_CASE_OF_MARKS[marks | typed], bare.strip(), parts.end)


def to_edtf(parts: DateParts) -> str:
    """EDTF text for a case and its dates; raises :class:`DateCaseError` naming the field."""
    if parts.case is DateCase.UNDATED:
        return ""
    text = _join(parts)
    try:
        parse_edtf(text)
    except EdtfError as exc:
        # Each end parsed on its own above, so what is left is their order, or a
        # qualifier put on a single date with a time (which the parser refuses).
        field = "start" if parts.case in _QUALIFIERS or parts.case in _SET_BRACKETS else "end"
        raise DateCaseError(field, str(exc)) from None
    return canonical_edtf(text)


def precision_word(text: str) -> str:
    """'day', 'month', 'year' (or 'minute' with a time) for a typed date; '' if not a date."""
    try:
        point = _single_point(text.strip())
    except EdtfError:
        return ""
    return "minute" if point.time_text else PRECISION_WORDS[point.precision]


def describe(parts: DateParts) -> str:
    """A short reading of a date in words, e.g. 'one day between 2020-11-10 and 2023-11-10'."""
    start, end = parts.start, parts.end
    match parts.case:
        case DateCase.UNDATED:
            return "no date"
        case DateCase.EXACT:
            return f"{start} (to the {precision_word(start) or 'day'})"
        case DateCase.APPROXIMATE:
            return f"about {start}"
        case DateCase.UNCERTAIN:
            return f"perhaps {start}"
        case DateCase.APPROXIMATE_UNCERTAIN:
            return f"perhaps about {start}"
        case DateCase.BETWEEN:
            return f"one day between {start} and {end}"
        case DateCase.BEFORE:
            return f"one day on or before {end}"
        case DateCase.AFTER:
            return f"one day on or after {start}"
        case DateCase.ONE_OF:
            return f"one of: {start}"
        case DateCase.ALL_OF:
            return f"each of: {start}"
    first = {"": "an unknown start", "..": "an open start"}.get(start, start)
    if end == "..":
        return f"lasting from {first}, still going"
    return f"lasting from {first} to {end or 'an unknown end'}"
