"""Paints a laid-out :class:`Frame` on any QPainter: screen, PNG, SVG or PDF alike."""

from __future__ import annotations

import math
from collections.abc import Collection

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen

from timeline_editor.layout.index import TimelineIndex
from timeline_editor.layout.scene import CHIP_TAG_PAD, DISPUTED_TAG, DensityRow, Frame, MarkBox
from timeline_editor.layout.ticks import labels_at_tick, minor_label_x
from timeline_editor.layout.visual import Mark
from timeline_editor.model.daynum import civil

from .known_marks import paint_known_marks
from .markbatch import paint_marks, paint_sets
from .marks import dash_pen, lane_background
from .style import MONTH_ABBR, ChartStyle

_DEAD = int(Mark.DEAD)
#: How far past the view's right edge a mark may spill (the page margin is 24 px).
_RIGHT_MASK = 40.0
#: Baseline of the era names and the as-of caption above the chart area's bottom.
CAPTION_DROP = 2.0


def paint_frame(
    painter: QPainter,
    frame: Frame,
    index: TimelineIndex,
    style: ChartStyle,
    *,
    selected: Collection[str] = (),
    focus: str | None = None,
    bottom: float | None = None,
) -> None:
    """Draw everything in ``frame``; ``selected`` and ``focus`` are entry ids."""
    scale = frame.scale
    right = scale.x0 + scale.width
    bottom = frame.height if bottom is None else bottom
    lanes_top = frame.top + frame.geometry.axis_h
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    _lanes(painter, frame, style, right)
    painter.save()
    painter.setClipRect(QRectF(scale.x0, lanes_top, scale.width, max(0.0, bottom - lanes_top)))
    lanes_bottom = min(bottom, frame.undated_top)
    _eras(painter, frame, style, lanes_top, lanes_bottom)
    _grid(painter, frame, style, lanes_top, lanes_bottom)
    for row in frame.density:
        _density(painter, row, frame, style)
    _marks(painter, frame, index, style, set(selected), focus=focus)
    _labels(painter, frame, index, style)
    paint_known_marks(painter, frame, style)
    _overflow(painter, frame, style)
    _as_of(painter, frame, style, lanes_top, lanes_bottom)
    painter.restore()
    _gutter(painter, frame, style, right)
    _undated(painter, frame, index, style, set(selected))
    _axis(painter, frame, style)


def _lanes(painter: QPainter, frame: Frame, style: ChartStyle, right: float) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    for band in frame.bands:
        painter.setBrush(lane_background(band.lane, style))
        painter.drawRect(QRectF(0, band.top, right, band.height))


def _gutter(painter: QPainter, frame: Frame, style: ChartStyle, right: float) -> None:
    """Lane names, painted over whatever reached past the view's edges.

    An SVG ignores the clip, so bars and brackets that start before the view would
    spill into the name column; covering both margins is the clip made by hand.
    """
    painter.setPen(Qt.PenStyle.NoPen)
    for band in frame.bands:
        painter.setBrush(lane_background(band.lane, style))
        painter.drawRect(QRectF(0, band.top, frame.scale.x0, band.height))
        painter.fillRect(QRectF(right, band.top, _RIGHT_MASK, band.height), style.background)
    painter.setFont(style.bold_font)
    width = frame.geometry.gutter - 16
    for band in frame.bands:
        colour = style.lane_colour(band.lane, band.info.colour)
        painter.fillRect(QRectF(0, band.top + 3, 4, band.height - 6), colour)
        title = painter.fontMetrics().elidedText(
            band.info.title, Qt.TextElideMode.ElideRight, int(width)
        )
        painter.setPen(style.text)
        rect = QRectF(10, band.top + 2, width, frame.geometry.row_h + 4)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)


