"""Dates in words for the chart's key."""

from __future__ import annotations

import pytest

from timeline_editor.layout.datewords import date_words


@pytest.mark.parametrize(
    ("edtf", "words"),
    [
        ("", "undated"),
        ("2021-11-16", "16 Nov 2021"),
        ("2021-11", "Nov 2021"),
        ("[2021-11-15..2021-11-19]", "between 15 and 19 Nov 2021"),
        ("[2021-10-15..2021-11-19]", "between 15 Oct and 19 Nov 2021"),
        ("[2020-11-10..2023-11-10]", "between 10 Nov 2020 and 10 Nov 2023"),
        ("2021-09~/2021-11-20", "Sep 2021 (approx.) – 20 Nov 2021"),
        ("2021-11-15/2021-11-19", "15 – 19 Nov 2021"),
        ("[2020-11-10..]", "on or after 10 Nov 2020"),
        ("[..2021-11]", "on or before Nov 2021"),
        ("2021-11-19?", "perhaps 19 Nov 2021"),
        ("2021~", "about 2021"),
        ("2021-11-19/..", "from 19 Nov 2021, still going"),
        ("2021-11-19/", "from 19 Nov 2021, end unknown"),
        ("/2021-11", "until Nov 2021 (start unknown)"),
        ("-0043-03-15", "15 Mar 44 BCE"),
        ("2021-1X", "2021-1X"),
        ("not a date", "not a date"),
    ],
)
def test_date_words(edtf: str, words: str) -> None:
    assert date_words(edtf) == words
