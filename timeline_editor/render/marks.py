"""One entry's mark, following the visual language table of DESIGN.md."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainter, QPen, QPolygonF

from timeline_editor.layout.scene import MarkBox
from timeline_editor.layout.setmembers import MemberShare
from timeline_editor.layout.visual import Mark

from .setmarks import SETS, paint_set
from .style import ChartStyle, make_font

# Plain ints: IntFlag arithmetic costs microseconds per mark on every frame.
_APPROXIMATE = int(Mark.APPROXIMATE)
_COARSE = int(Mark.COARSE)
_DEAD = int(Mark.DEAD)
_DISPUTED = int(Mark.DISPUTED)
_OPEN_END = int(Mark.OPEN_END)
_OPEN_START = int(Mark.OPEN_START)
_PLANNED = int(Mark.PLANNED)
_POINT = int(Mark.POINT)
_UNCERTAIN = int(Mark.UNCERTAIN)
_WINDOW = int(Mark.WINDOW)
BADGE_R = 5.0


def _faded(colour: QColor, alpha: int) -> QColor:
    faded = QColor(colour)
    faded.setAlpha(alpha)
    return faded


def blend(colour: QColor, background: QColor, alpha: int) -> QColor:
    """``colour`` at ``alpha`` over ``background``, as one opaque colour.

    Gradients fade toward the background colour, never toward transparency: PDF
    viewers (poppler, Ghostscript) flatten gradients of varying alpha to a flat fill.
    """
    share = alpha / 255
    return QColor(
        round(colour.red() * share + background.red() * (1 - share)),
        round(colour.green() * share + background.green() * (1 - share)),
        round(colour.blue() * share + background.blue() * (1 - share)),
    )


def lane_background(lane: int, style: ChartStyle) -> QColor:
    """The colour a lane's band is painted (marks fade into it)."""
    return style.lane_even if lane % 2 == 0 else style.lane_odd


def _fill(box: MarkBox, colour: QColor, background: QColor) -> QBrush:
    """Solid, lighter or feathered fill depending on precision and qualifiers."""
    mark, x1, x2 = box.mark, box.x1, box.x2
    strength = 90 if mark & _COARSE else 200
    if mark & _PLANNED:
        strength = 0 if not mark & _COARSE else 40
    fades = mark & (_APPROXIMATE | _OPEN_START | _OPEN_END)
    if not fades or x2 - x1 < 2 or strength == 0:
        return QBrush(_faded(colour, strength))
    solid = blend(colour, background, strength)
    clear = QColor(background)
    gradient = QLinearGradient(x1, 0, x2, 0)
    width = x2 - x1
    left = min(1.0, max(0.0, (box.cx1 - x1) / width))
    right = min(1.0, max(left, (box.cx2 - x1) / width))
    if mark & _OPEN_END:
        right = min(right, 0.55)
    if mark & _OPEN_START:
        left = max(left, 0.45)
    gradient.setColorAt(0.0, clear)
    gradient.setColorAt(left, solid)
    gradient.setColorAt(right, solid)
    gradient.setColorAt(1.0, clear)
    if not mark & (_APPROXIMATE | _OPEN_START):
        gradient.setColorAt(0.0, solid)
    if not mark & (_APPROXIMATE | _OPEN_END):
        gradient.setColorAt(1.0, solid)
    return QBrush(gradient)


def _outline(mark: int, colour: QColor, selected: bool, style: ChartStyle) -> QPen:
    pen = QPen(style.selection if selected else colour.darker(130))
    pen.setWidthF(2.4 if selected else 1.3)
    if mark & _UNCERTAIN:
        dash_pen(pen)
    return pen


def dash_pen(pen: QPen, dash: float = 4.0, gap: float = 3.0) -> QPen:
    """Make ``pen`` dashed with an explicit pattern of ``dash`` and ``gap`` pixels.

    Qt's stock DashLine scales with the pen width: a thin pen's gaps shrink below a
    pixel at print resolution and read as a solid line in a PDF.
    """
    width = max(pen.widthF(), 0.1)
    pen.setCosmetic(False)
    pen.setDashPattern([dash / width, gap / width])
    return pen


def _arrow(painter: QPainter, x: float, y: float, direction: float, colour: QColor) -> None:
    points = [QPointF(x, y), QPointF(x - 6 * direction, y - 5), QPointF(x - 6 * direction, y + 5)]
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour.darker(120))
    painter.drawPolygon(QPolygonF(points))


def _badge(painter: QPainter, x: float, y: float, text: str, colour: QColor) -> None:
    """A small round badge centred on (x, y)."""
    painter.setPen(QPen(colour, 1.0))
    painter.setBrush(QColor("#ffffff"))
    painter.drawEllipse(QPointF(x, y), BADGE_R, BADGE_R)
    painter.setFont(make_font(8, bold=True))
    painter.drawText(QRectF(x - 5, y - 5, 10, 10), Qt.AlignmentFlag.AlignCenter, text)


