"""Charts for documents: the PNG's resolution, searchable and readable PDF, portable SVG.

The PDF checks read the file with poppler's ``pdftotext`` and ``pdftoppm`` (Debian's
``poppler-utils``, which ``.ci/setup`` installs), as a reader's PDF viewer would.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from tests.render.charts import export_chart
from timeline_editor.io.project_file import load_project
from timeline_editor.layout.index import TimelineIndex
from timeline_editor.layout.scene import CHIP_TAG_PAD
from timeline_editor.model.daynum import day_number
from timeline_editor.model.entities import DateValue, Entry, Lane, Project
from timeline_editor.render.chart import _disputed_tag
from timeline_editor.render.page import ChartPage
from timeline_editor.render.pdf_page import MIN_LABEL_PT, PORTRAIT, plan_pdf
from timeline_editor.render.style import ChartStyle

TODAY = day_number(2021, 11, 30)
EXAMPLE = Path(__file__).resolve().parents[2] / "resources/examples/brussels-2021.timeline.json"


def _poppler(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.fail(f"{tool} is missing: install poppler-utils (bash .ci/setup does)")
    return found


def _png_chunks(data: bytes) -> dict[bytes, bytes]:
    chunks, at = {}, 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind = data[at + 4 : at + 8]
        chunks[kind] = data[at + 8 : at + 8 + length]
        at += 12 + length
    return chunks


@pytest.mark.parametrize(("scale", "dots_per_metre"), [(1.0, 3780), (2.0, 7559), (3.0, 11339)])
def test_png_says_96_dpi_times_its_scale(tmp_path: Path, scale: float, dots_per_metre: int) -> None:
    out = tmp_path / "chart.png"
    export_chart(load_project(EXAMPLE), out, today=TODAY, width=800, scale=scale)
    x, y, unit = struct.unpack(">IIB", _png_chunks(out.read_bytes())[b"pHYs"])
    assert (x, y, unit) == (dots_per_metre, dots_per_metre, 1)  # unit 1: per metre
    # So the image places 800 px wide at 96 dpi (8.3 inches), whatever the scale.
    assert QImage(str(out)).width() / (x * 0.0254) == pytest.approx(800 / 96, rel=1e-3)


def test_pdf_text_is_searchable_without_ligatures(tmp_path: Path) -> None:
    out = tmp_path / "chart.pdf"
    export_chart(load_project(EXAMPLE), out, today=TODAY)
    text = subprocess.run(
        [_poppler("pdftotext"), str(out), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "Worst border fighting since the 2020 war" in text
    assert "\ufb01" not in text and "\ufb03" not in text  # no "fi" or "ffi" glyph


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_pdf_labels_print_at_8_points_or_more(tmp_path: Path, paper: str) -> None:
    out = tmp_path / "chart.pdf"
    export_chart(load_project(EXAMPLE), out, today=TODAY, paper=paper)
    boxes = subprocess.run(
        [_poppler("pdftotext"), "-bbox", str(out), "-"], capture_output=True, check=True, text=True
    ).stdout
    word = re.search(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">Worst<', boxes)
    assert word is not None
    # A word's box is about 1.16 times the type size in DejaVu Sans (ascent + descent).
    assert float(word[2]) - float(word[1]) >= 8.0 * 1.16


def _ink_rows(png: Path) -> tuple[float, float]:
    """The first and last rows with anything on them, as fractions of the page height."""
    image = QImage(str(png))
    rows = [
        y
        for y in range(image.height())
        if any(image.pixelColor(x, y).lightness() < 250 for x in range(0, image.width(), 2))
    ]
    return rows[0] / image.height(), rows[-1] / image.height()


def test_pdf_chart_fills_the_page(tmp_path: Path) -> None:
    out = tmp_path / "chart.pdf"
    export_chart(load_project(EXAMPLE), out, today=TODAY)
    subprocess.run(
        [_poppler("pdftoppm"), "-png", "-r", "30", str(out), str(tmp_path / "p")], check=True
    )
    pages = sorted(tmp_path.glob("p*.png"))
    assert len(pages) == 1
    top, bottom = _ink_rows(pages[0])
    assert top < 0.1 and bottom > 0.88  # was 0.61 when the 1600 px layout was shrunk onto A4


def test_a_tall_chart_goes_portrait_or_onto_more_sheets_keeping_the_type_size() -> None:
    lanes = tuple(Lane(id=f"l{n}", title=f"Lane {n}") for n in range(60))
    entries = tuple(
        Entry(title=f"Entry {n}", when=DateValue(edtf="2021-11-16"), lane_id=f"l{n}")
        for n in range(60)
    )
    index = TimelineIndex(Project(lanes=lanes, entries=entries))
    plan = plan_pdf(lambda w: ChartPage(index, TODAY - 30, TODAY + 30, w, "Tall"), "a4")
    assert plan.label_points() >= MIN_LABEL_PT - 1e-9
    assert plan.layout.orientation() is PORTRAIT
    assert plan.sheets == 3
    # Each further sheet starts at the top of a lane (or of the legend): no row is cut.
    tops = {band.top for band in plan.page.frame.bands} | {plan.page.frame.height}
    assert set(plan.starts[1:]) <= tops


def test_svg_declares_svg_1_1_and_a_generic_family(tmp_path: Path) -> None:
    out = tmp_path / "chart.svg"
    export_chart(load_project(EXAMPLE), out, today=TODAY)
    text = out.read_text("utf-8")
    head = text[: text.index(">", text.index("<svg"))]
    assert 'version="1.1"' in head and "baseProfile" not in head
    assert "<mask" in text and "<pattern" in text  # the hatching, which SVG Tiny lacks
    families = set(re.findall(r'font-family="([^"]*)"', text))
    assert families and all(f.endswith(", sans-serif") for f in families)
    assert "DejaVu Sans, sans-serif" in families
    renderer = QSvgRenderer(QByteArray(out.read_bytes()))
    assert renderer.isValid()
    image = QImage(800, 331, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    assert len({image.pixel(x, y) for x in range(0, 800, 9) for y in range(0, 331, 7)}) > 20


def test_the_disputed_tag_keeps_its_hatching_off_the_word() -> None:
    style = ChartStyle()
    image = QImage(400, 60, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(style.label_font)
    chip = QRectF(10, 20, 300, 18)
    left = _disputed_tag(painter, chip, style)
    painter.end()
    hatch = style.disputed.lighter(170).rgb()
    tag_left, tag_right = left.right(), chip.right() - 3
    word = [
        image.pixel(x, y)
        for x in range(int(tag_left + CHIP_TAG_PAD / 2), int(tag_right - CHIP_TAG_PAD / 2))
        for y in range(23, 36)
    ]
    ends = [
        image.pixel(x, y) for x in range(int(tag_left), int(tag_left) + 5) for y in range(23, 36)
    ]
    assert hatch not in word
    assert hatch in ends
