"""A source's text as the project stores it: split into numbered paragraphs, hashed.

Paragraphs are separated by blank lines. A text with no blank line at all but several
lines (an article saved one paragraph per line) takes each line as a paragraph. Line
breaks inside a paragraph, and every character of it, are kept as they are: a quote is
checked against the words as read. Only the ends of each paragraph lose their spaces,
and ``\\r\\n`` and ``\\r`` become ``\\n``.
"""

from __future__ import annotations

import hashlib
import re

from pydantic import ValidationError

from .entities import MAX_SOURCE_TEXT_CHARS, SourceText

#: One paragraph may hold at most this many characters (the model's limit for one text).
MAX_PARAGRAPH_CHARS = 100_000

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


class SourceTextError(ValueError):
    """A text that cannot be stored as a source's text; the message says why."""


def split_paragraphs(text: str) -> tuple[str, ...]:
    """The text's paragraphs, without empty ones (see the module's docstring)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    blocks = _BLANK_LINE.split(text)
    if len(blocks) == 1:
        blocks = text.split("\n")
    return tuple(p for p in (block.strip() for block in blocks) if p)


def joined(paragraphs: tuple[str, ...] | list[str]) -> str:
    """The paragraphs as one text, separated by blank lines."""
    return "\n\n".join(paragraphs)


def text_hash(paragraphs: tuple[str, ...] | list[str]) -> str:
    """SHA-256 (hex) of the paragraphs joined by blank lines, as UTF-8."""
    data = joined(paragraphs).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


def make_source_text(text: str, *, origin: str, read_on: str) -> SourceText:
    """The stored form of ``text``; :class:`SourceTextError` when it cannot be stored.

    ``read_on`` is the EDTF day the text was read (the caller knows the day: the model
    never reads the clock).
    """
    if "\x00" in text:
        raise SourceTextError("the text contains NUL characters: it is not plain text")
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        raise SourceTextError("the text is empty: there is nothing to store")
    total = sum(map(len, paragraphs))
    if total > MAX_SOURCE_TEXT_CHARS:
        raise SourceTextError(
            f"the text has {total:,} characters; a source text holds at most "
            f"{MAX_SOURCE_TEXT_CHARS:,} (about a thousand pages): store the part you cite"
        )
    for number, paragraph in enumerate(paragraphs, 1):
        if len(paragraph) > MAX_PARAGRAPH_CHARS:
            raise SourceTextError(
                f"paragraph {number} has {len(paragraph):,} characters; one paragraph holds "
                f"at most {MAX_PARAGRAPH_CHARS:,} (separate paragraphs by blank lines)"
            )
    try:
        return SourceText(
            paragraphs=paragraphs,
            origin=origin[:1000],
            read_on=read_on,
            sha256=text_hash(paragraphs),
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        raise SourceTextError(str(first["msg"]).removeprefix("Value error, ")) from None


def is_intact(text: SourceText) -> bool:
    """Whether the stored paragraphs still have the hash they were stored with."""
    return not text.sha256 or text.sha256 == text_hash(text.paragraphs)
