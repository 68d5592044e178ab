"""Undoable edits of the project's collections: add, edit, move and delete items.

Each command calls :class:`~timeline_editor.model.document.Document` methods only; the
views follow the document's change notifications.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QUndoCommand, QUndoStack

from timeline_editor.commands.base import DocumentCommand
from timeline_editor.model.document import Document, DocumentError
from timeline_editor.model.entities import COLLECTION_NOUNS, CollectionName, Entry, Item
from timeline_editor.model.references import affected_entries, without_references
from timeline_editor.model.relative_dates import RelationError, follow_anchors
from timeline_editor.model.relative_index import dependents_of
from timeline_editor.model.short_text import shortened


def describe(verb: str, collection: CollectionName, items: Sequence[Item | None]) -> str:
    """Undo-menu text such as "Add entry 'Ceasefire'" or "Delete 3 sources".

    None stands for an id the document does not have: it still counts, so that a
    refused edit names as many items as it was asked for.
    """
    if len(items) == 1:
        name = getattr(items[0], "title", "") or getattr(items[0], "name", "")
        one = COLLECTION_NOUNS[collection]
        return f"{verb} {one} '{shortened(name)}'" if name else f"{verb} {one}"
    return f"{verb} {len(items)} {collection}"


class AddItems(DocumentCommand):
    """Add items to a collection (new entries, pasted entries, a new source...)."""

    def __init__(
        self, document: Document, collection: CollectionName, items: Sequence[Item]
    ) -> None:
        super().__init__(document, describe("Add", collection, items))
        self._collection = collection
        self._items = list(items)

    def apply(self) -> None:
        """Append the items."""
        self._document.append(self._collection, self._items)

    def revert(self) -> None:
        """Remove them again."""
        self._document.remove(self._collection, [i.id for i in self._items])


def _with_followers(document: Document, items: Sequence[Item]) -> tuple[list[Item], str]:
    """Edited entries plus those whose dates count from them, or why the edit is refused."""
    entries = [item for item in items if isinstance(item, Entry)]
    if len(entries) != len(items):
        return list(items), ""  # the document refuses items of the wrong kind
    try:
        index = dependents_of(document)
        return list(follow_anchors(entries, document.find_entry, index.ids)), ""
    except RelationError as exc:
        return list(items), str(exc)


class EditItems(DocumentCommand):
    """Replace items by id with edited copies (any field edit in the inspector).

    Every edit of entries passes through here, so this is where dates counted from
    another entry follow it (``model/relative_dates``): the entries whose dates follow
    are replaced in the same command, and one undo restores them all.
    """

    def __init__(
        self, document: Document, collection: CollectionName, items: Sequence[Item], text: str = ""
    ) -> None:
        super().__init__(document, text or describe("Edit", collection, items))
        self._collection = collection
        self._refused = ""
        self._new = list(items)
        if collection == "entries":
            self._new, self._refused = _with_followers(document, items)
        found = (document.find_item(collection, i.id) for i in self._new)
        # An id the document lacks makes apply() refuse, so revert() never needs it.
        self._old = [item for item in found if item is not None]

    def apply(self) -> None:
        """Put the new versions in place."""
        if self._refused:
            raise DocumentError(self._refused)
        self._document.replace(self._collection, self._new)

    def revert(self) -> None:
        """Put the old versions back."""
        self._document.replace(self._collection, self._old)


class MoveEntries(EditItems):
    """Move or resize entries in time or between lanes; repeated nudges merge."""

    COMMAND_ID = 1001

    def __init__(self, document: Document, entries: Sequence[Entry], nudge: bool = False) -> None:
        super().__init__(document, "entries", entries, describe("Move", "entries", entries))
        self._nudge = nudge

    def id(self) -> int:
        """Nudges share an id so that Qt offers them to :meth:`mergeWith`."""
        return self.COMMAND_ID if self._nudge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Fold a following nudge of the same entries into this command.

        Qt offers a command for merging before it looks at whether its redo was
        refused; taking a refused nudge's values would make the next redo fail.
        """
        if not isinstance(other, MoveEntries) or not other._nudge or other.isObsolete():
            return False
        if [e.id for e in other._new] != [e.id for e in self._new]:
            return False
        self._new = other._new
        return True


class DeleteItems(DocumentCommand):
    """Delete items; references to them in entries are removed with them."""

    def __init__(self, document: Document, collection: CollectionName, ids: Sequence[str]) -> None:
        items = [document.find_item(collection, i) for i in ids]
        super().__init__(document, describe("Delete", collection, items))
        self._collection = collection
        self._ids = list(ids)
        affected = affected_entries(document.project, collection, set(ids))
        self._old_entries = affected
        self._new_entries = [without_references(e, collection, set(ids)) for e in affected]
        self._removed: list[tuple[int, Item]] = []

    @property
    def affected_count(self) -> int:
        """How many entries lose a reference through this delete."""
        return len(self._old_entries)

    def apply(self) -> None:
        """Strip references, then remove the items (all or nothing)."""
        if self._new_entries:
            self._document.replace("entries", self._new_entries)
        try:
            self._removed = self._document.remove(self._collection, self._ids)
        except DocumentError:
            if self._new_entries:
                self._document.replace("entries", self._old_entries)
            raise

    def revert(self) -> None:
        """Re-insert the items where they were, then restore the references."""
        self._document.insert(self._collection, self._removed)
        if self._old_entries:
            self._document.replace("entries", self._old_entries)


def _position(document: Document, ident: str) -> int | None:
    return document.index_of("entries", ident) if document.find_entry(ident) else None


def delete_entries(
    document: Document, stack: QUndoStack, ids: list[str], verb: str = "Delete"
) -> bool:
    """Delete entries as one undo command (Edit menu and canvas Delete key); False if none."""
    # Sorted by position through the id index: a scan of every entry would cost what the
    # project costs, not what the selection does.
    found = {i: n for i in ids if (n := _position(document, i)) is not None}
    ordered = sorted(found, key=found.__getitem__)
    if not ordered:
        return False
    command = DeleteItems(document, "entries", ordered)
    command.setText(command.text().replace("Delete", verb, 1))
    stack.push(command)
    return True


class SetProjectInfo(DocumentCommand):
    """Change the project's title, description or as-of date."""

    def __init__(self, document: Document, **fields: str) -> None:
        super().__init__(document, "Edit project " + ", ".join(f.replace("_", "-") for f in fields))
        self._new = fields
        self._old = {name: getattr(document.project, name) for name in fields}

    def apply(self) -> None:
        """Apply the new values."""
        self._document.set_meta(**self._new)

    def revert(self) -> None:
        """Restore the old values."""
        self._document.set_meta(**self._old)
