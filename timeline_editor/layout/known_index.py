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
from typing import NamedTuple, cast, overload

import numpy as np
import numpy.typing as npt

from timeline_editor.model.entities import Entry
from timeline_editor.model.queries import is_disputed
from timeline_editor.model.vocab import DEAD_STATUSES

from .dates import entry_extents
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
_OPEN_END = int(Mark.OPEN_END)
Codes = npt.NDArray[np.int8]
#: An as-of day before any date: an open end then ends where its own fade does.
_NO_AS_OF = -(10**9)


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
    """What a lane's masks reuse from day to day (kept while the lane object lives)."""

    lane: LaneArrays
    #: Lane positions in the order of their ends, those ends, and which lie in the first rows.
    order: Ints
    sorted_ends: Floats
    low_rows: Bools
    #: Lane positions of the marks with an open end, and where each would end were
    #: there no as-of day to reach.
    open_at: Ints
    own_end: Floats
    #: The other marks' lane positions in the order of their ends, those ends, and
    #: which lie in the first rows.
    closed_order: Ints
    closed_ends: Floats
    closed_low: Bools


@dataclass(frozen=True)
class _Day:
    """What every lane's mask on one day needs."""

    codes: Codes
    as_of: int | None
    #: Where open ends reach on the day (None: where the whole project has them).
    reach: float | None
    entries: Sequence[Entry]
    #: Open ends may grow (the project has no as-of day: they reached none), else shrink.
    grows: bool


class KnownIndexer:
    """Makes the masked index of a day, remembering each lane's sort order of ends."""

    def __init__(self) -> None:
        self._orders: dict[int, _Order] = {}

    def _order(self, lane: LaneArrays, entries: Sequence[Entry]) -> _Order:
        found = self._orders.get(id(lane))
        if found is None or found.lane is not lane:
            order = np.argsort(lane.ends, kind="stable")
            low = (lane.rows < SHOWN_ROWS)[order]
            open_end = lane.marks & _OPEN_END != 0
            own = _own_ends([entries[n] for n in lane.entries[open_end].tolist()])
            closed = ~open_end[order]
            found = _Order(
                lane, order, lane.ends[order], low, np.flatnonzero(open_end), own,
                order[closed], lane.ends[order[closed]], low[closed],
            )  # fmt: skip
            self._orders[id(lane)] = found
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
        # Open ends ("still going") reach the day's as-of day, not the project's.
        reach = None if day.as_of is None or day.as_of == index.as_of else day.as_of + 1.0
        codes = _flags(state, new, numbers)
        on = _Day(codes, day.as_of, reach, index.entries, grows=index.as_of is None)
        live = {id(lane) for lane in index.arrays}
        self._orders = {k: v for k, v in self._orders.items() if k in live}
        drawn = copy.copy(index)
        drawn.as_of = day.as_of
        drawn.arrays = [
            self._masked(lane, (state[lane.entries] > 0) & ~gone[lane.entries], on)
            for lane in index.arrays
        ]
        # The index's list with the day's entries laid over (no copy of 100,000 items).
        drawn.entries = cast(list[Entry], Overlaid(index.entries, numbers))
        undated = np.array(index.undated, np.int64)
        drawn.undated = undated[(state[undated] > 0) & ~gone[undated]].tolist()
        _place_moved(drawn, moved, on.codes, day.as_of)
        return drawn

    def _masked(self, lane: LaneArrays, keep: Bools, on: _Day) -> LaneArrays:
        """The lane's marks in ``keep``, their flags as of the day, rows as they were.

        Marks are taken by position (cheaper than a boolean mask per array).
        """
        found = self._order(lane, on.entries)
        at = np.flatnonzero(keep)
        starts, ends, rows, entries = (
            lane.starts[at],
            lane.ends[at],
            lane.rows[at],
            lane.entries[at],
        )
        marks = _day_marks(lane.marks[at], starts, on.codes[entries], on.as_of)
        core_ends = lane.core_ends[at]
        kept = keep[found.order]
        sorted_ends, low = found.sorted_ends[kept], found.low_rows[kept]
        bound = lane.cummax_end[at]
        if on.reach is not None and len(found.open_at):
            ends, core_ends = ends.copy(), core_ends.copy()
            sorted_ends, low = _reaching(found, keep, at, (ends, core_ends, rows), on.reach)
            if on.grows:
                bound = np.maximum(bound, on.reach)
        columns = _Columns(starts, ends, lane.core_starts[at], core_ends, marks, rows, entries)
        ends_by_row = (sorted_ends, sorted_ends[low], sorted_ends[~low])
        return _assembled(columns, lane.row_count, ends_by_row, bound)


class _Columns(NamedTuple):
    """A lane's marks, in start order."""

    starts: Floats
    ends: Floats
    core_starts: Floats
    core_ends: Floats
    marks: Ints
    rows: Ints
    entries: Ints


def _assembled(
    columns: _Columns, row_count: int, sorted_ends: tuple[Floats, Floats, Floats], bound: Floats
) -> LaneArrays:
    """A searchable lane of ``columns``, given its ends in order (all, first rows, the rest).

    ``bound`` stands for the running maximum of ends, which the search for the first
    visible mark uses: any rising array never below it will do (the marks found are
    then checked one by one), such as the whole lane's maximum at the kept marks; its
    last value is made exact, since it gives the lane's extent.
    """
    lane = object.__new__(LaneArrays)
    lane.starts, lane.ends, lane.core_starts, lane.core_ends = columns[:4]
    lane.marks, lane.rows, lane.entries = columns[4:]
    lane.row_count, lane.sorted_ends = row_count, sorted_ends[0]
    lane.cummax_end = np.minimum(bound, columns.ends.max(initial=-np.inf))
    shown = np.flatnonzero(columns.rows < SHOWN_ROWS)
    hidden = np.flatnonzero(columns.rows >= SHOWN_ROWS)
    shown_ends = columns.ends[shown]
    split = RowSplit(
        shown,
        columns.starts[shown],
        np.minimum(lane.cummax_end[shown], shown_ends.max(initial=-np.inf)),
        shown_ends,
        sorted_ends[1],
        columns.starts[hidden],
        sorted_ends[2],
    )
    object.__setattr__(lane, "_splits", {SHOWN_ROWS: split})
    return lane


