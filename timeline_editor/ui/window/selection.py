"""The selected entries, kept the same in every view of one window."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QObject, Signal

from timeline_editor.model.changes import ChangeSet
from timeline_editor.model.document import Document
from timeline_editor.ui.window.views import ChronologyView


class SelectionController(QObject):
    """Passes a selection made in one view to the others; deleted entries drop out of it."""

    #: The selected ids after every change, from any view or from :meth:`select`.
    changed = Signal(list)

    def __init__(
        self, document: Document, views: Sequence[ChronologyView], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._views = list(views)
        self._ids: list[str] = []
        self._syncing = False
        for view in self._views:
            view.selection_changed.connect(partial(self._on_view_selection, view))
        document.subscribe(self._on_document_changed)

    def ids(self) -> list[str]:
        """The selected entries."""
        return list(self._ids)

    def select(self, ids: list[str]) -> None:
        """Select these entries in every view."""
        self._show(self._views, ids)

    def _on_view_selection(self, source: ChronologyView, ids: list[str]) -> None:
        # A view told of a selection made elsewhere may echo it back: ignore the echo.
        if not self._syncing:
            self._show([view for view in self._views if view is not source], ids)

    def _show(self, views: list[ChronologyView], ids: list[str]) -> None:
        self._syncing = True
        try:
            for view in views:
                view.set_selection(list(ids))
        finally:
            self._syncing = False
        self._ids = list(ids)
        self.changed.emit(list(ids))

    def _on_document_changed(self, changes: ChangeSet) -> None:
        # Only removed entries leave the selection: the change set names them.
        if changes.reset:
            kept = [i for i in self._ids if self._document.find_entry(i) is not None]
        elif removed := set(changes.removed_ids("entries")):
            kept = [i for i in self._ids if i not in removed]
        else:
            return
        if len(kept) != len(self._ids):
            self.select(kept)
