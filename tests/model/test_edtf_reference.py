"""Agreement with the reference ``edtf`` package (a test-only dependency).

How the two map onto each other, as measured with edtf 5.0.2:

* ``lower_strict()``/``upper_strict()`` ignore qualifiers, so they match our *core*
  bounds (``Point.core_earliest``/``core_latest``), for points, closed intervals and
  closed windows alike.
* ``lower_fuzzy()``/``upper_fuzzy()`` pad a qualified date by one year, plus one month
  when a month is given, plus one day when a day is given, twice that for ``%``. We widen
  by one unit of the qualified precision only (DESIGN.md), so the two agree for
  year-precision ``~``/``?`` and ours lies inside theirs otherwise.
* Open ends give +-inf there and None here; unknown ends are guessed as ten years
  there and None here: not compared.
* edtf 5 parses X digits only in the year, in a whole ``XX`` month or day, or as
  ``YYYY-MM-XX``; ``2021-1X`` and ``2021-12-1X`` raise inside it, so generated
  comparisons keep to those shapes.
"""

from __future__ import annotations

import time

import edtf
from hypothesis import given, settings

from timeline_editor.model.daynum import day_number
from timeline_editor.model.edtf import Precision, parse_edtf

from .strategies import comparable_pairs, comparable_points

FAST = settings(max_examples=150, deadline=None)


def _day(value: time.struct_time) -> int:
    return day_number(value.tm_year, value.tm_mon, value.tm_mday)


def _reference(text: str) -> tuple[int, int]:
    parsed = edtf.parse_edtf(text)
    return _day(parsed.lower_strict()), _day(parsed.upper_strict())


def _core(text: str) -> tuple[int, int]:
    parsed = parse_edtf(text)
    assert parsed.start is not None
    end = parsed.end if parsed.end is not None else parsed.start
    return parsed.start.core_earliest, end.core_latest


@FAST
@given(comparable_points())
def test_points_agree_with_strict_bounds(text: str) -> None:
    assert _core(text) == _reference(text)


@FAST
@given(comparable_pairs(window=False))
def test_closed_intervals_agree_with_strict_bounds(pair: tuple[str, str]) -> None:
    text = f"{pair[0]}/{pair[1]}"
    assert _core(text) == _reference(text)


@FAST
@given(comparable_pairs(window=True))
def test_closed_windows_agree_with_strict_bounds(pair: tuple[str, str]) -> None:
    text = f"[{pair[0]}..{pair[1]}]"
    assert _core(text) == _reference(text)


@FAST
@given(comparable_points())
def test_our_widening_lies_within_fuzzy_bounds(text: str) -> None:
    parsed = parse_edtf(text)
    point = parsed.start
    assert point is not None
    # edtf's padding goes through datetime arithmetic; keep to years it can represent.
    if not point.qualifier or "X" in text or not 2 <= int(text[:4]) <= 9997:
        return
    reference = edtf.parse_edtf(text)
    low, high = _day(reference.lower_fuzzy()), _day(reference.upper_fuzzy())
    assert low <= point.earliest and point.latest <= high
    if point.precision is Precision.YEAR and point.qualifier in "~?":
        assert (point.earliest, point.latest) == (low, high)
