"""Add items to several collections as one undo step (pasted rows and what they name)."""

from __future__ import annotations

from collections.abc import Sequence

from timeline_editor.commands.base import DocumentCommand
from timeline_editor.model.document import Document, DocumentError
from timeline_editor.model.entities import CollectionName, Item


class AddToCollections(DocumentCommand):
    """Append items to collections in the order given, all or none.

    Pasted entries may name lanes, actors, places and sources that are new too: those
    go in first, so the entries' references hold, and come out last on undo. When the
    document refuses one collection, the ones already added are taken out again.
    """

    def __init__(
        self, document: Document, parts: Sequence[tuple[CollectionName, Sequence[Item]]], text: str
    ) -> None:
        super().__init__(document, text)
        self._parts = [(name, list(items)) for name, items in parts if items]

    def apply(self) -> None:
        """Add each collection's items; on a refusal, remove those added and re-raise."""
        done: list[tuple[CollectionName, list[Item]]] = []
        try:
            for name, items in self._parts:
                self._document.append(name, items)
                done.append((name, items))
        except DocumentError:
            for name, items in reversed(done):
                self._document.remove(name, [item.id for item in items])
            raise

    def revert(self) -> None:
        """Remove the items, entries first."""
        for name, items in reversed(self._parts):
            self._document.remove(name, [item.id for item in items])
