"""Dates found in source texts, resolved against the issue date."""

from __future__ import annotations

import pytest

from tests.seed import missing_seed_reason, seed_article_path
from timeline_editor.model.edtf import parse_edtf
from timeline_editor.model.source_text import split_paragraphs
from timeline_editor.model.text_dates import anchor_of, find_dates, find_text_dates

ISSUED = "2021-11-20"  # a Saturday


def _found(text: str, issued: str = ISSUED) -> list[tuple[str, str]]:
    return [(f.words, f.edtf) for f in find_dates(text, 1, anchor_of(issued))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They met on 16 November 2021.", [("on 16 November 2021", "2021-11-16")]),
        ("Signed November 9, 2020 in Moscow", [("November 9, 2020", "2020-11-09")]),
        (
            "dated 2021-12-15 and 15.12.2021",
            [("2021-12-15", "2021-12-15"), ("15.12.2021", "2021-12-15")],
        ),
        ("by December 2021", [("December 2021", "2021-12")]),
        ("on December 15", [("on December 15", "2021-12-15")]),
        ("on 3 January", [("on 3 January", "2022-01-03")]),  # nearer than last January
        ("since May and in March", [("since May", "2021-05"), ("in March", "2022-03")]),
        ("it may rain", []),  # a verb, not a month
        ("last November", [("last November", "2020-11")]),
        ("ended last November.", [("last November", "2020-11")]),
        ("on Nov. 16 and Sept 3", [("on Nov. 16", "2021-11-16"), ("Sept 3", "2021-09-03")]),
        ("last March", [("last March", "2021-03")]),
        ("next January", [("next January", "2022-01")]),
        ("early November", [("early November", "[2021-11-01..2021-11-10]")]),
        ("in mid-October", [("mid-October", "[2021-10-11..2021-10-20]")]),
        ("late February 2020", [("late February 2020", "[2020-02-21..2020-02-29]")]),
        ("Yesterday and tomorrow", [("Yesterday", "2021-11-19"), ("tomorrow", "2021-11-21")]),
        ("said on Saturday", [("on Saturday", "2021-11-20")]),
        ("said last Saturday", [("last Saturday", "2021-11-13")]),
        ("on Friday", [("on Friday", "2021-11-19")]),
        ("next Monday", [("next Monday", "2021-11-22")]),
        (
            "within the next three years",
            [("within the next three years", "[2021-11-20..2024-11-20]")],
        ),
        ("within 6 months", [("within 6 months", "[2021-11-20..2022-05-20]")]),
        (
            "in the last couple of months",
            [("in the last couple of months", "[2021-09-20..2021-11-20]")],
        ),
        ("over the past two weeks", [("over the past two weeks", "[2021-11-06..2021-11-20]")]),
        ("three years ago", [("three years ago", "2018")]),
        ("last week", [("last week", "[2021-11-08..2021-11-14]")]),
        ("The passing week", [("The passing week", "[2021-11-14..2021-11-20]")]),
        ("next year", [("next year", "2022")]),
        ("since the 2020 war", [("2020", "2020")]),
        ("4-6 times, 300 troops", []),
    ],
)
def test_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected
    for _, edtf in expected:
        parse_edtf(edtf)  # each is valid EDTF


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on 14 or 15 December 2021", [("on 14 or 15 December 2021", "[2021-12-14,2021-12-15]")]),
        (
            "the 14th, 15th or 16th of December 2021",
            [("14th, 15th or 16th of December 2021", "[2021-12-14,2021-12-15,2021-12-16]")],
        ),
        ("talks in spring 2022", [("spring 2022", "2022-21")]),
        ("in Q1 2022 and H2 2022", [("Q1 2022", "2022-33"), ("H2 2022", "2022-41")]),
        ("in the first half of next year", [("the first half of next year", "2022-40")]),
        ("by the end of the year, a report", [("by the end of the year", "[..2021-12-31]")]),
        ("by the end of November 2021.", [("by the end of November 2021", "[..2021-11-30]")]),
        ("in the coming weeks", [("in the coming weeks", "[2021-11-20..2022-01-01]")]),
    ],
)
def test_periods_and_either_or_are_read_as_written_dates(
    text: str, expected: list[tuple[str, str]]
) -> None:
    # Seasons, quarters, halves and sets are EDTF the parser reads once issue 14's EDTF
    # forms are merged from their branch: the text found is checked here.
    assert _found(text) == expected


def test_counted_periods_need_an_issue_day() -> None:
    found = find_dates("by the end of the year", 1, anchor_of("2021-11"))
    assert found[0].edtf == "" and "needs a year" in found[0].how


def test_an_uncertain_issue_date_makes_counted_days_uncertain() -> None:
    assert _found("yesterday, on December 15", "2021-11-20?") == [
        ("yesterday", "2021-11-19?"),
        ("on December 15", "2021-12-15"),
    ]


def test_without_an_issue_day_relative_words_stay_unresolved() -> None:
    found = find_dates("yesterday, on 16 November 2021", 4, anchor_of("2021-11"))
    assert [(f.words, f.edtf, f.paragraph) for f in found] == [
        ("yesterday", "", 4),
        ("on 16 November 2021", "2021-11-16", 4),
    ]
    assert "issue date" in found[0].how


def test_impossible_days_are_listed_with_the_reason() -> None:
    found = find_dates("on February 30", 1, anchor_of(ISSUED))
    assert found[0].edtf == "" and "not in February" in found[0].how


@pytest.mark.skipif(missing_seed_reason() is not None, reason=missing_seed_reason() or "")
def test_the_seed_articles_dates() -> None:
    paragraphs = split_paragraphs(seed_article_path().read_text(encoding="utf-8"))
    found = {(f.paragraph, f.words): f.edtf for f in find_text_dates(paragraphs, "2021-11-20?")}
    assert found[(10, "on November 16")] == "2021-11-16"  # the border fighting
    assert found[(3, "On November 19")] == "2021-11-19"  # the EU's announcement
    assert found[(1, "on December 15")] == "2021-12-15"  # the Brussels meeting
    assert found[(9, "last November")] == "2020-11"  # the war's end, the ceasefire
    assert found[(13, "early November")] == "[2021-11-01..2021-11-10]"  # Peskov
    assert found[(14, "on Saturday")] == "2021-11-20?"  # Baku's confirmation
    assert found[(9, "within the next three years")] == "[2021-11-20..2024-11-20]"
    assert found[(1, "yesterday")] == "2021-11-19?"
    assert found[(12, "in the last couple of months")] == "[2021-09-20..2021-11-20]"
