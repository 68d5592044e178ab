"""Where each id sits in a long sequence, kept up to date by splices without renumbering.

Removing 1,000 of 100,000 entries moves every later entry up; writing all those new
positions down costs what the whole sequence costs (measured: 65 ms at 100,000 ids,
most of it waiting on memory, since the ids lie all over it). So each splice is only
logged (the positions it removed, or where it inserted) and a position is worked out
when asked: the one written down, moved along the splices logged since, a binary
search per splice. After :data:`MAX_LOG` splices the next question writes every
position down again, once. Asking is the common case and stays a dictionary look-up
while the log is empty.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence

#: Splices kept before the positions are written down afresh.
MAX_LOG = 16

#: A logged splice: ("-", sorted positions removed) or ("+", sorted ``final - rank``).
Splice = tuple[str, list[int]]


class Positions:
    """The position of each id in a sequence (given by ``ids``, read when first needed)."""

    def __init__(self, ids: Callable[[], Iterable[str]]) -> None:
        self._read = ids
        self._base: dict[str, int] | None = None
        #: Ids inserted since the base was written: (position then, log length then).
        self._late: dict[str, tuple[int, int]] = {}
        self._log: list[Splice] = []

    def write(self) -> None:
        """Write every position down now (after opening, rather than on the first edit)."""
        self._written()

    def _written(self) -> dict[str, int]:
        if self._base is None:
            self._base = {ident: n for n, ident in enumerate(self._read())}
            self._late.clear()
            self._log.clear()
        return self._base

    def get(self, ident: str) -> int | None:
        """The position of ``ident``, or None when it is not in the sequence."""
        base = self._written()
        found = base.get(ident)
        start = 0
        if found is None:
            late = self._late.get(ident)
            if late is None:
                return None
            found, start = late
        for kind, where in self._log[start:]:
            if kind == "-":
                found -= bisect_left(where, found)
            else:
                found += bisect_right(where, found)
        return found

    def __getitem__(self, ident: str) -> int:
        found = self.get(ident)
        if found is None:
            raise KeyError(ident)
        return found

    def __contains__(self, ident: object) -> bool:
        base = self._written()
        return ident in base or ident in self._late

    def __iter__(self) -> Iterator[str]:
        return iter([*self._written(), *self._late])

    def __len__(self) -> int:
        return len(self._written()) + len(self._late)

    def as_dict(self) -> dict[str, int]:
        """Every id with its position (for tests and small sequences)."""
        return {ident: self[ident] for ident in self}

    def forget(self) -> None:
        """The sequence was replaced: read it again when next asked."""
        self._base = None

    def removed(self, positions: Sequence[int], ids: Iterable[str]) -> None:
        """``ids`` left from ``positions`` (ascending, as they were before)."""
        if self._base is None:
            return
        for ident in ids:
            if self._base.pop(ident, None) is None:
                self._late.pop(ident, None)
        self._splice("-", list(positions))

    def inserted(self, positions: Sequence[int], ids: Sequence[str]) -> None:
        """``ids`` now stand at ``positions`` (strictly ascending, as they are after)."""
        if self._base is None:
            return
        shifts = [position - rank for rank, position in enumerate(positions)]
        self._splice("+", shifts)
        age = len(self._log)
        for ident, position in zip(ids, positions, strict=True):
            self._late[ident] = (position, age)

    def _splice(self, kind: str, where: list[int]) -> None:
        if len(self._log) >= MAX_LOG:
            self._base = None
        elif where:
            self._log.append((kind, where))
