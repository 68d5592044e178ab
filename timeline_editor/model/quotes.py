"""Quotes checked against their source's stored text.

Matching is exact after a normalisation that forgives only what copying text changes
without changing its words: runs of whitespace (spaces, no-break spaces, line breaks)
count as one space and spaces at the ends do not count; typographic quotation marks and
apostrophes (‘ ’ ‚ ‛ ′ ʼ ‹ › and “ ” „ ‟ ″ « ») count as the straight ones; dashes
(‐ ‑ ‒ – — ― ⁃) count as a hyphen-minus; soft hyphens are ignored. Nothing else: not
letter case, not other punctuation, not Unicode composition. A quote matches when its
normalised form is part of the normalised text; it may run over a paragraph break.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from .entities import Citation, Entry, Project, Source, SourceText

_SINGLE = "‘’‚‛′ʼ‹›"
_DOUBLE = "“”„‟″«»"
_DASHES = "‐‑‒–—―⁃"
_SOFT_HYPHEN = "\u00ad"
_TABLE = str.maketrans(
    {**dict.fromkeys(_SINGLE, "'"), **dict.fromkeys(_DOUBLE, '"'), **dict.fromkeys(_DASHES, "-")}
)


def normalise(text: str) -> str:
    """The form quotes are compared in (see the module's docstring)."""
    return " ".join(text.replace(_SOFT_HYPHEN, "").translate(_TABLE).split())


class NormalisedText:
    """A source text in normalised form, with a map back to paragraphs and offsets."""

    def __init__(self, paragraphs: tuple[str, ...]) -> None:
        chars: list[str] = []
        # For each normalised character: its paragraph and its offset there.
        self._para = array("i")
        self._offset = array("i")
        for number, paragraph in enumerate(paragraphs):
            self._add(paragraph, number, chars)
        self.text = "".join(chars)

    def _add(self, paragraph: str, number: int, chars: list[str]) -> None:
        space = bool(chars)  # a paragraph break is one space between paragraphs
        for offset, char in enumerate(paragraph):
            if char == _SOFT_HYPHEN:
                continue
            if char.isspace():
                space = bool(chars)
                continue
            if space:
                chars.append(" ")
                self._para.append(number)
                self._offset.append(offset)
                space = False
            chars.append(char.translate(_TABLE))
            self._para.append(number)
            self._offset.append(offset)

    def find(self, quote: str, start: int = 0) -> int:
        """Where the normalised quote starts in the normalised text, or -1."""
        wanted = normalise(quote)
        return self.text.find(wanted, start) if wanted else -1

    def span(self, quote: str) -> tuple[int, int, int, int] | None:
        """(first paragraph, offset, last paragraph, end offset) of the quote, 0-based; or None.

        The end offset is one past the quote's last character in its paragraph.
        """
        wanted = normalise(quote)
        at = self.text.find(wanted) if wanted else -1
        if at < 0:
            return None
        last = at + len(wanted) - 1
        return self._para[at], self._offset[at], self._para[last], self._offset[last] + 1

    def paragraph_of(self, quote: str) -> int | None:
        """The paragraph (counted from 1) where the quote starts, or None."""
        found = self.span(quote)
        return None if found is None else found[0] + 1


@lru_cache(maxsize=32)
def normalised_text(text: SourceText) -> NormalisedText:
    """The normalised form of a stored text, kept for the texts used last."""
    return NormalisedText(text.paragraphs)


class QuoteState(StrEnum):
    """What the check found for one quote."""

    MATCHES = "matches"
    MISMATCH = "mismatch"
    UNCHECKED = "unchecked"  # its source holds no text (or is missing)


@dataclass(frozen=True, slots=True)
class QuoteCheck:
    """One quote's verdict: where it is in the project, which entry, which source."""

    place: str
    entry_id: str
    entry_title: str
    source_id: str
    quote: str
    state: QuoteState
    paragraph: int | None = None


def cited_quotes(entry: Entry) -> Iterator[tuple[str, Citation]]:
    """(place inside the entry, citation) of every citation with a quote."""
    for i, citation in enumerate(entry.citations):
        if citation.quote.strip():
            yield f"citations[{i}]", citation
    for i, claim in enumerate(entry.claims):
        if claim.citation is not None and claim.citation.quote.strip():
            yield f"claims[{i}].citation", claim.citation


class QuoteChecker:
    """Checks quotes against the sources' texts, normalising each text once."""

    def __init__(self, sources: tuple[Source, ...]) -> None:
        self._texts = {s.id: s.text for s in sources if s.text is not None}

    def text_of(self, source_id: str) -> NormalisedText | None:
        """The normalised text of a source, or None when it holds none."""
        stored = self._texts.get(source_id)
        return None if stored is None else normalised_text(stored)

    def check(self, citation: Citation) -> tuple[QuoteState, int | None]:
        """The verdict on one citation's quote, with the paragraph (from 1) it is in."""
        text = self.text_of(citation.source_id)
        if text is None:
            return QuoteState.UNCHECKED, None
        paragraph = text.paragraph_of(citation.quote)
        return (QuoteState.MISMATCH, None) if paragraph is None else (QuoteState.MATCHES, paragraph)

    def entry_checks(self, entry: Entry, index: int) -> Iterator[QuoteCheck]:
        """Verdicts on every quote of ``entry``, the entry being ``entries[index]``."""
        for place, citation in cited_quotes(entry):
            state, paragraph = self.check(citation)
            yield QuoteCheck(
                place=f"entries[{index}].{place}",
                entry_id=entry.id,
                entry_title=entry.title,
                source_id=citation.source_id,
                quote=citation.quote,
                state=state,
                paragraph=paragraph,
            )

    def mismatches(self, entry: Entry) -> int:
        """How many of the entry's quotes are not in their source's stored text."""
        if not self._texts:
            return 0
        return sum(
            self.check(citation)[0] is QuoteState.MISMATCH for _, citation in cited_quotes(entry)
        )


def check_quotes(project: Project) -> list[QuoteCheck]:
    """A verdict on every quote in the project, in file order."""
    checker = QuoteChecker(project.sources)
    return [
        check for i, entry in enumerate(project.entries) for check in checker.entry_checks(entry, i)
    ]


def source_name(source: Source | None, source_id: str) -> str:
    """How messages name a source: its outlet or title, else its id."""
    if source is None:
        return source_id
    return (source.container_title or source.title or source.id)[:60]


def quote_warnings(project: Project) -> list[str]:
    """``place: message`` for every quote not in its source's text and every altered text."""
    from .source_text import is_intact

    sources = {s.id: s for s in project.sources}
    lines = [
        f"sources[{i}].text: the stored text no longer has the SHA-256 it was read with "
        "(it was changed in the file)"
        for i, source in enumerate(project.sources)
        if source.text is not None and not is_intact(source.text)
    ]
    for check in check_quotes(project):
        if check.state is QuoteState.MISMATCH:
            name = source_name(sources.get(check.source_id), check.source_id)
            lines.append(
                f"{check.place}: the quote is not in the text of '{name}' "
                f"(entry '{check.entry_title[:60]}')"
            )
    return lines
