"""Chart export (PNG, SVG, PDF) through the same layout and painter as the screen.

Everything is drawn into memory and returned as bytes; the caller writes them (with
an atomic rename, from ``io``), so a failed drawing never touches an existing file.

The render layer never reads the clock: the caller passes ``today`` as a day number
(the window and the command line take it from ``ui.widgets.clock``), and the model's
:func:`~timeline_editor.model.edits.current_day` decides what an undated chart is
centred on, the same rule the canvas uses. So an export depends only on its inputs.

For documents: a PNG's pHYs chunk says 96 dpi times ``scale``, so it places at the
chart's own size; a PDF is laid out for its paper (:mod:`.pdf_page`); an SVG declares
SVG 1.1 (its hatching uses ``<pattern>`` and ``<mask>``) and names the generic
``sans-serif`` after DejaVu Sans. The chart font has no ligatures, so a PDF's words
can be searched and copied as they are written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from defusedxml import ElementTree
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QImage, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from timeline_editor.layout.index import TimelineIndex
from timeline_editor.layout.span import padded_span
from timeline_editor.model.edtf import parse_edtf
from timeline_editor.model.entities import Project
from timeline_editor.model.filters import EntryPredicate
from timeline_editor.model.vocab import LaneMode

from .page import ChartPage, paint_page
from .pdf_page import PdfPlan, plan_pdf
from .qtapp import ensure_gui_app

FORMATS = ("png", "svg", "pdf")
DEFAULT_WIDTH = 1600
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FAMILY = re.compile(r'font-family="([^"]*?)(?:, sans-serif)?"')
SCREEN_DPI = 96
METRES_PER_INCH = 0.0254


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
    heading = title or project.title

    def make(page_width: float) -> ChartPage:
        return ChartPage(index, low, high, page_width, heading, caption_suffix)

    if kind == "pdf":
        return _pdf(plan_pdf(make, paper))
    page = make(float(width))
    return _png(page, scale) if kind == "png" else _svg(page)


def _png(page: ChartPage, scale: float) -> bytes:
    width, height = page.size()
    pixels = QSize(round(width * scale), round(height * scale))
    if pixels.width() * pixels.height() > 400_000_000:
        raise ExportError(f"image of {pixels.width()}x{pixels.height()} pixels is too large")
    image = QImage(pixels, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0xFFFFFFFF)
    # The pHYs chunk: a 2x image of a 1600 px chart places 1600 px (16.7 inches) wide in a
    # word processor, as the chart does on a 96 dpi screen, not 3200 px at 96 dpi.
    dots_per_metre = round(SCREEN_DPI * scale / METRES_PER_INCH)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
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


def _svg(page: ChartPage) -> bytes:
    width, height = page.size()
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # SVG 1.1: the chart's hatching needs <pattern> and <mask>, which SVG Tiny lacks.
    generator = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)
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
    data = _with_fallback_family(text).encode("utf-8")
    try:
        ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise ExportError(f"the SVG came out malformed: {exc}") from None
    return data


def _with_fallback_family(svg: str) -> str:
    """Every ``font-family`` attribute followed by the generic ``sans-serif``.

    A viewer without DejaVu Sans then picks its own sans-serif face rather than a
    serif default. Only attributes can match: the generator writes a quotation mark
    inside text as ``&quot;``.
    """
    return _FAMILY.sub(lambda m: f'font-family="{m.group(1)}, sans-serif"', svg)


def _cover_other_sheets(
    painter: QPainter, page: ChartPage, start: float, end: float | None, sheet: float
) -> None:
    """Paint over what belongs to the sheets before and after, margins included.

    The chart sets clips of its own, so the sheet's part is cut out by hand.
    """
    margin = sheet  # more than any margin: paper is at most a sheet's height away
    if start:
        painter.fillRect(
            QRectF(-margin, start - margin, page.width + 2 * margin, margin), page.style.background
        )
    if end is not None:
        painter.fillRect(
            QRectF(-margin, end, page.width + 2 * margin, start + sheet - end + margin),
            page.style.background,
        )


def _pdf(plan: PdfPlan) -> bytes:
    page = plan.page
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(plan.layout)
    writer.setResolution(300)
    writer.setTitle(page.title)
    writer.setCreator("Timeline Editor")
    painter = QPainter(writer)
    try:
        factor = writer.width() / page.width
        sheet_height = writer.height() / factor
        ends: tuple[float | None, ...] = (*plan.starts[1:], None)
        for start, end in zip(plan.starts, ends, strict=True):
            if start:
                writer.newPage()
            painter.save()
            painter.scale(factor, factor)
            painter.translate(0, -start)
            paint_page(painter, page)
            _cover_other_sheets(painter, page, start, end, sheet_height)
            painter.restore()
    finally:
        painter.end()
    buffer.close()
    return bytes(array.data())
