"""The reader's edits, each one undoable command: attach a text, cite a passage.

A new entry from a passage is not made here: the window adds it like any new entry
(lane, status rule, selection), given the title, date and citation suggested here.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from timeline_editor.commands.items import EditItems
from timeline_editor.model.document import Document
from timeline_editor.model.entities import Citation, DateValue, Entry, Source, SourceText
from timeline_editor.model.quotes import normalise, source_name
from timeline_editor.model.short_text import shortened
from timeline_editor.model.text_dates import FoundDate
from timeline_editor.ui.reader.text_view import Selection

TITLE_LENGTH = 80


def attach_text(document: Document, source: Source, text: SourceText) -> QUndoCommand:
    """Store ``text`` in ``source`` (replacing any text it holds)."""
    verb = "Replace text of" if source.text is not None else "Attach text to"
    name = shortened(source_name(source, source.id))
    changed = source.model_copy(update={"text": text})
    return EditItems(document, "sources", [changed], f"{verb} source '{name}'")


def passage_citation(source_id: str, selection: Selection) -> Citation:
    """A citation of the selected passage: the verbatim quote and its paragraph."""
    return Citation(source_id=source_id, quote=selection.quote, locator=selection.locator)


def cite(document: Document, entry: Entry, citation: Citation) -> QUndoCommand | None:
    """Add ``citation`` to ``entry``; None when the entry already cites those words there."""
    wanted = normalise(citation.quote)
    for old in entry.citations:
        if old.source_id == citation.source_id and normalise(old.quote) == wanted:
            return None
    changed = entry.model_copy(update={"citations": (*entry.citations, citation)})
    text = f"Cite {citation.locator} in '{shortened(entry.title)}'"
    return EditItems(document, "entries", [changed], text)


def suggested_title(quote: str) -> str:
    """The start of the quote, cut at a word, as a first title to edit."""
    words = " ".join(quote.split())
    if len(words) <= TITLE_LENGTH:
        return words
    return words[:TITLE_LENGTH].rsplit(" ", 1)[0] + "…"


def suggested_date(found: list[FoundDate], selection: Selection) -> DateValue:
    """A date found inside the passage (else in its paragraphs), with its words kept."""
    inside = [f for f in found if selection.first <= f.paragraph <= selection.last]
    quoted = [f for f in inside if normalise(f.words) in normalise(selection.quote)]
    for candidate in (*quoted, *inside):
        if candidate.edtf:
            return DateValue(edtf=candidate.edtf, as_stated=candidate.words)
    return DateValue()
