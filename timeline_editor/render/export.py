"""Chart export (PNG, SVG, PDF) through the same layout and painter as the screen.

Everything is drawn into memory and returned as bytes; the caller writes them (with
an atomic rename, from ``io``), so a failed drawing never touches an existing file.

The render layer never reads the clock: the caller passes ``today`` as a day number
(the window and the command line take it from ``ui.widgets.clock``), and the model's
:func:`~timeline_editor.model.edits.current_day` decides what an undated chart is
centred on, the same rule the canvas uses. So an export depends only on its inputs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from defusedxml import ElementTree
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from timeline_editor.layout.index import TimelineIndex
from timeline_editor.layout.span import padded_span
from timeline_editor.model.edtf import parse_edtf
from timeline_editor.model.entities import Project
from timeline_editor.model.filters import EntryPredicate
from timeline_editor.model.vocab import LaneMode

from .page import ChartPage, paint_page
from .qtapp import ensure_gui_app

FORMATS = ("png", "svg", "pdf")
DEFAULT_WIDTH = 1600
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class ExportError(ValueError):
    """An export that cannot be made (bad format or range); nothing was written."""


def day_of(value: float | str | None, *, end: bool) -> float | None:
    """A day number from a number or an ISO/EDTF date (the end takes its last day)."""
    if value is None or isinstance(value, int | float):
        return None if value is None else float(value)
    parsed = parse_edtf(value.strip())
    day = parsed.latest if end else parsed.earliest
    if day is None:
        raise ExportError(f"'{value}' has no {'end' if end else 'start'} date")
    return float(day + 1) if end else float(day)


def _range(
    index: TimelineIndex,
    start: float | None,
    end: float | None,
    *,
    today: int,
    fit: bool = False,
) -> tuple[float, float]:
    """The days to draw: as asked, else the project's padded span (see layout.span)."""
    low, high = padded_span(index, today=today, fit=fit)
    low = start if start is not None else low
    high = end if end is not None else high
    if high < low:
        low, high = high, low
    if high - low < 1.0:
        low, high = low - 0.5, high + 0.5
    return low, high


def chart_days(
    project: Project,
    *,
    today: int,
    lanes: Sequence[str] | None = None,
    predicate: EntryPredicate | None = None,
    lane_mode: LaneMode = LaneMode.LANE,
) -> tuple[float, float]:
    """The days :func:`render_chart` would draw with no range given (to keep a scale)."""
    index = TimelineIndex(project, lane_mode=lane_mode, predicate=predicate, lanes=lanes)
    fit = bool(lanes) or predicate is not None
    return _range(index, None, None, today=today, fit=fit)


def chart_format(path: Path, fmt: str | None = None) -> str:
    """ "png", "svg" or "pdf": ``fmt`` if given, else the suffix of ``path``."""
    chosen = (fmt or path.suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise ExportError(f"cannot draw a chart as '{chosen or path.name}'; use .png, .svg or .pdf")
    return chosen


def render_chart(
    project: Project,
    kind: str,
    *,
    today: int,
    start: float | str | None = None,
    end: float | str | None = None,
    width: int = DEFAULT_WIDTH,
    scale: float = 2.0,
    title: str | None = None,
    lanes: Sequence[str] | None = None,
    predicate: EntryPredicate | None = None,
    lane_mode: LaneMode = LaneMode.LANE,
    paper: str = "a4",
    caption_suffix: str = "",
) -> bytes:
    """The chart of ``project`` as the bytes of a PNG, SVG or PDF file (``kind``).

    ``today`` (a day number from the caller's clock) is used only when the chart has
    nothing dated and no as-of day to centre on. ``caption_suffix`` ends the line under
    the title (e.g. "as known on 12 Nov 2021").
    """
    if kind not in FORMATS:
        raise ExportError(f"cannot draw a chart as '{kind}'; use png, svg or pdf")
    if not 200 <= width <= 20_000:
        raise ExportError(f"width {width} is out of range (200 to 20000 pixels)")
    if not 0.25 <= scale <= 8:
        raise ExportError(f"scale {scale} is out of range (0.25 to 8)")
    ensure_gui_app()
    index = TimelineIndex(project, lane_mode=lane_mode, predicate=predicate, lanes=lanes)
    fit = bool(lanes) or predicate is not None
    low, high = _range(index, day_of(start, end=False), day_of(end, end=True), today=today, fit=fit)
    page = ChartPage(index, low, high, float(width), title or project.title, caption_suffix)
    return {"png": _png, "svg": _svg, "pdf": _pdf}[kind](page, scale, paper)


def _png(page: ChartPage, scale: float, paper: str) -> bytes:
    width, height = page.size()
    pixels = QSize(round(width * scale), round(height * scale))
    if pixels.width() * pixels.height() > 400_000_000:
        raise ExportError(f"image of {pixels.width()}x{pixels.height()} pixels is too large")
    image = QImage(pixels, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    painter.scale(pixels.width() / width, pixels.height() / height)
    try:
        paint_page(painter, page)
    finally:
        painter.end()
    return _save_image(image)


def _save_image(image: QImage) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The stubs ask for bytes but PySide6 6.11 accepts only str here.
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise ExportError("the PNG encoder failed")
    buffer.close()
    return bytes(array.data())


def _svg(page: ChartPage, scale: float, paper: str) -> bytes:
    width, height = page.size()
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(round(width), round(height)))
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setResolution(96)
    generator.setTitle(_XML_BAD.sub(" ", page.title))
    generator.setDescription("Timeline chart made with Timeline Editor")
    painter = QPainter(generator)
    try:
        paint_page(painter, page)
    finally:
        painter.end()
    buffer.close()
    text = _XML_BAD.sub(" ", bytes(array.data()).decode("utf-8", errors="replace"))
    data = text.encode("utf-8")
    try:
        ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise ExportError(f"the SVG came out malformed: {exc}") from None
    return data


def _pdf(page: ChartPage, scale: float, paper: str) -> bytes:
    width, height = page.size()
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    size = QPageSize.PageSizeId.Letter if paper.lower() == "letter" else QPageSize.PageSizeId.A4
    writer.setPageLayout(
        QPageLayout(QPageSize(size), QPageLayout.Orientation.Landscape, QMarginsF(10, 10, 10, 10))
    )
    writer.setResolution(300)
    writer.setTitle(page.title)
    writer.setCreator("Timeline Editor")
    painter = QPainter(writer)
    try:
        factor = min(writer.width() / width, writer.height() / height)
        painter.scale(factor, factor)
        paint_page(painter, page)
    finally:
        painter.end()
    buffer.close()
    return bytes(array.data())
