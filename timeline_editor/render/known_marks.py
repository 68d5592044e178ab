"""What a "known on" day adds to the marks: possibly known ones faded, new ones dotted.

The flags come from :mod:`timeline_editor.layout.known_index`; a frame of the whole
project has none, so this paints nothing there.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from timeline_editor.layout.known_index import NEW_MARK, POSSIBLE_MARK
from timeline_editor.layout.scene import Frame

from .style import ChartStyle

#: The dot on an entry learnt in the seven days up to the day shown.
NEW_COLOUR = QColor("#1a7f37")
#: How much of the background covers a possibly known mark.
FADE_ALPHA = 165


def paint_known_marks(painter: QPainter, frame: Frame, style: ChartStyle) -> None:
    """Fade possibly known marks and put a dot on new ones."""
    flagged = [b for b in frame.marks if b.mark & (NEW_MARK | POSSIBLE_MARK)]
    if not flagged:
        return
    half = frame.geometry.bar_h / 2
    veil = QColor(style.background)
    veil.setAlpha(FADE_ALPHA)
    painter.save()
    for box in flagged:
        mid = (box.x1 + box.x2) / 2
        x1 = min(box.x1, mid - frame.geometry.min_mark / 2)
        x2 = max(box.x2, mid + frame.geometry.min_mark / 2)
        if box.mark & POSSIBLE_MARK:
            painter.fillRect(QRectF(x1 - 1, box.y - half - 1, x2 - x1 + 2, 2 * half + 2), veil)
        if box.mark & NEW_MARK:
            painter.setPen(QPen(QColor("#ffffff"), 1.2))
            painter.setBrush(NEW_COLOUR)
            painter.drawEllipse(QPointF(x2, box.y - half), 3.6, 3.6)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.restore()
