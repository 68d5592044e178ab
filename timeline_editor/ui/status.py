"""The status bar: the visible date range and how many entries are shown."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar

from timeline_editor.model.daynum import format_day
from timeline_editor.model.document import Change, Document
from timeline_editor.model.entities import Entry
from timeline_editor.model.filters import EntryPredicate
from timeline_editor.model.queries import is_disputed, is_undated
from timeline_editor.ui.wording import counted


class EntryFlags:
    """Disputed and undated flags of entries, remembered per (immutable) entry object.

    An edit replaces one entry object and keeps the others, so a recount after an
    edit only works out the flags of the entries that changed.
    """

    def __init__(self) -> None:
        self._known: dict[int, tuple[Entry, bool, bool]] = {}

    def of(self, entry: Entry) -> tuple[bool, bool]:
        """(disputed, undated) of ``entry``."""
        hit = self._known.get(id(entry))
        if hit is not None and hit[0] is entry:
            return hit[1], hit[2]
        flags = (is_disputed(entry), is_undated(entry))
        self._known[id(entry)] = (entry, *flags)
        return flags

    def forget_all_but(self, entries: tuple[Entry, ...]) -> None:
        """Drop remembered entries that are no longer in the project."""
        if len(self._known) > 2 * len(entries) + 64:
            keep = {id(e) for e in entries}
            self._known = {k: v for k, v in self._known.items() if k in keep}


def count_text(
    document: Document, predicate: EntryPredicate | None, flags: EntryFlags | None = None
) -> str:
    """ "3 of 5 entries · 1 disputed · 1 undated" (disputed/undated among those shown)."""
    flags = flags or EntryFlags()
    entries = document.project.entries
    flags.forget_all_but(entries)
    shown = entries if predicate is None else [e for e in entries if predicate(e)]
    marks = [flags.of(e) for e in shown]
    disputed = sum(1 for d, _ in marks if d)
    undated = sum(1 for _, u in marks if u)
    total = counted(len(entries), "entry")
    head = f"{len(shown)} of {total}" if predicate else total
    return f"{head} · {disputed} disputed · {undated} undated"


class StatusLine:
    """Keeps the status bar's permanent labels current."""

    def __init__(self, bar: QStatusBar, document: Document) -> None:
        self._document = document
        self._predicate: EntryPredicate | None = None
        self._flags = EntryFlags()
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
        self.count_label.setText(count_text(self._document, self._predicate, self._flags))

    def _on_document_changed(self, change: Change) -> None:
        if change.collection in ("entries", "sources", "project"):
            self.refresh()
