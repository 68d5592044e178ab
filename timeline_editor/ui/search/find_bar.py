"""The find bar (Ctrl+F): text search with next and previous."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from timeline_editor.model.document import Document
from timeline_editor.model.filters import EntryPredicate, find_entries
from timeline_editor.ui.widgets.wording import counted

MISS_COLOUR = "#c0392b"
#: A search that finds nothing tints the field, as browsers' find bars do.
MISS_STYLE = "QLineEdit { background: #fbe3e0; }"


class FindBar(QWidget):
    """Searches titles, descriptions, quotes, actors and places of the shown entries."""

    hit_selected = Signal(str)

    def __init__(
        self,
        document: Document,
        get_filter: Callable[[], EntryPredicate | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._document = document
        self._get_filter = get_filter
        self._current: str | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        label = QLabel("Find:", self)
        layout.addWidget(label)
        self.edit = QLineEdit(self)
        label.setBuddy(self.edit)
        self.edit.setPlaceholderText("title, description, quote, actor or place")
        self.edit.setClearButtonEnabled(True)
        self.edit.returnPressed.connect(self.find_next)
        self.edit.textChanged.connect(self._on_text_changed)
        layout.addWidget(self.edit, 1)
        for text, name, keys, slot in (
            ("▲", "Previous match", "Shift+F3", self.find_previous),
            ("▼", "Next match", "F3, Enter", self.find_next),
            ("✕", "Close the find bar", "Esc", self.hide),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setAccessibleName(name)  # a screen reader cannot say "▲"
            button.setToolTip(f"{name} ({keys})")
            button.clicked.connect(slot)
            layout.addWidget(button)
        self.status = QLabel("", self)
        # A fixed width for the longest message keeps the field from jumping as the
        # count appears, changes and goes.
        longest = max(("no matches", "99999 of 99999", "99999 matches"), key=len)
        self.status.setFixedWidth(self.status.fontMetrics().horizontalAdvance(longest) + 8)
        layout.addWidget(self.status)

    def activate(self) -> None:
        """Show the bar with its text selected, ready to type."""
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def hits(self) -> list[str]:
        """Ids of the matching shown entries, in date order."""
        project = self._document.project
        predicate = self._get_filter()
        pool = project.entries if predicate is None else filter(predicate, project.entries)
        return find_entries(project, self.edit.text(), pool)

    def find_next(self) -> str | None:
        """Select the next match; returns its id."""
        return self._step(+1)

    def find_previous(self) -> str | None:
        """Select the previous match; returns its id."""
        return self._step(-1)

    def next_or_open(self) -> None:
        """Edit → Find Next: the next match, or the bar to type in when it has no text."""
        self._step_or_open(+1)

    def previous_or_open(self) -> None:
        """Edit → Find Previous: the previous match, or the bar to type in when it has no text."""
        self._step_or_open(-1)

    def _step_or_open(self, direction: int) -> None:
        if self.isHidden() or not self.edit.text():
            self.activate()
        else:
            self._step(direction)

    def _step(self, direction: int) -> str | None:
        hits = self.hits()
        if not hits:
            self._show_count(0)
            self._current = None
            return None
        if self._current in hits:
            index = (hits.index(self._current) + direction) % len(hits)
        else:
            index = 0 if direction > 0 else len(hits) - 1
        self._current = hits[index]
        self.status.setText(f"{index + 1} of {len(hits)}")
        self.hit_selected.emit(self._current)
        return self._current

    def _on_text_changed(self, _text: str) -> None:
        self._current = None
        self._show_count(len(self.hits()) if self.edit.text().strip() else 0)

    def _show_count(self, count: int) -> None:
        """ "3 matches", or "no matches" with the field tinted red; nothing for no text."""
        searching = bool(self.edit.text().strip())
        missed = searching and count == 0
        self.status.setText(
            ("no matches" if missed else counted(count, "match")) if searching else ""
        )
        self.status.setStyleSheet(f"color: {MISS_COLOUR};" if missed else "")
        self.edit.setStyleSheet(MISS_STYLE if missed else "")
        self.edit.setProperty("te_no_match", missed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape closes the bar."""
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)