def badge_y(y: float, half: float) -> float:
    """Where a mark's corner badge is centred: low enough to stay in the mark's own row.

    A row is 22 px and a bar 14: a badge centred on the bar's top edge poked 2 px into
    the row above and sat on its marker.
    """
    return y - half + BADGE_R - 2.5


def window_line_y(y: float, half: float) -> float:
    """Where a window's thin line runs: low in its row, so a label fits above it."""
    return y + half * 0.6


def _window(painter: QPainter, box: MarkBox, colour: QColor, half: float, pen: QPen) -> None:
    y, x1, x2 = box.y, box.x1, max(box.x2, box.x1 + 6)
    line, top, bottom = window_line_y(y, half), y - half * 0.4, y + half
    pen.setStyle(Qt.PenStyle.SolidLine if not box.mark & _UNCERTAIN else pen.style())
    painter.setPen(pen)
    painter.setBrush(_faded(colour, 28))
    painter.drawRect(QRectF(x1, line - half * 0.25, x2 - x1, half * 0.5))
    for x, inward in ((x1, 4.0), (x2, -4.0)):
        painter.drawLine(QPointF(x, top), QPointF(x, bottom))
        painter.drawLine(QPointF(x, top), QPointF(x + inward, top))
        painter.drawLine(QPointF(x, bottom), QPointF(x + inward, bottom))
    painter.setBrush(QColor("#ffffff"))
    painter.drawEllipse(QPointF((x1 + x2) / 2, line), 3.2, 3.2)


def _shape(painter: QPainter, box: MarkBox, colour: QColor, half: float, min_w: float) -> None:
    """A diamond for one exact day too narrow for a bar, else a rounded bar."""
    x1, x2, y = box.x1, box.x2, box.y
    if x2 - x1 < min_w:
        mid = (x1 + x2) / 2
        if box.mark & _POINT:
            diamond = [
                QPointF(mid, y - half),
                QPointF(mid + half, y),
                QPointF(mid, y + half),
                QPointF(mid - half, y),
            ]
            painter.drawPolygon(QPolygonF(diamond))
            return
        x1, x2 = mid - min_w / 2, mid + min_w / 2
    painter.drawRoundedRect(QRectF(x1, y - half, x2 - x1, 2 * half), 3.0, 3.0)


def paint_mark(
    painter: QPainter,
    box: MarkBox,
    colour: QColor,
    style: ChartStyle,
    *,
    bar_h: float,
    min_w: float,
    selected: bool = False,
    background: QColor | None = None,
    shares: Sequence[MemberShare] = (),
) -> None:
    """Draw one mark: fill, outline, hatching, brackets, arrows and badges as its flags say.

    ``background`` is what the mark sits on (default: its lane's band colour);
    ``shares`` place a set's members in the mark (none known: its two ends).
    """
    mark = box.mark
    if background is None:
        background = lane_background(box.lane, style)
    if mark & _DEAD:
        colour = style.dead
    half = bar_h / 2
    pen = _outline(mark, colour, selected, style)
    if mark & SETS:
        line_y = window_line_y(box.y, half)
        paint_set(painter, box, colour, pen, line_y=line_y, half=half, min_w=min_w, shares=shares)
    elif mark & _WINDOW:
        _window(painter, box, colour, half, pen)
    else:
        painter.setPen(pen)
        painter.setBrush(_fill(box, colour, background))
        _shape(painter, box, colour, half, min_w)
        if mark & _DISPUTED:
            hatch = QBrush(colour.darker(140), Qt.BrushStyle.BDiagPattern)
            painter.setBrush(hatch)
            painter.setPen(Qt.PenStyle.NoPen)
            _shape(painter, box, colour, half, min_w)
    _decorate(painter, box, colour, style, half)


def _decorate(
    painter: QPainter, box: MarkBox, colour: QColor, style: ChartStyle, half: float
) -> None:
    """Arrows for open ends, the strike of a dead entry, and the "?" and "!" badges."""
    mark = box.mark
    right = max(box.x2, (box.x1 + box.x2) / 2 + half)
    arrow_y = window_line_y(box.y, half) if mark & _WINDOW else box.y
    if mark & _OPEN_END:
        _arrow(painter, box.x2, arrow_y, 1.0, colour)
    if mark & _OPEN_START:
        _arrow(painter, box.x1, arrow_y, -1.0, colour)
    if mark & _DEAD:
        painter.setPen(QPen(style.text, 1.4))
        left = min(box.x1, (box.x1 + box.x2) / 2 - half)
        painter.drawLine(QPointF(left - 2, box.y), QPointF(right + 2, box.y))
    if mark & _UNCERTAIN:
        _badge(painter, right - 1, badge_y(box.y, half), "?", style.text)
    if mark & _DISPUTED:
        # "!" at the left top corner, so that it never hides an uncertain mark's "?".
        left = min(box.x1, (box.x1 + box.x2) / 2 - half)
        _badge(painter, left + 1, badge_y(box.y, half), "!", style.disputed)