def _eras(painter: QPainter, frame: Frame, style: ChartStyle, top: float, bottom: float) -> None:
    painter.setFont(style.small_font)
    left, right = frame.scale.x0, frame.scale.x0 + frame.scale.width
    for start, end, title, colour in frame.eras:
        fill = QColor(colour) if colour else style.era
        fill.setAlpha(34)
        x1, x2 = max(start, left), min(end, right)
        painter.fillRect(QRectF(x1, top, x2 - x1, bottom - top), fill)
        painter.setPen(style.muted)
        # At the foot of the band: the lowest row's marks end 10 px above the chart's
        # bottom, so the name collides neither with a mark nor with the axis labels.
        painter.drawText(QPointF(x1 + 3, bottom - CAPTION_DROP), title)


def _grid(painter: QPainter, frame: Frame, style: ChartStyle, top: float, bottom: float) -> None:
    # Lines outside the view are skipped, not clipped: an SVG ignores the clip.
    left, right = frame.scale.x0, frame.scale.x0 + frame.scale.width
    for ticks, pen in (
        (frame.axis.minor, QPen(style.grid, 1.0)),
        (frame.axis.major, QPen(style.grid.darker(115), 1.0)),
    ):
        painter.setPen(pen)
        for tick in ticks:
            x = round(frame.scale.x_of(tick.day)) + 0.5
            if left <= x <= right:
                painter.drawLine(QPointF(x, top), QPointF(x, bottom))


def _axis(painter: QPainter, frame: Frame, style: ChartStyle) -> None:
    scale, top = frame.scale, frame.top
    left, right = scale.x0, scale.x0 + scale.width
    height = frame.geometry.axis_h
    painter.fillRect(QRectF(0, top, right, height), style.background)
    painter.setPen(QPen(style.muted, 1.0))
    painter.drawLine(QPointF(left, top + height - 0.5), QPointF(right, top + height - 0.5))
    painter.save()
    painter.setClipRect(QRectF(left, top, scale.width, height))
    _context_row(painter, frame, style)
    _fine_row(painter, frame, style)
    painter.restore()


def _context_row(painter: QPainter, frame: Frame, style: ChartStyle) -> None:
    """The coarse row ("November 2021"): each label just after its tick, or at the edge."""
    scale, top = frame.scale, frame.top
    left, right = scale.x0, scale.x0 + scale.width
    painter.setFont(style.bold_font)
    painter.setPen(style.text)
    metrics = painter.fontMetrics()
    for tick in frame.axis.major:
        x1, x2 = scale.x_of(tick.day), min(scale.x_of(tick.until), right)
        label, text_w = tick.label, metrics.horizontalAdvance(tick.label)
        room = x2 - max(x1, left) - 8
        if text_w > room:
            # Wider than its own span ("Tue 20 November 2018" above hours): shorten it.
            label = metrics.elidedText(label, Qt.TextElideMode.ElideRight, max(0, int(room)))
            text_w = metrics.horizontalAdvance(label)
        if x1 >= left:
            painter.drawLine(QPointF(round(x1) + 0.5, top + 2), QPointF(round(x1) + 0.5, top + 20))
        if label:
            x = max(min(max(x1, left) + 4, x2 - text_w - 4), x1 + 4, left + 4)
            painter.drawText(QPointF(x, top + 16), label)


def _fine_row(painter: QPainter, frame: Frame, style: ChartStyle) -> None:
    """The fine row: instants labelled at their tick, calendar spans centred in theirs."""
    scale, top = frame.scale, frame.top
    left, right = scale.x0, scale.x0 + scale.width
    height = frame.geometry.axis_h
    painter.setFont(style.axis_font)
    painter.setPen(style.muted)
    metrics = painter.fontMetrics()
    at_tick = labels_at_tick(frame.axis.unit)
    for tick in frame.axis.minor:
        x1, x2 = scale.x_of(tick.day), scale.x_of(tick.until)
        if left <= x1 <= right:
            tick_x = round(x1) + 0.5
            painter.drawLine(QPointF(tick_x, top + height - 8), QPointF(tick_x, top + height))
        text_w = metrics.horizontalAdvance(tick.label)
        found = minor_label_x(x1, x2, text_w, left, right, at_tick=at_tick)
        if found is not None:
            painter.drawText(QPointF(found, top + height - 12), tick.label)


