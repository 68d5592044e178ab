"""An export page: title, as-of line, the chart, the legend, unlabelled entries, source note."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter

from timeline_editor import __version__
from timeline_editor.layout.index import TimelineIndex
from timeline_editor.layout.labels import clean_title
from timeline_editor.layout.scene import Frame, Geometry, build_frame
from timeline_editor.layout.timescale import TimeScale
from timeline_editor.model.datewords import date_words
from timeline_editor.model.daynum import civil
from timeline_editor.model.edtf import EdtfError, parse_edtf

from .chart import paint_frame
from .legend import legend_size, paint_legend, sets_on
from .metrics import QtMetrics
from .style import MONTH_ABBR, ChartStyle, make_font

MARGIN = 24.0
HEADER_H = 64.0
KEY_LIMIT = 300
LINE_H = 16.0


def _day_text(day: float) -> str:
    year, month, dom = civil(math.floor(day))
    era = "" if year > 0 else " BCE"
    shown = year if year > 0 else 1 - year
    return f"{dom} {MONTH_ABBR[month - 1]} {shown}{era}"


@dataclass
class ChartPage:
    """A laid-out export: the frame plus what goes around it."""

    index: TimelineIndex
    start: float
    end: float
    width: float
    title: str
    #: Said after the line under the title, e.g. "as known on 12 Nov 2021".
    caption_suffix: str = ""
    style: ChartStyle = field(default_factory=ChartStyle)
    geometry: Geometry = field(default_factory=Geometry)
    frame: Frame = field(init=False)
    key_lines: list[str] = field(init=False)

    def __post_init__(self) -> None:
        metrics = QtMetrics(self.style.label_font)
        inner = self.width - 2 * MARGIN - self.geometry.gutter
        scale = TimeScale(self.start, self.end, MARGIN + self.geometry.gutter, max(50.0, inner))
        self.frame = build_frame(self.index, scale, metrics, geometry=self.geometry, top=HEADER_H)
        self.key_lines = self._key(metrics)

    def _key(self, metrics: QtMetrics) -> list[str]:
        """Lines naming marks whose label had no room, so every entry is on the page."""
        titles = self.index.titles
        labelled = {
            lab.entry for lab in self.frame.labels if lab.text == clean_title(titles[lab.entry])
        }
        labelled |= {
            c.entry for c in self.frame.chips if c.text == (titles[c.entry] or "(untitled)")
        }
        shown = {b.entry for b in self.frame.marks} | {c.entry for c in self.frame.chips}
        missing = sorted(shown - labelled)
        items = [
            f"{clean_title(self.index.titles[e]) or '(untitled)'} "
            f"({date_words(self.index.entries[e].when.edtf)})"
            for e in missing[:KEY_LIMIT]
        ]
        if len(missing) > KEY_LIMIT:
            items.append(f"and {len(missing) - KEY_LIMIT:,} more")
        lines: list[str] = []
        room = self.width - 2 * MARGIN
        current = ""
        for item in items:
            candidate = f"{current}; {item}" if current else item
            if current and metrics.width(candidate) > room:
                lines.append(current)
                current = metrics.elide(item, room)
            else:
                current = candidate if current else metrics.elide(item, room)
        if current:
            lines.append(current)
        return lines

    def size(self) -> tuple[float, float]:
        """Width and height of the whole page in logical pixels."""
        _, legend_h = legend_size(self.width - 2 * MARGIN, sets_on(self.frame.marks))
        key_h = (len(self.key_lines) + 1) * LINE_H + 8 if self.key_lines else 0.0
        return self.width, self.frame.height + 12 + legend_h + key_h + 36

    def subtitle(self) -> str:
        """The line under the title: as-of date, entries shown and the days they cover."""
        parts = []
        if self.index.as_of is not None:
            parts.append(f"As of {_day_text(self.index.as_of)}")
        shown = self.index.shown(self.start, self.end)
        parts.append(f"{len(shown):,} {'entry' if len(shown) == 1 else 'entries'}")
        span = self._data_span(shown)
        if span is not None:
            parts.append(f"{_day_text(span[0])} – {_day_text(span[1])}")
        if self.caption_suffix:
            parts.append(self.caption_suffix)
        return " · ".join(parts)

    def _data_span(self, shown: list[int]) -> tuple[float, float] | None:
        """Earliest and latest bound of the shown entries' dates, within the view."""
        lows, highs = [], []
        for number in shown:
            try:
                parsed = parse_edtf(self.index.entries[number].when.edtf)
            except EdtfError:
                continue
            if parsed.earliest is not None:
                lows.append(parsed.earliest)
            if parsed.latest is not None:
                highs.append(parsed.latest)
        if not lows or not highs:
            return None
        return max(min(lows), self.start), min(max(highs), self.end - 1)


def paint_page(painter: QPainter, page: ChartPage) -> None:
    """Draw a whole export page."""
    style, width = page.style, page.width
    _, height = page.size()
    painter.fillRect(QRectF(0, 0, width, height), style.background)
    painter.setPen(style.text)
    painter.setFont(make_font(style.title_px, bold=True))
    title = painter.fontMetrics().elidedText(
        clean_title(page.title), Qt.TextElideMode.ElideRight, int(width - 2 * MARGIN)
    )
    painter.drawText(QPointF(MARGIN, MARGIN + 10), title)
    painter.setFont(style.label_font)
    painter.setPen(style.muted)
    painter.drawText(QPointF(MARGIN, MARGIN + 30), page.subtitle())
    paint_frame(painter, page.frame, page.index, style)
    y = page.frame.height + 12
    sets = sets_on(page.frame.marks)
    y += paint_legend(painter, MARGIN, y, width - 2 * MARGIN, style, sets=sets)
    if page.key_lines:
        painter.setFont(style.bold_font)
        painter.setPen(style.text)
        painter.drawText(
            QPointF(MARGIN, y + 14), "Also on the chart, unlabelled or shortened for lack of room:"
        )
        painter.setFont(style.label_font)
        for number, line in enumerate(page.key_lines):
            painter.drawText(QPointF(MARGIN, y + 14 + (number + 1) * LINE_H), line)
        y += (len(page.key_lines) + 1) * LINE_H + 8
    painter.setFont(style.small_font)
    painter.setPen(style.muted)
    sources = len(page.index.project.sources)
    note = (
        f"Source: project “{clean_title(page.index.project.title)[:80]}”, "
        f"{sources:,} source{'' if sources == 1 else 's'} in its library"
        f" · Timeline Editor {__version__}"
    )
    painter.drawText(QPointF(MARGIN, y + 24), note)
