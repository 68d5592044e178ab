"""PDF keeps the uncertainty marks: no soft-mask gradients, dashes long enough to print."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage, QPainter, QPen

from tests.render.charts import export_chart
from timeline_editor.io.project_file import load_project
from timeline_editor.layout.scene import MarkBox
from timeline_editor.layout.visual import Mark
from timeline_editor.model.daynum import day_number
from timeline_editor.render.marks import blend, dash_pen, paint_mark
from timeline_editor.render.style import ChartStyle

TODAY = day_number(2021, 11, 30)
EXAMPLE = Path(__file__).resolve().parents[2] / "resources/examples/brussels-2021.timeline.json"


def test_example_pdf_has_no_alpha_gradients(tmp_path: Path) -> None:
    out = tmp_path / "chart.pdf"
    export_chart(load_project(EXAMPLE), out, today=TODAY)
    data = out.read_bytes()
    # Feathered ends, open ends and the density swatch are axial shadings...
    assert data.count(b"/ShadingType 2") >= 3
    # ...and none needs a soft mask, which poppler and Ghostscript flatten to one colour.
    assert b"/SMask <<" not in data


def test_feathered_end_fades_into_the_lane_colour_opaquely() -> None:
    style = ChartStyle()
    image = QImage(120, 40, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    box = MarkBox(0, 0, 10.0, 110.0, 40.0, 80.0, 20.0, int(Mark.PERIOD | Mark.APPROXIMATE))
    paint_mark(painter, box, QColor("#0072B2"), style, bar_h=14.0, min_w=9.0)
    painter.end()
    edge, core = image.pixelColor(14, 20), image.pixelColor(60, 20)
    assert edge.alpha() == 255 and core.alpha() == 255
    lane = style.lane_even
    # The edge is close to the lane's own colour, the core close to the full blend.
    assert abs(edge.red() - lane.red()) < 40
    assert core == blend(QColor("#0072B2"), lane, 200)


def test_dash_pattern_is_in_pixels_whatever_the_width() -> None:
    for width in (0.8, 1.0, 1.6):
        pen = dash_pen(QPen(QColor("black"), width))
        dash, gap = (value * width for value in pen.dashPattern())
        assert round(dash, 6) == 4.0 and round(gap, 6) == 3.0
        assert not pen.isCosmetic()
