"""Dragging entries on the canvas: move in time, across rows, resize an end, place undated.

The drag never touches the model while it lasts: it keeps the edited copies it would
commit and paints them over the chart; the editor pushes one command on release.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from timeline_editor.layout.index import TimelineIndex
from timeline_editor.layout.scene import Frame, LaneBand, MarkBox
from timeline_editor.layout.visual import extent_of
from timeline_editor.model.edits import placed, relaned, shifted
from timeline_editor.model.edtf import parse_edtf
from timeline_editor.model.entities import Entry
from timeline_editor.model.queries import is_dead, is_disputed
from timeline_editor.model.vocab import LaneMode
from timeline_editor.render.marks import paint_mark
from timeline_editor.render.style import ChartStyle
from timeline_editor.ui.canvas.hits import band_at
from timeline_editor.ui.canvas.moves import snap_days, zoom_precision
from timeline_editor.ui.widgets.wording import counted

#: Cap on marks previewed at once: a drag of thousands shows the visible ones only.
PREVIEW_LIMIT = 400


@dataclass(slots=True)
class Grab:
    """What a press picked up: entry numbers (in the index), the one under the cursor."""

    numbers: list[int]
    anchor: int
    edge: str  # "" = move, "start"/"end" = resize, "place" = give an undated entry a date
    x: float
    y: float
    band: LaneBand | None = None


@dataclass(slots=True)
class _Ghost:
    box: MarkBox
    colour: QColor


@dataclass(slots=True)
class EntryDrag:
    """One drag in progress over ``index`` in row mode ``mode``."""

    grab: Grab
    index: TimelineIndex
    mode: LaneMode
    at: str
    days: float = 0.0
    x: float = 0.0
    y: float = 0.0
    day: int | None = None
    target: LaneBand | None = None
    edited: dict[int, Entry] = field(default_factory=dict)
    _key: tuple[object, ...] = ()
    _frame: Frame | None = None
    _boxes: tuple[int, dict[int, list[MarkBox]]] = (0, {})

    def update(self, x: float, y: float, frame: Frame) -> bool:
        """Follow the cursor; True when the would-be result changed (repaint)."""
        scale = frame.scale
        ppd = scale.px_per_day
        self.x, self.y = x, y
        target = band_at(frame, y) if self.grab.edge in ("", "place") else None
        if self.mode == LaneMode.KIND and not self.grab.edge:
            target = None  # a drag does not change an entry's kind
        if self.grab.edge == "place":
            self.day = int(scale.day_at(x) // 1)
            key: tuple[object, ...] = (self.day, zoom_precision(ppd), _lane_key(target))
        else:
            self.days = snap_days((x - self.grab.x) / ppd, ppd)
            key = (self.days, _lane_key(target))
        if key == self._key:
            return False
        self._key, self.target, self._frame = key, target, frame
        # Only what shows is edited while dragging; the rest waits for the release.
        on_screen = {box.entry for box in frame.marks} | {c.entry for c in frame.chips}
        shown = [n for n in self.grab.numbers if n in on_screen][:PREVIEW_LIMIT]
        self.edited = {n: self._edit(n, frame) for n in [self.grab.anchor, *shown]}
        return True

    def _edit(self, number: int, frame: Frame) -> Entry:
        entry = self.index.entries[number]
        if self.grab.edge == "place":
            if self.day is None or self.target is None:
                return entry
            precision = zoom_precision(frame.scale.px_per_day)
            result = placed(entry, day=self.day, precision=precision, at=self.at)
            return relaned(result, mode=self.mode, old_key="", new_key=_lane_key(self.target))
        result = shifted(entry, days=self.days, at=self.at, edge=self.grab.edge)
        if self.target is None or self.grab.edge:
            return result
        old_key = self._old_lane(number, frame)
        return relaned(result, mode=self.mode, old_key=old_key, new_key=_lane_key(self.target))

    def _old_lane(self, number: int, frame: Frame) -> str:
        """The row key the entry is dragged from: its own mark's row, else the grab's."""
        box = self._box(frame, number)
        source = _band(frame, box.lane) if box is not None else self.grab.band
        return _lane_key(source) if source is not None else _lane_key(self.grab.band)

    def _box(self, frame: Frame, number: int) -> MarkBox | None:
        """The entry's mark in ``frame`` nearest the press (a map per frame, not a scan)."""
        if self._boxes[0] != id(frame):
            boxes: dict[int, list[MarkBox]] = {}
            for box in frame.marks:
                boxes.setdefault(box.entry, []).append(box)
            self._boxes = (id(frame), boxes)
        found = self._boxes[1].get(number)
        if not found:
            return None
        return min(found, key=lambda box: abs(box.y - self.grab.y))

    def changed(self) -> list[Entry]:
        """Every grabbed entry as the drop leaves it, when it differs from the document's."""
        frame = self._frame
        if frame is None:
            return []
        result = []
        for number in sorted(set(self.grab.numbers)):
            new = self.edited.get(number) or self._edit(number, frame)
            if new != self.index.entries[number]:
                result.append(new)
        return result

    def paint(self, painter: QPainter, frame: Frame, style: ChartStyle) -> None:
        """Fade the originals, draw the edited copies where they would land."""
        painter.save()
        cover = QColor(style.background)
        cover.setAlpha(150)
        for number in self.edited:
            box = self._box(frame, number)
            if box is not None:
                painter.fillRect(QRectF(box.x1 - 2, box.y - 9, box.x2 - box.x1 + 4, 18), cover)
        for label in frame.labels:
            if label.entry in self.edited:
                painter.fillRect(QRectF(label.x - 1, label.y - 9, label.width + 2, 18), cover)
        ghosts = self._ghosts(frame, style)
        painter.setFont(style.label_font)
        ascent = painter.fontMetrics().ascent() / 2 - 1
        for ghost in ghosts:
            paint_mark(
                painter,
                ghost.box,
                ghost.colour,
                style,
                bar_h=frame.geometry.bar_h,
                min_w=frame.geometry.min_mark,
                selected=True,
            )
            # The title follows its mark, so the user sees which entry lands where.
            box = ghost.box
            x = max(box.x2, (box.x1 + box.x2) / 2 + frame.geometry.min_mark / 2) + 4
            painter.setPen(style.text)
            painter.setFont(style.label_font)
            painter.drawText(QPointF(x, box.y + ascent), self.index.titles[box.entry])
        self._paint_caption(painter, frame, style)
        painter.restore()

    def _ghosts(self, frame: Frame, style: ChartStyle) -> list[_Ghost]:
        ghosts: list[_Ghost] = []
        for number, entry in self.edited.items():
            box = self._box(frame, number)
            band = self.target or (_band(frame, box.lane) if box else None)
            if band is None or (box is None and number != self.grab.anchor):
                continue
            y = _row_y(frame, band, box)
            shown = mark_box(entry, number, frame, lane=band.lane, y=y, as_of=self.index.as_of)
            if shown is None:
                continue
            colour = style.lane_colour(band.lane, band.info.colour)
            ghosts.append(_Ghost(shown, colour))
        return ghosts

    def _paint_caption(self, painter: QPainter, frame: Frame, style: ChartStyle) -> None:
        entry = self.edited.get(self.grab.anchor)
        if entry is None:
            return
        text = entry.when.edtf or "undated"
        if self.target is not None and self.grab.edge in ("", "place"):
            text += f"  ·  {self.target.info.title}"
        if len(self.edited) > 1:
            text += f"  ·  {counted(len(self.edited), 'entry')}"
        painter.setFont(style.small_font)
        width = painter.fontMetrics().horizontalAdvance(text) + 12
        right = frame.scale.x0 + frame.scale.width - width
        x = min(max(self.x - width / 2, frame.scale.x0), right)
        # Above the cursor, clear of the mark being dragged, but never over the axis.
        y = max(frame.top + frame.geometry.axis_h + 2, self.y - frame.geometry.row_h - 12)
        rect = QRectF(x, y, width, 16)
        painter.setPen(QPen(style.focus, 1.0))
        painter.setBrush(QColor("#e8f0fe"))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(style.text)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def _lane_key(band: LaneBand | None) -> str:
    return band.info.key if band is not None else ""


