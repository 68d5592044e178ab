"""Extents of many entries at once agree with the one-by-one reference, case by case."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_editor.layout.dates import entry_extents
from timeline_editor.layout.visual import extent_of
from timeline_editor.model.daynum import format_day
from timeline_editor.model.edtf import EdtfError, parse_edtf
from timeline_editor.model.vocab import EntryKind

AS_OF = 19_000
CASES = [
    "",
    "2021-11-19",
    "2021-11",
    "2021",
    "2021-11-19~",
    "2021-11-19?",
    "2021-11-19%",
    "2021-11~",
    "201X",
    "2021-XX-XX",
    "2021-12-XX",
    "Y-170000",
    "-0044-03-15",
    "0602",
    "2021-11-19/2021-12-01",
    "2021-11/2022",
    "2021-05~/2021-07?",
    "2020-05-03/",
    "/2020-01-01",
    "2021-05/..",
    "../2021-05-03",
    "[2021-05-01..2021-09-30]",
    "[..2021-05-01]",
    "[2021-05-01..]",
    "2024-02-29",
    "2022-01-01",  # after the as-of day: planned
    # EDTF level 2 (issue 14): seasons, sets, qualified parts, exponent years.
    "2001-21",
    "2010-24~",
    "2004?-06-~11",
    "Y17E7",
    "1950S2",
    "[1667,1668,1670..1672]",
    "{1960,1961-12}",
    "[..1760-12-03,1761]",
    "[2021-01,2021-02,2021-12..]",
]


def _reference(texts: list[str], flags: np.ndarray) -> list[tuple[float, ...] | None]:
    rows: list[tuple[float, ...] | None] = []
    for text, (period, dead, disputed) in zip(texts, flags.tolist(), strict=True):
        parsed = parse_edtf(text)
        planned = parsed.earliest is not None and parsed.earliest > AS_OF
        kind = EntryKind.PERIOD if period else EntryKind.EVENT
        extent = extent_of(parsed, kind, planned=planned, dead=dead, disputed=disputed, as_of=AS_OF)
        rows.append(
            None
            if extent is None
            else (extent.start, extent.end, extent.core_start, extent.core_end, int(extent.mark))
        )
    return rows


def _check(texts: list[str], flags: np.ndarray) -> None:
    found = entry_extents(
        texts, periods=flags[:, 0], dead=flags[:, 1], disputed=flags[:, 2], as_of=AS_OF
    )
    for i, expected in enumerate(_reference(texts, flags)):
        if expected is None:
            assert not found.dated[i], texts[i]
            continue
        got = (
            found.start[i],
            found.end[i],
            found.core_start[i],
            found.core_end[i],
            int(found.mark[i]),
        )
        assert found.dated[i] and got == expected, texts[i]


def test_every_case_matches_the_reference_with_every_flag() -> None:
    texts = CASES * 8
    flags = np.array([[(i >> b) & 1 for b in range(3)] for i in range(8)], np.bool_)
    _check(texts, np.repeat(flags, len(CASES), axis=0))


days = st.integers(-800_000, 60_000).map(format_day)
texts = st.one_of(
    days,
    days.map(lambda d: d[:-3]),
    st.tuples(days, st.sampled_from("~?%")).map("".join),
    st.tuples(days, days).map(lambda p: f"{min(p)}/{max(p)}"),
    st.tuples(days, days).map(lambda p: f"[{min(p)}..{max(p)}]"),
    days.map(lambda d: f"{d}/.."),
)


@settings(max_examples=40, deadline=None)
@given(st.lists(texts, min_size=1, max_size=30), st.integers(0, 7))
def test_generated_dates_match_the_reference(found: list[str], bits: int) -> None:
    flags = np.array([[(bits >> b) & 1 for b in range(3)]] * len(found), np.bool_)
    _check(found, flags)


@pytest.mark.parametrize(
    "text", ["2021-02-30", "2021-13", "2021-05-03T25:00", "../..", "[..]", "2021-05-03/2021-01-01"]
)
def test_bad_dates_raise_the_parser_error(text: str) -> None:
    none = np.zeros(1, np.bool_)
    with pytest.raises(EdtfError):
        entry_extents([text], periods=none, dead=none, disputed=none, as_of=None)