def _density(painter: QPainter, row: DensityRow, frame: Frame, style: ChartStyle) -> None:
    counts = row.counts
    peak = int(counts.max()) if len(counts) else 0
    if peak <= 0:
        return
    colour = style.lane_colour(row.lane)
    for band in frame.bands:
        if band.lane == row.lane:
            colour = style.lane_colour(band.lane, band.info.colour)
    level = np.log1p(counts.astype(np.float64)) / math.log1p(peak)
    share = np.where(counts > 0, (40 + level * 215) / 255, 0.0)
    # Opaque pixels blended onto the lane's colour: a PDF keeps them as they are.
    ground = lane_background(row.lane, style)
    rgb = np.zeros(len(counts), np.uint32)
    for shift, ink, paper in (
        (16, colour.red(), ground.red()),
        (8, colour.green(), ground.green()),
        (0, colour.blue(), ground.blue()),
    ):
        rgb |= np.rint(ink * share + paper * (1 - share)).astype(np.uint32) << shift
    pixels = np.ascontiguousarray((rgb | np.uint32(0xFF000000)).reshape(1, -1))
    image = QImage(pixels.data, len(counts), 1, 4 * len(counts), QImage.Format.Format_RGB32)
    pad = frame.geometry.lane_pad
    target = QRectF(row.x0, row.top + pad, row.bin_px * len(counts), row.height - 2 * pad)
    painter.drawImage(target, image.copy())
    painter.setFont(style.small_font)
    painter.setPen(style.text)
    total = f"density view: up to {peak:,} entries per column — zoom in for single entries"
    painter.drawText(QPointF(row.x0 + 6, row.top + row.height - pad - 3), total)


def _marks(
    painter: QPainter,
    frame: Frame,
    index: TimelineIndex,
    style: ChartStyle,
    selected: set[str],
    *,
    focus: str | None,
) -> None:
    geometry, scale = frame.geometry, frame.scale
    colours = {b.lane: style.lane_colour(b.lane, b.info.colour) for b in frame.bands}
    entries = index.entries
    # Only marks on screen are looked up: never a list of every id per frame.
    chosen = {b.entry for b in frame.marks if entries[b.entry].id in selected} if selected else ()
    paint_marks(
        painter,
        frame.marks,
        colours,
        style,
        bar_h=geometry.bar_h,
        min_w=geometry.min_mark,
        left=scale.x0,
        right=scale.x0 + scale.width,
        selected=chosen,
    )
    paint_sets(
        painter,
        frame.marks,
        lambda number: entries[number].when.edtf,
        colours,
        style,
        bar_h=geometry.bar_h,
        min_w=geometry.min_mark,
        selected=chosen,
    )
    if focus is None:
        return
    for box in frame.marks:
        if entries[box.entry].id == focus:
            _focus_ring(painter, box, frame, style)


def _focus_ring(painter: QPainter, box: MarkBox, frame: Frame, style: ChartStyle) -> None:
    painter.setPen(QPen(style.focus, 1.5, Qt.PenStyle.DotLine))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = frame.geometry.bar_h / 2 + 3
    x1 = min(box.x1, (box.x1 + box.x2) / 2 - half)
    x2 = max(box.x2, (box.x1 + box.x2) / 2 + half)
    painter.drawRect(QRectF(x1 - 2, box.y - half, x2 - x1 + 4, 2 * half))


def _labels(painter: QPainter, frame: Frame, index: TimelineIndex, style: ChartStyle) -> None:
    dead = {b.entry for b in frame.marks if b.mark & _DEAD}
    font = style.label_font
    struck = QFont(font)
    struck.setStrikeOut(True)
    painter.setFont(font)
    ascent = painter.fontMetrics().ascent() / 2 - 1
    for label in frame.labels:
        if label.badge:
            _label_badge(painter, label.x, label.y, label.badge, style)
            painter.setFont(font)
        is_dead = label.entry in dead
        if is_dead:
            painter.setFont(struck)
        painter.setPen(style.dead.darker(120) if is_dead else style.text)
        # Above a window's line, the descenders just clear it.
        baseline = label.y - 0.5 if label.above else label.y + ascent
        painter.drawText(QPointF(label.x, baseline), label.text)
        if is_dead:
            painter.setFont(font)


