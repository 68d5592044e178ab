"""Marks painted in a batch look exactly like marks painted one by one."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage, QPainter

from timeline_editor.layout.scene import MarkBox
from timeline_editor.layout.visual import Mark
from timeline_editor.render.markbatch import paint_marks
from timeline_editor.render.marks import paint_mark
from timeline_editor.render.style import ChartStyle

KINDS = [
    Mark.POINT,
    Mark.COARSE,
    Mark.POINT | Mark.PLANNED,
    Mark.COARSE | Mark.PLANNED,
    Mark.PERIOD,
    Mark.POINT | Mark.APPROXIMATE,
    Mark.WINDOW | Mark.UNCERTAIN,
    Mark.PERIOD | Mark.OPEN_END,
    Mark.POINT | Mark.DEAD,
    Mark.PERIOD | Mark.DISPUTED,
]


def _boxes() -> list[MarkBox]:
    boxes = []
    for i, mark in enumerate(KINDS):
        x = 20.0 + 37.0 * i
        width = 2.0 if i % 2 == 0 else 30.0
        boxes.append(MarkBox(i, i % 3, x, x + width, x + 1, x + width - 1, 20.0, int(mark)))
    boxes.append(MarkBox(99, 0, -5000.0, 90000.0, -5000.0, 90000.0, 50.0, int(Mark.PERIOD)))
    return boxes


def _image() -> QImage:
    image = QImage(420, 70, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ffffff"))
    return image


def test_batch_paints_the_same_pixels_as_one_by_one() -> None:
    style = ChartStyle()
    colours = {lane: style.lane_colour(lane) for lane in range(3)}
    one_by_one, batch = _image(), _image()
    painter = QPainter(one_by_one)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for box in _boxes():
        paint_mark(painter, box, colours[box.lane], style, bar_h=14.0, min_w=9.0)
    painter.end()
    painter = QPainter(batch)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    paint_marks(painter, _boxes(), colours, style, bar_h=14.0, min_w=9.0, left=0.0, right=420.0)
    painter.end()
    assert batch == one_by_one
    assert one_by_one.pixelColor(20 + 37 + 15, 20) != QColor("#ffffff")
