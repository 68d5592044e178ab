"""Quotes checked against stored texts: what normalisation forgives, and nothing more."""

from __future__ import annotations

import pytest

from timeline_editor.model.entities import Citation, Claim, Entry, Project, Source
from timeline_editor.model.passages import cited_passages, citing_by_paragraph, locator_paragraphs
from timeline_editor.model.quotes import (
    NormalisedText,
    QuoteChecker,
    QuoteState,
    check_quotes,
    normalise,
    quote_warnings,
)
from timeline_editor.model.source_text import make_source_text

PARAGRAPHS = (
    "Michel’s office said they would meet “to discuss the regional situation.”",
    "The talks—long awaited—start on 15 December.\nNo date for the hot\u00adline.",
)


@pytest.mark.parametrize(
    "quote",
    [
        "Michel's office said",  # straight apostrophe for a typographic one
        'meet "to discuss the regional situation."',  # straight double quotes
        "The talks - long awaited - start".replace(" - ", "-"),  # hyphen for em dash
        "start on 15 December. No date",  # line break as a space
        "  No   date for the hotline  ",  # soft hyphen ignored, spaces collapsed
        "situation.” The talks",  # over a paragraph break
    ],
)
def test_what_copying_changes_still_matches(quote: str) -> None:
    assert NormalisedText(PARAGRAPHS).find(quote) >= 0


@pytest.mark.parametrize(
    "quote",
    [
        "michel’s office said",  # letter case counts
        "The talks, long awaited, start",  # other punctuation counts
        "start on 16 December",  # a word changed
        "Michel’s office  stated",
        "situation.”The talks",  # a paragraph break is a space, not nothing
    ],
)
def test_anything_else_does_not(quote: str) -> None:
    assert NormalisedText(PARAGRAPHS).find(quote) < 0


def test_normalise_maps_each_kind_of_mark() -> None:
    assert normalise("«a» „b“ ‹c› ‘d’ ʼe — f – g ‐ h\u00adi\u00a0j\n\tk") == (
        "\"a\" \"b\" 'c' 'd' 'e - f - g - hi j k"
    )


def test_span_points_at_the_original_characters() -> None:
    text = NormalisedText(PARAGRAPHS)
    first, start, last, end = text.span("long awaited-start") or (0, 0, 0, 0)
    assert (first, last) == (1, 1)
    assert PARAGRAPHS[1][start:end] == "long awaited—start"
    at = PARAGRAPHS[0].index("regional")
    assert text.span("regional situation.” The talks") == (0, at, 1, 9)
    assert text.paragraph_of("No date") == 2


def _project(quote: str, with_text: bool = True) -> Project:
    text = make_source_text("\n\n".join(PARAGRAPHS), origin="a.txt", read_on="2021-11-20")
    source = Source(id="s1", title="Statement", text=text if with_text else None)
    claim = Claim(citation=Citation(source_id="s1", quote="the regional situation"))
    entries = (
        Entry(id="e0", title="Uncited"),
        Entry(
            id="e1",
            title="Talks",
            citations=(
                Citation(source_id="s1", quote="", locator="paragraph 2"),
                Citation(source_id="s1", quote=quote),
            ),
            claims=(claim,),
        ),
    )
    return Project(entries=entries, sources=(source,))


def test_check_quotes_names_the_place_and_the_paragraph() -> None:
    checks = check_quotes(_project("start on 15 December"))
    assert [(c.place, c.state, c.paragraph) for c in checks] == [
        ("entries[1].citations[1]", QuoteState.MATCHES, 2),
        ("entries[1].claims[0].citation", QuoteState.MATCHES, 1),
    ]
    changed = check_quotes(_project("start on 16 December"))
    assert changed[0].state is QuoteState.MISMATCH
    assert changed[0].entry_title == "Talks"


def test_a_source_without_text_leaves_its_quotes_unchecked() -> None:
    checks = check_quotes(_project("anything at all", with_text=False))
    assert {c.state for c in checks} == {QuoteState.UNCHECKED}
    assert quote_warnings(_project("anything at all", with_text=False)) == []


def test_warnings_name_mismatches_and_altered_texts() -> None:
    project = _project("start on 16 December")
    source = project.sources[0]
    assert source.text is not None
    altered = source.text.model_copy(update={"paragraphs": ("changed",)})
    project = project.model_copy(update={"sources": (source.model_copy(update={"text": altered}),)})
    warnings = quote_warnings(project)
    assert warnings[0].startswith("sources[0].text: the stored text no longer has the SHA-256")
    assert "entries[1].citations[1]: the quote is not in the text of 'Statement'" in warnings[1]


def test_checker_counts_an_entrys_mismatches() -> None:
    project = _project("not there")
    assert QuoteChecker(project.sources).mismatches(project.entries[1]) == 1
    assert QuoteChecker(project.sources).mismatches(project.entries[0]) == 0


def test_passages_by_quote_or_by_locator() -> None:
    project = _project("start on 15 December")
    passages = cited_passages(project, "s1", QuoteChecker(project.sources))
    assert [(p.first, p.last, p.start is None) for p in passages] == [
        (1, 1, True),  # the locator only
        (1, 1, False),
        (0, 0, False),
    ]
    assert citing_by_paragraph(passages) == {1: ["e1"], 0: ["e1"]}


@pytest.mark.parametrize(
    ("locator", "numbers"),
    [
        ("paragraph 3", [3]),
        ("paras 3-5", [3, 4, 5]),
        ("¶ 12", [12]),
        ("paragraphs 4–5", [4, 5]),
        ("page 3", []),
        ("", []),
    ],
)
def test_locator_paragraphs(locator: str, numbers: list[int]) -> None:
    assert list(locator_paragraphs(locator)) == numbers
