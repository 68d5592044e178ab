"""The chart's index on a "known on" day: the full index masked, not built again.

Each lane keeps its marks sorted by start; a subsequence of a sorted array is sorted,
so masking out the entries not yet known leaves every lane searchable. What a lane
needs besides (its ends sorted, for counting) comes from an order computed once per
lane and kept while the lane object lives, so a day costs a few array operations per
lane: at 100,000 entries well under a frame.

Marks keep the sub-row they have in the whole project: as the day moves, a mark
never jumps to another row, and lanes keep their height, so that playing through
the days shows entries appear in place. Marks of entries only possibly known carry
:data:`POSSIBLE_MARK` (drawn faded), those learnt in the last seven days
:data:`NEW_MARK` (a dot). An entry whose status or claims stood otherwise gets the
"cancelled" and "disputed" flags of that day; one whose date stood otherwise leaves
its lane and comes back at the old date, in the lowest row free there.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast, overload

import numpy as np
import numpy.typing as npt

from timeline_editor.model.entities import Entry
from timeline_editor.model.queries import is_disputed
from timeline_editor.model.vocab import DEAD_STATUSES

from .index import SHOWN_ROWS, Bools, Floats, Ints, LaneArrays, TimelineIndex, entry_marks
from .known_day import DayState
from .lanes import entry_lane_keys
from .rowsplit import RowSplit
from .visual import Mark

#: Flags beyond :class:`~.visual.Mark`'s: only possibly known; learnt in the last week.
POSSIBLE_MARK = 1 << 20
NEW_MARK = 1 << 21
_STANDING = int(Mark.DEAD | Mark.DISPUTED)
_PLANNED, _OPEN_START = int(Mark.PLANNED), int(Mark.OPEN_START)


class Overlaid(Sequence[Entry]):
    """A list of entries with some replaced (by number), read through without a copy."""

    def __init__(self, entries: list[Entry], over: dict[int, Entry]) -> None:
        self._entries, self._over = entries, over

    @overload
    def __getitem__(self, number: int) -> Entry: ...
    @overload
    def __getitem__(self, number: slice) -> list[Entry]: ...
    def __getitem__(self, number: int | slice) -> Entry | list[Entry]:
        if isinstance(number, slice):
            numbers = range(len(self._entries))[number]
            return [self._over.get(n, self._entries[n]) for n in numbers]
        return self._over.get(number, self._entries[number])

    def __len__(self) -> int:
        return len(self._entries)


@dataclass(frozen=True)
class _Order:
    """A lane's ends in sorted order, and which of them lie in the first shown rows."""

    lane: LaneArrays
    order: Ints
    sorted_ends: Floats
    low_rows: Bools


class KnownIndexer:
    """Makes the masked index of a day, remembering each lane's sort order of ends."""

    def __init__(self) -> None:
        self._orders: dict[int, _Order] = {}

    def _order(self, lane: LaneArrays) -> _Order:
        found = self._orders.get(id(lane))
        if found is None or found.lane is not lane:
            order = np.argsort(lane.ends, kind="stable")
            low = (lane.rows < SHOWN_ROWS)[order]
            found = self._orders[id(lane)] = _Order(lane, order, lane.ends[order], low)
        return found

    def index_on(
        self, index: TimelineIndex, day: DayState, positions: Ints | None
    ) -> TimelineIndex:
        """``index`` as shown on ``day`` (``positions``: project position by entry number)."""
        state = day.state if positions is None else day.state[positions]
        new = day.new if positions is None else day.new[positions]
        numbers = _numbers(day, positions)
        moved = {n: e for n, e in numbers.items() if e.when.edtf != index.entries[n].when.edtf}
        gone = np.zeros(len(state), np.bool_)
        gone[list(moved)] = True
        flags = _flags(state, new, numbers, len(state))
        live = {id(lane) for lane in index.arrays}
        self._orders = {k: v for k, v in self._orders.items() if k in live}
        drawn = copy.copy(index)
        drawn.as_of = day.as_of
        drawn.arrays = [
            self._masked(lane, (state[lane.entries] > 0) & ~gone[lane.entries], flags, day.as_of)
            for lane in index.arrays
        ]
        # The index's list with the day's entries laid over (no copy of 100,000 items).
        drawn.entries = cast(list[Entry], Overlaid(index.entries, numbers))
        undated = np.array(index.undated, np.int64)
        drawn.undated = undated[(state[undated] > 0) & ~gone[undated]].tolist()
        _place_moved(drawn, moved, flags, day.as_of)
        return drawn

    def _masked(
        self, lane: LaneArrays, keep: Bools, flags: tuple[Ints, Ints], as_of: int | None
    ) -> LaneArrays:
        """The lane's marks in ``keep``, their flags as of the day, rows as they were."""
        found = self._order(lane)
        starts, ends, rows = lane.starts[keep], lane.ends[keep], lane.rows[keep]
        marks = _day_marks(lane.marks[keep], starts, lane.entries[keep], flags, as_of)
        masked = object.__new__(LaneArrays)
        masked.starts, masked.ends = starts, ends
        masked.core_starts, masked.core_ends = lane.core_starts[keep], lane.core_ends[keep]
        masked.marks, masked.rows, masked.entries = marks, rows, lane.entries[keep]
        masked.cummax_end = np.maximum.accumulate(ends) if len(ends) else ends
        kept = keep[found.order]
        masked.sorted_ends = found.sorted_ends[kept]
        masked.row_count = lane.row_count
        shown = rows < SHOWN_ROWS
        shown_ends = ends[shown]
        split = RowSplit(
            np.flatnonzero(shown),
            starts[shown],
            np.maximum.accumulate(shown_ends) if len(shown_ends) else shown_ends,
            shown_ends,
            found.sorted_ends[kept & found.low_rows],
            starts[~shown],
            found.sorted_ends[kept & ~found.low_rows],
        )
        object.__setattr__(masked, "_splits", {SHOWN_ROWS: split})
        return masked


