"""The quick-add line above the chart: type ``DATE | TITLE | AS STATED``, press Enter.

Ctrl+L (Insert → Quick Add) puts the cursor in it. Enter adds the entry as one undoable
step and selects it; the line empties for the next one and keeps the cursor, so a run
of entries is typed without leaving it. A line with no title or an unreadable date is
refused at the field, in red with the reason, and nothing is added; so is a line whose
entry the window refuses (an edit while View ▸ Known on shows a day), and the line keeps
its text and the window its selection. Escape goes back
to the chart. The kind beside the line (an event unless chosen) applies to what is added.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from timeline_editor.model.entities import Entry
from timeline_editor.model.vocab import EntryKind
from timeline_editor.ui.widgets import clock
from timeline_editor.ui.widgets.date_help import WRITTEN_DATE_HELP
from timeline_editor.ui.widgets.fields import error_label, fill_combo, mark_error
from timeline_editor.ui.window.quick_line import FORMAT, QuickLine, QuickLineError, read_quick_line

#: Adds what the line asks for, of the chosen kind; the entry added, or None if refused.
AddEntry = Callable[[EntryKind, QuickLine], Entry | None]

PLACEHOLDER = f"{FORMAT}   e.g. 15 Dec 2021 | Pashinian–Aliyev meeting in Brussels | on 15 December"


HELP = (
    "DATE: EDTF or written (15 Dec 2021, ~2021-11, late November 2021, spring 2022,"
    " 14 or 15 December 2021, by the end of the year); empty for no date.\n"
    "AS STATED: the source's own words for the date (optional). Enter adds; Esc: the chart."
    f"\n\n{WRITTEN_DATE_HELP}"
)


class QuickLineEdit(QLineEdit):
    """The line itself; Escape is reported instead of being ignored."""

    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape: report it (the window moves focus back to the chart)."""
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class QuickAddBar(QWidget):
    """The quick-add line, the kind of entry it adds, and the reason for a refusal."""

    left = Signal()  # Escape: the user is done here

    def __init__(
        self,
        add: AddEntry,
        parent: QWidget | None = None,
        reference: Callable[[], int | None] = clock.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("quickAddBar")
        self._add = add
        self._reference = reference
        self.edit = QuickLineEdit(self)
        self.edit.setObjectName("quickAdd")
        self.edit.setPlaceholderText(PLACEHOLDER)
        self.edit.setToolTip(HELP)
        self.kind_combo = QComboBox(self)
        fill_combo(self.kind_combo, [(k.value, k) for k in EntryKind], EntryKind.EVENT)
        self.message = error_label()
        self.message.setObjectName("quickAddMessage")
        self._lay_out()
        self.edit.returnPressed.connect(self.submit)
        self.edit.textEdited.connect(lambda _text: self._show_error(""))
        self.edit.escaped.connect(self.left)

    def _lay_out(self) -> None:
        label = QLabel("Quick add:", self)
        label.setBuddy(self.edit)
        kind_label = QLabel("Kind:", self)
        kind_label.setBuddy(self.kind_combo)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.edit, 1)
        row.addWidget(kind_label)
        row.addWidget(self.kind_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.message)

    def activate(self) -> None:
        """Put the cursor in the line, its text selected (Ctrl+L)."""
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def kind(self) -> EntryKind:
        """The kind of entry the line adds."""
        return EntryKind(self.kind_combo.currentData())

    def submit(self) -> Entry | None:
        """Add the entry the line asks for (Enter); refuse at the field if it cannot."""
        try:
            line = read_quick_line(self.edit.text(), self._reference())
        except QuickLineError as exc:
            self._show_error(f"Not added: {exc}")
            return None
        entry = self._add(self.kind(), line)
        if entry is None:
            # Refused by the window (say, while View ▸ Known on shows a day): the line
            # stays as typed so that nothing typed is lost.
            if not self.message.text():
                self._show_error("Not added: the edit was refused")
            return None
        self._show_error("")
        self.edit.clear()
        return entry

    def refuse(self, reason: str) -> None:
        """Say at the field why the window refused to add the line's entry."""
        self._show_error(f"Not added: {reason}")

    def _show_error(self, message: str) -> None:
        mark_error(self.edit, self.message, message)
        self.edit.setToolTip(message or HELP)
