"""The table on a "known on" day: which rows show, and each row as it stood then.

The day's arrays follow the project's order; the table's rows need not (an entry
restored by undo is appended to the table but goes back to its place in the project),
so each row is looked up through its place in the project. While the table has not
caught up with the project (it is hidden, or between an edit and its refresh) the
lengths differ and every row shows as it is, rather than a wrong row being hidden.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from timeline_editor.layout.known_day import POSSIBLE, DayState
from timeline_editor.model.entities import Entry
from timeline_editor.ui.table.columns import Col

Bools = npt.NDArray[np.bool_]
Ints = npt.NDArray[np.int64]
#: Rows only possibly known on the day: greyed, like their faded marks on the chart.
POSSIBLE_COLOUR = QColor("#9aa0a6")
#: The dot beside the title of an entry learnt in the seven days up to the day.
NEW_COLOUR = QColor("#1a7f37")


class RowLens(Protocol):
    """What the table model asks of a "known on" day."""

    def shown(self, rows: Sequence[int] | range) -> Bools:
        """Which of ``rows`` show."""

    def entry(self, row: int, entry: Entry) -> Entry:
        """The row's entry as it stood."""

    def look(self, row: int, col: Col, role: int) -> Any:
        """A cell's look on the day (None: as usual)."""

    def changed_since(self, before: RowLens) -> Ints | None:
        """Rows that may look otherwise than under ``before`` (None: any row may)."""


class DayRows:
    """A :class:`RowLens` over a :class:`DayState` for a table of ``rows`` rows."""

    def __init__(self, day: DayState, positions: Ints, caption: str) -> None:
        self.day = day
        self.caption = caption
        #: Each table row's place in the project, where the day's arrays hold it.
        self._positions = positions
        self._fits = len(day.state) == len(positions)

    def shown(self, rows: Sequence[int] | range) -> Bools:
        """Known and possibly known rows."""
        picked = (
            np.arange(rows.start, rows.stop)
            if isinstance(rows, range)
            else np.array(rows, np.int64)
        )
        mask: Bools = np.ones(len(picked), np.bool_)
        if self._fits:
            inside = picked < len(self._positions)  # rows added since: shown until refreshed
            places = self._positions[picked[inside]]
            mask[inside] = (places < 0) | (self.day.state[places] > 0)
        return mask

    def _place(self, row: int) -> int:
        """The row's place in the day's arrays, or -1 (not known to them)."""
        return int(self._positions[row]) if self._fits and row < len(self._positions) else -1

    def entry(self, row: int, entry: Entry) -> Entry:
        """The entry as of the day (its status, date and claims then)."""
        place = self._place(row)
        return self.day.overrides.get(place, entry) if place >= 0 else entry

    def changed_since(self, before: RowLens) -> Ints | None:
        """Rows whose state, "new" mark or entry as it stood differ from ``before``'s day."""
        if not isinstance(before, DayRows) or not (self._fits and before._fits):
            return None
        old, now = before.day, self.day
        if len(old.state) != len(now.state):
            return None
        if not np.array_equal(before._positions, self._positions):
            return None
        places: Ints = np.flatnonzero((old.state != now.state) | (old.new != now.new))
        stood = {r for r in old.overrides.keys() | now.overrides.keys()
                 if old.overrides.get(r) is not now.overrides.get(r)}  # fmt: skip
        if stood:
            places = np.union1d(places, np.fromiter(stood, np.int64, len(stood)))
        return self._rows_at(places)

    def _rows_at(self, places: Ints) -> Ints:
        """The table rows of entries at these places in the project, in row order."""
        row_of = np.full(len(self.day.state), -1, np.int64)
        known = self._positions >= 0
        row_of[self._positions[known]] = np.flatnonzero(known)
        rows = row_of[places]
        found: Ints = np.sort(rows[rows >= 0])
        return found

    def look(self, row: int, col: Col, role: int) -> Any:
        """Possibly known rows grey; a green dot and a tip on the titles of new ones."""
        place = self._place(row)
        if place < 0:
            return None
        if role == Qt.ItemDataRole.ForegroundRole and self.day.state[place] == POSSIBLE:
            return POSSIBLE_COLOUR
        if col is not Col.TITLE or not self.day.new[place]:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return NEW_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"New: learnt in the seven days up to the day shown ({self.caption})"
        return None
