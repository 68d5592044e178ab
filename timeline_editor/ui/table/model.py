"""A thin table model over the document's entries: one row per entry, undated ones too.

Rows are the model's own list of entries (new entries are appended, so an addition
is one block of rows); cells are computed when painted. The model follows the
document through one method, :meth:`ChronologyTableModel.apply_change`, given the
kind of change, the ids and (when known) the fields changed: an edit emits
``dataChanged`` for its rows only, an addition or removal inserts or removes rows,
and only a whole new project resets the model.

Edits typed in a cell are pushed on the undo stack as one command, however many rows
they apply to; the model never changes an entry itself.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QUndoStack

from timeline_editor.commands.items import EditItems
from timeline_editor.model.changes import ChangeKind, ChangeSet
from timeline_editor.model.document import Document
from timeline_editor.model.edits import change_day
from timeline_editor.model.entities import Entry
from timeline_editor.model.gc_pause import gc_paused
from timeline_editor.model.queries import is_dead, parsed_when
from timeline_editor.ui.table.columns import (
    EDITABLE,
    HEADER_TIPS,
    HEADERS,
    REFERENCES,
    Col,
    Lookup,
    cell_text,
    columns_for,
    edit_value,
    tooltip,
)
from timeline_editor.ui.table.edits import CellError, edited, retagged, undo_text
from timeline_editor.ui.table.known_rows import RowLens
from timeline_editor.ui.table.sort_keys import Keys, SortKeys
from timeline_editor.ui.widgets import clock

ID_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex
DEAD_COLOUR = QColor("#8a8a8a")
_COLS = tuple(Col)
_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.DecorationRole,
        ID_ROLE,
    )
)
DISPUTED_COLOUR = QColor("#c0392b")


@cache
def _italic() -> QFont:
    """The font of planned entries (made once, when a QGuiApplication exists)."""
    font = QFont()
    font.setItalic(True)
    return font


def blocks(rows: Sequence[int]) -> list[tuple[int, int]]:
    """Sorted rows as (first, last) blocks of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


