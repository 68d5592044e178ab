"""A thin table adapter over the project's sources, with sort keys and a text filter."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from timeline_editor.model.document import Change, ChangeKind, Document
from timeline_editor.model.edtf import EdtfError, parse_edtf
from timeline_editor.model.entities import Source
from timeline_editor.model.queries import cited_source_ids
from timeline_editor.model.vocab import RELIABILITY_LABELS

#: The title leads and takes the room; the short columns a researcher weighs a source
#: by (reliability, how often cited, when) come next, the long ones last.
COLUMNS = ("Title", "Reliability", "Cited by", "Issued", "Kind", "Outlet", "Author")
#: Header words: short, so that the compact columns stay compact.
HEADERS = {"Reliability": "Rel.", "Cited by": "Cited"}
HEADER_TIPS = {
    "Reliability": "Reliability of the source (Admiralty scale A–F)",
    "Cited by": "How many entries cite the source",
}
CITED_BY = COLUMNS.index("Cited by")
RELIABILITY = COLUMNS.index("Reliability")
SORT_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: Full words of every cell (e.g. "B — usually reliable"), which the text filter searches.
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


def _issued_key(text: str) -> int:
    """Sort key of an issued date: its earliest day; undated sources sort first."""
    try:
        earliest = parse_edtf(text).earliest
    except EdtfError:
        earliest = None
    return -(10**9) if earliest is None else earliest


class SourceTableModel(QAbstractTableModel):
    """Rows are ``document.project.sources``; follows the document's notifications."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self._document = document
        self._sources: tuple[Source, ...] = ()
        self._counts: Counter[str] = Counter()
        # Which sources each entry cites, so that an edit of a few entries updates the
        # counts in O(edited) instead of rescanning a 100k-entry project.
        self._cited: dict[str, set[str]] = {}
        self._reload()
        unsubscribe = document.subscribe(self._on_document_changed)
        self.destroyed.connect(lambda *_: unsubscribe())

    def _reload(self) -> None:
        project = self._document.project
        self._sources = project.sources
        self._cited = {e.id: cited_source_ids(e) for e in project.entries}
        self._counts = Counter(s for cited in self._cited.values() for s in cited)

    def _on_document_changed(self, change: Change) -> None:
        if change.collection == "entries" and change.kind is not ChangeKind.RESET:
            self._update_counts(change)
        elif change.collection == "sources" or change.kind is ChangeKind.RESET:
            self.beginResetModel()
            self._reload()
            self.endResetModel()

    def _update_counts(self, change: Change) -> None:
        touched: set[str] = set()
        for ident in change.ids:
            old = self._cited.pop(ident, set())
            entry = self._document.find_entry(ident)
            new = cited_source_ids(entry) if entry is not None else set()
            if entry is not None:
                self._cited[ident] = new
            self._counts.subtract(old - new)
            self._counts.update(new - old)
            touched |= old ^ new
        for source_id in touched:
            row = self.row_of(source_id)
            if row >= 0:
                cell = self.index(row, CITED_BY)
                self.dataChanged.emit(cell, cell)

    def cited_by(self, source_id: str) -> int:
        """How many entries cite a source."""
        return self._counts[source_id]

    def row_of(self, source_id: str) -> int:
        """The row of a source, or -1."""
        return next((i for i, s in enumerate(self._sources) if s.id == source_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One row per source."""
        return 0 if parent.isValid() else len(self._sources)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """The fixed columns."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles (short) and their tooltips."""
        if orientation is not Qt.Orientation.Horizontal:
            return None
        name = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS.get(name, name)
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS.get(name)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, sort key, tooltip and id of a cell."""
        if not index.isValid():
            return None
        source = self._sources[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return source.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == RELIABILITY:
                return source.reliability.value
            return self._text(source, column)
        if role == FILTER_ROLE:
            return self._text(source, column)
        if role == SORT_ROLE:
            if column == CITED_BY:
                return self._counts[source.id]
            if column == COLUMNS.index("Issued"):
                return _issued_key(source.issued)
            return self._text(source, column).casefold()
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == RELIABILITY:
                return f"Reliability {self._text(source, column)}"
            if column == COLUMNS.index("Title"):
                return source.url or source.title
            return self._text(source, column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (CITED_BY, RELIABILITY):
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _text(self, source: Source, column: int) -> str:
        match COLUMNS[column]:
            case "Kind":
                return source.kind.value.replace("_", " ")
            case "Title":
                return source.title
            case "Outlet":
                return source.container_title or source.publisher
            case "Author":
                return "; ".join(source.author)
            case "Issued":
                return source.issued
            case "Reliability":
                return f"{source.reliability.value} — {RELIABILITY_LABELS[source.reliability]}"
        return str(self._counts[source.id])


class SourceFilterProxy(QSortFilterProxyModel):
    """Sorts by the model's sort keys; filters on every text column, ignoring case."""

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterRole(FILTER_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
