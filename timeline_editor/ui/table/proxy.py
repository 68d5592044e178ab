"""The table's sort and filter: a proxy holding the shown rows, in order, as an array.

``QSortFilterProxyModel`` compares rows through ``data()``, a Python call per
comparison: seconds for 100,000 rows. Here a sort is a numpy ``lexsort`` of the
column's keys (see :mod:`.sort_keys`), a filter a mask of the rows the predicate
accepts, and an edit of a few rows removes them and puts them back by binary search.
Any change of order reaches the view as removed rows, inserted rows and at most one
layout change, with the persistent indexes (selection, current cell) carried along.

The proxy is a flat table model of its own rather than a ``QAbstractProxyModel``:
Qt asks a model for ``parent()`` of every selected range each time it paints a cell,
and with a thousand rows selected a Python ``parent()`` took a third of a second per
frame; a table model answers it in C++.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import numpy as np
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    SignalInstance,
)

from timeline_editor.model.filters import EntryPredicate
from timeline_editor.ui.table.columns import Col
from timeline_editor.ui.table.model import ChronologyTableModel, blocks
from timeline_editor.ui.table.sort_keys import Bools, Ints, sorted_rows

Index = QModelIndex | QPersistentModelIndex
_LAYOUT_SIGNATURE = ("QList<QPersistentModelIndex>", "QAbstractItemModel::LayoutChangeHint")
_VERTICAL = QAbstractItemModel.LayoutChangeHint.VerticalSortHint


def _hinted(signal: SignalInstance) -> Any:
    """The overload of a layout signal that carries a hint (PySide's stubs omit indexing)."""
    return cast(Any, signal)[_LAYOUT_SIGNATURE]


#: Up to this many rows are put in place one by one; more are sorted again as a whole.
FEW = 64


class ChronologyProxy(QAbstractTableModel):
    """Shows the model's rows the filter accepts, in the order of one column (Date first)."""

    def __init__(self, model: ChronologyTableModel) -> None:
        super().__init__()
        self._model = model
        self.sort_column = Col.DATE
        self.descending = False
        self._predicate: EntryPredicate | None = None
        self._shown: Bools = np.ones(model.rowCount(), dtype=np.bool_)
        #: Every row in the sort order, kept while the rows stay as they are: a new
        #: filter or "known on" day then costs a mask, not a sort.
        self._order: Ints | None = None
        for changed in (model.rowsInserted, model.rows_removing, model.rows_removed):
            changed.connect(self._forget_order)  # connected first: runs before the rest
        for changed in (model.rows_edited, model.keys_dropped, model.modelAboutToBeReset):
            changed.connect(self._forget_order)
        self._rows: Ints = self._sorted()
        self._pos: Ints | None = None
        model.rowsInserted.connect(self._on_inserted)
        model.rows_removing.connect(self._on_removing)
        model.rows_removed.connect(self._on_removed)
        model.rows_edited.connect(self._on_edited)
        model.keys_dropped.connect(self._on_keys_dropped)
        model.dataChanged.connect(self._on_data_changed)
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._on_reset)

    # -- the table, and mapping to the model --------------------------------------------

    def sourceModel(self) -> ChronologyTableModel:
        """The model whose rows are shown."""
        return self._model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """The rows shown."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """The model's columns."""
        return 0 if parent.isValid() else self._model.columnCount()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The model's cell behind a shown cell."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._model.cell(int(self._rows[index.row()]), index.column(), role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """As the model's cell (its column's, without making the model's index)."""
        if not index.isValid() or index.row() >= len(self._rows):
            return self._model.flags(QModelIndex())
        return self._model.column_flags(index.column())

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Edit the model's cell (one undo step)."""
        return self._model.setData(self.mapToSource(index), value, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The model's column headers; rows are numbered."""
        if orientation is Qt.Orientation.Horizontal:
            return self._model.headerData(section, orientation, role)
        return section + 1 if role == Qt.ItemDataRole.DisplayRole else None

    def mapToSource(self, proxy_index: Index) -> QModelIndex:
        """The model's cell behind a shown cell."""
        if not proxy_index.isValid() or proxy_index.row() >= len(self._rows):
            return QModelIndex()
        return self._model.index(int(self._rows[proxy_index.row()]), proxy_index.column())

    def mapFromSource(self, source_index: Index) -> QModelIndex:
        """The shown cell of a model cell (invalid when filtered out)."""
        if not source_index.isValid():
            return QModelIndex()
        row = self.proxy_row(source_index.row())
        return self.index(row, source_index.column()) if row >= 0 else QModelIndex()

    def source_rows(self) -> Ints:
        """The model rows shown, in order."""
        return self._rows

    def proxy_row(self, source_row: int) -> int:
        """Where a model row is shown, or -1."""
        pos = self._positions()
        return int(pos[source_row]) if 0 <= source_row < len(pos) else -1

    def proxy_rows(self, source_rows: Ints) -> Ints:
        """Where model rows are shown, in the same order, leaving out those filtered out."""
        pos = self._positions()
        inside = source_rows[(source_rows >= 0) & (source_rows < len(pos))]
        found = pos[inside]
        shown: Ints = found[found >= 0]
        return shown

    def _positions(self) -> Ints:
        """Model row -> shown row (-1: filtered out), rebuilt after a change of order."""
        if self._pos is None:
            pos = np.full(self._model.rowCount(), -1, dtype=np.int64)
            pos[self._rows] = np.arange(len(self._rows), dtype=np.int64)
            self._pos = pos
        return self._pos

    # -- sorting and filtering ----------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by a column (ties in date order; blank cells last)."""
        descending = order == Qt.SortOrder.DescendingOrder
        if not 0 <= column < self._model.columnCount():
            return
        if (column, descending) == (self.sort_column, self.descending):
            return  # the rows are kept in this order through every change
        self.sort_column = Col(column)
        self.descending = descending
        self._order = None
        self._relayout(self._sorted())

    def set_predicate(self, predicate: EntryPredicate | None) -> None:
        """Show only the entries ``predicate`` accepts (None: all)."""
        self._predicate = predicate
        self._shown = self._mask(range(self._model.rowCount()))
        self._move_to(self._sorted())

    def refilter(self) -> None:
        """Ask the filter and the "known on" rows again for every row."""
        self.set_predicate(self._predicate)

    def _mask(self, rows: Sequence[int] | range) -> Bools:
        predicate, entry_at = self._predicate, self._model.entry_at
        known = self._model.lens.shown(rows) if self._model.lens is not None else None
        if predicate is None:
            return np.ones(len(rows), dtype=np.bool_) if known is None else known
        mask = np.fromiter((predicate(entry_at(r)) for r in rows), np.bool_, len(rows))
        return mask if known is None else mask & known

    def _forget_order(self, *_args: object) -> None:
        self._order = None

    def _sorted(self) -> Ints:
        rows = self._order
        if rows is None or len(rows) != len(self._shown):
            keys = self._model.keys(self.sort_column)
            sort_keys = self._model.sort_keys
            rows = sorted_rows(keys, sort_keys.dates, self.descending, sort_keys.minutes)
            self._order = rows
        return rows[self._shown[rows]]

    def reshow(self, rows: Ints) -> None:
        """Ask the filter and the "known on" rows again for ``rows`` only (the rest stand).

        A new "known on" day changes a few rows: those leave, and come in their places
        in the kept order, without comparing every row shown with every row wanted.
        """
        if not len(rows):
            return
        was = self._shown[rows]
        now = self._mask(rows.tolist())
        self._shown[rows] = now
        gone = rows[was & ~now]
        if len(gone):
            self._remove_positions(np.sort(self._positions()[gone]))
        came = rows[now & ~was]
        if not len(came):
            return
        target = self._sorted()
        coming = np.zeros(len(self._shown), dtype=np.bool_)
        coming[came] = True
        places = coming[target]
        if len(came) > FEW or not np.array_equal(target[~places], self._rows):
            self._move_to(target)
            return
        for first, last in blocks(np.flatnonzero(places).tolist()):  # rows before: in place
            self.beginInsertRows(QModelIndex(), first, last)
            block = target[first : last + 1]
            self._rows = np.concatenate([self._rows[:first], block, self._rows[first:]])
            self._pos = None
            self.endInsertRows()

    def _place(self, base: Ints, rows: Sequence[int]) -> Ints:
        """``base`` (in order) with ``rows`` put in their places by binary search."""
        keys = self._model.keys(self.sort_column)
        before = self._model.sort_keys.before
        positions: list[int] = []
        for row in rows:
            low, high = 0, len(base)
            while low < high:
                middle = (low + high) // 2
                if before(keys, self.descending, int(base[middle]), row):
                    low = middle + 1
                else:
                    high = middle
            positions.append(low)
        pairs = sorted(zip(positions, range(len(rows)), strict=True))
        ordered = [rows[i] for _, i in pairs]
        return np.insert(base, [p for p, _ in pairs], np.array(ordered, dtype=np.int64))

    # -- telling the view ---------------------------------------------------------------

    def _relayout(self, rows: Ints) -> None:
        """Show the same rows in a new order, carrying persistent indexes along."""
        # The sort hint lets the selection keep one index per selected row, not per cell.
        _hinted(self.layoutAboutToBeChanged).emit([], _VERTICAL)
        old = self.persistentIndexList()
        shown = np.fromiter((i.row() for i in old), dtype=np.int64, count=len(old))
        sources = self._rows[np.clip(shown, 0, max(len(self._rows) - 1, 0))] if len(old) else shown
        self._rows, self._pos = rows, None
        moved = self._positions()[sources].tolist() if len(old) else []
        new = [
            self.createIndex(row, i.column()) if row >= 0 else QModelIndex()
            for row, i in zip(moved, old, strict=True)
        ]
        self.changePersistentIndexList(old, new)
        _hinted(self.layoutChanged).emit([], _VERTICAL)

    def _move_to(self, target: Ints) -> None:
        """Go from the rows shown to ``target``: removals, insertions, then one relayout."""
        gone = ~np.isin(self._rows, target)
        if gone.any():
            self._remove_positions(np.flatnonzero(gone))
        added = target[~np.isin(target, self._rows)]
        if len(added):
            self._insert(added, target)
        if not np.array_equal(self._rows, target):
            self._relayout(target)

    def _remove_positions(self, positions: Ints) -> None:
        first, last = int(positions[0]), int(positions[-1])
        if last - first + 1 == len(positions):
            self._remove_block(first, last)
        elif len(positions) <= FEW:
            for position in positions[::-1].tolist():
                self._remove_block(position, position)
        else:
            # Many scattered rows: move them to the end in one relayout, then cut the end.
            keep = np.ones(len(self._rows), dtype=np.bool_)
            keep[positions] = False
            self._relayout(np.concatenate([self._rows[keep], self._rows[~keep]]))
            self._remove_block(int(keep.sum()), len(self._rows) - 1)

    def _remove_block(self, first: int, last: int) -> None:
        self.beginRemoveRows(QModelIndex(), first, last)
        self._rows = np.delete(self._rows, np.arange(first, last + 1))
        self._pos = None
        self.endRemoveRows()

    def _insert(self, added: Ints, target: Ints) -> None:
        """Insert ``added`` rows: each in its place when few, else at the end (relayout next)."""
        if len(added) <= FEW and np.array_equal(target[np.isin(target, self._rows)], self._rows):
            for position in np.flatnonzero(np.isin(target, added)).tolist():
                self.beginInsertRows(QModelIndex(), position, position)
                self._rows = np.insert(self._rows, position, target[position])
                self._pos = None
                self.endInsertRows()
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
        self._rows, self._pos = np.concatenate([self._rows, added]), None
        self.endInsertRows()

    # -- following the model ------------------------------------------------------------

    def _on_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        new = range(first, last + 1)
        mask = self._mask(new)
        self._shown = np.concatenate([self._shown, mask])
        self._pos = None
        rows = [r for r, shown in zip(new, mask.tolist(), strict=True) if shown]
        if len(rows) <= FEW:
            self._move_to(self._place(self._rows, rows))
        else:
            self._move_to(self._sorted())

    def _on_removing(self, rows: list[int]) -> None:
        going = np.array(rows, dtype=np.int64)
        self._move_to(self._rows[~np.isin(self._rows, going)])

    def _on_removed(self, rows: list[int]) -> None:
        going = np.array(rows, dtype=np.int64)
        self._rows = self._rows - np.searchsorted(going, self._rows)
        self._shown = np.delete(self._shown, going)
        self._pos = None

    def _on_edited(self, rows: list[int], cols: set[Col]) -> None:
        was = self._shown[rows]
        now = self._mask(rows)
        self._shown[rows] = now
        if not (cols & {self.sort_column, Col.DATE}) and np.array_equal(was, now):
            return
        moving = np.array(rows, dtype=np.int64)
        base = self._rows[~np.isin(self._rows, moving)]
        back = [r for r, shown in zip(rows, now.tolist(), strict=True) if shown]
        target = self._place(base, back) if len(back) <= FEW else self._sorted()
        self._move_to(target)

    def _on_keys_dropped(self, cols: set[Col]) -> None:
        # Names or grades changed: a filter by reliability may now answer differently.
        refiltered = False
        if self._predicate is not None:
            shown = self._mask(range(self._model.rowCount()))
            refiltered = not np.array_equal(shown, self._shown)
            self._shown = shown
        if refiltered or self.sort_column in cols:
            self._move_to(self._sorted())

    def _on_data_changed(self, top: QModelIndex, bottom: QModelIndex, roles: list[int]) -> None:
        shown = self._positions()[top.row() : bottom.row() + 1]
        shown = shown[shown >= 0]
        if len(shown):
            first, last = int(shown.min()), int(shown.max())
            self.dataChanged.emit(
                self.index(first, top.column()), self.index(last, bottom.column()), roles
            )

    def _on_reset(self) -> None:
        self._shown = self._mask(range(self._model.rowCount()))
        self._rows, self._pos = self._sorted(), None
        self.endResetModel()