def _band(frame: Frame, lane: int) -> LaneBand | None:
    return next((band for band in frame.bands if band.lane == lane), None)


def _row_y(frame: Frame, band: LaneBand, box: MarkBox | None) -> float:
    """Keep the mark's sub-row when it stays in its row, else the first sub-row."""
    geometry = frame.geometry
    first = band.top + geometry.lane_pad + geometry.row_h / 2
    if box is not None and box.lane == band.lane:
        return box.y
    return first


def mark_box(
    entry: Entry, number: int, frame: Frame, *, lane: int, y: float, as_of: int | None
) -> MarkBox | None:
    """Where ``entry`` would be drawn at row height ``y`` (None when it has no date)."""
    parsed = parse_edtf(entry.when.edtf)
    planned = as_of is not None and parsed.earliest is not None and parsed.earliest > as_of
    extent = extent_of(
        parsed,
        entry.kind,
        planned=planned,
        dead=is_dead(entry),
        disputed=bool(entry.claims) and is_disputed(entry),
        as_of=as_of,
    )
    if extent is None:
        return None
    x = frame.scale.x_of
    return MarkBox(
        number,
        lane,
        x(extent.start),
        x(extent.end),
        x(extent.core_start),
        x(extent.core_end),
        y,
        int(extent.mark),
    )
