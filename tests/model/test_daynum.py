"""Day numbers against datetime.date, and beyond its range."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_editor.model.daynum import (
    add_months,
    civil,
    day_number,
    days_in_month,
    format_day,
    is_leap,
)

EPOCH = dt.date(1970, 1, 1).toordinal()


@settings(max_examples=500, deadline=None)
@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_day_number_matches_datetime(date: dt.date) -> None:
    days = day_number(date.year, date.month, date.day)
    assert days == date.toordinal() - EPOCH
    assert civil(days) == (date.year, date.month, date.day)
    assert format_day(days) == date.isoformat()
    assert days_in_month(date.year, date.month) >= date.day


@settings(max_examples=300, deadline=None)
@given(st.integers(-400_000_000, 400_000_000))
def test_civil_inverts_day_number_for_any_year(days: int) -> None:
    year, month, day = civil(days)
    assert 1 <= month <= 12 and 1 <= day <= days_in_month(year, month)
    assert day_number(year, month, day) == days


@settings(max_examples=200, deadline=None)
@given(st.integers(-10_000, 10_000))
def test_consecutive_days_across_bce(days: int) -> None:
    year, month, day = civil(days)
    following = civil(days + 1)
    if day < days_in_month(year, month):
        assert following == (year, month, day + 1)
    else:
        assert following[2] == 1


def test_leap_years_and_bce_spelling() -> None:
    assert is_leap(0) and is_leap(2000) and is_leap(-4)
    assert not is_leap(1900) and not is_leap(-1)
    assert format_day(day_number(-44, 3, 15)) == "-0044-03-15"
    assert format_day(day_number(602, 1, 1)) == "0602-01-01"
    assert day_number(0, 12, 31) + 1 == day_number(1, 1, 1)


@given(st.integers(-5000, 5000), st.integers(1, 12), st.integers(-100, 100))
def test_add_months(year: int, month: int, delta: int) -> None:
    new_year, new_month = add_months(year, month, delta)
    assert 1 <= new_month <= 12
    assert (new_year * 12 + new_month) - (year * 12 + month) == delta
