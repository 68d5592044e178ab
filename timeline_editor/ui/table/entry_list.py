"""The chronology as a sortable list: a second view beside the timeline canvas.

It offers the same interface as :class:`~timeline_editor.ui.canvas.timeline.TimelineCanvas`
(selection, filter, lane grouping, "zoom" as text size), so the main window can drive
either one the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from timeline_editor.model.changes import ChangeSet
from timeline_editor.model.document import Document
from timeline_editor.model.entities import Entry, Project
from timeline_editor.model.filters import EntryPredicate
from timeline_editor.model.queries import is_disputed, parsed_when
from timeline_editor.model.vocab import LaneMode, parse_lane_mode
from timeline_editor.ui.widgets.column_fit import MainColumn

#: The title comes right after the date and takes the room; the source's own wording
#: of the date, often long, comes last.
COLUMNS = ("Date", "Title", "Group", "Kind", "Status", "As stated")
TITLE_COLUMN = 1
GROUP_COLUMN = 2
#: A long "as stated" wording is elided past this width (it shows whole on hover).
MAX_COLUMN_WIDTH = 260
ID_ROLE = Qt.ItemDataRole.UserRole


def group_label(entry: Entry, project: Project, mode: LaneMode, names: dict[str, str]) -> str:
    """The lane, first actor or kind under which ``entry`` is listed."""
    if mode == LaneMode.ACTOR:
        return names.get(entry.actor_ids[0], "") if entry.actor_ids else ""
    if mode == LaneMode.KIND:
        return entry.kind.value
    return names.get(entry.lane_id, "") if entry.lane_id else ""


class EntryListView(QTreeWidget):
    """A list of the entries that pass the filter, grouped and in date order."""

    selection_changed = Signal(list)
    entry_activated = Signal(str)
    visible_range_changed = Signal(int, int)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entryList")
        self._document = document
        self._filter: EntryPredicate | None = None
        self._mode = LaneMode.LANE
        self._items: dict[str, QTreeWidgetItem] = {}
        self._dirty = True
        self._pending: list[str] | None = None
        self._base_point_size = self.font().pointSizeF()
        self.setHeaderLabels(list(COLUMNS))
        self.headerItem().setText(GROUP_COLUMN, "Lane")
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        last = len(COLUMNS) - 1
        self.title_column = MainColumn(self, self.header(), TITLE_COLUMN, 0.35, squeeze=last)
        self.itemSelectionChanged.connect(self._on_selection_changed)
        self.itemActivated.connect(self._on_item_activated)
        self._unsubscribe = document.subscribe(self._on_document_changed)
        self.destroyed.connect(lambda *_: self._unsubscribe())
        self.rebuild()

    # -- the shared view interface -------------------------------------------------

    def set_selection(self, ids: list[str]) -> None:
        """Select exactly these entries (those not shown are ignored)."""
        if self._dirty and not self.isVisible():
            # Built when first shown, with the selection the window holds then.
            self._pending = list(ids)
            return
        self._ensure_built()
        self.blockSignals(True)
        try:
            self.clearSelection()
            flags = QItemSelectionModel.SelectionFlag.Select
            first: QTreeWidgetItem | None = None
            for ident in ids:
                item = self._items.get(ident)
                if item is not None:
                    index = self.indexFromItem(item)
                    self.selectionModel().select(
                        index, flags | QItemSelectionModel.SelectionFlag.Rows
                    )
                    first = first or item
            if first is not None:
                self.setCurrentItem(first, 0, QItemSelectionModel.SelectionFlag.NoUpdate)
        finally:
            self.blockSignals(False)

    def selected_ids(self) -> list[str]:
        """Ids of the selected entries, in list order."""
        if self._pending is not None:
            return list(self._pending)
        return [str(item.data(0, ID_ROLE)) for item in self.selectedItems()]

    def zoom_in(self) -> None:
        """Larger text."""
        self._set_point_size(self.font().pointSizeF() * 1.15)

    def zoom_out(self) -> None:
        """Smaller text."""
        self._set_point_size(self.font().pointSizeF() / 1.15)

    def fit_all(self) -> None:
        """Normal text size, columns fitted, back to the top."""
        self._set_point_size(self._base_point_size)
        self.scrollToTop()

    def zoom_to_selection(self) -> None:
        """Scroll the first selected entry into view."""
        items = self.selectedItems()
        if items:
            self.scrollToItem(items[0], QAbstractItemView.ScrollHint.PositionAtCenter)

    def go_to_day(self, day: int) -> None:
        """Scroll to the shown entry whose start is nearest to ``day``."""
        self._ensure_built()
        best: QTreeWidgetItem | None = None
        best_gap: int | None = None
        for ident, item in self._items.items():
            earliest = parsed_when(self._document.entry(ident)).earliest
            if earliest is not None and (best_gap is None or abs(earliest - day) < best_gap):
                best, best_gap = item, abs(earliest - day)
        if best is not None:
            self.scrollToItem(best, QAbstractItemView.ScrollHint.PositionAtTop)

    def set_lane_mode(self, mode: LaneMode) -> None:
        """Group rows by lane, first actor or kind."""
        self._mode = parse_lane_mode(mode)  # a plain string from an untyped caller
        self.headerItem().setText(GROUP_COLUMN, mode.capitalize())
        self._mark_dirty()

    def set_filter(self, predicate: EntryPredicate | None) -> None:
        """Show only entries for which ``predicate`` is true (None: all)."""
        self._filter = predicate
        self._mark_dirty()

    def shown_ids(self) -> list[str]:
        """Ids of the listed entries, in list order."""
        self._ensure_built()
        root = self.invisibleRootItem()
        children = (root.child(i) for i in range(root.childCount()))
        return [str(item.data(0, ID_ROLE)) for item in children if item is not None]

    # -- building --------------------------------------------------------------------

    def rebuild(self) -> None:
        """Fill the list from the document."""
        project = self._document.project
        names = {a.id: a.name for a in project.actors} | {x.id: x.title for x in project.lanes}
        entries = [e for e in project.entries if self._filter is None or self._filter(e)]
        rows = [(self._row(e, project, names), e) for e in entries]
        rows.sort(key=lambda pair: pair[0][0])
        selected = set(self.selected_ids() if self._pending is None else self._pending)
        self._pending = None
        self.blockSignals(True)
        try:
            self.clear()
            self._items = {}
            items = [self._make_item(texts, entry) for (_key, texts), entry in rows]
            self.addTopLevelItems(items)
        finally:
            self.blockSignals(False)
        self._dirty = False
        self.set_selection([i for i in self._items if i in selected])
        self._fit_columns()
        self._emit_range(entries)
        if selected != set(self.selected_ids()):
            self.selection_changed.emit(self.selected_ids())

    def _row(
        self, entry: Entry, project: Project, names: dict[str, str]
    ) -> tuple[tuple[str, int, int, str], list[str]]:
        parsed = parsed_when(entry)
        group = group_label(entry, project, self._mode, names)
        dated = 0 if parsed.earliest is not None else 1
        key = (group.casefold() or "\uffff", dated, parsed.earliest or 0, entry.title)
        status = entry.status.value + (" · disputed" if is_disputed(entry) else "")
        date = entry.when.edtf or "undated"
        texts = [date, entry.title, group, entry.kind.value, status, entry.when.as_stated]
        return key, texts

    def _make_item(self, texts: list[str], entry: Entry) -> QTreeWidgetItem:
        item = QTreeWidgetItem(texts)
        item.setData(0, ID_ROLE, entry.id)
        item.setToolTip(TITLE_COLUMN, entry.description[:500] or entry.title)
        item.setToolTip(len(COLUMNS) - 1, entry.when.as_stated)
        self._items[entry.id] = item
        return item

    def _emit_range(self, entries: list[Entry]) -> None:
        lows = [p.earliest for p in map(parsed_when, entries) if p.earliest is not None]
        highs = [p.latest for p in map(parsed_when, entries) if p.latest is not None]
        if lows and highs:
            self.visible_range_changed.emit(min(lows), max(highs))

    def _set_point_size(self, size: float) -> None:
        font = self.font()
        font.setPointSizeF(max(6.0, min(size, 48.0)))
        self.setFont(font)
        self._fit_columns()

    def _fit_columns(self) -> None:
        for column in range(len(COLUMNS)):
            if column != TITLE_COLUMN:
                self.resizeColumnToContents(column)
                self.setColumnWidth(column, min(self.columnWidth(column), MAX_COLUMN_WIDTH))
        self.title_column.set_natural_width(self.columnWidth(len(COLUMNS) - 1))
        self.title_column.fit()

    # -- keeping up with the document -----------------------------------------------

    def _mark_dirty(self) -> None:
        self._dirty = True
        if self.isVisible():
            # Coalesce a burst of changes into one rebuild.
            QTimer.singleShot(0, self._ensure_built)

    def _ensure_built(self) -> None:
        if self._dirty:
            self.rebuild()

    def showEvent(self, event: QShowEvent) -> None:
        """Catch up with changes made while hidden."""
        self._ensure_built()
        super().showEvent(event)

    def _on_document_changed(self, changes: ChangeSet) -> None:
        if changes.touches("entries", "lanes", "actors"):
            self._dirty = True
            # A shown list rebuilds at once so that a caller can select a new entry;
            # a hidden one waits until it is shown or asked.
            if self.isVisible():
                self.rebuild()

    def _on_selection_changed(self) -> None:
        self.selection_changed.emit(self.selected_ids())

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.entry_activated.emit(str(item.data(0, ID_ROLE)))
