"""The level-of-detail index: entries as sorted numpy arrays per lane.

Building it is the one pass over every entry; afterwards a frame finds the
visible slice of a lane by binary search and counts entries per pixel column
without touching Python objects, which is what keeps a million entries smooth.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import overload

import numpy as np
import numpy.typing as npt

from timeline_editor.model.edtf import parse_edtf
from timeline_editor.model.entities import Entry, Project
from timeline_editor.model.filters import EntryPredicate
from timeline_editor.model.gc_pause import gc_paused
from timeline_editor.model.positions import Positions
from timeline_editor.model.queries import as_of_day, is_disputed
from timeline_editor.model.vocab import (
    DEAD_STATUSES,
    NO_LANE,
    EntryKind,
    LaneMode,
    Status,
    parse_lane_mode,
)

from .dates import Extents, entry_extents
from .lanes import LaneInfo, entry_lane_keys, rows_in_use
from .rowsplit import RowSplit

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]
#: Rows of (start, end, core start, core end, mark, entry number), one per mark.
Table = npt.NDArray[np.float64]
#: Sub-rows told apart by stacking; marks above share one overflow row (``ROW_CAP``).
ROW_CAP = 32
#: Rows a lane shows one by one at the default geometry (8 rows, the last for "+N more").
SHOWN_ROWS = 7


@dataclass(slots=True)
class LaneArrays:
    """One lane's marks sorted by start; ``cummax_end`` makes the slice searchable."""

    starts: Floats
    ends: Floats
    core_starts: Floats
    core_ends: Floats
    marks: Ints
    rows: Ints
    entries: Ints
    cummax_end: Floats = field(init=False)
    sorted_ends: Floats = field(init=False)
    row_count: int = field(init=False)
    _splits: dict[int, RowSplit] = field(init=False)

    def __post_init__(self) -> None:
        self.cummax_end = np.maximum.accumulate(self.ends) if len(self.ends) else self.ends
        self.sorted_ends = np.sort(self.ends)
        self.row_count = int(self.rows.max()) + 1 if len(self.rows) else 1
        self._splits = {}
        # Built now, not on the first frame that needs it (a visible pause at 1M).
        self.split(SHOWN_ROWS)

    def split(self, rows: int) -> RowSplit:
        """The marks of the first ``rows`` sub-rows and the overflow above them."""
        found = self._splits.get(rows)
        if found is None:
            found = self._splits[rows] = RowSplit.of(self.starts, self.ends, self.rows, rows)
        return found

    def count_shown(self, start: float, end: float, rows: int) -> int:
        """How many marks in the first ``rows`` sub-rows overlap ``[start, end)``."""
        if rows >= self.row_count:
            return self.count_between(start, end)
        return self.split(rows).count(start, end)

    def __len__(self) -> int:
        return len(self.starts)

    @property
    def nbytes(self) -> int:
        """Memory held by this lane's arrays, row splits included."""
        own = (self.starts, self.ends, self.core_starts, self.core_ends, self.marks, self.rows)
        total = sum(a.nbytes for a in own) + self.entries.nbytes
        total += self.cummax_end.nbytes + self.sorted_ends.nbytes
        return total + sum(split.nbytes for split in self._splits.values())

    def count_between(self, start: float, end: float) -> int:
        """How many marks overlap ``[start, end)``."""
        begun = int(np.searchsorted(self.starts, end, "left"))
        over = int(np.searchsorted(self.sorted_ends, start, "right"))
        return max(0, begun - over)

    def visible(self, start: float, end: float) -> Ints:
        """Positions (in this lane's order) of marks overlapping ``[start, end)``."""
        hi = int(np.searchsorted(self.starts, end, "left"))
        lo = int(np.searchsorted(self.cummax_end, start, "right"))
        if hi <= lo:
            return np.empty(0, dtype=np.int64)
        keep = self.ends[lo:hi] > start
        return np.flatnonzero(keep) + lo

    def density(self, edges: Floats) -> Ints:
        """Marks overlapping each bin between consecutive ``edges``."""
        begun = np.searchsorted(self.starts, edges[1:], "left")
        over = np.searchsorted(self.sorted_ends, edges[:-1], "right")
        counts: Ints = np.maximum(begun - over, 0).astype(np.int64)
        return counts


def current_cap() -> int:
    """The sub-row cap in force (a module setting, so tests can make overflow common)."""
    return ROW_CAP


