"""The EDTF subset parser: properties over generated strings and explicit cases."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from timeline_editor.model.daynum import add_months, civil, day_number, days_in_month
from timeline_editor.model.edtf import (
    UNDATED,
    EdtfError,
    End,
    Precision,
    Shape,
    is_valid_edtf,
    parse_edtf,
    parse_point,
)

from .strategies import edtf_strings, exact_dates, intervals, points, windows

FAST = settings(max_examples=300, deadline=None)


@FAST
@given(edtf_strings())
def test_bounds_are_ordered(text: str) -> None:
    parsed = parse_edtf(text)
    if parsed.earliest is not None and parsed.latest is not None:
        assert parsed.earliest <= parsed.latest
    for point in (parsed.start, parsed.end):
        if point is not None:
            assert point.earliest <= point.core_earliest <= point.core_latest
            assert point.core_latest <= point.latest


@FAST
@given(edtf_strings())
def test_to_edtf_round_trips(text: str) -> None:
    parsed = parse_edtf(text)
    assert parsed.to_edtf() == text
    assert parse_edtf(parsed.to_edtf()) == parsed


@FAST
@given(points(allow_long=False))
def test_qualifier_widens_by_exactly_one_unit(text: str) -> None:
    bare = text.rstrip("~?%")
    point = parse_point(bare + "~")
    core = parse_point(bare)
    assert (point.core_earliest, point.core_latest) == (core.earliest, core.latest)
    ey, em, _ = civil(core.earliest)
    ly, lm, _ = civil(core.latest)
    if point.precision is Precision.DAY:
        expected = (core.earliest - 1, core.latest + 1)
    elif point.precision is Precision.MONTH:
        (py, pm), (ny, nm) = add_months(ey, em, -1), add_months(ly, lm, 1)
        expected = (day_number(py, pm, 1), day_number(ny, nm, days_in_month(ny, nm)))
    else:
        expected = (day_number(ey - 1, 1, 1), day_number(ly + 1, 12, 31))
    assert (point.earliest, point.latest) == expected
    # All three qualifiers widen the same amount; they differ in meaning only.
    for qualifier in "?%":
        other = parse_point(bare + qualifier)
        assert (other.earliest, other.latest) == expected


@FAST
@given(intervals())
def test_interval_bounds_come_from_its_ends(text: str) -> None:
    parsed = parse_edtf(text)
    assert parsed.shape is Shape.INTERVAL
    if parsed.start_kind is End.DATE:
        assert parsed.start is not None and parsed.earliest == parsed.start.earliest
    else:
        assert parsed.start is None and parsed.earliest is None
    if parsed.end_kind is End.DATE:
        assert parsed.end is not None and parsed.latest == parsed.end.latest
    else:
        assert parsed.end is None and parsed.latest is None


@FAST
@given(windows())
def test_window_is_one_of(text: str) -> None:
    parsed = parse_edtf(text)
    assert parsed.shape is Shape.ONE_OF
    assert parsed.start is not None or parsed.end is not None


@FAST
@given(exact_dates())
def test_exact_point_bounds_cover_its_precision(parts: list[str]) -> None:
    point = parse_point("-".join(parts))
    year = int(parts[0])
    if len(parts) == 1:
        assert civil(point.earliest) == (year, 1, 1)
        assert civil(point.latest) == (year, 12, 31)
    elif len(parts) == 2:
        month = int(parts[1])
        assert civil(point.earliest) == (year, month, 1)
        assert civil(point.latest) == (year, month, days_in_month(year, month))
    else:
        assert point.earliest == point.latest == day_number(year, int(parts[1]), int(parts[2]))


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2021-11-19", (2021, 11, 19), (2021, 11, 19)),
        ("2021-11", (2021, 11, 1), (2021, 11, 30)),
        ("2021~", (2020, 1, 1), (2022, 12, 31)),
        ("2021-11?", (2021, 10, 1), (2021, 12, 31)),
        ("2021-12-31%", (2021, 12, 30), (2022, 1, 1)),
        ("2021-1X", (2021, 10, 1), (2021, 12, 31)),
        ("2021-02-XX", (2021, 2, 1), (2021, 2, 28)),
        ("201X", (2010, 1, 1), (2019, 12, 31)),
        ("19XX-02-29", (1904, 2, 29), (1996, 2, 29)),
        ("0602", (602, 1, 1), (602, 12, 31)),
        ("-0044-03-15", (-44, 3, 15), (-44, 3, 15)),
        ("Y-170000", (-170000, 1, 1), (-170000, 12, 31)),
        ("[2020-11-10..2023-11-10]", (2020, 11, 10), (2023, 11, 10)),
        ("2020-09-27~/2020-11-10~", (2020, 9, 26), (2020, 11, 11)),
    ],
)
def test_known_bounds(text: str, first: tuple[int, int, int], last: tuple[int, int, int]) -> None:
    parsed = parse_edtf(text)
    assert parsed.earliest is not None and parsed.latest is not None
    assert (civil(parsed.earliest), civil(parsed.latest)) == (first, last)


def test_open_unknown_and_undated() -> None:
    assert parse_edtf("") is UNDATED
    opened = parse_edtf("2021-11-19/..")
    assert (opened.end_kind, opened.latest) == (End.OPEN, None)
    unknown = parse_edtf("/2021-11-19")
    assert (unknown.start_kind, unknown.earliest) == (End.UNKNOWN, None)
    assert parse_edtf("[..2021-12]").earliest is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2021-13-45", "month 13 out of range"),
        ("2021-02-30", "day 30 does not exist in 2021-02"),
        ("2021-02-29", "day 29 does not exist"),
        ("abc", "'abc' is not an EDTF date"),
        ("2021-12-15/2021-11-01", "end 2021-11-01 is before start 2021-12-15"),
        ("[2023..2020]", "end 2020 is before start 2023"),
        ("2021-00", "month 00 out of range"),
        ("2021-11-00", "day 00 out of range"),
        ("2021-2X", "month 2X does not exist"),
        ("2021-02-3X", "day 3X does not exist"),
        ("XXX1-02-29", "day 29 does not exist"),
        ("-0000", "year -0000 is not valid"),
        ("Y9999999999", "out of range"),
        ("21", "not an EDTF date"),
        ("2021-11-19T25:00", "hour 25 out of range"),
        (" 2021", "spaces"),
        ("2021/2022/2023", "more than one '/'"),
        ("../..", "at least one date"),
        ("[..]", "at least one date"),
        ("[2021..2022", "not a window"),
        ("2021~~", "not an EDTF date"),
        ("２０２１", "not an EDTF date"),
    ],
)
def test_invalid_strings_say_why(text: str, message: str) -> None:
    with pytest.raises(EdtfError, match=None) as caught:
        parse_edtf(text)
    assert message in str(caught.value)
    assert not is_valid_edtf(text)


def test_interval_error_names_the_side() -> None:
    with pytest.raises(EdtfError) as caught:
        parse_edtf("2021-11-19/2021-13")
    assert str(caught.value).startswith("end: ")


def test_precision_of_a_value_is_its_finest_end() -> None:
    assert parse_edtf("2021/2021-11-19").precision is Precision.DAY
    assert parse_edtf("2021-11/..").precision is Precision.MONTH
    assert parse_edtf("").precision is None


@FAST
@given(points(allow_x=False, allow_long=False))
def test_fast_path_agrees_with_the_full_parser(text: str) -> None:
    parsed = parse_edtf(text)
    assert parsed.start == parse_point(text)
    assert (parsed.earliest, parsed.latest) == (parsed.start.earliest, parsed.start.latest)


def test_parse_is_cached() -> None:
    first = parse_edtf("2021-11-19/2021-12-15")
    assert parse_edtf("2021-11-19/2021-12-15") is first
    maxsize = parse_edtf.cache_info().maxsize
    assert maxsize is not None and maxsize >= 100_000
