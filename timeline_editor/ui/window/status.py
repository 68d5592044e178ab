"""The status bar: the visible date range and how many entries are shown."""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter

from PySide6.QtWidgets import QLabel, QStatusBar

from timeline_editor.model.changes import ChangeSet
from timeline_editor.model.daynum import format_day
from timeline_editor.model.document import Document
from timeline_editor.model.entities import Entry
from timeline_editor.model.filters import EntryPredicate
from timeline_editor.model.queries import claims_disagree, is_disputed, is_undated
from timeline_editor.ui.widgets.wording import counted

#: Qt's largest widget size (QWIDGETSIZE_MAX), which PySide does not export.
QWIDGETSIZE_MAX = (1 << 24) - 1

#: Puts a message in the status bar for some milliseconds (``QStatusBar.showMessage``).
StatusMessage = Callable[[str, int], None]


class Tally:
    """How many entries there are, and how many are shown, disputed and undated.

    Only the sums are kept. An edit subtracts what each touched entry counted for
    before (the change set keeps the old entry) and adds what it counts for now, so
    deleting 1,000 of 100,000 entries costs 1,000 look-ups, not a recount. Opening
    a project, or a filter that weighs sources when sources change, recounts.
    """

    def __init__(self, document: Document, predicate: EntryPredicate | None) -> None:
        self._document = document
        self._predicate = predicate
        self._total = 0
        self._sums = [0, 0, 0]
        entries = document.project.entries
        if predicate is None:
            # One C-level pass over the two fields counted (a Python loop over 100,000
            # entries costs three times as much).
            fields = list(map(attrgetter("when.edtf", "claims"), entries))
            undated = sum(1 for text, _ in fields if not text)
            disputed = sum(1 for _, claims in fields if claims and claims_disagree(claims))
            self._total = len(fields)
            self._sums = [len(fields), disputed, undated]
            return
        for entry in entries:
            self._add(entry, 1)

    def _add(self, entry: Entry, sign: int) -> None:
        self._total += sign
        if self._predicate is None or self._predicate(entry):
            sums = self._sums
            sums[0] += sign
            if entry.claims and is_disputed(entry):
                sums[1] += sign
            if is_undated(entry):
                sums[2] += sign

    def apply(self, changes: ChangeSet) -> bool:
        """Adjust the counts for one edit; False when only a recount will do."""
        if changes.reset or (self._predicate is not None and changes.touches("sources")):
            return False
        find = self._document.find_entry
        for ident in (*changes.removed_ids("entries"), *changes.changed_ids("entries")):
            old = changes.old(ident)
            if isinstance(old, Entry):
                self._add(old, -1)
        for ident in (*changes.added_ids("entries"), *changes.changed_ids("entries")):
            new = find(ident)
            if new is not None:
                self._add(new, 1)
        return True

    def text(self) -> str:
        """ "3 of 5 entries · 1 disputed · 1 undated" (disputed/undated among those shown)."""
        shown, disputed, undated = self._sums
        total = counted(self._total, "entry")
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
        #: The counts of a "known on" day, shown instead of the project's while set.
        self.known_text = ""
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
        self._show()

    def set_known_text(self, text: str) -> None:
        """Show a "known on" day's counts ("": the project's again)."""
        self.known_text = text
        self._show()

    def _show(self) -> None:
        text = self.known_text or self._tally.text()
        _hold_width(self.count_label, text if self.known_text else "")
        self.count_label.setText(text)

    def _on_document_changed(self, changes: ChangeSet) -> None:
        if not changes.touches("entries", "sources"):
            return
        if self._tally.apply(changes):
            self._show()
        else:
            self.refresh()


def _hold_width(label: QLabel, text: str) -> None:
    """Fix ``label``'s size to fit ``text``, growing only ("": let it follow its text again).

    While the "known on" day moves the counts change on every step; a label of fixed
    size does not ask the status bar and the window to lay themselves out again, which
    a label sized by its text does at each new text.
    """
    if not text:
        label.setMinimumSize(0, 0)
        label.setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX)
        return
    width = label.fontMetrics().horizontalAdvance(text) + 2 * label.margin() + 12
    fixed = label.minimumWidth() == label.maximumWidth()
    if not fixed or width > label.width():
        label.setFixedSize(max(width, label.minimumWidth()), label.sizeHint().height())