def stack_rows(starts: Floats, ends: Floats, cap: int | None = None) -> Ints:
    """Sub-row of each mark (sorted by start): the lowest row free at its start.

    Rows from ``cap`` on are never drawn one by one, so every mark that finds no
    row below ``cap`` gets ``cap`` and blocks nothing: lower rows come out the
    same as without a cap (first fit fills each row without looking above it).
    """
    cap = current_cap() if cap is None else cap
    rows = [cap] * len(starts)
    busy: list[tuple[float, int]] = []
    free: list[int] = []
    used = 0
    push, pop = heapq.heappush, heapq.heappop
    for i, (start, end) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True)):
        while busy and busy[0][0] <= start:
            push(free, pop(busy)[1])
        if free:
            row = pop(free)
        elif used < cap:
            row, used = used, used + 1
        else:
            continue
        rows[i] = row
        push(busy, (end, row))
    return np.array(rows, dtype=np.int64)


class Titles(Sequence[str]):
    """The titles of a list of entries, read from the entries (no copy to keep in step)."""

    def __init__(self, entries: list[Entry]) -> None:
        self._entries = entries

    @overload
    def __getitem__(self, number: int) -> str: ...
    @overload
    def __getitem__(self, number: slice) -> list[str]: ...
    def __getitem__(self, number: int | slice) -> str | list[str]:
        if isinstance(number, slice):
            return [entry.title for entry in self._entries[number]]
        return self._entries[number].title

    def __len__(self) -> int:
        return len(self._entries)


def _matches(info: LaneInfo, wanted: Sequence[str]) -> bool:
    return info.key in wanted or info.title in wanted


class TimelineIndex:
    """Every dated entry of a project as per-lane sorted arrays, plus the undated list."""

    def __init__(
        self,
        project: Project,
        *,
        lane_mode: LaneMode = LaneMode.LANE,
        predicate: EntryPredicate | None = None,
        lanes: Sequence[str] | None = None,
    ) -> None:
        lane_mode = parse_lane_mode(lane_mode)  # a plain string from an untyped caller
        self.project = project
        self.lane_mode = lane_mode
        self.predicate = predicate
        self.chosen = tuple(lanes or ())
        self.as_of = as_of_day(project)
        self.entries: list[Entry] = [
            e for e in project.entries if predicate is None or predicate(e)
        ]
        #: Entry number of each id the index holds (written down when first asked).
        self.ids = Positions(lambda: (entry.id for entry in self.entries))
        self.undated: list[int] = []
        with gc_paused():
            columns = self._collect(lane_mode)
            infos = rows_in_use(project, lane_mode, set(columns))
            if lanes:
                infos = [info for info in infos if _matches(info, lanes)]
                self.undated = self._undated_in(lanes, lane_mode)
            self.lanes: list[LaneInfo] = infos
            self.arrays: list[LaneArrays] = [_arrays(columns[info.key]) for info in infos]
        self.eras = era_bands(project)

    def _collect(self, mode: LaneMode) -> dict[str, Table]:
        """Each lane's rows of (start, end, core start, core end, mark, entry number)."""
        entries = self.entries
        # One pass over the entries: at a million, each pass costs a fifth of a second.
        fields = list(map(attrgetter("when.edtf", "kind", "status", "claims", "lane_id"), entries))
        texts, kinds, statuses, claims, lane_ids = (
            zip(*fields, strict=True) if fields else ((),) * 5
        )
        extents = entry_marks(entries, texts, kinds, statuses, claims, as_of=self.as_of)
        self.undated = np.flatnonzero(~extents.dated).tolist()
        numbers, lanes, keys = _lane_codes(entries, mode, extents.dated, lane_ids)
        table = mark_table(extents, numbers, numbers)
        # lexsort is stable and numbers are ascending: ties keep entry order.
        order = np.lexsort((-table[:, 1], table[:, 0], lanes))
        table, lanes = table[order], lanes[order]
        cuts = np.searchsorted(lanes, np.arange(len(keys) + 1))
        return {
            key: table[cuts[i] : cuts[i + 1]] for i, key in enumerate(keys) if cuts[i + 1] > cuts[i]
        }

    def _undated_in(self, lanes: Sequence[str], mode: LaneMode) -> list[int]:
        """The undated entries that belong to one of the chosen rows."""
        undated_keys = {k for e in self.undated for k in entry_lane_keys(self.entries[e], mode)}
        chosen = {
            info.key
            for info in rows_in_use(self.project, mode, undated_keys)
            if _matches(info, lanes)
        }
        return [
            e
            for e in self.undated
            if any(k in chosen for k in entry_lane_keys(self.entries[e], mode))
        ]

    @property
    def titles(self) -> Titles:
        """Each entry's title, by entry number."""
        return Titles(self.entries)

    @property
    def data_extent(self) -> tuple[float, float] | None:
        """First and last day of any mark (entries only: no eras, no as-of day)."""
        firsts = [float(a.starts[0]) for a in self.arrays if len(a)]
        lasts = [float(a.cummax_end[-1]) for a in self.arrays if len(a)]
        return (min(firsts), max(lasts)) if firsts else None

    def shown(self, start: float, end: float) -> list[int]:
        """Entry numbers with a mark overlapping ``[start, end)``, then the undated ones."""
        found: set[int] = set()
        for arrays in self.arrays:
            found.update(arrays.entries[arrays.visible(start, end)].tolist())
        return sorted(found) + list(self.undated)

    @property
    def extent(self) -> tuple[float, float] | None:
        """First and last day of any mark (eras and the as-of day included)."""
        firsts = [float(a.starts[0]) for a in self.arrays if len(a)]
        lasts = [float(a.cummax_end[-1]) for a in self.arrays if len(a)]
        firsts += [e[0] for e in self.eras]
        lasts += [e[1] for e in self.eras]
        if not firsts:
            return None
        return min(firsts), max(lasts)

    @property
    def total(self) -> int:
        """Marks in all lanes (an entry in two actor lanes counts twice)."""
        return sum(len(a) for a in self.arrays)


