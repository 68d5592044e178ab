"""The status bar: the visible date range and how many entries are shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QStatusBar

from timeline_editor.model.daynum import format_day
from timeline_editor.model.document import Change, ChangeKind, Document
from timeline_editor.model.entities import Entry
from timeline_editor.model.filters import EntryPredicate
from timeline_editor.model.queries import is_disputed, is_undated
from timeline_editor.ui.widgets.wording import counted

Row = tuple[bool, bool, bool]  # shown, disputed, undated
#: Puts a message in the status bar for some milliseconds (``QStatusBar.showMessage``).
StatusMessage = Callable[[str, int], None]


class Tally:
    """How many entries are shown, disputed and undated, kept per entry id.

    An edit of a few entries adjusts the counts for those entries only (a recount
    of 100,000 entries takes a quarter of a second); adding, removing or a new
    filter recounts everything.
    """

    def __init__(self, document: Document, predicate: EntryPredicate | None) -> None:
        self._document = document
        self._predicate = predicate
        self._rows: dict[str, Row] = {}
        self._sums = [0, 0, 0]
        for entry in document.project.entries:
            self._add(entry.id, self._row(entry))

    def _row(self, entry: Entry) -> Row:
        shown = self._predicate is None or self._predicate(entry)
        return shown, shown and is_disputed(entry), shown and is_undated(entry)

    def _add(self, ident: str, row: Row, sign: int = 1) -> None:
        if sign > 0:
            self._rows[ident] = row
        for column, flag in enumerate(row):
            self._sums[column] += sign * int(flag)

    def update(self, ids: tuple[str, ...]) -> None:
        """Recount the entries ``ids`` after they were edited in place."""
        for ident in ids:
            entry = self._document.find_entry(ident)
            old = self._rows.get(ident)
            if entry is not None and old is not None:
                self._add(ident, old, -1)
                self._add(ident, self._row(entry))

    def text(self) -> str:
        """ "3 of 5 entries · 1 disputed · 1 undated" (disputed/undated among those shown)."""
        shown, disputed, undated = self._sums
        total = counted(len(self._rows), "entry")
        head = f"{shown} of {total}" if self._predicate else total
        return f"{head} · {disputed} disputed · {undated} undated"


def count_text(document: Document, predicate: EntryPredicate | None) -> str:
    """ "3 of 5 entries · 1 disputed · 1 undated" (disputed/undated among those shown)."""
    return Tally(document, predicate).text()


class StatusLine:
    """Keeps the status bar's permanent labels current."""

    def __init__(self, bar: QStatusBar, document: Document) -> None:
        self._document = document
        self._predicate: EntryPredicate | None = None
        self._tally = Tally(document, None)
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
        self._tally = Tally(self._document, self._predicate)
        self.count_label.setText(self._tally.text())

    def _on_document_changed(self, change: Change) -> None:
        if change.collection == "entries" and change.kind is ChangeKind.CHANGED:
            self._tally.update(change.ids)
            self.count_label.setText(self._tally.text())
        elif change.collection in ("entries", "sources", "project"):
            self.refresh()
