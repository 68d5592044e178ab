"""The legend: a sample of every mark of the visual language, with its meaning.

The two set marks (either/or, all-of) are rare, so they are explained only when the
chart shows such an entry (:func:`sets_on`); the help page shows them always.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPen

from timeline_editor.layout.scene import MarkBox
from timeline_editor.layout.setmembers import MemberShare
from timeline_editor.layout.visual import Mark

from .marks import blend, dash_pen, paint_mark
from .style import PALETTE, ChartStyle

ITEM_W = 262.0
ITEM_H = 22.0
SAMPLE_W = 46.0
BAR_H = 14.0

#: (meaning, flags, core inset at the start, core inset at the end) of each sample.
SAMPLES: tuple[tuple[str, Mark, float, float], ...] = (
    ("exact date", Mark.POINT, 0, 0),
    ("period (exact ends)", Mark.PERIOD, 0, 0),
    ("month or year precision", Mark.COARSE, 0, 0),
    ("approximate (~): feathered", Mark.PERIOD | Mark.APPROXIMATE, 12, 12),
    ("uncertain (?): dashed", Mark.PERIOD | Mark.UNCERTAIN, 0, 0),
    ("one unknown day in a window", Mark.WINDOW, 0, 0),
    ("open or unknown end", Mark.PERIOD | Mark.OPEN_END, 0, 0),
    ("planned (after the as-of date)", Mark.POINT | Mark.PLANNED, 0, 0),
    ("cancelled or lapsed", Mark.PERIOD | Mark.DEAD, 0, 0),
    ("disputed (conflicting claims)", Mark.PERIOD | Mark.DISPUTED, 0, 0),
)
#: The set samples: (meaning, flag, where its members sit in the sample).
SET_SAMPLES: tuple[tuple[str, Mark, tuple[MemberShare, ...]], ...] = (
    (
        "either/or: one of these dates",
        Mark.SET_ONE,
        (MemberShare(0.1, 0.1, True), MemberShare(0.9, 0.9, True)),
    ),
    (
        "all of these dates (one entry)",
        Mark.SET_ALL,
        (MemberShare(0.05, 0.05, True), MemberShare(0.4, 0.7, False), MemberShare(1, 1, True)),
    ),
)
_SETS = Mark.SET_ONE | Mark.SET_ALL
EXTRA = ("as-of date (knowledge stops)", "many entries: density", "undated: in the Undated strip")


def sets_on(boxes: Iterable[MarkBox]) -> Mark:
    """The set flags (either/or, all-of) among the marks on a chart."""
    found = 0
    for box in boxes:
        found |= box.mark
    return Mark(found) & _SETS


def _set_samples(sets: Mark) -> list[tuple[str, Mark, tuple[MemberShare, ...]]]:
    return [sample for sample in SET_SAMPLES if sample[1] & sets]


def legend_size(width: float, sets: Mark = Mark.NONE) -> tuple[float, float]:
    """Width and height the legend needs when it may use ``width`` pixels."""
    count = len(SAMPLES) + len(_set_samples(sets)) + len(EXTRA)
    columns = max(1, min(count, int(width // ITEM_W)))
    rows = math.ceil(count / columns)
    return columns * ITEM_W, rows * ITEM_H + 24


def paint_legend(
    painter: QPainter,
    x: float,
    y: float,
    width: float,
    style: ChartStyle,
    *,
    sets: Mark = Mark.NONE,
    heading: str = "Legend",
) -> float:
    """Draw the legend with its top-left at (x, y); returns its height.

    ``sets`` holds the set flags on the chart: their samples follow the others.
    """
    total_w, height = legend_size(width, sets)
    columns = int(total_w // ITEM_W)
    painter.setFont(style.bold_font)
    painter.setPen(style.text)
    painter.drawText(QPointF(x, y + 13), heading)
    colour = QColor(PALETTE[0])
    set_samples = _set_samples(sets)
    names = [s[0] for s in SAMPLES] + [s[0] for s in set_samples] + list(EXTRA)
    for number, name in enumerate(names):
        col, row = number % columns, number // columns
        left, mid = x + col * ITEM_W, y + 24 + row * ITEM_H + ITEM_H / 2
        _sample(painter, number, set_samples, left=left, mid=mid, colour=colour, style=style)
        painter.setFont(style.label_font)
        painter.setPen(style.text)
        painter.drawText(QPointF(left + SAMPLE_W + 14, mid + 4), name)
    return height


def _sample(
    painter: QPainter,
    number: int,
    set_samples: list[tuple[str, Mark, tuple[MemberShare, ...]]],
    *,
    left: float,
    mid: float,
    colour: QColor,
    style: ChartStyle,
) -> None:
    """The sample of legend item ``number``: the marks, then the sets, then the extras."""
    shares: tuple[MemberShare, ...] = ()
    if number < len(SAMPLES):
        _, mark, inset_a, inset_b = SAMPLES[number]
        x1, x2 = left + 4, left + SAMPLE_W
        if mark & Mark.POINT:
            x1 = x2 = left + 4 + SAMPLE_W / 2 - 2
        box = MarkBox(-1, 0, x1, x2, x1 + inset_a, x2 - inset_b, mid, int(mark))
    elif number - len(SAMPLES) < len(set_samples):
        _, flag, shares = set_samples[number - len(SAMPLES)]
        box = MarkBox(-1, 0, left + 4, left + SAMPLE_W, left + 4, left + SAMPLE_W, mid, flag)
    else:
        which = number - len(SAMPLES) - len(set_samples)
        _extra(painter, which, left + 4, mid, colour, style=style)
        return
    paint_mark(
        painter,
        box,
        colour,
        style,
        bar_h=BAR_H,
        min_w=9.0,
        shares=shares,
        background=style.background,
    )


def _extra(
    painter: QPainter, which: int, x: float, y: float, colour: QColor, *, style: ChartStyle
) -> None:
    if which == 0:
        painter.setPen(dash_pen(QPen(style.as_of, 1.6), 5.0, 3.0))
        painter.drawLine(QPointF(x + SAMPLE_W / 2, y - 9), QPointF(x + SAMPLE_W / 2, y + 9))
    elif which == 1:
        gradient = QLinearGradient(x, 0, x + SAMPLE_W, 0)
        for stop, alpha in ((0.0, 40), (0.3, 230), (0.6, 90), (1.0, 170)):
            gradient.setColorAt(stop, blend(colour, style.background, alpha))
        painter.fillRect(QRectF(x, y - 7, SAMPLE_W - 4, 14), gradient)
    else:
        painter.setPen(dash_pen(QPen(style.muted, 1.0)))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(QRectF(x, y - 8, SAMPLE_W - 4, 16), 8, 8)
