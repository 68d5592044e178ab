"""Sets and seasons in words: what the table, the reports and the exports print."""

from __future__ import annotations

import pytest

from timeline_editor.model.datewords import date_words


@pytest.mark.parametrize(
    ("edtf", "words"),
    [
        ("[2021-12-14,2021-12-15]", "14 or 15 Dec 2021"),
        ("[2021-12-14, 2021-12-15, 2021-12-16]", "14, 15 or 16 Dec 2021"),
        ("[2021-12-31,2022-01-03]", "31 Dec 2021 or 3 Jan 2022"),
        ("{2021-10-12,2021-11-25,2022-01}", "12 Oct 2021, 25 Nov 2021 and Jan 2022"),
        ("{1960,1961-12}", "1960 and Dec 1961"),
        ("[1667,1668,1670..1672]", "1667, 1668 or 1670–1672"),
        ("[2021-12-14?,2021-12-15]", "14 Dec 2021 (uncertain) or 15 Dec 2021"),
        ("2022-21", "spring 2022"),
        ("2022-24", "winter 2022"),
        ("2022-33", "Q1 2022"),
        ("2022-40", "first half 2022"),
        ("2022-21~", "spring 2022 (approx.)"),
        ("2021-21/2022-23", "spring 2021 – autumn 2022"),
        ("[2022-21..2022-22]", "between spring 2022 and summer 2022"),
    ],
)
def test_sets_and_seasons_read_as_words(edtf: str, words: str) -> None:
    assert date_words(edtf) == words
