"""EDTF levels 0–2 against our table of the specification's cases (issue 14)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.model.edtf_spec_cases import CASES, WIDENED, Case
from timeline_editor.model.daynum import day_number
from timeline_editor.model.edtf import (
    SEASON_NAMES,
    EdtfError,
    End,
    ParsedDate,
    Precision,
    Shape,
    parse_edtf,
)

README = Path(__file__).resolve().parents[2] / "README.md"


def _day(iso: str | None) -> int | None:
    if iso is None:
        return None
    sign = -1 if iso.startswith("-") else 1
    year, month, day = iso.lstrip("-").split("-")
    return day_number(sign * int(year), int(month), int(day))


def strict_bounds(parsed: ParsedDate) -> tuple[int | None, int | None]:
    """First and last day before qualifiers widen them (None: open or unknown)."""
    if parsed.members:
        ends = [strict_bounds(m) for m in parsed.members]
        lows, highs = [e[0] for e in ends], [e[1] for e in ends]
        low = None if None in lows else min(v for v in lows if v is not None)
        high = None if None in highs else max(v for v in highs if v is not None)
        return low, high
    low = parsed.start.core_earliest if parsed.start else None
    last = parsed.end or (parsed.start if parsed.shape is Shape.POINT else None)
    return low, last.core_latest if last else None


def test_the_table_holds_about_ninety_cases_of_every_level() -> None:
    assert 85 <= len(CASES) <= 110
    assert len({c.edtf for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.edtf for c in CASES])
def test_strict_bounds_follow_the_specification(case: Case) -> None:
    parsed = parse_edtf(case.edtf)
    assert strict_bounds(parsed) == (_day(case.low), _day(case.high))


@pytest.mark.parametrize("case", WIDENED, ids=[c.edtf for c in WIDENED])
def test_qualified_parts_and_significant_digits_widen_as_documented(case: Case) -> None:
    parsed = parse_edtf(case.edtf)
    assert (parsed.earliest, parsed.latest) == (_day(case.low), _day(case.high))


def test_every_difference_from_python_edtf_is_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    section = text.split("## EDTF: what we read and where we differ from python-edtf")[1]
    section = section.split("\n## ")[0]
    for case in CASES + WIDENED:
        if case.differs:
            assert f"`{case.edtf}`" in section, case.edtf
            assert case.differs in section, case.differs


@pytest.mark.parametrize(
    ("text", "canonical", "shape"),
    [
        ("[1667, 1668, 1670..1672]", "[1667,1668,1670..1672]", Shape.SET_ONE),
        ("{1960, 1961-12}", "{1960,1961-12}", Shape.SET_ALL),
        ("[1760-01, 1760-02, 1760-12..]", "[1760-01,1760-02,1760-12..]", Shape.SET_ONE),
        ("[1667..1672]", "[1667..1672]", Shape.ONE_OF),
        ("2004?-06-~11", "2004?-06-~11", Shape.POINT),
        ("?2004-06-~11", "?2004-06-~11", Shape.POINT),
        ("Y17E7", "Y17E7", Shape.POINT),
    ],
)
def test_new_forms_keep_their_text(text: str, canonical: str, shape: Shape) -> None:
    parsed = parse_edtf(text)
    assert parsed.shape is shape
    assert parsed.to_edtf() == canonical
    assert parse_edtf(canonical) == parsed


def test_set_members_are_points_windows_or_intervals() -> None:
    one = parse_edtf("[1667,1668,1670..1672]")
    assert [m.shape for m in one.members] == [Shape.POINT, Shape.POINT, Shape.ONE_OF]
    every = parse_edtf("{1667,1670..1672}")
    assert [m.shape for m in every.members] == [Shape.POINT, Shape.INTERVAL]
    assert every.start is not None and every.start.to_edtf() == "1667"
    assert every.end is not None and every.end.to_edtf() == "1672"
    later = parse_edtf("[1760-01,1760-12..]")
    assert later.end is None and later.end_kind is End.OPEN and later.latest is None


def test_seasons_have_their_own_precision_and_names() -> None:
    assert Precision.YEAR < Precision.SEASON < Precision.MONTH < Precision.DAY
    point = parse_edtf("2022-33").start
    assert point is not None and point.precision is Precision.SEASON
    assert point.month_text == "33"
    assert set(SEASON_NAMES) == set(range(21, 42))
    assert (SEASON_NAMES[21], SEASON_NAMES[33], SEASON_NAMES[40]) == ("spring", "Q1", "first half")


def test_qualified_parts_say_approximate_and_uncertain() -> None:
    parsed = parse_edtf("2004?-06-~11")
    assert parsed.approximate and parsed.uncertain
    assert not parse_edtf("2004-?06-11").approximate


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" + ",".join(["2021"] * 10_000) + "]", "a set of 10,000 members is too many"),
        ("{" + ",".join(["2021"] * 1001) + "}", "(the limit is 1,000)"),
        ("2001-42", "season 42 out of range in '2001-42'"),
        ("2001-13", "month 13 out of range in '2001-13'"),
        ("2001-21-05", "season 21 has no days"),
        ("[1667,1668", "opens a set with [ but does not end with ]"),
        ("{1667,1668", "opens a set with { but does not end with }"),
        ("1667,1668]", "closes a set that was never opened"),
        ("[1667,[1668]]", "stray '['"),
        ("[1667,,1668]", "member 2 of '[1667,,1668]' is empty"),
        ("{1667,}", "member 2 of '{1667,}' is empty"),
        ("[1667,..1668]", "only the first member can be open before"),
        ("[1667..,1668]", "only the last member can be open after"),
        ("[1667,1672..1670]", "member 2"),
        ("[2021-12-14,2021-12-14]", "member 2 of '[2021-12-14,2021-12-14]' repeats member 1"),
        ("{1960, 1961, 1960}", "member 3 of '{1960, 1961, 1960}' repeats member 1"),
        ("[1667,1670..1672,1670..1672]", "member 3 of '[1667,1670..1672,1670..1672]' repeats"),
        ("Y17E70", "out of range (the limit is 999,999,999)"),
        ("Y1234", "a Y year has more than four digits"),
        ("1950S5", "5 significant digits but the year has only 4"),
        ("?2004?-06", "two qualifiers on one part"),
    ],
)  # fmt: skip
def test_bad_input_names_the_problem(text: str, message: str) -> None:
    with pytest.raises(EdtfError, match=re.escape(message)):
        parse_edtf(text)


def _point_texts() -> st.SearchStrategy[str]:
    year = st.integers(1, 2999).map(lambda y: f"{y:04d}")
    month = st.integers(1, 12).map(lambda m: f"{m:02d}")
    day = st.integers(1, 28).map(lambda d: f"{d:02d}")
    q = st.sampled_from(["", "~", "?", "%"])
    season = st.tuples(year, st.integers(21, 41), q).map(lambda t: f"{t[0]}-{t[1]}{t[2]}")
    parts = st.tuples(q, year, q, q, month, q, q, day).filter(
        lambda t: not (t[0] and t[2]) and not (t[3] and t[5])
    )
    partial = parts.map(lambda t: f"{t[0]}{t[1]}{t[2]}-{t[3]}{t[4]}{t[5]}-{t[6]}{t[7]}")
    long = st.tuples(st.integers(1, 99), st.integers(4, 7)).map(lambda t: f"Y{t[0]}E{t[1]}")
    return st.one_of(season, partial, long, year)


@st.composite
def _sets(draw: st.DrawFn) -> str:
    members = draw(st.lists(_point_texts(), min_size=1, max_size=5, unique=True))
    if draw(st.booleans()):
        return "[" + ",".join(members) + "]"
    return "{" + ", ".join(members) + "}"


@settings(max_examples=150, deadline=None)
@given(st.one_of(_point_texts(), _sets()))
def test_new_forms_round_trip(text: str) -> None:
    parsed = parse_edtf(text)
    canonical = parsed.to_edtf()
    assert canonical == text.replace(", ", ",")
    again = parse_edtf(canonical)
    assert again == parsed
    assert parsed.earliest is not None and parsed.latest is not None
    assert parsed.earliest <= parsed.latest