def _numbers(day: DayState, positions: Ints | None) -> dict[int, Entry]:
    """The day's overrides by entry number of the index."""
    if positions is None:
        return dict(day.overrides)
    number_of = {int(p): n for n, p in enumerate(positions.tolist()) if int(p) in day.overrides}
    return {number_of[p]: e for p, e in day.overrides.items() if p in number_of}


def _flags(
    state: npt.NDArray[np.int8], new: Bools, numbers: dict[int, Entry], count: int
) -> tuple[Ints, Ints]:
    """Per entry number: flags to clear and flags to set on its marks."""
    clear = np.zeros(count, np.int64)
    add = np.where(state == 1, POSSIBLE_MARK, 0) | np.where(new, NEW_MARK, 0)
    for number, entry in numbers.items():
        clear[number] = _STANDING
        add[number] |= _standing(entry)
    return clear, add.astype(np.int64)


def _standing(entry: Entry) -> int:
    dead = int(Mark.DEAD) if entry.status in DEAD_STATUSES else 0
    return dead | (int(Mark.DISPUTED) if entry.claims and is_disputed(entry) else 0)


def _day_marks(
    marks: Ints, starts: Floats, entries: Ints, flags: tuple[Ints, Ints], as_of: int | None
) -> Ints:
    """Marks with the day's flags, and "planned" for what began after the day's as-of."""
    clear, add = flags
    result: Ints = (marks & ~clear[entries]) | add[entries]
    if as_of is not None:
        planned = (starts > as_of) & (marks & _OPEN_START == 0)
        result = (result & ~_PLANNED) | np.where(planned, _PLANNED, 0)
    return result


def _place_moved(
    drawn: TimelineIndex, moved: dict[int, Entry], flags: tuple[Ints, Ints], as_of: int | None
) -> None:
    """Entries whose date stood otherwise: their marks at that date (few: a lane each)."""
    if not moved:
        return
    keys = [info.key for info in drawn.lanes]
    for number, entry in moved.items():
        extents = entry_marks(
            [entry], [entry.when.edtf], [entry.kind], [entry.status], [entry.claims], as_of=as_of
        )
        if not extents.dated[0]:
            drawn.undated = sorted([*drawn.undated, number])
            continue
        mark = (int(extents.mark[0]) & ~_STANDING) | int(flags[1][number])
        row = (extents.start[0], extents.end[0], extents.core_start[0], extents.core_end[0])
        for key in entry_lane_keys(entry, drawn.lane_mode):
            if key in keys:
                lane = keys.index(key)
                drawn.arrays[lane] = _inserted(drawn.arrays[lane], row, mark, number)


def _inserted(
    lane: LaneArrays, row: tuple[float, float, float, float], mark: int, number: int
) -> LaneArrays:
    """The lane with one mark more, in the lowest sub-row free over its days."""
    start, end, core_start, core_end = (float(v) for v in row)
    used = set(lane.rows[lane.visible(start, end)].tolist())
    sub = next((r for r in range(lane.row_count) if r not in used), lane.row_count)
    at = int(np.searchsorted(lane.starts, start, "left"))
    return LaneArrays(
        np.insert(lane.starts, at, start),
        np.insert(lane.ends, at, end),
        np.insert(lane.core_starts, at, core_start),
        np.insert(lane.core_ends, at, core_end),
        np.insert(lane.marks, at, mark),
        np.insert(lane.rows, at, sub),
        np.insert(lane.entries, at, number),
    )
