"""The status bar: the visible date range and how many entries are shown."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar

from timeline_editor.model.daynum import format_day
from timeline_editor.model.document import Change, Document
from timeline_editor.model.filters import EntryPredicate
from timeline_editor.model.queries import is_disputed, is_undated
from timeline_editor.ui.wording import counted


def count_text(document: Document, predicate: EntryPredicate | None) -> str:
    """ "3 of 5 entries · 1 disputed · 1 undated" (disputed/undated among those shown)."""
    entries = document.project.entries
    shown = entries if predicate is None else [e for e in entries if predicate(e)]
    disputed = sum(1 for e in shown if is_disputed(e))
    undated = sum(1 for e in shown if is_undated(e))
    total = counted(len(entries), "entry")
    head = f"{len(shown)} of {total}" if predicate else total
    return f"{head} · {disputed} disputed · {undated} undated"


class StatusLine:
    """Keeps the status bar's permanent labels current."""

    def __init__(self, bar: QStatusBar, document: Document) -> None:
        self._document = document
        self._predicate: EntryPredicate | None = None
        self.range_label = QLabel("", bar)
        self.count_label = QLabel("", bar)
        bar.addPermanentWidget(self.range_label)
        bar.addPermanentWidget(self.count_label)
        self._unsubscribe = document.subscribe(self._on_document_changed)
        self.refresh()

    def set_predicate(self, predicate: EntryPredicate | None) -> None:
        """Count against a new filter."""
        self._predicate = predicate
        self.refresh()

    def set_visible_range(self, start: int, end: int) -> None:
        """Show the range of days on screen."""
        self.range_label.setText(f"{format_day(start)} – {format_day(end)}")

    def refresh(self) -> None:
        """Recount."""
        self.count_label.setText(count_text(self._document, self._predicate))

    def _on_document_changed(self, change: Change) -> None:
        if change.collection in ("entries", "sources", "project"):
            self.refresh()
