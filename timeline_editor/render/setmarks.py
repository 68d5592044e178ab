"""The marks of set dates: linked candidates (either/or) and several marks of one entry.

A one-of set (``[2021-12-14,2021-12-15]``: "on 14 or 15 December") is drawn as a
small hollow marker at each candidate, joined by a thin dashed line: hollow because
none of them is known to be the day, dashed because only one of them will be.
An all-of set (``{1960,1961-12}``: "in 1960 and in December 1961") is drawn as a
solid mark at each member, joined by a thin solid line: every member happened, and
the line says they are one entry. Members wider than a marker (a month, a window)
are drawn as bars across their span, hollow or solid alike.

Like a window's line, a set runs low in its row, so that its label fits above it.
Markers closer than :data:`MIN_GAP` are spread apart around their middle: "14 or 15
December" must read as two candidates even when a day is two pixels wide.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF

from timeline_editor.layout.scene import MarkBox
from timeline_editor.layout.setmembers import (
    ENDS,
    MARKER_RADIUS,
    MIN_GAP,
    MemberShare,
    Span,
    placed_members,
    spread,
)
from timeline_editor.layout.visual import Mark

SETS = int(Mark.SET_ONE | Mark.SET_ALL)
_SET_ONE = int(Mark.SET_ONE)
_PLANNED = int(Mark.PLANNED)
# The members' places (spread markers, their radius) are the layout's, which also keeps
# each set's label clear of them.
_RADIUS = MARKER_RADIUS
__all__ = ["MIN_GAP", "SETS", "member_spans", "paint_set", "spread"]


def member_spans(box: MarkBox, shares: Sequence[MemberShare]) -> list[Span]:
    """Each member's left and right x inside ``box``, and whether it is one exact day."""
    width = box.x2 - box.x1
    return [(box.x1 + s.start * width, box.x1 + s.end * width, s.exact) for s in shares or ENDS]


def _link(painter: QPainter, xs: list[float], y: float, colour: QColor, either: bool) -> None:
    """The thin line that joins the members: dashed for either/or, solid for all-of."""
    if len(xs) < 2:
        return
    pen = QPen(colour.darker(130), 1.2)
    if either:
        # An explicit pattern in pixels (see marks.dash_pen): a scaled one reads solid in PDF.
        pen.setDashPattern([2.5, 2.0])
    painter.setPen(pen)
    painter.drawLine(QPointF(min(xs), y), QPointF(max(xs), y))


def _member(painter: QPainter, span: Span, y: float, r: float, *, either: bool) -> None:
    """One member: a marker (ring or diamond) when narrow, else a bar across its span."""
    x1, x2, exact = span
    mid = (x1 + x2) / 2
    if x2 - x1 >= 2 * r + 1:
        painter.drawRoundedRect(QRectF(x1, y - r, x2 - x1, 2 * r), 2.0, 2.0)
    elif either:
        painter.drawEllipse(QPointF(mid, y), r, r)
    elif exact:
        s = r * 1.35
        diamond = [QPointF(mid, y - s), QPointF(mid + s, y), QPointF(mid, y + s)]
        painter.drawPolygon(QPolygonF([*diamond, QPointF(mid - s, y)]))
    else:
        painter.drawRoundedRect(QRectF(mid - r, y - r, 2 * r, 2 * r), 1.5, 1.5)


def paint_set(
    painter: QPainter,
    box: MarkBox,
    colour: QColor,
    pen: QPen,
    *,
    line_y: float,
    half: float,
    min_w: float,
    shares: Sequence[MemberShare] = (),
) -> None:
    """Draw a set's members inside ``box`` along ``line_y``, outlined with ``pen``."""
    spans = placed_members(box.x1, box.x2, tuple(shares), min_w)
    either = bool(box.mark & _SET_ONE)
    _link(painter, [(a + b) / 2 for a, b, _ in spans], line_y, colour, either)
    painter.setPen(pen)
    brushes = _brushes(colour, box.mark, either)
    for span in spans:
        painter.setBrush(brushes[span[2]])
        _member(painter, span, line_y, half * _RADIUS, either=either)


def _brushes(colour: QColor, mark: int, either: bool) -> dict[bool, QBrush]:
    """Fill of an exact (True) and a coarser (False) member: hollow candidates, else solid."""
    if either:
        return dict.fromkeys((True, False), QBrush(QColor("#ffffff")))
    planned = bool(mark & _PLANNED)
    brushes = {}
    for exact, strength in ((True, 40 if planned else 200), (False, 40 if planned else 90)):
        fill = QColor(colour)
        fill.setAlpha(strength)
        brushes[exact] = QBrush(fill)
    return brushes
