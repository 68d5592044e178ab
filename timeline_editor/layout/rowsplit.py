"""A lane split at a sub-row: the marks drawn one by one and those counted as "+N more".

Both halves are kept searchable so that a frame touches only what it shows:
at a million entries a lane's overflow holds over a hundred thousand marks,
and counting them per 48-pixel bucket must not mean visiting each one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class RowSplit:
    """Marks below a sub-row (by position in the lane) and the sorted bounds of the rest."""

    positions: Ints
    starts: Floats
    cummax_end: Floats
    ends: Floats
    sorted_ends: Floats
    hidden_starts: Floats
    hidden_sorted_ends: Floats

    @classmethod
    def of(cls, starts: Floats, ends: Floats, rows: Ints, limit: int) -> RowSplit:
        """Split a lane's start-sorted marks at sub-row ``limit``."""
        keep = rows < limit
        shown_ends = ends[keep]
        cummax = np.maximum.accumulate(shown_ends) if len(shown_ends) else shown_ends
        return cls(
            np.flatnonzero(keep),
            starts[keep],
            cummax,
            shown_ends,
            np.sort(shown_ends),
            starts[~keep],
            np.sort(ends[~keep]),
        )

    @property
    def nbytes(self) -> int:
        """Memory held by the split's arrays."""
        arrays = (self.positions, self.starts, self.cummax_end, self.ends, self.sorted_ends)
        return (
            sum(a.nbytes for a in arrays)
            + self.hidden_starts.nbytes
            + self.hidden_sorted_ends.nbytes
        )

    def count(self, start: float, end: float) -> int:
        """Shown marks overlapping ``[start, end)``."""
        begun = int(np.searchsorted(self.starts, end, "left"))
        return max(0, begun - int(np.searchsorted(self.sorted_ends, start, "right")))

    def visible(self, start: float, end: float) -> Ints:
        """Lane positions of shown marks overlapping ``[start, end)``, in lane order."""
        hi = int(np.searchsorted(self.starts, end, "left"))
        lo = int(np.searchsorted(self.cummax_end, start, "right"))
        if hi <= lo:
            return np.empty(0, dtype=np.int64)
        return self.positions[lo:hi][self.ends[lo:hi] > start]

    def hidden_per_bucket(self, start: float, end: float, edges: Floats) -> Ints:
        """Hidden marks overlapping ``[start, end)`` by the bucket their start falls in.

        ``edges`` are the inner bucket boundaries (days); marks begun before the
        first boundary, the view's left edge included, all count in bucket 0.
        """
        bounds = np.minimum(np.append(edges, end), end)
        begun = np.searchsorted(self.hidden_starts, bounds, "left")
        counts = np.diff(begun, prepend=0)
        gone = int(np.searchsorted(self.hidden_sorted_ends, start, "right"))
        counts[0] = max(0, int(counts[0]) - gone)
        result: Ints = counts.astype(np.int64)
        return result
