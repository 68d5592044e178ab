"""Sub-rows of a lane after a few marks came and went, without stacking the whole lane.

:func:`~timeline_editor.layout.index.stack_rows` gives each mark (in start order) the
lowest sub-row free at its start. Its state after any mark is one number per row: the
end of the row's last mark. So after an edit the rows are copied from the old lane up
to the first difference; from there the same first-fit choice runs again, alongside a
replay of the old rows, and wherever both runs hold the same row ends (and nothing new
or removed lies ahead) the rest is copied again. An edit then costs the stretch over
which it changes the stacking, not the lane: a lane of 125,000 marks takes about
0.1 s to stack whole, a date edit in it well under a millisecond.
"""

from __future__ import annotations

import heapq

import numpy as np
import numpy.typing as npt

from .index import stack_rows

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]

#: Above this many differences per mark the whole lane is stacked again instead: a
#: walk that never gets to skip costs several times what plain first fit does.
DENSE = 1 / 200


class _Runs:
    """The new run (first fit, with its heaps) and the replayed old run, side by side."""

    def __init__(self, ends: list[float], used: int, cap: int) -> None:
        self.cap = cap
        self.new = list(ends)
        self.old = list(ends)
        self.used = used
        self.differ: set[int] = set()
        self._heaps()

    def _heaps(self) -> None:
        # Every used row starts busy; first_fit frees those that ended, as stack_rows does.
        self.busy = [(self.new[row], row) for row in range(self.used)]
        heapq.heapify(self.busy)
        self.free: list[int] = []

    def _compare(self, row: int) -> None:
        if self.new[row] != self.old[row]:
            self.differ.add(row)
        else:
            self.differ.discard(row)

    def first_fit(self, start: float, end: float) -> int:
        """The new run's row for a mark (``cap`` when no row below it is free)."""
        busy, free = self.busy, self.free
        while busy and busy[0][0] <= start:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            row = heapq.heappop(free)
        elif self.used < self.cap:
            row, self.used = self.used, self.used + 1
        else:
            return self.cap
        heapq.heappush(busy, (end, row))
        self.new[row] = end
        self._compare(row)
        return row

    def replay(self, row: int, end: float) -> None:
        """The old run placed a mark ending at ``end`` in ``row``."""
        if row < self.cap:
            self.old[row] = end
            self._compare(row)

    def skip(self, rows: Ints, ends: Floats) -> None:
        """Both runs agree and place the marks of a stretch the same way."""
        placed = rows < self.cap
        if not placed.any():
            return
        last = np.full(self.cap, -np.inf)
        np.maximum.at(last, rows[placed], ends[placed])
        for row in np.flatnonzero(last > -np.inf).tolist():
            self.new[row] = self.old[row] = float(last[row])
        self.used = max(self.used, int(rows[placed].max()) + 1)
        self._heaps()


def _differences(origin: Ints, old_count: int) -> Ints:
    """Positions where the lanes part: each new mark, and the mark after each removed one."""
    count = len(origin)
    kept = np.flatnonzero(origin >= 0)
    kept_old = origin[kept]
    present = np.zeros(old_count, np.bool_)
    present[kept_old] = True
    after = np.searchsorted(kept_old, np.flatnonzero(~present))
    parted = np.zeros(count + 1, np.bool_)
    parted[np.append(kept, count)[after]] = True
    parted[:count] |= origin < 0
    points: Ints = np.flatnonzero(parted)
    return points


def restack(
    old_rows: Ints, old_ends: Floats, starts: Floats, ends: Floats, origin: Ints, *, cap: int
) -> Ints:
    """What ``stack_rows(starts, ends, cap)`` gives, from the old lane's rows.

    ``origin[i]`` is the old position of mark ``i`` of the new lane, or -1 for a mark
    that is new; old marks that no ``origin`` names were removed.
    """
    kept = int(np.count_nonzero(origin >= 0))
    if len(origin) - kept + len(old_rows) - kept > DENSE * len(starts):
        return stack_rows(starts, ends, cap)  # at most that many differences: too many
    points = _differences(origin, len(old_rows)).tolist()
    rows = np.empty(len(starts), np.int64)
    rows[origin >= 0] = old_rows[origin[origin >= 0]]
    if not points or points[0] >= len(starts):
        return rows
    first = points[0]
    runs = _Runs([-np.inf] * cap, 0, cap)
    runs.skip(rows[:first], ends[:first])
    old_next = int(origin[first - 1]) + 1 if first else 0
    _walk(runs, rows, (starts, ends, origin), (old_rows, old_ends, old_next), points)
    return rows


def _walk(
    runs: _Runs,
    rows: Ints,
    new: tuple[Floats, Floats, Ints],
    old: tuple[Ints, Floats, int],
    points: list[int],
) -> None:
    """Run first fit from ``points[0]`` until both runs agree with nothing left to differ."""
    starts, ends, origin = new
    old_rows, old_ends, old_next = old
    ahead = iter(points)
    point = next(ahead)
    i = point
    while i < len(starts):
        while point <= i:
            point = next(ahead, len(starts))
        j = origin.item(i)
        if j >= 0:
            for removed in range(old_next, j):
                runs.replay(old_rows.item(removed), old_ends.item(removed))
            old_next = j + 1
            if not runs.differ:
                # Same row ends before mark i: up to the next difference, the old rows hold.
                if point >= len(starts):
                    return
                runs.skip(rows[i:point], ends[i:point])
                old_next = origin.item(point - 1) + 1
                i = point
                continue
            runs.replay(old_rows.item(j), old_ends.item(j))
        rows[i] = runs.first_fit(starts.item(i), ends.item(i))
        i += 1
