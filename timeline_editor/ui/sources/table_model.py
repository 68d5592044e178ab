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

from timeline_editor.model.changes import ChangeSet
from timeline_editor.model.document import Document
from timeline_editor.model.edtf import EdtfError, parse_edtf
from timeline_editor.model.entities import Entry, Source
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
    """Rows are ``document.project.sources``; follows the document's change sets.

    How many entries cite each source is counted the first time it is asked for (the
    library is usually a hidden tab when a project opens) and then adjusted by each
    edit's entries: what an entry cited before is subtracted, what it cites now added.
    """

    def __init__(self, document: Document) -> None:
        super().__init__()
        self._document = document
        self._sources: tuple[Source, ...] = ()
        self._rows: dict[str, int] = {}
        self._counted: Counter[str] | None = None
        self._reload()
        unsubscribe = document.subscribe(self._on_document_changed)
        self.destroyed.connect(lambda *_: unsubscribe())

    def _reload(self) -> None:
        self._sources = self._document.project.sources
        self._rows = {source.id: row for row, source in enumerate(self._sources)}
        self._counted = None

    @property
    def _counts(self) -> Counter[str]:
        if self._counted is None:
            entries = self._document.project.entries
            self._counted = Counter(s for e in entries for s in cited_source_ids(e))
        return self._counted

    def _on_document_changed(self, changes: ChangeSet) -> None:
        if changes.reset or changes.added_ids("sources") or changes.removed_ids("sources"):
            self.beginResetModel()
            self._reload()
            self.endResetModel()
            return
        if changes.touches("sources"):
            self._sources = self._document.project.sources
            self._emit_rows([self._rows[i] for i in changes.changed_ids("sources")], 0)
        if changes.touches("entries") and self._counted is not None:
            self._update_counts(changes)

    def _update_counts(self, changes: ChangeSet) -> None:
        counts, touched = self._counted, set[str]()
        assert counts is not None
        find = self._document.find_entry
        for ident in (*changes.removed_ids("entries"), *changes.changed_ids("entries")):
            old = changes.old(ident)
            if isinstance(old, Entry):
                cited = cited_source_ids(old)
                counts.subtract(cited)
                touched |= cited
        for ident in (*changes.added_ids("entries"), *changes.changed_ids("entries")):
            new = find(ident)
            if new is not None:
                cited = cited_source_ids(new)
                counts.update(cited)
                touched |= cited
        self._emit_rows([self._rows[s] for s in touched if s in self._rows], CITED_BY)

    def _emit_rows(self, rows: list[int], column: int) -> None:
        """One dataChanged over the rows' span (from ``column`` to the last)."""
        if rows:
            last = len(COLUMNS) - 1
            self.dataChanged.emit(self.index(min(rows), column), self.index(max(rows), last))

    def cited_by(self, source_id: str) -> int:
        """How many entries cite a source."""
        return self._counts[source_id]

    def row_of(self, source_id: str) -> int:
        """The row of a source, or -1."""
        return self._rows.get(source_id, -1)

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
