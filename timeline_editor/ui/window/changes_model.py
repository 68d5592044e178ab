"""The rows of the "What changed" panel: one group per kind of change, one row per change.

A thin model over plain lists (:class:`~timeline_editor.model.knowledge_changes.
KnowledgeChange`): the panel hands it the changes grouped by kind and it shows the
groups that have any, in a fixed order, each headed by its name and count. Columns: the
day the change became known, the entry's title, and what changed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from timeline_editor.model.daynum import format_day
from timeline_editor.model.knowledge_changes import ChangeKind, KnowledgeChange

#: The heading of each group, in the order shown.
GROUP_NAMES: dict[ChangeKind, str] = {
    ChangeKind.ADDED: "Entries added",
    ChangeKind.POSSIBLY_ADDED: "Entries possibly added",
    ChangeKind.STATUS: "Status changes",
    ChangeKind.DATE: "Date changes",
    ChangeKind.CLAIM_MADE: "Claims made",
    ChangeKind.CLAIM_RETRACTED: "Claims retracted",
}
HEADERS = ("Day", "Entry", "What changed")
#: The role holding a change row's entry id (None on group rows).
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: internalId of group rows; a change row's is its group's row + 1.
_GROUP = 0
_Index = QModelIndex | QPersistentModelIndex


def detail(change: KnowledgeChange) -> str:
    """What changed, in words: old → new, who said what; nothing for an entry added."""
    if change.kind in (ChangeKind.STATUS, ChangeKind.DATE):
        return f"{change.old or 'undated'} → {change.new or 'undated'}"
    if change.claim:
        return change.claim
    if change.kind is ChangeKind.POSSIBLY_ADDED:
        return "possibly known (its evidence may be later)"
    return ""


class ChangesModel(QAbstractItemModel):
    """Changes grouped by kind, two levels deep."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[ChangeKind, list[KnowledgeChange]]] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_changes(self, groups: Mapping[ChangeKind, Sequence[KnowledgeChange]]) -> None:
        """Show these changes (kinds with none are left out)."""
        self.beginResetModel()
        self._groups = [(kind, list(groups[kind])) for kind in GROUP_NAMES if groups.get(kind)]
        self.endResetModel()

    def groups(self) -> list[tuple[ChangeKind, list[KnowledgeChange]]]:
        """The groups shown, in order."""
        return list(self._groups)

    def change_at(self, index: _Index) -> KnowledgeChange | None:
        """The change on a change row; None on a group row or an invalid index."""
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    def find(self, entry_id: str, kind: ChangeKind, claim_id: str | None) -> QModelIndex:
        """The row of a change (by entry, kind and claim), or an invalid index."""
        for row, (group_kind, changes) in enumerate(self._groups):
            if group_kind is not kind:
                continue
            for number, change in enumerate(changes):
                if change.entry_id == entry_id and change.claim_id == claim_id:
                    return self.createIndex(number, 0, row + 1)
        return QModelIndex()

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """The index of a group (no parent) or of a change in a group."""
        # No hasIndex(): it calls rowCount and columnCount back in Python, and the view
        # asks for every row of a group it expands.
        if not 0 <= column < len(HEADERS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            found = row < len(self._groups)
            return self.createIndex(row, column, _GROUP) if found else QModelIndex()
        group = parent.row()
        if parent.internalId() != _GROUP or row >= len(self._groups[group][1]):
            return QModelIndex()
        return self.createIndex(row, column, group + 1)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """A change row's group; nothing for a group."""
        if not index.isValid() or index.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Groups at the top, changes under each group."""
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Day, entry and what changed."""
        return len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        """The column names."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Text, tooltip, bold group headings and the entry id of each change."""
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            return self._group_data(index, role)
        change = self.change_at(index)
        assert change is not None
        if role == Qt.ItemDataRole.DisplayRole:
            day = format_day(change.day) if change.day is not None else "undated"
            return (day, change.title or "(untitled)", detail(change))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return change.text()
        if role == ENTRY_ID_ROLE:
            return change.entry_id
        return None

    def _group_data(self, index: _Index, role: int) -> object:
        kind, changes = self._groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            return f"{GROUP_NAMES[kind]} ({len(changes):,})"
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        return None
