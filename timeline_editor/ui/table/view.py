"""The chronology table: every entry in one date-ordered list, sortable by any column.

It answers the window's view protocol as the chart does (selection, filter, the View
menu's zoom as text size, Go to Date as a scroll). The chart's rows by lane, actor or
kind do not regroup it: the table stays one chronology, and a click on the Lane,
Actors or Kind header groups it on request, each group in date order.

A cell edit applies to its row; an edit of the kind, status, lane, tags, likelihood or
confidence of one of several selected rows applies to all of them, as one undo step.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QHideEvent, QKeyEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from timeline_editor.model.document import Document
from timeline_editor.model.filters import EntryPredicate
from timeline_editor.model.queries import parsed_when
from timeline_editor.model.vocab import Confidence, EntryKind, LaneMode, Status
from timeline_editor.ui.table.columns import HEADERS, MULTI_ROW, SPAN_BITS, Col
from timeline_editor.ui.table.delegate import CellDelegate
from timeline_editor.ui.table.known_rows import RowLens
from timeline_editor.ui.table.model import ChronologyTableModel, blocks
from timeline_editor.ui.table.proxy import ChronologyProxy
from timeline_editor.ui.table.sort_keys import UNDATED
from timeline_editor.ui.widgets.column_fit import MainColumn

#: Starting widths in average characters (the title takes the room that is left).
WIDTHS = {
    Col.DATE: 21, Col.AS_STATED: 14, Col.LANE: 12, Col.ACTORS: 16, Col.PLACE: 11, Col.TAGS: 12,
}  # fmt: skip
#: Columns of a few words are as wide as their widest word (or their header).
WORDS = {
    Col.KIND: [k.value for k in EntryKind],
    Col.STATUS: [s.value for s in Status],
    Col.LIKELIHOOD: ["almost certain"],
    Col.CONFIDENCE: [c.value for c in Confidence],
    Col.SOURCES: ["12 · B"],
    Col.DISPUTED: ["disputed"],
}
TITLE_SHARE = 0.3
_ROWS = QItemSelectionModel.SelectionFlag.Rows
Index = QModelIndex | QPersistentModelIndex


class ChronologyTable(QTableView):
    """The table view of a document's entries; edits go on ``undo_stack``."""

    selection_changed = Signal(list)
    entry_activated = Signal(str)
    visible_range_changed = Signal(int, int)
    status_message = Signal(str)

    def __init__(
        self, document: Document, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chronologyTable")
        self.setAccessibleName("Chronology table")
        self._document = document
        self._quiet = 0
        #: The ids last selected from outside, kept while the hidden table waits to load.
        self._wanted: list[str] = []
        self._known_due = False
        #: The day whose rows the table shows (its cells may already answer for a later).
        self._known_lens: RowLens | None = None
        self._base_point_size = self.font().pointSizeF()
        self.source = ChronologyTableModel(document, undo_stack)
        self.source.set_active(False)  # until shown
        self.proxy = ChronologyProxy(self.source)
        self.setModel(self.proxy)
        self._configure()
        self._range_timer = QTimer(self, singleShot=True, interval=0)
        self._range_timer.timeout.connect(self._emit_range)
        self._known_timer = QTimer(self, singleShot=True, interval=0)
        self._known_timer.timeout.connect(self._apply_known_due)
        self._connect()

    def _configure(self) -> None:
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        triggers = QAbstractItemView.EditTrigger
        self.setEditTriggers(
            triggers.DoubleClicked | triggers.EditKeyPressed | triggers.AnyKeyPressed
        )
        self.setItemDelegate(
            CellDelegate(self, lambda: self._document.project, self.check_cell, self.commit_cell)
        )
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as in any other field
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setSortIndicator(Col.DATE, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self._fit_columns()
        self.title_column = MainColumn(self, header, Col.TITLE, TITLE_SHARE)

    def _connect(self) -> None:
        self.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.activated.connect(self._on_activated)
        self.verticalScrollBar().valueChanged.connect(self._range_timer.start)
        for signal in (self.proxy.layoutChanged, self.proxy.rowsInserted, self.proxy.rowsRemoved):
            signal.connect(self._range_timer.start)
        # A sort or a document change moves or drops selected rows: no news for the window.
        self.source.change_started.connect(self._hush)
        self.source.change_finished.connect(self._unhush)
        self.proxy.layoutAboutToBeChanged.connect(self._hush)
        self.proxy.layoutChanged.connect(self._unhush)

    # -- the shared view interface ----------------------------------------------------

    def set_selection(self, ids: list[str]) -> None:
        """Select exactly these entries (those filtered out are skipped); show the first."""
        self._wanted = list(ids)
        if self.source.stale:
            return
        self._apply_known_due()  # rows of a day just set: the ids may be among them
        rows = [self.proxy.proxy_row(self.source.row_of(i)) for i in ids]
        shown = [r for r in rows if r >= 0]
        selection = QItemSelection()
        last = self.proxy.columnCount() - 1
        for first, end in blocks(sorted(set(shown))):
            selection.select(self.proxy.index(first, 0), self.proxy.index(end, last))
        with self._hushed():
            model = self.selectionModel()
            model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect | _ROWS)
            if shown:
                column = max(self.currentIndex().column(), 0)
                current = self.proxy.index(shown[0], column)
                model.setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.scrollTo(current, QAbstractItemView.ScrollHint.EnsureVisible)

    def selected_ids(self) -> list[str]:
        """Ids of the selected entries, in table order."""
        if self.source.stale:
            return list(self._wanted)
        rows = self.proxy.source_rows()[self._selected_rows()].tolist()
        ids = self.source.ids()
        return [ids[r] for r in rows]

    def zoom_in(self) -> None:
        """Larger text."""
        self._set_point_size(self.font().pointSizeF() * 1.15)

    def zoom_out(self) -> None:
        """Smaller text."""
        self._set_point_size(self.font().pointSizeF() / 1.15)

    def fit_all(self) -> None:
        """Normal text size, back to the top."""
        self._set_point_size(self._base_point_size)
        self.scrollToTop()

    def zoom_to_selection(self) -> None:
        """Bring the current selected row to the middle."""
        rows = self._selected_rows()
        if rows:
            current = self.currentIndex()
            row = current.row() if current.isValid() and current.row() in rows else rows[0]
            self.scrollTo(self.proxy.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)

    def go_to_day(self, day: int) -> None:
        """Scroll to the first row on or after ``day`` (the nearest one unless sorted by date)."""
        self._apply_known_due()
        rows = self.proxy.source_rows()
        if not len(rows):
            return
        keys = self.source.sort_keys.dates[rows]
        if self.proxy.sort_column is Col.DATE and not self.proxy.descending:
            target = int(np.searchsorted(keys, day << SPAN_BITS))
        else:
            gaps = np.abs((keys >> SPAN_BITS) - day)
            target = int(np.argmin(np.where(keys == UNDATED, np.iinfo(np.int64).max, gaps)))
        target = min(target, len(rows) - 1)
        self.scrollTo(self.proxy.index(target, 0), QAbstractItemView.ScrollHint.PositionAtTop)

    def set_lane_mode(self, mode: LaneMode) -> None:
        """The chart's rows do not regroup the table (sort by Lane, Actors or Kind for that)."""

    def set_filter(self, predicate: EntryPredicate | None) -> None:
        """Show only entries for which ``predicate`` is true (None: all)."""
        with self._hushed():
            self.proxy.set_predicate(predicate)

    def set_known(self, lens: RowLens | None) -> None:
        """Show the rows of a "known on" day, each as it stood (None: every row as it is).

        Cells answer for the day at once; which rows show follows at the next turn of
        the event loop, after the chart has painted the day, and a burst of days (a
        dragged handle) costs the table one update, for the last. A hidden table only
        notes the day: its rows are filtered when it is shown, so that stepping
        through days with the table hidden costs the table nothing.
        """
        self.source.lens = lens
        self._known_due = True
        if self.isVisible():
            self._known_timer.start()

    def _apply_known(self) -> None:
        """Filter the rows for the day noted, and repaint the rows whose look changed."""
        self._known_due = False
        self._known_timer.stop()
        before, lens = self._known_lens, self.source.lens
        self._known_lens = lens
        changed = None if before is None or lens is None else lens.changed_since(before)
        with self._hushed():
            if changed is None:
                self.proxy.refilter()
            else:
                self.proxy.reshow(changed)  # only rows whose look changed may come or go
        rows, columns = self.proxy.rowCount(), self.proxy.columnCount()
        if not rows:
            return
        if changed is None:
            first, last = 0, rows - 1
        else:
            shown = self.proxy.proxy_rows(changed)
            if not len(shown):
                return
            first, last = int(shown.min()), int(shown.max())
        # One range: the view repaints only the part of it on screen.
        self.proxy.dataChanged.emit(self.proxy.index(first, 0), self.proxy.index(last, columns - 1))

    def _apply_known_due(self) -> None:
        if self._known_due:  # else the rows caught up already (shown_ids, showing)
            self._apply_known()

    def known_pending(self) -> bool:
        """True while a "known on" day waits to reach the rows."""
        return self._known_due and self._known_timer.isActive()

    def shown_ids(self) -> list[str]:
        """Ids of the shown rows, in table order (building the rows if still hidden)."""
        self._catch_up()
        ids = self.source.ids()
        return [ids[r] for r in self.proxy.source_rows().tolist()]

    # -- editing ----------------------------------------------------------------------

    def check_cell(self, index: Index, value: str) -> str:
        """Why ``value`` cannot go into the cell at ``index`` ("" when it can)."""
        source = self.proxy.mapToSource(index)
        return self.source.check_edit(source.row(), Col(source.column()), value)

    def commit_cell(self, index: Index, value: str) -> None:
        """Apply a cell's value, to every selected row when the column allows; one undo step."""
        col = Col(index.column())
        anchor = int(self.proxy.source_rows()[index.row()])
        selected = self._selected_rows()
        rows = [anchor]
        if col in MULTI_ROW and index.row() in selected and len(selected) > 1:
            source_rows = self.proxy.source_rows()
            rows = [int(source_rows[r]) for r in selected]
        reason = self.source.apply_edit(rows, col, value, anchor)
        if reason:
            self.status_message.emit(f"Not changed: {reason}")
        else:
            QTimer.singleShot(0, self, self._show_current)

    # -- helpers ----------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """F2 edits the current cell, though the window's F2 means "type the title"."""
        # A window-wide shortcut outruns keyPressEvent unless the focus widget claims
        # the key first: claimed only when there is a cell that F2 would open.
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.ShortcutOverride
            and event.key() == Qt.Key.Key_F2
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self.state() != QAbstractItemView.State.EditingState
            and bool(self.currentIndex().flags() & Qt.ItemFlag.ItemIsEditable)
        ):
            event.accept()
            return True
        return super().event(event)

    def showEvent(self, event: QShowEvent) -> None:
        """Build the rows of a project opened while the table was hidden."""
        self._catch_up()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        """While hidden, a newly opened project waits to be read until the table shows."""
        self.source.set_active(False)
        super().hideEvent(event)

    def _catch_up(self) -> None:
        active = self.source.active or self.isVisible()
        if self.source.set_active(True):
            self.set_selection(self._wanted)
        self.source.set_active(active)
        if self._known_due:
            self._apply_known()

    def _selected_rows(self) -> list[int]:
        rows: set[int] = set()
        selection = self.selectionModel().selection()
        for i in range(selection.size()):
            block = selection.at(i)
            rows.update(range(block.top(), block.bottom() + 1))
        return sorted(rows)

    def _show_current(self) -> None:
        # An edited row may have moved to keep the order: follow it.
        current = self.currentIndex()
        if current.isValid():
            self.scrollTo(current, QAbstractItemView.ScrollHint.EnsureVisible)

    def _set_point_size(self, size: float) -> None:
        font = self.font()
        font.setPointSizeF(max(6.0, min(size, 48.0)))
        self.setFont(font)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self._fit_columns()

    def _fit_columns(self) -> None:
        metrics = self.fontMetrics()
        for col, chars in WIDTHS.items():
            self.setColumnWidth(col, chars * metrics.averageCharWidth() + 12)
        for col, words in WORDS.items():
            # Room for the header's sort arrow as well.
            header = metrics.horizontalAdvance(HEADERS[col]) + 20
            self.setColumnWidth(col, max(header, *map(metrics.horizontalAdvance, words)) + 14)
        if hasattr(self, "title_column"):
            self.title_column.fit()

    def _emit_range(self) -> None:
        """The span of days of the rows on screen."""
        top = max(self.rowAt(0), 0)
        bottom = self.rowAt(self.viewport().height() - 1)
        bottom = self.proxy.rowCount() - 1 if bottom < 0 else bottom
        rows = self.proxy.source_rows()[top : bottom + 1]
        parsed = [parsed_when(self.source.entry_at(int(r))) for r in rows]
        lows = [p.earliest for p in parsed if p.earliest is not None]
        highs = [p.latest for p in parsed if p.latest is not None]
        if lows and highs:
            self.visible_range_changed.emit(min(lows), max(highs))

    @contextmanager
    def _hushed(self) -> Iterator[None]:
        self._hush()
        try:
            yield
        finally:
            self._unhush()

    def _hush(self) -> None:
        self._quiet += 1

    def _unhush(self) -> None:
        self._quiet -= 1

    def _on_selection_changed(self) -> None:
        # Only the user's own selecting is news: the window set the rest, and rows
        # that left with a filter or a delete were dropped by the window already.
        if not self._quiet:
            self.selection_changed.emit(self.selected_ids())

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.entry_activated.emit(
                self.source.entry_at(int(self.proxy.source_rows()[index.row()])).id
            )
