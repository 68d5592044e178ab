"""A frame: everything one view needs drawn, computed without Qt.

Lane heights depend only on the project (never on zoom) so that zooming does
not make rows jump; only what falls inside the view is turned into objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from timeline_editor.model.queries import is_disputed

from .index import Floats, Ints, LaneArrays, TimelineIndex
from .labels import GAP, MIN_LABEL_WIDTH, Label, Slot, TextMetrics, place_row
from .lanes import LaneInfo
from .rowsplit import RowSplit
from .setmembers import MARKER_RADIUS, member_shares, members_reach
from .ticks import Axis, axis_for
from .timescale import TimeScale
from .visual import Mark


@dataclass(frozen=True, slots=True)
class Geometry:
    """Sizes in pixels shared by the screen and the exports."""

    axis_h: float = 46.0
    gutter: float = 150.0
    row_h: float = 22.0
    bar_h: float = 14.0
    lane_pad: float = 6.0
    max_rows: int = 8
    density_limit: int = 600
    min_mark: float = 9.0
    density_bin: float = 2.0
    undated_row_h: float = 24.0
    undated_rows: int = 3


@dataclass(frozen=True, slots=True)
class LaneBand:
    """A lane's place on screen and whether it is drawn as density."""

    lane: int
    info: LaneInfo
    top: float
    height: float
    rows: int
    dense: bool


@dataclass(frozen=True, slots=True)
class MarkBox:
    """One entry's mark in pixels (core = the solid part between feathered ends)."""

    entry: int
    lane: int
    x1: float
    x2: float
    cx1: float
    cx2: float
    y: float
    mark: int


@dataclass(frozen=True, slots=True)
class DensityRow:
    """Counts of marks per pixel bin of a lane drawn as density."""

    lane: int
    top: float
    height: float
    x0: float
    bin_px: float
    counts: Ints


@dataclass(frozen=True, slots=True)
class Overflow:
    """ "+N more" where a lane has more overlapping marks than rows."""

    x: float
    y: float
    count: int


@dataclass(frozen=True, slots=True)
class Chip:
    """An undated entry in the undated strip."""

    entry: int
    x: float
    y: float
    width: float
    text: str
    disputed: bool = False


@dataclass(slots=True)
class Frame:
    """A laid-out view."""

    scale: TimeScale
    geometry: Geometry
    axis: Axis
    top: float
    bands: list[LaneBand] = field(default_factory=list)
    marks: list[MarkBox] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    density: list[DensityRow] = field(default_factory=list)
    overflow: list[Overflow] = field(default_factory=list)
    chips: list[Chip] = field(default_factory=list)
    eras: list[tuple[float, float, str, str]] = field(default_factory=list)
    as_of_x: float | None = None
    undated_top: float = 0.0
    hidden_undated: int = 0
    height: float = 0.0


def lane_rows(arrays: LaneArrays, geometry: Geometry) -> int:
    """Rows a lane shows: its stacking depth, at most ``max_rows``."""
    return max(1, min(arrays.row_count, geometry.max_rows))


def content_height(index: TimelineIndex, geometry: Geometry) -> float:
    """Height of the axis, all lanes and the undated strip."""
    lanes = sum(
        lane_rows(a, geometry) * geometry.row_h + 2 * geometry.lane_pad for a in index.arrays
    )
    undated = _undated_height(index, geometry)
    return geometry.axis_h + lanes + undated


def _undated_height(index: TimelineIndex, geometry: Geometry) -> float:
    if not index.undated:
        return 0.0
    return geometry.undated_row_h * (geometry.undated_rows + 1) + geometry.lane_pad


def _bands(index: TimelineIndex, frame: Frame, y_offset: float, bottom: float) -> None:
    geometry = frame.geometry
    y = frame.top + geometry.axis_h - y_offset
    counts: list[tuple[int, int]] = []
    pad = geometry.min_mark / max(frame.scale.px_per_day, 1e-12)
    start, end = frame.scale.start - pad, frame.scale.end + pad
    placed: list[tuple[int, float, float, int]] = []
    for lane, arrays in enumerate(index.arrays):
        rows = lane_rows(arrays, geometry)
        height = rows * geometry.row_h + 2 * geometry.lane_pad
        if y + height > frame.top + geometry.axis_h and y < bottom:
            shown = rows - 1 if arrays.row_count > rows else rows
            counts.append((arrays.count_shown(start, end, shown), lane))
            placed.append((lane, y, height, rows))
        y += height
    frame.undated_top = y
    budget, dense = geometry.density_limit, set()
    for count, lane in sorted(counts):
        if count > budget:
            dense.add(lane)
        else:
            budget -= count
    for lane, top, height, rows in placed:
        band = LaneBand(lane, index.lanes[lane], top, height, rows, lane in dense)
        frame.bands.append(band)


