"""Hit tests on a laid-out frame: entries, rows, marks, labels, edges, rectangles.

The canvas (selection, tooltips, double-click) and its editing gestures ask these same
functions. Plain floats in and out (no Qt), so that the rules are testable on a frame alone.
"""

from __future__ import annotations

from timeline_editor.layout.labels import Label, TextMetrics
from timeline_editor.layout.scene import Chip, Frame, LaneBand, MarkBox
from timeline_editor.model.edtf import Shape, parse_edtf

#: How close (pixels) to a period's end a press grabs that end instead of the whole mark.
EDGE_PX = 5.0
#: A bar narrower than this has no edges to grab: it is moved whole.
MIN_RESIZE_PX = 3 * EDGE_PX


def band_at(frame: Frame, y: float) -> LaneBand | None:
    """The lane row under ``y`` (None above the lanes or below them)."""
    for band in frame.bands:
        if band.top <= y < band.top + band.height and y < frame.undated_top:
            return band
    return None


def in_undated_strip(frame: Frame, y: float) -> bool:
    """True when ``y`` falls in the strip of undated entries."""
    return bool(frame.chips or frame.hidden_undated) and y >= frame.undated_top


def _span(box: MarkBox, frame: Frame) -> tuple[float, float]:
    mid = (box.x1 + box.x2) / 2
    half = frame.geometry.min_mark / 2
    return min(box.x1, mid - half), max(box.x2, mid + half)


def box_at(frame: Frame, x: float, y: float) -> MarkBox | None:
    """The mark under a point (the topmost drawn)."""
    half = frame.geometry.bar_h / 2 + 2
    for box in reversed(frame.marks):
        x1, x2 = _span(box, frame)
        if x1 - 2 <= x <= x2 + 2 and abs(y - box.y) <= half:
            return box
    return None


def box_of(frame: Frame, entry: int, y: float | None = None) -> MarkBox | None:
    """The mark of entry number ``entry`` (nearest to ``y`` when it shows in several rows)."""
    found = [box for box in frame.marks if box.entry == entry]
    if not found:
        return None
    if y is None:
        return found[0]
    return min(found, key=lambda box: abs(box.y - y))


def label_at(frame: Frame, x: float, y: float, metrics: TextMetrics) -> Label | None:
    """The label under a point; a badge ("disputed") drawn just left of it belongs to it."""
    half = frame.geometry.bar_h / 2 + 2
    for label in frame.labels:
        left = label.x - (metrics.width(label.badge) + 10 if label.badge else 0)
        if left <= x <= label.x + label.width and abs(y - label.y) <= half:
            return label
    return None


def chip_at(frame: Frame, x: float, y: float) -> Chip | None:
    """The undated chip under a point."""
    for chip in frame.chips:
        if chip.x <= x <= chip.x + chip.width and abs(y - chip.y) <= 9:
            return chip
    return None


def entry_at(frame: Frame, x: float, y: float, metrics: TextMetrics) -> int | None:
    """Number of the entry whose mark, label or undated chip is under a point."""
    box = box_at(frame, x, y)
    if box is not None:
        return box.entry
    label = label_at(frame, x, y, metrics)
    if label is not None:
        return label.entry
    chip = chip_at(frame, x, y)
    return None if chip is None else chip.entry


def edge_at(box: MarkBox, edtf: str, x: float) -> str:
    """``"start"`` or ``"end"`` when ``x`` grabs a resizable end of the mark, else ``""``.

    Only an interval or a window with that end given as a date can be resized; an open
    or unknown end has nothing to drag.
    """
    if box.x2 - box.x1 < MIN_RESIZE_PX:
        return ""
    try:
        parsed = parse_edtf(edtf)
    except ValueError:
        return ""
    if parsed.shape not in (Shape.INTERVAL, Shape.ONE_OF):
        return ""
    if abs(x - box.x1) <= EDGE_PX and parsed.start is not None:
        return "start"
    if abs(x - box.x2) <= EDGE_PX and parsed.end is not None:
        return "end"
    return ""


def entries_in_rect(frame: Frame, x1: float, y1: float, x2: float, y2: float) -> list[int]:
    """Entry numbers whose mark or undated chip meets the rectangle, in drawing order."""
    left, right = min(x1, x2), max(x1, x2)
    top, bottom = min(y1, y2), max(y1, y2)
    half = frame.geometry.bar_h / 2
    found: dict[int, None] = {}
    for box in frame.marks:
        bx1, bx2 = _span(box, frame)
        if bx1 <= right and bx2 >= left and box.y - half <= bottom and box.y + half >= top:
            found[box.entry] = None
    for chip in frame.chips:
        meets_x = chip.x <= right and chip.x + chip.width >= left
        if meets_x and chip.y - 9 <= bottom and chip.y + 9 >= top:
            found[chip.entry] = None
    return list(found)
