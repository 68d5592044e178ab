"""Which entries count their dates from which: kept current from each change set.

Finding an anchor's dependents by walking every entry would cost a scan of the project
per date edit (tens of milliseconds at 100,000 entries); this index is built once, on
first use, and then patched with just the entries each change set names.
"""

from __future__ import annotations

import weakref

from .changes import ChangeSet
from .document import Document
from .entities import Entry, Item


class DependentsIndex:
    """Anchor id → ids of the entries counted from it, for one document."""

    def __init__(self, document: Document) -> None:
        self._document = weakref.ref(document)
        self._map: dict[str, set[str]] | None = None
        document.subscribe(self._on_changed)

    def ids(self, anchor: str) -> tuple[str, ...]:
        """The ids of the entries counted from ``anchor`` (in no set order)."""
        if self._map is None:
            document = self._document()
            self._map = {}
            for entry in document.project.entries if document is not None else ():
                self._add(entry)
        return tuple(sorted(self._map.get(anchor, ())))

    def _add(self, item: Item | None) -> None:
        if self._map is not None and isinstance(item, Entry) and item.relative_to is not None:
            self._map.setdefault(item.relative_to.anchor, set()).add(item.id)

    def _drop(self, item: Item | None) -> None:
        if self._map is not None and isinstance(item, Entry) and item.relative_to is not None:
            self._map.get(item.relative_to.anchor, set()).discard(item.id)

    def _on_changed(self, changes: ChangeSet) -> None:
        document = self._document()
        if self._map is None or document is None:
            return
        if changes.reset:
            self._map = None
            return
        for ids in (changes.added_ids("entries"), changes.removed_ids("entries")):
            for ident in ids:
                self._drop(changes.old(ident))
                self._add(document.find_entry(ident))
        for ident in changes.changed_ids("entries"):
            self._drop(changes.old(ident))
            self._add(document.find_entry(ident))


_INDEXES: weakref.WeakKeyDictionary[Document, DependentsIndex] = weakref.WeakKeyDictionary()


def dependents_of(document: Document) -> DependentsIndex:
    """The document's index of relative dates (made on first use)."""
    found = _INDEXES.get(document)
    if found is None:
        found = _INDEXES[document] = DependentsIndex(document)
    return found
