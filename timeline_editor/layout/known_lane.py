"""One lane of the chart's index on a "known on" day: the marks known then, taken by position.

A day's lane keeps its marks in the whole lane's start order, so it is searchable as
it stands. Nothing of it is made until a frame asks: a lane scrolled off screen is
asked only its number of rows. Then its marks are taken by position, and what it
holds besides (its ends in order, the running maximum of ends, the split at the
first shown rows) each when asked: a lane with more rows than it shows is drawn from
its split alone, one that shows all its rows from its ends in order. The orders they
come from are computed once per lane and kept while the lane lives.

Open ends ("still going") reach the day's as-of day rather than the project's: those
marks are few, so their ends are set apart and merged back in order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from timeline_editor.model.entities import Entry

from .dates import entry_extents
from .index import SHOWN_ROWS, Bools, Floats, Ints, LaneArrays, current_cap
from .rowsplit import RowSplit
from .visual import Mark

_OPEN_END = int(Mark.OPEN_END)
#: An as-of day before any date: an open end then ends where its own fade does.
_NO_AS_OF = -(10**9)
#: A day's code per entry (int8): bits 0-1 its state (0: not shown), the rest flags.
Codes = npt.NDArray[np.int8]
#: Flags of the day for marks ``(marks, starts, codes of their entries)`` of a lane.
DayMarks = Callable[[Ints, Floats, Codes], Ints]


@dataclass(frozen=True)
class _Half:
    """The marks of some rows of a lane in the order of their ends."""

    order: Ints
    ends: Floats
    #: Which of them have an open end.
    open: Bools

    @classmethod
    def of(cls, lane: LaneArrays, rows: Bools, open_end: Bools) -> _Half:
        """The marks where ``rows`` is true."""
        positions = np.flatnonzero(rows)
        order = positions[np.argsort(lane.ends[positions], kind="stable")]
        return cls(order, lane.ends[order], open_end[order])


@dataclass(frozen=True)
class LaneOrder:
    """What a lane's masks reuse from day to day."""

    lane: LaneArrays
    #: The marks of the first shown rows, and the others.
    low: _Half
    high: _Half
    #: Lane positions of the marks with an open end, where each would end were there
    #: no as-of day to reach, and which lie in the first shown rows.
    open_at: Ints
    own_end: Floats
    open_low: Bools

    @classmethod
    def of(cls, lane: LaneArrays, entries: Sequence[Entry]) -> LaneOrder:
        """The orders of ``lane``, whose entry numbers point into ``entries``."""
        open_end = lane.marks & _OPEN_END != 0
        low = lane.rows < SHOWN_ROWS
        open_at = np.flatnonzero(open_end)
        own = _own_ends([entries[n] for n in lane.entries[open_at].tolist()])
        halves = (_Half.of(lane, low, open_end), _Half.of(lane, ~low, open_end))
        return cls(lane, *halves, open_at, own, low[open_at])


@dataclass(frozen=True)
class Extra:
    """Marks a lane gains on a day (entries whose date then was another), in start order."""

    starts: Floats
    ends: Floats
    core_starts: Floats
    core_ends: Floats
    marks: Ints
    entries: Ints

    @classmethod
    def of(cls, rows: list[tuple[float, float, float, float, int, int]]) -> Extra:
        """From (start, end, core start, core end, mark, entry number) rows."""
        columns = list(zip(*sorted(rows), strict=True))
        starts, ends, core_starts, core_ends = (np.array(c, np.float64) for c in columns[:4])
        marks, entries = (np.array(c, np.int64) for c in columns[4:])
        return cls(starts, ends, core_starts, core_ends, marks, entries)


@dataclass(frozen=True)
class _Later:
    """What a day's lane needs to make its ends in order, bounds and split when asked."""

    order: LaneOrder
    keep: Bools
    at: Ints
    #: Where open ends reach on the day (None: where they do in the lane); whether
    #: that may be later than where they do.
    reach: float | None
    grows: bool
    #: Ends set apart from the lane's orders (open ends reaching the day, marks
    #: added), and which of them lie in the first rows.
    apart: Floats
    apart_low: Bools
    #: Where marks were added (positions in the day's lane).
    added_at: Ints

    def half_ends(self, half: _Half, low: bool) -> Floats:
        """The kept marks of ``half``, their ends in order."""
        kept = self.keep[half.order]
        if self.reach is not None:
            kept &= ~half.open
        base = half.ends[kept]
        extra = self.apart[self.apart_low == low]
        if not len(extra):
            return base
        # Two sorted runs: a stable sort merges them.
        return np.sort(np.concatenate([base, np.sort(extra)]), kind="stable")

    def bound(self, ends: Floats) -> Floats:
        """A rising bound of the running maximum of the day's ``ends``.

        The whole lane's running maximum at the kept marks is never below the kept
        marks' own, which is all a search for the first visible mark needs (the marks
        it finds are then checked one by one); its last value is made exact, since
        it gives the lane's extent.
        """
        bound = self.order.lane.cummax_end[self.at]
        if self.grows and self.reach is not None:
            bound = np.maximum(bound, self.reach)
        if len(self.added_at):
            bound = np.insert(bound, self.added_at - np.arange(len(self.added_at)), 0.0)
            for at in self.added_at.tolist():
                bound[at] = max(float(ends[at]), float(bound[at - 1]) if at else -np.inf)
                bound[at + 1 :] = np.maximum(bound[at + 1 :], bound[at])
        top: Floats = np.minimum(bound, ends.max(initial=-np.inf))
        return top


#: A day's lane's own marks, made together when one of them is first asked for.
_COLUMNS = frozenset(("starts", "ends", "core_starts", "core_ends", "marks", "rows", "entries"))


