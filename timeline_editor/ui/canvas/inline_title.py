"""A title typed in place on the canvas: Enter commits, Esc cancels."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

WIDTH = 240
HEIGHT = 24
#: Gap kept between the editor and the chart's right edge.
MARGIN = 6


class InlineTitleEditor(QLineEdit):
    """A line edit laid over the canvas; it reports once, then is gone."""

    committed = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        parent: QWidget,
        x: float,
        y: float,
        placeholder: str,
        right: float | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inlineTitleEditor")
        self.setPlaceholderText(placeholder)
        self.setMaxLength(2000)
        self._finished = False
        # Opaque, so the labels under it do not show through what is typed.
        self.setStyleSheet("QLineEdit#inlineTitleEditor { background: palette(base); }")
        self.setAutoFillBackground(True)
        edge = parent.width() if right is None else min(right, parent.width())
        left = int(min(max(0.0, x), max(0.0, edge - WIDTH - MARGIN)))
        top = int(min(max(0.0, y - HEIGHT / 2), max(0.0, parent.height() - HEIGHT)))
        self.setGeometry(left, top, WIDTH, HEIGHT)
        self.raise_()
        self.returnPressed.connect(self._commit)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape cancels (a line edit would otherwise ignore it)."""
        if event.key() == Qt.Key.Key_Escape:
            self._finish(None)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Clicking elsewhere keeps what was typed, as renaming in a file manager does."""
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self._finish(self.text().strip() or None)

    def _commit(self) -> None:
        self._finish(self.text().strip() or self.placeholderText())

    def _finish(self, title: str | None) -> None:
        if self._finished:
            return
        self._finished = True
        self.hide()
        if title is None:
            self.cancelled.emit()
        else:
            self.committed.emit(title)
        self.deleteLater()
