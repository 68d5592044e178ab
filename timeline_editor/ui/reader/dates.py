"""The reader's checklist of dates found in the text, and whether an entry places them.

A date counts as placed when an entry cites its paragraph (by quote or by locator):
the rows still "not placed" are what the chronology has not taken up yet.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from timeline_editor.model.datewords import date_words
from timeline_editor.model.text_dates import FoundDate

NOT_PLACED = "not placed"
_NOT_PLACED_COLOUR = QColor("#b45309")


def _date_text(found: FoundDate) -> str:
    return date_words(found.edtf) if found.edtf else "(not resolved)"


class DateChecklist(QTreeWidget):
    """One row per date found: paragraph, words, the date read, and who places it."""

    date_chosen = Signal(object)  # FoundDate

    HEADERS = ("¶", "Placed", "Words", "Date")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("foundDates")
        self.setAccessibleName("Dates found in the text")
        self.setHeaderLabels(list(self.HEADERS))
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        header = self.header()
        for column in range(len(self.HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self._found: list[FoundDate] = []
        self.itemActivated.connect(self._on_activated)

    def show_dates(self, found: list[FoundDate], placed: dict[int, list[str]]) -> None:
        """List ``found``; ``placed`` maps a paragraph (from 0) to the citing entries."""
        self._found = found
        self.clear()
        for date in found:
            citing = placed.get(date.paragraph - 1, [])
            placed_text = f"✓ cited by {len(citing)}" if citing else NOT_PLACED
            row = QTreeWidgetItem([str(date.paragraph), placed_text, date.words, _date_text(date)])
            row.setToolTip(3, f"EDTF: {date.edtf or '—'}; {date.how}")
            row.setToolTip(1, "\n".join(citing) or "No entry cites this paragraph yet")
            if not citing:
                row.setForeground(1, _NOT_PLACED_COLOUR)
            self.addTopLevelItem(row)

    def found(self) -> list[FoundDate]:
        """The dates listed, in order."""
        return list(self._found)

    def _on_activated(self, item: QTreeWidgetItem) -> None:
        index = self.indexOfTopLevelItem(item)
        if 0 <= index < len(self._found):
            self.date_chosen.emit(self._found[index])