def _reaching(
    found: _Order, keep: Bools, at: Ints, columns: tuple[Floats, Floats, Ints], reach: float
) -> tuple[Floats, Bools]:
    """Open ends of the kept marks moved to ``reach`` (``columns``: ends, core ends, rows).

    Returns the ends in order and which of them lie in the first rows: the other
    marks' order is the lane's, the few open ones are merged in.
    """
    ends, core_ends, rows = columns
    shown = keep[found.open_at]
    where = np.searchsorted(at, found.open_at[shown])
    reached = np.maximum(found.own_end[shown], reach)
    ends[where] = core_ends[where] = reached
    closed = np.flatnonzero(keep[found.closed_order])
    base, base_low = found.closed_ends[closed], found.closed_low[closed]
    by_end = np.argsort(reached, kind="stable")
    ends_in_order = np.concatenate([base, reached[by_end]])
    low = np.concatenate([base_low, rows[where][by_end] < SHOWN_ROWS])
    order = np.argsort(ends_in_order, kind="stable")  # two sorted runs: a merge
    return ends_in_order[order], low[order]


def _own_ends(entries: list[Entry]) -> Floats:
    """Where the open ends of ``entries`` would end with no as-of day to reach."""
    if not entries:
        return np.zeros(0, np.float64)
    count = len(entries)
    none = np.zeros(count, np.bool_)
    texts = [entry.when.edtf for entry in entries]
    extents = entry_extents(texts, periods=none, dead=none, disputed=none, as_of=_NO_AS_OF)
    ends: Floats = extents.end
    return ends


def _numbers(day: DayState, positions: Ints | None) -> dict[int, Entry]:
    """The day's overrides by entry number of the index."""
    if positions is None:
        return dict(day.overrides)
    number_of = {int(p): n for n, p in enumerate(positions.tolist()) if int(p) in day.overrides}
    return {number_of[p]: e for p, e in day.overrides.items() if p in number_of}


#: A day's code per entry (int8): bits 0-1 its state, 2 new, 3 stood otherwise on the
#: day, 4 and 5 dead and disputed then. The tables turn a code into the flags its
#: marks lose and gain, one gather per lane instead of a pass over every entry.
_NEW_BIT, _OVER_BIT, _DEAD_BIT, _DISPUTED_BIT = 4, 8, 16, 32
_CODES = np.arange(64)
_ADD: Ints = (
    np.where(_CODES & 3 == 1, POSSIBLE_MARK, 0)
    | np.where(_CODES & _NEW_BIT, NEW_MARK, 0)
    | np.where(_CODES & _DEAD_BIT, int(Mark.DEAD), 0)
    | np.where(_CODES & _DISPUTED_BIT, int(Mark.DISPUTED), 0)
).astype(np.int64)
_CLEAR: Ints = np.where(_CODES & _OVER_BIT, _STANDING, 0).astype(np.int64)


def _flags(state: npt.NDArray[np.int8], new: Bools, numbers: dict[int, Entry]) -> Codes:
    """Per entry number: the day's code (see ``_ADD``)."""
    codes: Codes = state | (new.view(np.int8) << 2)
    for number, entry in numbers.items():
        dead = _DEAD_BIT if entry.status in DEAD_STATUSES else 0
        disputed = _DISPUTED_BIT if entry.claims and is_disputed(entry) else 0
        codes[number] |= _OVER_BIT | dead | disputed
    return codes


def _day_marks(marks: Ints, starts: Floats, codes: Codes, as_of: int | None) -> Ints:
    """Marks with the day's flags, and "planned" for what began after the day's as-of."""
    clear = _CLEAR[codes] if as_of is None else _CLEAR[codes] | _PLANNED
    result: Ints = (marks & ~clear) | _ADD[codes]
    if as_of is not None:
        # Sorted by start: what began after the as-of day is the lane's tail.
        tail = int(np.searchsorted(starts, as_of, "right"))
        later = result[tail:]
        later |= np.where(later & _OPEN_START == 0, _PLANNED, 0)
    return result


def _place_moved(
    drawn: TimelineIndex, moved: dict[int, Entry], codes: Codes, as_of: int | None
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
        mark = (int(extents.mark[0]) & ~_STANDING) | int(_ADD[codes[number]])
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
    old = (lane.starts, lane.ends, lane.core_starts, lane.core_ends, lane.marks, lane.rows)
    values = (start, end, core_start, core_end, mark, sub, number)
    columns = _Columns(
        *(np.insert(c, at, v) for c, v in zip((*old, lane.entries), values, strict=True))
    )
    split = lane.split(SHOWN_ROWS)
    low, high = split.sorted_ends, split.hidden_sorted_ends
    if sub < SHOWN_ROWS:
        low = np.insert(low, int(np.searchsorted(low, end)), end)
    else:
        high = np.insert(high, int(np.searchsorted(high, end)), end)
    ends = np.insert(lane.sorted_ends, int(np.searchsorted(lane.sorted_ends, end)), end)
    before = float(lane.cummax_end[at - 1]) if at else -np.inf
    bound = np.insert(lane.cummax_end, at, max(before, end))
    bound[at:] = np.maximum(bound[at:], end)
    return _assembled(columns, max(lane.row_count, sub + 1), (ends, low, high), bound)
