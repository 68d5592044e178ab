"""The overview strip: the whole project in miniature, with the visible window, draggable.

The histogram is painted once into a pixmap (again when the counts or the size
change): the window and the handle move on every pan and every "known on" step, and
repainting some 800 bars each time cost about a millisecond a frame.

It also carries the "known on" handle: a line at the day the chronology is shown as
known on (at the right end while the whole project is shown). Pressing within a few
pixels of it drags the handle instead of the window, and reports each day it passes.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from timeline_editor.layout.index import TimelineIndex

HEIGHT = 44
#: How near the handle (pixels) a press grabs it.
GRAB = 6.0
HANDLE_COLOUR = QColor("#bc4c00")


class OverviewStrip(QWidget):
    """Counts of entries across the whole range; drag the window to move the view."""

    window_moved = Signal(float)
    #: The "known on" handle was dragged to a day.
    known_moved = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedHeight(HEIGHT)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self._counts: np.ndarray = np.zeros(0)
        self._range = (0.0, 1.0)
        self._window = (0.0, 1.0)
        self._left = 0.0
        self._known: int | None = None
        self._dragging_known = False
        self._backdrop: tuple[tuple[object, ...], QPixmap] | None = None

    def set_index(self, index: TimelineIndex, full: tuple[float, float], left: float) -> None:
        """Recount the whole project (cheap: a binary search per column and lane)."""
        self._range, self._left = full, left
        width = max(1, int(self.width() - left - 8) // 2)
        edges = np.linspace(full[0], full[1], width + 1)
        counts = np.zeros(width)
        for arrays in index.arrays:
            counts += arrays.density(edges)
        self._counts = counts
        self._backdrop = None
        self.update()

    def set_window(self, start: float, end: float) -> None:
        """Show which days the canvas currently shows."""
        self._window = (start, end)
        self.update()

    def set_known(self, day: int | None) -> None:
        """Put the "known on" handle at ``day`` (None: at the end, everything known)."""
        self._known = day
        self.update()

    def known_x(self) -> float:
        """Where the handle is drawn."""
        if self._known is None:
            return self.width() - 8.0
        return min(max(self._x(self._known + 1.0), self._left), self.width() - 8.0)

    def _x(self, day: float) -> float:
        low, high = self._range
        return self._left + (day - low) / max(high - low, 1e-9) * (self.width() - self._left - 8)

    def _day(self, x: float) -> float:
        low, high = self._range
        return low + (x - self._left) / max(self.width() - self._left - 8, 1) * (high - low)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the histogram (from its pixmap), the window and the handle."""
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._histogram())
        x1 = max(self._left, self._x(self._window[0]))
        x2 = min(self.width() - 8.0, self._x(self._window[1]))
        painter.setPen(QPen(QColor("#0969da"), 1.5))
        painter.setBrush(QColor(9, 105, 218, 40))
        painter.drawRect(QRectF(x1, 3, max(3.0, x2 - x1), HEIGHT - 6))
        self._paint_handle(painter)
        painter.end()

    def _histogram(self) -> QPixmap:
        """The strip without the window and the handle, painted when first needed."""
        ratio = self.devicePixelRatioF()
        key = (self.width(), self.height(), ratio, self._left)
        if self._backdrop is not None and self._backdrop[0] == key:
            return self._backdrop[1]
        pixmap = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(QColor("#fafbfc"))
        painter = QPainter(pixmap)
        painter.setFont(self.font())
        painter.setPen(QPen(QColor("#d0d7de"), 1.0))
        painter.drawLine(QPointF(0, 0.5), QPointF(self.width(), 0.5))
        painter.setPen(QColor("#57606a"))
        painter.drawText(QPointF(10, HEIGHT / 2 + 4), "Overview")
        if len(self._counts) and self._counts.max() > 0:
            level = np.log1p(self._counts) / np.log1p(self._counts.max())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#8c959f"))
            base = HEIGHT - 6.0
            for column, value in enumerate(level.tolist()):
                if value > 0:
                    height = 2 + value * (HEIGHT - 14)
                    painter.drawRect(QRectF(self._left + column * 2, base - height, 2, height))
        painter.end()
        self._backdrop = (key, pixmap)
        return pixmap

    def _paint_handle(self, painter: QPainter) -> None:
        x = self.known_x()
        painter.setPen(QPen(HANDLE_COLOUR, 2.0))
        painter.drawLine(QPointF(x, 2), QPointF(x, HEIGHT - 2))
        painter.setBrush(HANDLE_COLOUR)
        painter.drawPolygon([QPointF(x - 5, 1), QPointF(x + 5, 1), QPointF(x, 8)])

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Grab the "known on" handle, or centre the view where pressed."""
        x = event.position().x()
        self._dragging_known = abs(x - self.known_x()) <= GRAB
        if self._dragging_known:
            self.known_moved.emit(math.floor(self._day(x)) - 1)
        else:
            self.window_moved.emit(self._day(x))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Drag the window, or the handle."""
        if not event.buttons() & Qt.MouseButton.LeftButton:
            return
        x = min(max(event.position().x(), self._left), self.width() - 8.0)
        if self._dragging_known:
            self.known_moved.emit(math.floor(self._day(x)) - 1)
        else:
            self.window_moved.emit(self._day(event.position().x()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Let go of the handle."""
        self._dragging_known = False