def _density(arrays: LaneArrays, band: LaneBand, frame: Frame) -> None:
    scale = frame.scale
    bin_px = frame.geometry.density_bin
    bins = max(1, int(scale.width / bin_px))
    edges: Floats = np.linspace(scale.start, scale.end, bins + 1)
    counts = arrays.density(edges)
    frame.density.append(DensityRow(band.lane, band.top, band.height, scale.x0, bin_px, counts))


def _overflow(frame: Frame, band: LaneBand, split: RowSplit, lo: float, hi: float) -> None:
    """ "+N more" per 48-pixel bucket, for marks beyond the lane's last shown row."""
    scale, geometry, x0 = frame.scale, frame.geometry, frame.scale.x0
    buckets = int((scale.width + geometry.min_mark) // 48) + 1
    edges = scale.start + np.arange(1, buckets + 1) * 48 / scale.px_per_day
    counts = split.hidden_per_bucket(lo, hi, edges)
    row = band.rows - 1
    y = band.top + geometry.lane_pad + geometry.row_h / 2 + row * geometry.row_h
    for bucket in np.flatnonzero(counts).tolist():
        frame.overflow.append(Overflow(x0 + bucket * 48, y, int(counts[bucket])))


_BADGED = int(Mark.DEAD | Mark.DISPUTED)
#: Marks drawn as a thin line (windows, sets): labels go after them or above the line.
_THIN = int(Mark.WINDOW | Mark.SET_ONE | Mark.SET_ALL)
_SETS = int(Mark.SET_ONE | Mark.SET_ALL)
_UNCERTAIN = int(Mark.UNCERTAIN)
#: How far an uncertain mark's "?" badge reaches past the mark's right end.
UNCERTAIN_BADGE_W = 4.0

#: The word an undated chip carries when its entry's claims disagree.
DISPUTED_TAG = "disputed"
CHIP_TAG_PAD = 14.0


def _badge(mark: int, status: str) -> str:
    if mark & Mark.DEAD:
        return status
    return "disputed" if mark & Mark.DISPUTED else ""


def _marks(index: TimelineIndex, band: LaneBand, frame: Frame, metrics: TextMetrics) -> None:
    scale, geometry = frame.scale, frame.geometry
    arrays = index.arrays[band.lane]
    pad = geometry.min_mark / scale.px_per_day
    lo, hi = scale.start - pad, scale.end + pad
    ppd, s, x0 = scale.px_per_day, scale.start, scale.x0
    if arrays.row_count > band.rows:
        split = arrays.split(band.rows - 1)
        idx = split.visible(lo, hi)
        _overflow(frame, band, split, lo, hi)
    else:
        idx = arrays.visible(lo, hi)
    xs1 = (arrays.starts[idx] - s) * ppd + x0
    xs2 = (arrays.ends[idx] - s) * ppd + x0
    rows, entries = arrays.rows[idx], arrays.entries[idx]
    first_y = band.top + geometry.lane_pad + geometry.row_h / 2
    ys = first_y + rows * geometry.row_h
    frame.marks.extend(
        map(
            MarkBox,
            entries.tolist(),
            [band.lane] * len(idx),
            xs1.tolist(),
            xs2.tolist(),
            ((arrays.core_starts[idx] - s) * ppd + x0).tolist(),
            ((arrays.core_ends[idx] - s) * ppd + x0).tolist(),
            ys.tolist(),
            arrays.marks[idx].tolist(),
        )
    )
    _labels(index, frame, metrics, (xs1, xs2, rows, entries, arrays.marks[idx]), first_y)


def _set_reach(
    index: TimelineIndex, frame: Frame, columns: tuple[Floats, Floats, Ints, Ints, Ints]
) -> tuple[Floats, Floats]:
    """Label extent of each mark: a narrow one widened, a set's to its outermost markers."""
    xs1, xs2, _rows, entries, marks = columns
    geometry = frame.geometry
    mid, half = (xs1 + xs2) / 2, geometry.min_mark / 2
    narrow = xs2 - xs1 < geometry.min_mark
    lx1 = np.where(narrow, mid - half, xs1)
    lx2 = np.where(narrow, mid + half, xs2)
    # Close candidates are spread apart around their middle (setmembers.spread), so the
    # last marker can stand past the mark's box: the label starts after it. Only sets
    # pay for the look-up of their date.
    radius = geometry.bar_h / 2 * MARKER_RADIUS + 1.0  # the outline's pen included
    for i in np.flatnonzero(marks & _SETS).tolist():
        shares = member_shares(index.entries[int(entries[i])].when.edtf)
        left, right = members_reach(float(xs1[i]), float(xs2[i]), shares, geometry.min_mark, radius)
        lx1[i], lx2[i] = min(lx1[i], left), max(lx2[i], right)
    return lx1, lx2


def _label_room(
    index: TimelineIndex, frame: Frame, columns: tuple[Floats, Floats, Ints, Ints, Ints]
) -> tuple[Floats, Floats, Floats]:
    """Label extent of each mark (see _set_reach), and where its row's next mark starts."""
    xs1, xs2, rows, _entries, marks = columns
    geometry, scale = frame.geometry, frame.scale
    mid = (xs1 + xs2) / 2
    lx1, lx2 = _set_reach(index, frame, columns)
    # An uncertain mark's "?" sits on its right corner: its label starts after it.
    badge_end = np.maximum(xs2, mid + geometry.bar_h / 2) + UNCERTAIN_BADGE_W
    lx2 = np.where(marks & _UNCERTAIN, np.maximum(lx2, badge_end), lx2)
    right = scale.x0 + scale.width
    # Next mark of the same row (marks are in start order within each row).
    order = np.lexsort((np.arange(len(rows)), rows))
    limits = np.full(len(rows), right, dtype=np.float64)
    same = rows[order][1:] == rows[order][:-1]
    limits[order[:-1][same]] = np.minimum(lx1[order[1:][same]] - GAP, right)
    return lx1, lx2, limits


def _labels(
    index: TimelineIndex,
    frame: Frame,
    metrics: TextMetrics,
    columns: tuple[Floats, Floats, Ints, Ints, Ints],
    first_y: float,
) -> None:
    """Labels of one lane's marks; only marks with room for one are looked at in Python."""
    _xs1, _xs2, rows, entries, marks = columns
    lx1, lx2, limits = _label_room(index, frame, columns)
    left, min_width = frame.scale.x0, MIN_LABEL_WIDTH
    inside = lx2 - (np.maximum(lx1, left) + GAP) > min_width
    after = limits - (lx2 + GAP) >= min_width
    candidates = np.flatnonzero(inside | after)
    titles, all_entries = index.titles, index.entries
    per_row: dict[int, list[Slot]] = {}
    for i in candidates.tolist():
        entry, mark = int(entries[i]), int(marks[i])
        badge = _badge(mark, all_entries[entry].status.value) if mark & _BADGED else ""
        slot = Slot(
            entry,
            float(lx1[i]),
            float(lx2[i]),
            titles[entry],
            badge,
            float(limits[i]),
            thin=bool(mark & _THIN),
        )
        per_row.setdefault(int(rows[i]), []).append(slot)
    right = left + frame.scale.width
    for row, slots in per_row.items():
        y = first_y + row * frame.geometry.row_h
        frame.labels.extend(place_row(slots, y, left, right, metrics))


def _undated(
    index: TimelineIndex, frame: Frame, metrics: TextMetrics, titles: Sequence[str]
) -> None:
    geometry = frame.geometry
    if not index.undated:
        return
    left, right = frame.scale.x0, frame.scale.x0 + frame.scale.width
    x, row = left, 0
    y0 = frame.undated_top + geometry.lane_pad + geometry.undated_row_h * 1.5
    tag = metrics.width(DISPUTED_TAG) + CHIP_TAG_PAD
    for count, entry in enumerate(index.undated):
        text = metrics.elide(titles[entry] or "(untitled)", 260.0)
        disputed = is_disputed(index.entries[entry])
        width = metrics.width(text) + 16 + (tag if disputed else 0.0)
        if x + width > right and x > left:
            x, row = left, row + 1
        if row >= geometry.undated_rows:
            frame.hidden_undated = len(index.undated) - count
            return
        y = y0 + row * geometry.undated_row_h
        frame.chips.append(Chip(entry, x, y, width, text, disputed))
        x += width + 6


def build_frame(
    index: TimelineIndex,
    scale: TimeScale,
    metrics: TextMetrics,
    *,
    geometry: Geometry | None = None,
    top: float = 0.0,
    y_offset: float = 0.0,
    bottom: float = 1e9,
) -> Frame:
    """Lay out what is visible of ``index`` at ``scale`` between ``top`` and ``bottom``."""
    geometry = geometry or Geometry()
    frame = Frame(scale, geometry, axis_for(scale, metrics.width), top)
    _bands(index, frame, y_offset, bottom)
    titles = index.titles
    for band in frame.bands:
        arrays = index.arrays[band.lane]
        if band.dense:
            _density(arrays, band, frame)
        else:
            _marks(index, band, frame, metrics)
    _undated(index, frame, metrics, titles)
    if index.as_of is not None:
        frame.as_of_x = scale.x_of(index.as_of + 1.0)
    frame.eras = [
        (scale.x_of(a), scale.x_of(b), t, c)
        for a, b, t, c in index.eras
        if b > scale.start and a < scale.end
    ]
    frame.height = top + content_height(index, geometry) - y_offset
    return frame