class ChronologyTableModel(QAbstractTableModel):
    """Rows are the document's entries; follows its notifications row by row.

    Besides Qt's row signals it tells its proxy about whole batches, so that a proxy
    can re-place a thousand removed or edited rows in one pass: ``rows_removing`` and
    ``rows_removed`` (sorted rows) around a removal, ``rows_edited`` (rows, columns)
    after an edit, ``keys_dropped`` (columns) when another collection's names changed.
    """

    rows_removing = Signal(list)
    rows_removed = Signal(list)
    rows_edited = Signal(list, object)
    keys_dropped = Signal(object)
    change_started = Signal()
    change_finished = Signal()

    def __init__(self, document: Document, undo_stack: QUndoStack | None = None) -> None:
        super().__init__()
        self._document = document
        self._undo_stack = undo_stack
        self.lookup = Lookup()
        #: The "known on" day's rows (None: the whole project), see :mod:`.known_rows`.
        self.lens: RowLens | None = None
        self._column_flags: dict[int, Qt.ItemFlag] = {}
        #: While inactive (its table hidden), a new project is only noted: the rows are
        #: built when the table is shown, so opening a file costs nothing for it.
        self._active = True
        self.stale = False
        self._load()
        unsubscribe = document.subscribe(self._on_document_changed)
        self.destroyed.connect(lambda *_: unsubscribe())

    @property
    def active(self) -> bool:
        """Whether a new project is read at once (else when next activated)."""
        return self._active

    def set_active(self, active: bool) -> bool:
        """Follow the document in full (True) or note only a new project; True if reloaded."""
        self._active = active
        if active and self.stale:
            self.apply_change(ChangeKind.RESET, (), None)
            return True
        return False

    def _load(self, empty: bool = False) -> None:
        project = self._document.project
        self.lookup.refresh(project)
        self._entries: list[Entry] = [] if empty else list(project.entries)
        # Ids by row, and rows by id, made when first asked for: ids are compact
        # strings, so re-numbering rows after a removal takes milliseconds.
        self._ids: list[str] | None = None
        self._row_of: dict[str, int] | None = None
        #: Rows' places in the project (see :meth:`project_positions`), made when asked.
        self._positions: npt.NDArray[np.int64] | None = None
        with gc_paused():
            self.sort_keys = SortKeys(self.lookup, self._entries)

    # -- reading ------------------------------------------------------------------------

    def entry_at(self, row: int) -> Entry:
        """The entry in a row."""
        return self._entries[row]

    def entries(self) -> Sequence[Entry]:
        """Every row's entry, in row order."""
        return self._entries

    def row_of(self, ident: str) -> int:
        """The row of an entry, or -1."""
        if self._row_of is None:
            ids = self.ids()
            self._row_of = dict(zip(ids, range(len(ids)), strict=True))
        return self._row_of.get(ident, -1)

    def ids(self) -> list[str]:
        """Every row's entry id, in row order."""
        if self._ids is None:
            self._ids = [e.id for e in self._entries]
        return self._ids

    def project_positions(self) -> npt.NDArray[np.int64]:
        """Each row's place among the project's entries (rows may differ from project order:
        an entry restored by undo is appended here but returns to its place there)."""
        if self._positions is None:
            project_ids = [e.id for e in self._document.project.entries]
            ids = self.ids()
            if ids == project_ids:
                self._positions = np.arange(len(ids), dtype=np.int64)
            else:
                place = dict(zip(project_ids, range(len(project_ids)), strict=True))
                found = (place.get(i, -1) for i in ids)
                self._positions = np.fromiter(found, np.int64, len(ids))
        return self._positions

    def keys(self, col: Col) -> Keys:
        """The sort keys of a column (computed when first asked for)."""
        return self.sort_keys.keys(col, self._entries)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One row per entry."""
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """The fixed columns."""
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column names and what they mean."""
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS.get(Col(section))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Simple columns are editable in the cell."""
        if not index.isValid():
            return super().flags(index)
        return self.column_flags(index.column())

    def column_flags(self, column: int) -> Qt.ItemFlag:
        """A cell's flags, which depend on its column only (asked per cell painted)."""
        found = self._column_flags.get(column)
        if found is None:
            found = super().flags(self.createIndex(0, column))
            if Col(column) in EDITABLE:
                found |= Qt.ItemFlag.ItemIsEditable
            self._column_flags[column] = found
        return found

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, tooltip, editor value, id and look of a cell."""
        return self.cell(index.row(), index.column(), role) if index.isValid() else None

    def cell(self, row: int, column: int, role: int) -> Any:
        """What :meth:`data` gives for a cell, without making an index."""
        # A painted cell is asked for a dozen roles; most have no answer here.
        if role not in _ROLES:
            return None
        entry = self._entries[row]
        col = _COLS[column]
        if self.lens is not None:
            found = self.lens.look(row, col, role)
            if found is not None:
                return found
            entry = self.lens.entry(row, entry)
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(entry, col, self.lookup)
        if role == Qt.ItemDataRole.EditRole:
            return edit_value(entry, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(entry, col, self.lookup)
        if role == ID_ROLE:
            return entry.id
        return self._look(entry, col, role)

    def _look(self, entry: Entry, col: Col, role: int) -> Any:
        """Planned entries in italics, cancelled and lapsed grey, "disputed" red."""
        if role == Qt.ItemDataRole.ForegroundRole:
            if col is Col.DISPUTED:
                return DISPUTED_COLOUR
            return DEAD_COLOUR if is_dead(entry) else None
        if role == Qt.ItemDataRole.FontRole and self.lookup.as_of is not None:
            earliest = parsed_when(entry).earliest
            if earliest is not None and earliest > self.lookup.as_of:
                return _italic()
        return None

    # -- editing ------------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Apply a cell's new value to its row (one undo step); False when refused."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        return not self.apply_edit([index.row()], Col(index.column()), str(value))

    def check_edit(self, row: int, col: Col, value: str) -> str:
        """Why ``value`` cannot go into a cell ("" when it can)."""
        try:
            edited(self._entries[row], col, value, at=self._change_day())
        except CellError as exc:
            return str(exc)
        return ""

    def apply_edit(self, rows: Sequence[int], col: Col, value: str, anchor: int = -1) -> str:
        """Put ``value`` in column ``col`` of ``rows`` as one undo step; the reason if refused.

        ``anchor`` is the row the value was typed in: for tags, what was added to or
        removed from that row's list is added to or removed from every row's.
        """
        at = self._change_day()
        old = [self._entries[r] for r in rows]
        try:
            if col is Col.TAGS and anchor >= 0 and len(rows) > 1:
                before = self._entries[anchor].tags
                after = edited(self._entries[anchor], col, value, at=at).tags
                new = [retagged(e, before, after) for e in old]
            else:
                new = [edited(e, col, value, at=at) for e in old]
        except CellError as exc:
            return str(exc)
        changed = [n for n, o in zip(new, old, strict=True) if n is not o and n != o]
        if changed:
            command = EditItems(self._document, "entries", changed, undo_text(col, value, changed))
            if self._undo_stack is not None:
                self._undo_stack.push(command)
            else:
                command.redo()
            return command.error
        return ""

    def _change_day(self) -> str:
        return change_day(as_of=self._document.project.as_of, today=clock.today())

    # -- following the document ---------------------------------------------------------

    def _on_document_changed(self, changes: ChangeSet) -> None:
        if changes.reset:
            self.apply_change(ChangeKind.RESET, (), None)
            return
        if removed := changes.removed_ids("entries"):
            self.apply_change(ChangeKind.REMOVED, removed, None)
        if added := changes.added_ids("entries"):
            self.apply_change(ChangeKind.ADDED, added, None)
        if edited := changes.changed_ids("entries"):
            self.apply_change(ChangeKind.CHANGED, edited, changes.changed_fields("entries"))
        if not self.stale and (
            changes.collections & REFERENCES.keys() or "as_of" in changes.project_fields
        ):
            self._refresh_references()

    def apply_change(
        self, kind: ChangeKind, ids: Sequence[str], fields: Collection[str] | None
    ) -> None:
        """Follow one change of entries: ``fields`` changed in ``ids`` (None: any field)."""
        if self.stale and kind is not ChangeKind.RESET:
            return  # the whole project is read again when the table is shown
        self.change_started.emit()
        try:
            if kind is ChangeKind.RESET:
                self.beginResetModel()
                self.stale = not self._active
                self._load(empty=self.stale)
                self.endResetModel()
            elif kind is ChangeKind.ADDED:
                self._add(ids)
            elif kind is ChangeKind.REMOVED:
                self._remove(ids)
            else:
                self._edit(ids, None if fields is None else set(fields))
        finally:
            self.change_finished.emit()

    def _add(self, ids: Sequence[str]) -> None:
        known = self._row_of or {}
        found = (self._document.find_entry(i) for i in ids if i not in known)
        new = [e for e in found if e is not None]
        if not new:
            return
        first = len(self._entries)
        self._positions = None
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._entries.extend(new)
        if self._ids is not None:
            self._ids.extend(e.id for e in new)
        if self._row_of is not None:
            self._row_of.update((e.id, first + i) for i, e in enumerate(new))
        self.sort_keys.append(new)
        self.endInsertRows()

    def _remove(self, ids: Sequence[str]) -> None:
        rows = sorted(r for r in map(self.row_of, ids) if r >= 0)
        if not rows:
            return
        self._positions = None
        self.rows_removing.emit(rows)
        for first, last in reversed(blocks(rows)):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._entries[first : last + 1]
            if self._ids is not None:
                del self._ids[first : last + 1]
            self.endRemoveRows()
        self._row_of = None
        self.sort_keys.remove(rows)
        self.rows_removed.emit(rows)

    def _edit(self, ids: Sequence[str], fields: set[str] | None) -> None:
        rows: list[int] = []
        for ident in ids:
            row, entry = self.row_of(ident), self._document.find_entry(ident)
            if row >= 0 and entry is not None:
                self._entries[row] = entry
                rows.append(row)
        if not rows:
            return
        rows.sort()
        cols = columns_for(fields)
        self.sort_keys.update(rows, self._entries, cols)
        low, high = min(cols), max(cols)
        for first, last in blocks(rows):
            self.dataChanged.emit(self.index(first, low), self.index(last, high))
        self.rows_edited.emit(rows, cols)

    def _refresh_references(self) -> None:
        """Names of lanes, actors, places or sources, or the as-of date, changed."""
        changed = self.lookup.refresh(self._document.project)
        cols = {col for name in changed for col in REFERENCES.get(name, ())}
        if not changed or not self._entries:
            return
        self.sort_keys.drop(cols)
        last = len(self._entries) - 1
        low, high = (min(cols), max(cols)) if "as_of" not in changed else (0, len(HEADERS) - 1)
        self.dataChanged.emit(self.index(0, low), self.index(last, high))
        self.keys_dropped.emit(cols)
