"""The table on a "known on" day: which rows show, and each row as it stood then.

Rows follow the project's order, as the day's arrays do; while the table has not
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

    def __init__(self, day: DayState, rows: int, caption: str) -> None:
        self.day = day
        self.caption = caption
        self._fits = len(day.state) == rows

    def shown(self, rows: Sequence[int] | range) -> Bools:
        """Known and possibly known rows."""
        picked = (
            np.arange(rows.start, rows.stop)
            if isinstance(rows, range)
            else np.array(rows, np.int64)
        )
        mask: Bools = np.ones(len(picked), np.bool_)
        if self._fits:
            inside = picked < len(self.day.state)  # rows added since: shown until refreshed
            mask[inside] = self.day.state[picked[inside]] > 0
        return mask

    def entry(self, row: int, entry: Entry) -> Entry:
        """The entry as of the day (its status, date and claims then)."""
        return self.day.overrides.get(row, entry) if self._fits else entry

    def changed_since(self, before: RowLens) -> Ints | None:
        """Rows whose state, "new" mark or entry as it stood differ from ``before``'s day."""
        if not isinstance(before, DayRows) or not (self._fits and before._fits):
            return None
        old, now = before.day, self.day
        if len(old.state) != len(now.state):
            return None
        rows: Ints = np.flatnonzero((old.state != now.state) | (old.new != now.new))
        stood = {r for r in old.overrides.keys() | now.overrides.keys()
                 if old.overrides.get(r) is not now.overrides.get(r)}  # fmt: skip
        if stood:
            rows = np.union1d(rows, np.fromiter(stood, np.int64, len(stood)))
        return rows

    def _known(self, row: int) -> bool:
        return self._fits and row < len(self.day.state)

    def look(self, row: int, col: Col, role: int) -> Any:
        """Possibly known rows grey; a green dot and a tip on the titles of new ones."""
        if not self._known(row):
            return None
        if role == Qt.ItemDataRole.ForegroundRole and self.day.state[row] == POSSIBLE:
            return POSSIBLE_COLOUR
        if col is not Col.TITLE or not self.day.new[row]:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return NEW_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"New: learnt in the seven days up to the day shown ({self.caption})"
        return None
