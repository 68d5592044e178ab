"""Dragging dates: whole units of each end's precision, qualifiers and open ends kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline_editor.model.date_shift import day_to_edtf, move_edge, shift_edtf
from timeline_editor.model.daynum import day_number
from timeline_editor.model.edtf import Precision, parse_edtf


@pytest.mark.parametrize(
    ("before", "days", "after"),
    [
        ("2021-12-15", 3, "2021-12-18"),
        ("2021-12-30", 3, "2022-01-02"),
        ("2021-11~", 40, "2021-12~"),
        ("2021-11~", 10, "2021-11~"),
        ("2021?", 400, "2022?"),
        ("0602", -365, "0601"),
        ("0001", -800, "-0001"),
        ("2020-09-27~/2020-11-10~", 7, "2020-10-04~/2020-11-17~"),
        ("2021-11-19/..", 1, "2021-11-20/.."),
        ("2021-11-19/", 1, "2021-11-20/"),
        ("[2020-11-10..2023-11-10]", -10, "[2020-10-31..2023-10-31]"),
        ("[..2021-12]", 31, "[..2022-01]"),
        ("2021-1X", 400, "2022-1X"),
        ("201X", 4000, "201X"),
        ("", 30, ""),
    ],
)
def test_shift_keeps_precision_and_qualifiers(before: str, days: float, after: str) -> None:
    assert shift_edtf(before, days) == after


def test_move_edge_resizes_one_end_and_refuses_crossing() -> None:
    assert move_edge("2021-11-01/2021-11-10", 5, "end") == "2021-11-01/2021-11-15"
    assert move_edge("2021-11-01/2021-11-10", -3, "start") == "2021-10-29/2021-11-10"
    assert move_edge("2021-11-01/2021-11-10", 20, "start") == "2021-11-01/2021-11-10"
    assert move_edge("2021-11-01", 5, "end") == "2021-11-01"


@given(
    st.integers(min_value=day_number(-3000, 1, 1), max_value=day_number(3000, 1, 1)),
    st.integers(min_value=-5000, max_value=5000),
)
def test_day_shift_moves_exactly(start: int, days: int) -> None:
    moved = parse_edtf(shift_edtf(day_to_edtf(start), days))
    assert moved.earliest == start + days


@given(st.integers(min_value=day_number(-3000, 1, 1), max_value=day_number(3000, 1, 1)))
def test_day_to_edtf_contains_the_day(day: int) -> None:
    for precision in Precision:
        parsed = parse_edtf(day_to_edtf(day, precision))
        assert parsed.earliest is not None and parsed.latest is not None
        assert parsed.earliest <= day <= parsed.latest


@pytest.mark.parametrize(
    ("text", "days"),
    [("2021/2021-01-05", -100), ("9999", 400), ("Y1000000", 4000), ("9999-12-31", 1)],
)
def test_a_move_that_gives_no_valid_date_is_refused(text: str, days: float) -> None:
    assert shift_edtf(text, days) == text
