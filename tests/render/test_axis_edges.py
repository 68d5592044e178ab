"""The axis: nothing in the lane-name column (even in SVG), labels of instants at their tick."""

from __future__ import annotations

import re
from pathlib import Path

from defusedxml import ElementTree
from PySide6.QtGui import QColor, QImage, QPainter

from tests.render.charts import export_chart
from timeline_editor.io.project_file import load_project
from timeline_editor.layout.index import TimelineIndex
from timeline_editor.layout.scene import Geometry, content_height
from timeline_editor.layout.ticks import labels_at_tick
from timeline_editor.model.daynum import day_number
from timeline_editor.render.chart import paint_frame
from timeline_editor.render.page import HEADER_H, MARGIN, ChartPage
from timeline_editor.render.style import ChartStyle

TODAY = day_number(2021, 11, 30)
EXAMPLE = Path(__file__).resolve().parents[2] / "resources/examples/brussels-2021.timeline.json"
SVG = "{http://www.w3.org/2000/svg}"
TICK_LABEL = re.compile(r"^(Q[1-4]|\d{1,2}|[A-Z][a-z]{2}|\d{4})$")


def test_svg_draws_no_tick_or_gridline_in_the_name_column(tmp_path: Path) -> None:
    out = tmp_path / "chart.svg"
    project = load_project(EXAMPLE)
    export_chart(project, out, today=TODAY)
    chart_bottom = HEADER_H + content_height(TimelineIndex(project), Geometry())
    root = ElementTree.parse(out).getroot()
    x0 = MARGIN + Geometry().gutter
    for group in root.iter(f"{SVG}g"):
        assert group.get("transform", "matrix(1,0,0,1,0,0)") == "matrix(1,0,0,1,0,0)"
    labels = [t for t in root.iter(f"{SVG}text") if TICK_LABEL.match((t.text or "").strip())]
    assert len(labels) > 10
    for text in labels:
        assert float(text.get("x", "0")) >= x0, text.text
    for line in root.iter(f"{SVG}polyline"):
        points = [tuple(map(float, p.split(","))) for p in line.get("points", "").split()]
        vertical = len(points) == 2 and points[0][0] == points[1][0]
        if vertical and points[0][1] < chart_bottom:
            assert points[0][0] >= x0, points


def _ink_runs(image: QImage, y1: int, y2: int, x0: int) -> list[int]:
    """Left x of each run of text ink between rows y1 and y2 right of x0."""
    starts, inked = [], False
    for x in range(x0, image.width()):
        dark = any(QColor(image.pixel(x, y)).lightness() < 200 for y in range(y1, y2))
        if dark and not inked:
            starts.append(x)
        inked = dark
    return starts


def test_week_labels_start_at_their_tick() -> None:
    project = load_project(EXAMPLE)
    index = TimelineIndex(project)
    start, end = day_number(2021, 11, 1), day_number(2022, 1, 1)
    page = ChartPage(index, start, end, 1000.0, "t")
    frame = page.frame
    assert labels_at_tick(frame.axis.unit) and frame.axis.unit.kind == "week"
    image = QImage(1000, round(frame.height), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_frame(painter, frame, index, ChartStyle())
    painter.end()
    # The fine row's text sits between 22 and 12 px above the axis's bottom line.
    bottom = round(frame.top + frame.geometry.axis_h)
    runs = _ink_runs(image, bottom - 22, bottom - 13, round(frame.scale.x0))
    ticks = [frame.scale.x_of(t.day) for t in frame.axis.minor if t.day >= start]
    assert len(runs) >= 8
    for tick in ticks[:8]:
        # Each label's ink begins within a few pixels right of its own tick.
        assert any(0 <= run - tick <= 7 for run in runs), (tick, runs)
