"""Which passages of a source's text the chronology cites, and by which entries.

A citation cites a passage when its quote is found in the source's text (see
:mod:`.quotes`); a citation whose quote is empty or not found still cites the
paragraphs its locator names ("paragraph 3", "paras 3-4", "¶ 3").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .entities import Citation, Entry, Project
from .quotes import QuoteChecker

_LOCATOR = re.compile(r"(?:paragraphs?|paras?\.?|¶)\s*(\d{1,6})(?:\s*[-–]\s*(\d{1,6}))?", re.I)


@dataclass(frozen=True, slots=True)
class Passage:
    """A cited stretch of text: paragraphs counted from 0, end offset one past the end.

    ``start``/``end`` are None when only the locator places the citation (the whole
    paragraphs are meant).
    """

    entry_id: str
    first: int
    last: int
    start: int | None = None
    end: int | None = None


def locator_paragraphs(locator: str) -> range:
    """The paragraphs (counted from 1) a locator names; empty when it names none."""
    found = _LOCATOR.search(locator)
    if found is None:
        return range(0)
    first = int(found.group(1))
    last = int(found.group(2) or first)
    return range(first, last + 1) if first <= last <= first + 1000 else range(first, first + 1)


def paragraph_locator(first: int, last: int) -> str:
    """The locator of paragraphs ``first``..``last`` (counted from 1)."""
    return f"paragraph {first}" if first == last else f"paragraphs {first}–{last}"


def _citations(entry: Entry) -> list[Citation]:
    found = list(entry.citations)
    found += [c.citation for c in entry.claims if c.citation is not None]
    return found


def cited_passages(project: Project, source_id: str, checker: QuoteChecker) -> list[Passage]:
    """Every passage of one source that an entry cites, in entry order."""
    passages: list[Passage] = []
    text = checker.text_of(source_id)
    for entry in project.entries:
        for citation in _citations(entry):
            if citation.source_id != source_id:
                continue
            span = text.span(citation.quote) if text is not None and citation.quote else None
            if span is not None:
                passages.append(Passage(entry.id, span[0], span[2], span[1], span[3]))
                continue
            numbers = locator_paragraphs(citation.locator)
            if numbers:
                passages.append(Passage(entry.id, numbers[0] - 1, numbers[-1] - 1))
    return passages


def citing_by_paragraph(passages: list[Passage]) -> dict[int, list[str]]:
    """Paragraph (counted from 0) → ids of the entries citing it, each once, in order."""
    found: dict[int, list[str]] = {}
    for passage in passages:
        for number in range(passage.first, passage.last + 1):
            ids = found.setdefault(number, [])
            if passage.entry_id not in ids:
                ids.append(passage.entry_id)
    return found
