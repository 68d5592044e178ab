"""Shift+drag on an empty place draws a rectangle that selects what it touches."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from timeline_editor.layout.scene import Frame
from timeline_editor.render.style import ChartStyle
from timeline_editor.ui.canvas.hits import entries_in_rect


@dataclass(slots=True)
class RubberBand:
    """The rectangle from the press to the cursor."""

    x1: float
    y1: float
    x2: float
    y2: float

    def update(self, x: float, y: float) -> None:
        """Follow the cursor."""
        self.x2, self.y2 = x, y

    def rect(self) -> QRectF:
        """The rectangle in widget pixels."""
        return QRectF(
            min(self.x1, self.x2),
            min(self.y1, self.y2),
            abs(self.x2 - self.x1),
            abs(self.y2 - self.y1),
        )

    def numbers(self, frame: Frame) -> list[int]:
        """Entry numbers inside the rectangle."""
        return entries_in_rect(frame, self.x1, self.y1, self.x2, self.y2)

    def paint(self, painter: QPainter, style: ChartStyle) -> None:
        """A translucent rectangle in the focus colour."""
        fill = QColor(style.focus)
        fill.setAlpha(40)
        painter.save()
        painter.setPen(QPen(style.focus, 1.0))
        painter.setBrush(fill)
        painter.drawRect(self.rect())
        painter.restore()
