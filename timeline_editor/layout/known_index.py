"""The chart's index on a "known on" day: the full index masked, not built again.

Each lane keeps its marks sorted by start; a subsequence of a sorted array is sorted,
so masking out the entries not yet known leaves every lane searchable. A day is one
small code per entry (shown or not, and the flags its marks gain or lose); each lane
is then masked by :mod:`.known_lane` only when a frame asks for it, from orders
computed once per lane, so a day costs a few array operations per lane on screen.

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

from .index import Bools, Floats, Ints, LaneArrays, TimelineIndex, entry_marks
from .known_day import DayState
from .known_lane import Codes, Extra, LaneOrder, masked_lane
from .lanes import entry_lane_keys
from .visual import Mark

#: Flags beyond :class:`~.visual.Mark`'s: only possibly known; learnt in the last week.
POSSIBLE_MARK = 1 << 20
NEW_MARK = 1 << 21
_STANDING = int(Mark.DEAD | Mark.DISPUTED)
_PLANNED, _OPEN_START = int(Mark.PLANNED), int(Mark.OPEN_START)
_OPEN_END = int(Mark.OPEN_END)
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
    """Makes the masked index of a day, remembering each lane's orders."""

    def __init__(self) -> None:
        self._orders: dict[int, LaneOrder] = {}

    def _order(self, lane: LaneArrays, entries: Sequence[Entry]) -> LaneOrder:
        found = self._orders.get(id(lane))
        if found is None or found.lane is not lane:
            found = self._orders[id(lane)] = LaneOrder.of(lane, entries)
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
        extra, undated_now = _moved_marks(index, moved, codes, day.as_of)
        codes[list(moved)] &= ~3  # their marks in the lanes are not shown: the moved ones are
        drawn.arrays = [
            self._masked(lane, on, extra.get(number)) for number, lane in enumerate(index.arrays)
        ]
        # The index's list with the day's entries laid over (no copy of 100,000 items).
        drawn.entries = cast(list[Entry], Overlaid(index.entries, numbers))
        undated = np.array(index.undated, np.int64)
        drawn.undated = undated[(state[undated] > 0) & ~gone[undated]].tolist()
        if undated_now:
            drawn.undated = sorted([*drawn.undated, *undated_now])
        return drawn

    def _masked(self, lane: LaneArrays, on: _Day, extra: Extra | None) -> LaneArrays:
        """The lane's marks shown on the day, their flags as of the day, rows as they were."""

        def day_marks(marks: Ints, starts: Floats, codes: Codes) -> Ints:
            return _day_marks(marks, starts, codes, on.as_of)

        order = self._order(lane, on.entries)
        return masked_lane(order, on.codes, day_marks, on.reach, grows=on.grows, extra=extra)


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
#: The flags a code's marks keep (with a day's as-of day, "planned" is set afresh).
_KEEP, _KEEP_PLANNED = ~_CLEAR, ~(_CLEAR | _PLANNED)


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
    keep = _KEEP if as_of is None else _KEEP_PLANNED
    result: Ints = (marks & keep[codes]) | _ADD[codes]
    if as_of is not None:
        # Sorted by start: what began after the as-of day is the lane's tail.
        tail = int(np.searchsorted(starts, as_of, "right"))
        later = result[tail:]
        later |= np.where(later & _OPEN_START == 0, _PLANNED, 0)
    return result


def _moved_marks(
    index: TimelineIndex, moved: dict[int, Entry], codes: Codes, as_of: int | None
) -> tuple[dict[int, Extra], list[int]]:
    """Marks of entries whose date stood otherwise, at that date, by lane; and those
    then undated (few: the entries whose date change was not yet known)."""
    by_lane: dict[int, list[tuple[float, float, float, float, int, int]]] = {}
    undated: list[int] = []
    if not moved:
        return {}, undated
    numbers, entries = list(moved), list(moved.values())
    extents = entry_marks(
        entries,
        [e.when.edtf for e in entries],
        [e.kind for e in entries],
        [e.status for e in entries],
        [e.claims for e in entries],
        as_of=as_of,
    )
    keys = {info.key: lane for lane, info in enumerate(index.lanes)}
    for i, (number, entry) in enumerate(zip(numbers, entries, strict=True)):
        if not extents.dated[i]:
            undated.append(number)
            continue
        mark = (int(extents.mark[i]) & ~_STANDING) | int(_ADD[codes[number]])
        start, end = float(extents.start[i]), float(extents.end[i])
        core = (float(extents.core_start[i]), float(extents.core_end[i]))
        for key in entry_lane_keys(entry, index.lane_mode):
            if key in keys:
                by_lane.setdefault(keys[key], []).append((start, end, *core, mark, number))
    return {lane: Extra.of(marks) for lane, marks in by_lane.items()}, undated
