"""Many marks at once: plain ones share pens and brushes, the rest go through ``paint_mark``.

A plain mark (exact or coarse, maybe planned; not approximate, uncertain, open,
a window, a set, dead, disputed or selected) is a diamond or a rounded bar with a solid
fill. Those are most marks, and what a Python-painted frame can afford is a
few microseconds each: so their pens and brushes are made once per style, the
painter's state changes only when the style does, and diamonds are one cached
polygon moved into place. They look exactly as ``paint_mark`` draws them.
Sets are left out: they are rare, and their members are drawn in a pass of their own
(:func:`paint_sets`) that looks up each set's date.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF

from timeline_editor.layout.scene import MarkBox
from timeline_editor.layout.setmembers import MemberShare, member_shares
from timeline_editor.layout.visual import Mark

from .marks import paint_mark
from .style import ChartStyle

_FANCY = int(
    Mark.APPROXIMATE
    | Mark.UNCERTAIN
    | Mark.WINDOW
    | Mark.OPEN_START
    | Mark.OPEN_END
    | Mark.DEAD
    | Mark.DISPUTED
    | Mark.SET_ONE
    | Mark.SET_ALL
)
_SETS = int(Mark.SET_ONE | Mark.SET_ALL)
_COARSE = int(Mark.COARSE)
_PLANNED = int(Mark.PLANNED)
_POINT = int(Mark.POINT)
#: How far past the view a clipped bar may reach: its rounded ends stay out of sight.
_MARGIN = 20.0


def _plain_style(colour: QColor, mark: int) -> tuple[QPen, QBrush]:
    """Outline and fill of a plain mark (as ``marks._outline`` and ``marks._fill``)."""
    pen = QPen(colour.darker(130))
    pen.setWidthF(1.3)
    strength = 90 if mark & _COARSE else 200
    if mark & _PLANNED:
        strength = 0 if not mark & _COARSE else 40
    if strength == 0:
        return pen, QBrush(Qt.BrushStyle.NoBrush)
    fill = QColor(colour)
    fill.setAlpha(strength)
    return pen, QBrush(fill)


def paint_marks(
    painter: QPainter,
    boxes: Sequence[MarkBox],
    colours: dict[int, QColor],
    style: ChartStyle,
    *,
    bar_h: float,
    min_w: float,
    left: float,
    right: float,
    selected: Collection[int] = (),
) -> None:
    """Draw ``boxes`` in order; ``selected`` holds entry numbers."""
    # One loop with local bindings on purpose: it runs for every mark of every frame,
    # and a helper call per plain mark would cost more than the mark's own drawing.
    half = bar_h / 2
    diamond = QPolygonF([QPointF(0, -half), QPointF(half, 0), QPointF(0, half), QPointF(-half, 0)])
    styles: dict[tuple[int, int], tuple[QPen, QBrush]] = {}
    current: tuple[int, int] | None = None
    low, high = left - _MARGIN, right + _MARGIN
    draw_polygon, draw_rounded = painter.drawPolygon, painter.drawRoundedRect
    for box in boxes:
        mark = box.mark
        if mark & _FANCY or (selected and box.entry in selected):
            if mark & _SETS:
                continue  # drawn by the caller with their members (chart.paint_sets)
            _paint_fancy(painter, box, colours, style, bar_h=bar_h, min_w=min_w, selected=selected)
            current = None
            continue
        key = (box.lane, mark & (_COARSE | _PLANNED))
        if key != current:
            found = styles.get(key)
            if found is None:
                found = styles[key] = _plain_style(colours[box.lane], mark)
            painter.setPen(found[0])
            painter.setBrush(found[1])
            current = key
        x1, x2 = box.x1, box.x2
        if x2 - x1 < min_w:
            mid = (x1 + x2) / 2
            if mark & _POINT:
                draw_polygon(diamond.translated(mid, box.y))
                continue
            x1, x2 = mid - min_w / 2, mid + min_w / 2
        x1, x2 = max(x1, low), min(x2, high)
        draw_rounded(QRectF(x1, box.y - half, x2 - x1, bar_h), 3.0, 3.0)


def paint_sets(
    painter: QPainter,
    boxes: Sequence[MarkBox],
    edtf_of: Callable[[int], str],
    colours: dict[int, QColor],
    style: ChartStyle,
    *,
    bar_h: float,
    min_w: float,
    selected: Collection[int] = (),
) -> None:
    """Draw the set marks among ``boxes`` with their members; ``edtf_of`` gives an entry's date.

    A separate small pass: only set marks pay for the look-up of their date.
    """
    for box in boxes:
        if box.mark & _SETS:
            shares = member_shares(edtf_of(box.entry))
            _paint_fancy(
                painter,
                box,
                colours,
                style,
                bar_h=bar_h,
                min_w=min_w,
                selected=selected,
                shares=shares,
            )


def _paint_fancy(
    painter: QPainter,
    box: MarkBox,
    colours: dict[int, QColor],
    style: ChartStyle,
    *,
    bar_h: float,
    min_w: float,
    selected: Collection[int],
    shares: Sequence[MemberShare] = (),
) -> None:
    """One mark the batch does not draw plainly, through the full painter."""
    paint_mark(
        painter,
        box,
        colours[box.lane],
        style,
        bar_h=bar_h,
        min_w=min_w,
        selected=box.entry in selected,
        shares=shares,
    )