@dataclass(frozen=True)
class _Pending:
    """How to make a day's lane: which marks it keeps, their flags, where open ends reach."""

    order: LaneOrder
    codes: Codes
    day_marks: DayMarks
    reach: float | None
    grows: bool
    extra: Extra | None


class DayLane(LaneArrays):
    """A lane on a day, made when first asked: a lane off screen costs nothing.

    Its marks are made together on first use; its ends in order, bounds and split
    each when first asked (a frame needs either the split or the ends in order).
    """

    __slots__ = ("_later", "_pending")
    _later: _Later
    _pending: _Pending

    def __getattr__(self, name: str) -> object:
        # Only unset slots come here.
        if name in _COLUMNS or name == "_later":
            self._fill()
            return object.__getattribute__(self, name)
        later = self._later
        value: object
        if name == "cummax_end":
            value = later.bound(self.ends)
        elif name == "_splits":
            value = {SHOWN_ROWS: self._split(later)}
        elif name == "sorted_ends":
            order = later.order
            both = (later.half_ends(order.low, True), later.half_ends(order.high, False))
            value = np.sort(np.concatenate(both), kind="stable")
        else:
            raise AttributeError(name)
        setattr(self, name, value)
        return value

    def _fill(self) -> None:
        """Take the kept marks by position (cheaper than a boolean mask per array)."""
        pending = self._pending
        order, reach = pending.order, pending.reach
        lane = order.lane
        codes = pending.codes[lane.entries]
        keep = codes & 3 != 0
        at = np.flatnonzero(keep)
        self.starts, self.ends, self.rows = lane.starts[at], lane.ends[at], lane.rows[at]
        self.core_starts, self.core_ends = lane.core_starts[at], lane.core_ends[at]
        self.entries = lane.entries[at]
        self.marks = pending.day_marks(lane.marks[at], self.starts, codes[at])
        apart, apart_low = np.zeros(0), np.zeros(0, np.bool_)
        if reach is not None and len(order.open_at):
            shown = keep[order.open_at]
            where = np.searchsorted(at, order.open_at[shown])
            apart = np.maximum(order.own_end[shown], reach)
            apart_low = order.open_low[shown]
            self.ends[where] = self.core_ends[where] = apart  # fresh arrays: safe to set
        added_at = np.zeros(0, np.int64)
        if pending.extra is not None:
            added_at, low = _add(self, pending.extra)
            apart = np.concatenate([apart, pending.extra.ends])
            apart_low = np.concatenate([apart_low, low])
        self._later = _Later(order, keep, at, reach, pending.grows, apart, apart_low, added_at)

    def _split(self, later: _Later) -> RowSplit:
        shown = np.flatnonzero(self.rows < SHOWN_ROWS)
        hidden = np.flatnonzero(self.rows >= SHOWN_ROWS)
        shown_ends = self.ends[shown]
        return RowSplit(
            shown,
            self.starts[shown],
            np.minimum(self.cummax_end[shown], shown_ends.max(initial=-np.inf)),
            shown_ends,
            later.half_ends(later.order.low, True),
            self.starts[hidden],
            later.half_ends(later.order.high, False),
        )


def masked_lane(
    order: LaneOrder,
    codes: Codes,
    day_marks: DayMarks,
    reach: float | None,
    *,
    grows: bool,
    extra: Extra | None = None,
) -> DayLane:
    """The marks of ``order.lane`` whose entries' ``codes`` show them, flagged by ``day_marks``.

    ``reach``: where open ends reach on the day (None: where they do in the lane);
    ``grows``: whether that may be later than where they do; ``extra``: marks to add,
    each in the lowest sub-row free over its days (made at once: they may add a row).
    """
    day = object.__new__(DayLane)
    day.row_count = order.lane.row_count
    day._pending = _Pending(order, codes, day_marks, reach, grows, extra)
    if extra is not None and day.row_count <= current_cap():
        day._fill()  # an added mark may need a row more (a lane at the cap has them all)
    return day


def _add(day: DayLane, extra: Extra) -> tuple[Ints, Bools]:
    """Put ``extra``'s marks into ``day`` in order; where they went, which in the first rows."""
    rows: list[int] = []
    cap = current_cap()
    for i, (start, end) in enumerate(zip(extra.starts.tolist(), extra.ends.tolist(), strict=True)):
        over = (day.starts < end) & (day.ends > start)
        used = set(day.rows[over].tolist())
        used |= {rows[j] for j in range(i) if extra.starts[j] < end and extra.ends[j] > start}
        # As the index stacks: the lowest free row, all above the cap sharing it.
        rows.append(next(r for r in range(cap + 1) if r not in used or r == cap))
    positions = np.searchsorted(day.starts, extra.starts, "left")
    sub = np.array(rows, np.int64)
    for name, values in (
        ("starts", extra.starts), ("ends", extra.ends), ("core_starts", extra.core_starts),
        ("core_ends", extra.core_ends), ("marks", extra.marks), ("rows", sub),
        ("entries", extra.entries),
    ):  # fmt: skip
        setattr(day, name, np.insert(getattr(day, name), positions, values))
    day.row_count = max(day.row_count, int(sub.max()) + 1)
    low: Bools = sub < SHOWN_ROWS
    return positions + np.arange(len(positions)), low


def _own_ends(entries: list[Entry]) -> Floats:
    """Where the open ends of ``entries`` would end with no as-of day to reach."""
    if not entries:
        return np.zeros(0, np.float64)
    none = np.zeros(len(entries), np.bool_)
    texts = [entry.when.edtf for entry in entries]
    extents = entry_extents(texts, periods=none, dead=none, disputed=none, as_of=_NO_AS_OF)
    ends: Floats = extents.end
    return ends
