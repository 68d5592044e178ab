"""A PDF page laid out for its paper: labels big enough to read, the chart filling the sheet.

The chart is laid out in logical pixels and scaled onto the sheet. Scaling a wide
screen layout (1,600 px) onto A4 printed labels at about 6 pt and left 40 % of the
sheet empty, so a PDF is laid out for its paper instead (decision):

- the layout width is chosen so that entry labels print between :data:`MIN_LABEL_PT`
  and :data:`MAX_LABEL_PT` points, as large as the sheet allows: a narrower layout has
  bigger type and a taller shape, so the width is searched for the one whose page
  has the sheet's own proportions (it then fills the printable area);
- the sheet is landscape, unless the chart is too tall for that even at the smallest
  type: then it is portrait, which holds more of a tall chart;
- a chart too tall for a portrait sheet continues on further sheets, at the smallest
  type;
- a chart too short to fill the sheet at the largest type keeps the empty space below.

The caller's ``width`` does not apply to PDF; it shapes PNG and SVG only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize

from .page import ChartPage

#: Entry labels never print smaller than this many points, nor larger than the other.
MIN_LABEL_PT = 8.5
MAX_LABEL_PT = 11.0
#: The sheet's margin on every side, in millimetres.
MARGIN_MM = 10.0
#: Steps of the search for the width whose page has the sheet's proportions.
SEARCH_STEPS = 7

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
LANDSCAPE = QPageLayout.Orientation.Landscape
PORTRAIT = QPageLayout.Orientation.Portrait


@dataclass(frozen=True)
class PdfPlan:
    """How a chart goes onto paper: the page, the sheet layout and the scale."""

    page: ChartPage
    layout: QPageLayout
    #: Points per logical pixel of the page.
    points_per_px: float
    #: Where each sheet starts on the page, in logical pixels (0 for the first).
    starts: tuple[float, ...]

    @property
    def sheets(self) -> int:
        """How many sheets the chart takes."""
        return len(self.starts)

    def label_points(self) -> float:
        """The size entry labels print at, in points."""
        return self.page.style.label_px * self.points_per_px


def page_layout(paper: str, orientation: QPageLayout.Orientation) -> QPageLayout:
    """The sheet: the paper's size in ``orientation``, with the margins."""
    size = QPageSize(PAPERS.get(paper.lower(), QPageSize.PageSizeId.A4))
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(size, orientation, margins, QPageLayout.Unit.Millimeter)


def _printable(layout: QPageLayout) -> tuple[float, float]:
    rect = layout.paintRect(QPageLayout.Unit.Point)
    return rect.width(), rect.height()


def _ratio(page: ChartPage) -> float:
    width, height = page.size()
    return height / width


def _fit(make: Callable[[float], ChartPage], layout: QPageLayout) -> tuple[ChartPage, bool]:
    """The page with the largest type that fits the sheet, and whether any does."""
    sheet_w, sheet_h = _printable(layout)
    label_px = make(1000.0).style.label_px
    narrow, wide = sheet_w * label_px / MAX_LABEL_PT, sheet_w * label_px / MIN_LABEL_PT
    aspect = sheet_h / sheet_w
    widest = make(wide)
    if _ratio(widest) > aspect:
        return widest, False
    narrowest = make(narrow)
    if _ratio(narrowest) <= aspect:
        return narrowest, True
    # The narrower the layout, the taller its shape: find where it meets the sheet's.
    low, high, best = narrow, wide, widest
    for _ in range(SEARCH_STEPS):
        middle = (low + high) / 2
        page = make(middle)
        if _ratio(page) <= aspect:
            high, best = middle, page
        else:
            low = middle
    return best, True


def plan_pdf(make: Callable[[float], ChartPage], paper: str) -> PdfPlan:
    """Lay a chart out for ``paper`` (see the module docstring); ``make(width)`` builds it."""
    landscape = page_layout(paper, LANDSCAPE)
    page, fits = _fit(make, landscape)
    layout = landscape
    if not fits:
        # A tall chart: upright sheets hold more of it, on one sheet or fewer than across.
        layout = page_layout(paper, PORTRAIT)
        page, _ = _fit(make, layout)
    sheet_w, sheet_h = _printable(layout)
    points_per_px = sheet_w / page.size()[0]
    return PdfPlan(page, layout, points_per_px, sheet_starts(page, sheet_h / points_per_px))


def sheet_starts(page: ChartPage, sheet_height: float) -> tuple[float, ...]:
    """Where each sheet begins: at the top of a lane (or the legend) wherever one fits.

    A sheet ends before the first lane that would not fit on it whole; a lane taller
    than a sheet is cut where the sheet ends.
    """
    height = page.size()[1]
    edges = sorted({band.top for band in page.frame.bands} | {page.frame.height})
    starts = [0.0]
    while height - starts[-1] > sheet_height + 0.5:
        limit = starts[-1] + sheet_height
        fitting = [edge for edge in edges if starts[-1] < edge <= limit]
        starts.append(fitting[-1] if fitting else limit)
    return tuple(starts)
