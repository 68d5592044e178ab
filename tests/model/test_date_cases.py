"""The date cases map to EDTF and back without loss, and name the field at fault."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from timeline_editor.model.date_cases import (
    DateCase,
    DateCaseError,
    DateParts,
    describe,
    from_edtf,
    precision_word,
    requalified,
    to_edtf,
)
from timeline_editor.model.edtf import parse_edtf

TABLE = [
    ("", DateParts(DateCase.UNDATED)),
    ("2021-12-15", DateParts(DateCase.EXACT, "2021-12-15")),
    ("2021-11", DateParts(DateCase.EXACT, "2021-11")),
    ("2021-11~", DateParts(DateCase.APPROXIMATE, "2021-11")),
    ("2021?", DateParts(DateCase.UNCERTAIN, "2021")),
    ("2021-1X%", DateParts(DateCase.APPROXIMATE_UNCERTAIN, "2021-1X")),
    ("[2020-11-10..2023-11-10]", DateParts(DateCase.BETWEEN, "2020-11-10", "2023-11-10")),
    ("[..2022]", DateParts(DateCase.BEFORE, end="2022")),
    ("[2021-11-19..]", DateParts(DateCase.AFTER, start="2021-11-19")),
    ("2020-09-27/2020-11-10", DateParts(DateCase.FROM_TO, "2020-09-27", "2020-11-10")),
    ("2021-11-19/..", DateParts(DateCase.FROM_TO, "2021-11-19", "..")),
    ("2021-11-19/", DateParts(DateCase.FROM_TO, "2021-11-19", "")),
    ("2020-11~/2021", DateParts(DateCase.FROM_TO, "2020-11~", "2021")),
]


@pytest.mark.parametrize(("text", "parts"), TABLE)
def test_table_both_ways(text: str, parts: DateParts) -> None:
    assert from_edtf(text) == parts
    assert to_edtf(parts) == text


@pytest.mark.parametrize(
    ("parts", "field", "words"),
    [
        (DateParts(DateCase.BETWEEN, "2020-11-10", ""), "end", "enter the end date"),
        (DateParts(DateCase.BETWEEN, "2023-11-10", "2020-11-10"), "end", "before start"),
        (DateParts(DateCase.EXACT, "2021-02-30"), "start", "does not exist"),
        (DateParts(DateCase.EXACT, "15 Dec 2021"), "start", "not an EDTF date"),
        (DateParts(DateCase.EXACT, "2021~"), "start", "pick approximate"),
        (DateParts(DateCase.BEFORE, "2021", ""), "end", "enter the end date"),
        (DateParts(DateCase.FROM_TO, "..", ""), "start", "at least one"),
    ],
)
def test_errors_name_the_field(parts: DateParts, field: str, words: str) -> None:
    with pytest.raises(DateCaseError) as caught:
        to_edtf(parts)
    assert caught.value.field == field
    assert words in str(caught.value)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (DateParts(DateCase.EXACT, "2021-11~"), DateParts(DateCase.APPROXIMATE, "2021-11")),
        (DateParts(DateCase.EXACT, "2021-12-15?"), DateParts(DateCase.UNCERTAIN, "2021-12-15")),
        (DateParts(DateCase.EXACT, "~2021"), DateParts(DateCase.APPROXIMATE, "2021")),
        (DateParts(DateCase.EXACT, "2021%"), DateParts(DateCase.APPROXIMATE_UNCERTAIN, "2021")),
        (DateParts(DateCase.EXACT, "~"), DateParts(DateCase.APPROXIMATE, "")),
        (
            DateParts(DateCase.APPROXIMATE, "2021-11?"),
            DateParts(DateCase.APPROXIMATE_UNCERTAIN, "2021-11"),
        ),
        (DateParts(DateCase.UNCERTAIN, "2021?"), DateParts(DateCase.UNCERTAIN, "2021")),
        (DateParts(DateCase.EXACT, "2021-11"), DateParts(DateCase.EXACT, "2021-11")),
        # Ends of windows and intervals carry their own qualifiers: left alone.
        (
            DateParts(DateCase.BETWEEN, "2020~", "2021"),
            DateParts(DateCase.BETWEEN, "2020~", "2021"),
        ),
    ],
)
def test_a_typed_qualifier_switches_the_case(typed: DateParts, expected: DateParts) -> None:
    assert requalified(typed) == expected
    if expected.start:
        assert to_edtf(requalified(typed)) == to_edtf(expected)


def test_invalid_edtf_is_reported_on_the_edtf_field() -> None:
    with pytest.raises(DateCaseError) as caught:
        from_edtf("2021-13-01")
    assert caught.value.field == "edtf"


def test_typed_dates_are_trimmed() -> None:
    assert to_edtf(DateParts(DateCase.AFTER, " 2021-11-19 ")) == "[2021-11-19..]"


def test_precision_and_description() -> None:
    assert [precision_word(t) for t in ("2021", "2021-11", "2021-11-02", "x")] == [
        "year",
        "month",
        "day",
        "",
    ]
    assert describe(from_edtf("[2020-11-10..2023-11-10]")) == (
        "one day between 2020-11-10 and 2023-11-10"
    )
    assert describe(from_edtf("2021-11-19/..")) == "lasting from 2021-11-19, still going"


@st.composite
def points(draw: st.DrawFn, qualified: bool = False) -> str:
    """A valid EDTF point of year, month or day precision."""
    year = draw(st.integers(1000, 2999))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    text = draw(
        st.sampled_from([f"{year}", f"{year}-{month:02d}", f"{year}-{month:02d}-{day:02d}"])
    )
    return text + (draw(st.sampled_from(["", "~", "?", "%"])) if qualified else "")


def _earliest(text: str) -> int:
    point = parse_edtf(text).start
    assert point is not None
    return point.core_earliest


@st.composite
def parts(draw: st.DrawFn) -> DateParts:
    """Any valid case with dates in order."""
    case = draw(st.sampled_from(list(DateCase)))
    if case is DateCase.UNDATED:
        return DateParts(case)
    if case in (DateCase.EXACT, DateCase.APPROXIMATE, DateCase.UNCERTAIN):
        return DateParts(case, draw(points()))
    if case is DateCase.APPROXIMATE_UNCERTAIN:
        return DateParts(case, draw(points()))
    a, b = sorted([draw(points(True)), draw(points(True))], key=_earliest)
    if parse_edtf(b).start.core_latest < parse_edtf(a).start.core_earliest:  # type: ignore[union-attr]
        b = a
    if case is DateCase.BEFORE:
        return DateParts(case, end=b)
    if case is DateCase.AFTER:
        return DateParts(case, start=a)
    if case is DateCase.FROM_TO:
        return DateParts(case, a, draw(st.sampled_from([b, "..", ""])))
    if case in (DateCase.ONE_OF, DateCase.ALL_OF):
        # A set names each member once ("member 2 … repeats member 1" otherwise).
        assume(a != b)
        return DateParts(case, f"{a}, {b}")
    return DateParts(case, a, b)


@settings(max_examples=200, deadline=None)
@given(parts())
def test_parts_round_trip_through_edtf(value: DateParts) -> None:
    text = to_edtf(value)
    assert from_edtf(text) == value
    assert parse_edtf(text).to_edtf() == text