def _label_badge(painter: QPainter, right: float, y: float, text: str, style: ChartStyle) -> None:
    painter.setFont(style.small_font)
    width = painter.fontMetrics().horizontalAdvance(text) + 6
    rect = QRectF(right - width - 4, y - 7, width, 14)
    painter.setPen(QPen(style.text, 0.8))
    painter.setBrush(QColor("#fff3c4"))
    painter.drawRoundedRect(rect, 3, 3)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def _overflow(painter: QPainter, frame: Frame, style: ChartStyle) -> None:
    painter.setFont(style.small_font)
    painter.setPen(style.muted)
    for item in frame.overflow:
        painter.drawText(QPointF(item.x + 4, item.y + 4), f"+{item.count:,} more")


def _as_of(painter: QPainter, frame: Frame, style: ChartStyle, top: float, bottom: float) -> None:
    if frame.as_of_x is None:
        return
    x = frame.as_of_x
    painter.setPen(dash_pen(QPen(style.as_of, 1.6), 5.0, 3.0))
    painter.drawLine(QPointF(x, top), QPointF(x, bottom))
    day = math.floor(frame.scale.day_at(x)) - 1
    year, month, dom = civil(day)
    painter.setFont(style.small_font)
    painter.setPen(style.as_of)
    caption = f"as of {dom} {MONTH_ABBR[month - 1]} {year}"
    painter.drawText(QPointF(x + 4, bottom - CAPTION_DROP), caption)


def _disputed_tag(painter: QPainter, rect: QRectF, style: ChartStyle) -> QRectF:
    """Draw the "disputed" tag at the chip's right end; return the room left.

    Hatched like a disputed mark, but only at its rounded ends: the word sits on a plain
    ground, so that no stroke of the hatching crosses a letter.
    """
    width = painter.fontMetrics().horizontalAdvance(DISPUTED_TAG) + CHIP_TAG_PAD
    tag = QRectF(rect.right() - width, rect.top() + 2, width - 3, rect.height() - 4)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(style.disputed.lighter(170), Qt.BrushStyle.BDiagPattern))
    painter.drawRoundedRect(tag, 7, 7)
    end = CHIP_TAG_PAD / 2 - 2.5
    painter.setBrush(QColor("#fff4ec"))
    painter.drawRect(tag.adjusted(end, 0, -end, 0))
    painter.setPen(QPen(style.disputed, 1.0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(tag, 7, 7)
    painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, DISPUTED_TAG)
    return QRectF(rect.left(), rect.top(), rect.width() - width, rect.height())


def _undated(
    painter: QPainter, frame: Frame, index: TimelineIndex, style: ChartStyle, selected: set[str]
) -> None:
    if not index.undated:
        return
    geometry, top = frame.geometry, frame.undated_top
    painter.setPen(QPen(style.grid.darker(120), 1.0))
    painter.drawLine(QPointF(0, top + 0.5), QPointF(frame.scale.x0 + frame.scale.width, top + 0.5))
    painter.setFont(style.bold_font)
    painter.setPen(style.text)
    painter.drawText(QPointF(10, top + geometry.undated_row_h * 0.7 + 6), "Undated")
    painter.setFont(style.small_font)
    painter.setPen(style.muted)
    painter.drawText(QPointF(10, top + geometry.undated_row_h * 1.5 + 6), "not placed in time")
    painter.setFont(style.label_font)
    for chip in frame.chips:
        rect = QRectF(chip.x, chip.y - 9, chip.width, 18)
        chosen = index.entries[chip.entry].id in selected
        painter.setPen(
            dash_pen(QPen(style.selection if chosen else style.muted, 2.0 if chosen else 1.0))
        )
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(rect, 9, 9)
        if chip.disputed:
            rect = _disputed_tag(painter, rect, style)
        painter.setPen(style.text)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, chip.text)
    if frame.hidden_undated:
        painter.setPen(style.muted)
        y = frame.undated_top + geometry.undated_row_h * (geometry.undated_rows + 0.8)
        painter.drawText(QPointF(frame.scale.x0, y), f"+{frame.hidden_undated:,} more undated")
