"""Stored source texts: paragraphs, hash, limits."""

from __future__ import annotations

import hashlib

import pytest
from pydantic import ValidationError

from timeline_editor.model.entities import MAX_SOURCE_TEXT_CHARS, Source, SourceText
from timeline_editor.model.source_text import (
    SourceTextError,
    is_intact,
    make_source_text,
    split_paragraphs,
    text_hash,
)


def test_paragraphs_are_split_at_blank_lines_and_keep_their_line_breaks() -> None:
    text = "\ufeffFirst line\r\nsame paragraph\r\n \r\nSecond.\n\n\n\n  Third.  \n"
    assert split_paragraphs(text) == ("First line\nsame paragraph", "Second.", "Third.")


def test_a_text_without_blank_lines_has_a_paragraph_per_line() -> None:
    assert split_paragraphs("One.\nTwo.\n\nThree.") == ("One.\nTwo.", "Three.")
    assert split_paragraphs("One.\nTwo.\nThree.") == ("One.", "Two.", "Three.")


def test_the_stored_text_has_origin_day_and_hash() -> None:
    stored = make_source_text("A.\n\nB.", origin="a.txt", read_on="2021-11-20")
    assert stored.paragraphs == ("A.", "B.")
    assert stored.sha256 == hashlib.sha256(b"A.\n\nB.").hexdigest() == text_hash(("A.", "B."))
    assert (stored.origin, stored.read_on) == ("a.txt", "2021-11-20")
    assert is_intact(stored)
    assert not is_intact(stored.model_copy(update={"paragraphs": ("A.",)}))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the text is empty"),
        ("  \n\n \t", "the text is empty"),
        ("a\x00b", "NUL characters"),
        ("x" * 100_001, "paragraph 1 has 100,001 characters"),
        ("\n\n".join(["y" * 90_000] * 25), "a source text holds at most 2,000,000"),
    ],
)
def test_texts_that_cannot_be_stored_say_why(text: str, message: str) -> None:
    with pytest.raises(SourceTextError, match=message):
        make_source_text(text, origin="a.txt", read_on="2021-11-20")


def test_scripts_are_kept_as_written() -> None:
    text = "Հայաստան և Ադրբեջան\n\nРоссия, Армения\n\nשלום עולם\n\nمرحبا بالعالم"
    stored = make_source_text(text, origin="a.txt", read_on="")
    assert "\n\n".join(stored.paragraphs) == text


def test_the_model_refuses_an_oversized_text_and_a_bad_day() -> None:
    big = ("z" * 100_000,) * (MAX_SOURCE_TEXT_CHARS // 100_000 + 1)
    with pytest.raises(ValidationError, match="at most 2,000,000"):
        SourceText(paragraphs=big)
    with pytest.raises(ValidationError):
        SourceText(paragraphs=("a",), read_on="2021-11")
    with pytest.raises(ValidationError):
        SourceText(paragraphs=())


def test_a_source_without_text_writes_no_text_field() -> None:
    assert "text" not in Source(title="a").model_dump()
    stored = make_source_text("A.", origin="a.txt", read_on="")
    assert Source(title="a", text=stored).model_dump()["text"]["paragraphs"] == ("A.",)
