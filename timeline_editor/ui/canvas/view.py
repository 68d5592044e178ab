"""The canvas's view state without widgets: index, time scale, vertical scroll, filters."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

import numpy as np

from timeline_editor.layout.index import TimelineIndex
from timeline_editor.layout.known_day import DayState
from timeline_editor.layout.known_index import KnownIndexer
from timeline_editor.layout.patch import patch_index
from timeline_editor.layout.scene import Geometry, content_height
from timeline_editor.layout.span import EMPTY_SPAN, padded_span
from timeline_editor.layout.timescale import TimeScale
from timeline_editor.model.changes import ChangeSet
from timeline_editor.model.document import Document
from timeline_editor.model.edtf_time import MINUTES_PER_DAY, moment_minutes
from timeline_editor.model.entities import Project
from timeline_editor.model.filters import EntryPredicate
from timeline_editor.model.positions import Positions
from timeline_editor.model.queries import parsed_when
from timeline_editor.model.vocab import LaneMode
from timeline_editor.ui.widgets import clock

ZOOM_STEP = 1.25


class CanvasView:
    """What the canvas shows: a rebuildable index plus the current scale and scroll."""

    def __init__(self, project: Project, geometry: Geometry | None = None) -> None:
        self.geometry = geometry or Geometry()
        self.lane_mode = LaneMode.LANE
        self.predicate: EntryPredicate | None = None
        self.index = TimelineIndex(project)
        self.scale = TimeScale(0.0, EMPTY_SPAN, self.geometry.gutter, 800.0)
        self.y_offset = 0.0
        self.viewport_h = 600.0
        #: The "known on" day shown (None: the whole project), and how ids are placed.
        self.known: DayState | None = None
        self._position: Callable[[str], int] | None = None
        self._indexer = KnownIndexer()
        self._drawn: tuple[object, ...] = ()
        self._positions: tuple[int, np.ndarray | None] = (-1, None)
        self.version = 0
        self.fit_all()

    @property
    def ids(self) -> Positions:
        """Entry number of each id the index holds."""
        return self.index.ids

    def rebuild(self, project: Project) -> None:
        """Re-index the project (a new project, lane mode or filter)."""
        self.index = TimelineIndex(project, lane_mode=self.lane_mode, predicate=self.predicate)
        self.index.ids.write()  # here, as part of opening, not in the first edit
        self.version += 1
        self.clamp_scroll()

    def patch(self, document: Document, changes: ChangeSet) -> bool:
        """Apply one edit to the index; False when only :meth:`rebuild` will do."""
        position = partial(document.index_of, "entries")
        if not patch_index(self.index, document.project, changes, position):
            return False
        self.version += 1
        self.clamp_scroll()
        return True

    def set_known(self, day: DayState | None, position: Callable[[str], int]) -> None:
        """Show the chronology as known on ``day`` (None: all of it)."""
        self.known, self._position = day, position

    @property
    def drawn(self) -> TimelineIndex:
        """The index as drawn: masked to the "known on" day when one is set."""
        day = self.known
        positions = None if day is None else self._index_positions()
        if day is None or (positions is None and len(day.state) != len(self.index.entries)):
            return self.index  # entries came or went: until the day is refreshed
        key = (self.index, self.version, day)
        if self._drawn[:3] != key:
            drawn = self._indexer.index_on(self.index, day, positions)
            self._drawn = (*key, drawn)
        found = self._drawn[3]
        assert isinstance(found, TimelineIndex)
        return found

    def _index_positions(self) -> np.ndarray | None:
        """Project position of each entry number (None when they are the same)."""
        index = self.index
        if index.predicate is None and not index.chosen:
            return None
        if self._positions[0] != self.version and self._position is not None:
            where = self._position
            found = np.fromiter((where(e.id) for e in index.entries), np.int64, len(index.entries))
            self._positions = (self.version, found)
        return self._positions[1]

    def resize(self, width: float, height: float) -> None:
        """Follow the widget's size, keeping the days shown."""
        self.scale = self.scale.with_width(
            self.geometry.gutter, max(50.0, width - self.geometry.gutter - 8)
        )
        self.viewport_h = height
        self.clamp_scroll()

    def full_range(self) -> tuple[float, float]:
        """Days that show the whole project with a small margin.

        A project with nothing dated shows a year around its as-of day, else today.
        """
        return padded_span(self.index, today=clock.today())

    def fit_all(self) -> None:
        """Show the whole project."""
        self.scale = self.scale.showing(*self.full_range())

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom by ``factor`` around a pixel (the middle by default)."""
        if anchor_x is None:
            anchor_x = self.scale.x0 + self.scale.width / 2
        self.scale = self.scale.zoomed(factor, anchor_x)

    def pan(self, dx: float, dy: float = 0.0) -> None:
        """Move the content by pixels (positive dx shows earlier days)."""
        if dx:
            self.scale = self.scale.panned(dx)
        if dy:
            self.y_offset -= dy
            self.clamp_scroll()

    def go_to_day(self, day: float) -> None:
        """Centre the view on ``day``, keeping the zoom."""
        half = self.scale.span / 2
        self.scale = self.scale.showing(day - half, day + half)

    def show_ids(self, ids: Sequence[str]) -> bool:
        """Zoom to the dates of the given entries; False when none is dated.

        Entries that all have a time of day are shown to the hour: their moments with
        at least an hour either side, instead of their whole days.
        """
        lows: list[float] = []
        highs: list[float] = []
        timed = True
        for ident in ids:
            number = self.ids.get(ident)
            if number is None:
                continue
            parsed = parsed_when(self.index.entries[number])
            moment = moment_minutes(parsed.start) if parsed.start else None
            if moment is not None:
                lows.append(moment / MINUTES_PER_DAY)
                highs.append(moment / MINUTES_PER_DAY)
                continue
            for bound in (parsed.earliest, parsed.latest):
                if bound is not None:
                    timed = False
                    lows.append(float(bound))
                    highs.append(float(bound + 1))
        if not lows:
            return False
        low, high = min(lows), max(highs)
        pad = max(1 / 24 if timed else 1.0, (high - low) * 0.15)
        self.scale = self.scale.showing(low - pad, high + pad)
        return True

    def clamp_scroll(self) -> None:
        """Keep the vertical scroll within the content."""
        total = content_height(self.index, self.geometry)
        self.y_offset = max(0.0, min(self.y_offset, total - self.viewport_h * 0.5))