def entry_marks(
    entries: Sequence[Entry],
    texts: Sequence[str],
    kinds: Sequence[EntryKind],
    statuses: Sequence[Status],
    claims: Sequence[object],
    *,
    as_of: int | None,
) -> Extents:
    """The marks of ``entries`` (their dates, kinds, statuses and claims given apart)."""
    count = len(entries)
    disputed = np.zeros(count, np.bool_)
    claimed = [i for i, found in enumerate(claims) if found]
    disputed[claimed] = [is_disputed(entries[i]) for i in claimed]
    return entry_extents(
        texts,
        periods=np.fromiter(map(EntryKind.PERIOD.__eq__, kinds), np.bool_, count),
        dead=np.fromiter(map(DEAD_STATUSES.__contains__, statuses), np.bool_, count),
        disputed=disputed,
        as_of=as_of,
    )


def mark_table(extents: Extents, rows: Ints, numbers: Ints) -> Table:
    """Rows of (start, end, core start, core end, mark, entry number) of marks ``rows``."""
    table = np.empty((len(rows), 6), np.float64)
    for column, values in enumerate(
        (extents.start, extents.end, extents.core_start, extents.core_end, extents.mark)
    ):
        table[:, column] = values[rows]
    table[:, 5] = numbers
    return table


def _arrays(table: Table) -> LaneArrays:
    """A lane's arrays from its rows, already sorted by start, longest first."""
    starts = np.ascontiguousarray(table[:, 0])
    ends = np.ascontiguousarray(table[:, 1])
    return LaneArrays(
        starts,
        ends,
        np.ascontiguousarray(table[:, 2]),
        np.ascontiguousarray(table[:, 3]),
        table[:, 4].astype(np.int64),
        stack_rows(starts, ends),
        table[:, 5].astype(np.int64),
    )


def _lane_codes(
    entries: Sequence[Entry], mode: LaneMode, dated: Bools, lane_ids: Sequence[str | None]
) -> tuple[Ints, Ints, list[str]]:
    """Entry number and lane code of every (dated entry, lane) pair, and the lane keys."""
    codes: dict[str, int] = {}
    if mode == LaneMode.LANE:
        keys = list(dict.fromkeys(lane_ids))
        position = {key: i for i, key in enumerate(keys)}
        lanes = np.fromiter(map(position.__getitem__, lane_ids), np.int64, len(lane_ids))
        numbers = np.flatnonzero(dated)
        # An empty lane id and no lane id both mean "no lane".
        names = [key or NO_LANE for key in keys]
        merged = np.array([names.index(name) for name in names], np.int64)
        return numbers, merged[lanes[numbers]] if keys else lanes[numbers], names
    pairs = [
        (number, codes.setdefault(key, len(codes)))
        for number in np.flatnonzero(dated).tolist()
        for key in entry_lane_keys(entries[number], mode)
    ]
    table = np.array(pairs, np.int64).reshape(-1, 2)
    return table[:, 0], table[:, 1], list(codes)


def era_bands(project: Project) -> list[tuple[float, float, str, str]]:
    """(start, end, title, colour) of each dated era, for the background bands."""
    eras = []
    for era in project.eras:
        parsed = parse_edtf(era.when.edtf)
        if parsed.earliest is None and parsed.latest is None:
            continue
        start = parsed.earliest if parsed.earliest is not None else parsed.latest
        end = parsed.latest if parsed.latest is not None else parsed.earliest
        assert start is not None and end is not None
        eras.append((float(start), float(end + 1), era.title, era.colour))
    return eras
