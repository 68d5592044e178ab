"""Hypothesis strategies for EDTF strings of the supported subset, in canonical spelling."""

from __future__ import annotations

from hypothesis import strategies as st

from timeline_editor.model.daynum import days_in_month, format_year
from timeline_editor.model.edtf import parse_edtf

QUALIFIERS = st.sampled_from(["", "~", "?", "%"])


@st.composite
def exact_dates(draw: st.DrawFn, min_year: int = -9999, size: int = 0) -> list[str]:
    """Year, month and day texts of a real date, cut to ``size`` parts (0: random)."""
    year = draw(st.integers(min_year, 9999))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, days_in_month(year, month)))
    parts = [format_year(year), f"{month:02d}", f"{day:02d}"]
    return parts[: size or draw(st.integers(1, 3))]


@st.composite
def masked(draw: st.DrawFn, text: str) -> str:
    """``text`` with some of its digits replaced by X (the real value still matches)."""
    sign = "-" if text.startswith("-") else ""
    digits = text.lstrip("-")
    mask = draw(st.lists(st.booleans(), min_size=len(digits), max_size=len(digits)))
    return sign + "".join("X" if m else d for d, m in zip(digits, mask, strict=True))


@st.composite
def long_years(draw: st.DrawFn) -> str:
    """A long year such as ``Y-170000`` (EDTF level 1: more than four digits)."""
    magnitude = draw(st.integers(10_000, 1_000_000))
    return f"Y{draw(st.sampled_from(['', '-']))}{magnitude}"


@st.composite
def points(draw: st.DrawFn, allow_x: bool = True, allow_long: bool = True) -> str:
    """One EDTF date of any supported precision, with X digits and a qualifier."""
    if allow_long and draw(st.integers(0, 9)) == 0:
        return draw(long_years()) + draw(QUALIFIERS)
    parts = draw(exact_dates())
    if allow_x:
        parts = [draw(masked(p)) if draw(st.booleans()) else p for p in parts]
    return "-".join(parts) + draw(QUALIFIERS)


def _ordered(first: str, second: str) -> tuple[str, str]:
    """The two points in an order that makes a valid interval."""
    a, b = parse_edtf(first), parse_edtf(second)
    assert a.start is not None and b.start is not None
    if b.start.core_latest < a.start.core_earliest:
        return second, first
    return first, second


@st.composite
def intervals(draw: st.DrawFn, closed: bool = False, allow_x: bool = True) -> str:
    """``a/b`` where an end may be open (``..``) or unknown (empty)."""
    first, second = _ordered(draw(points(allow_x)), draw(points(allow_x)))
    if not closed:
        ends = st.sampled_from(["date", "date", "open", "unknown"])
        start_kind, end_kind = draw(ends), draw(ends)
        if start_kind != "date" and end_kind != "date":
            end_kind = "date"
        first = {"date": first, "open": "..", "unknown": ""}[start_kind]
        second = {"date": second, "open": "..", "unknown": ""}[end_kind]
    return f"{first}/{second}"


@st.composite
def windows(draw: st.DrawFn, closed: bool = False, allow_x: bool = True) -> str:
    """``[a..b]``: one day in a window, either end possibly missing."""
    first, second = _ordered(draw(points(allow_x)), draw(points(allow_x)))
    if not closed:
        which = draw(st.sampled_from(["both", "both", "no start", "no end"]))
        first = "" if which == "no start" else first
        second = "" if which == "no end" else second
    return f"[{first}..{second}]"


def edtf_strings() -> st.SearchStrategy[str]:
    """Any supported EDTF string, the empty (undated) one included."""
    return st.one_of(st.just(""), points(), intervals(), windows())


@st.composite
def comparable_points(draw: st.DrawFn) -> str:
    """Points the ``edtf`` package parses correctly too (its X support is partial)."""
    if draw(st.integers(0, 9)) == 0:
        return draw(long_years())
    parts = draw(exact_dates())
    shape = draw(st.sampled_from(["exact", "x-year", "x-tail"]))
    if parts[0].startswith("-") or shape == "exact":
        # edtf 5 gets X wrong in BCE years (-0001-XX gives lower > upper).
        return "-".join(parts) + draw(QUALIFIERS)
    if shape == "x-year":
        return draw(masked(parts[0]))  # no qualifier: edtf 5 refuses 00X0~
    # 2021-XX, 2021-XX-XX and 2021-12-XX; edtf 5 fails on 2021-1X and 2021-12-1X.
    keep = draw(st.integers(1, len(parts)))
    return "-".join(parts[:keep] + ["XX"] * (len(parts) - keep))


@st.composite
def comparable_pairs(draw: st.DrawFn, window: bool) -> tuple[str, str]:
    """Two exact points for an interval or window that edtf 5 can parse.

    edtf 5 takes neither X digits nor long years in intervals, nor qualifiers or BCE
    months in sets (``[2021~..2022]``, ``[-0012-11..0000]`` raise), and a set's range
    needs ends of one precision (``[2021..2022-01]`` is invalid EDTF).
    """
    low = 0 if window else -9999
    size = draw(st.integers(1, 3))  # a window's ends share one precision (EDTF level 2)
    texts = []
    for _ in range(2):
        text = "-".join(draw(exact_dates(min_year=low, size=size if window else 0)))
        texts.append(text if window else text + draw(QUALIFIERS))
    return _ordered(texts[0], texts[1])
