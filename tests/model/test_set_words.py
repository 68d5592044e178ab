"""Sets and seasons in words (the table, reports, exports) and moved on the chart."""

from __future__ import annotations

import pytest

from timeline_editor.model.date_shift import move_edge, shift_edtf
from timeline_editor.model.datewords import date_words


@pytest.mark.parametrize(
    ("edtf", "words"),
    [
        ("[2021-12-14,2021-12-15]", "14 or 15 Dec 2021"),
        ("[2021-12-14, 2021-12-15, 2021-12-16]", "14, 15 or 16 Dec 2021"),
        ("[2021-12-31,2022-01-03]", "31 Dec 2021 or 3 Jan 2022"),
        ("{2021-10-12,2021-11-25,2022-01}", "12 Oct 2021, 25 Nov 2021 and Jan 2022"),
        ("{1960,1961-12}", "1960 and Dec 1961"),
        ("[1667,1668,1670..1672]", "1667, 1668 or 1670 to 1672"),
        ("[2021-12-14?,2021-12-15]", "14 Dec 2021 (uncertain) or 15 Dec 2021"),
        ("2022-21", "spring 2022"),
        ("2022-24", "winter 2022"),
        ("2022-33", "Q1 2022"),
        ("2022-40", "first half of 2022"),
        ("2022-21~", "spring 2022 (approx.)"),
        ("2021-21/2022-23", "spring 2021 – autumn 2022"),
        ("[2022-21..2022-22]", "between spring 2022 and summer 2022"),
    ],
)
def test_sets_and_seasons_read_as_words(edtf: str, words: str) -> None:
    assert date_words(edtf) == words


@pytest.mark.parametrize(
    ("edtf", "days", "moved"),
    [
        ("[2021-12-14,2021-12-15]", 1, "[2021-12-15,2021-12-16]"),
        ("{2021-10-12,2021-11-25,2022-01}", 31, "{2021-11-12,2021-12-26,2022-02}"),
        ("[1667,1668,1670..1672]", 800, "[1669,1670,1672..1674]"),
        ("2022-21", 400, "2023-21"),
        ("2022-21~", 20, "2022-21~"),
    ],
)
def test_a_set_moved_on_the_chart_stays_a_set_and_a_season_a_season(
    edtf: str, days: float, moved: str
) -> None:
    assert shift_edtf(edtf, days) == moved


def test_a_set_has_no_edge_to_drag() -> None:
    assert move_edge("[2021-12-14,2021-12-15]", 3, "end") == "[2021-12-14,2021-12-15]"
