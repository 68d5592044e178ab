"""Cell editors of the chronology table: a line for text and dates, a list for choices.

Enter or Tab on a line whose text cannot be applied (a date that is not EDTF, a title
too long) keeps the editor open, marks it red and shows the reason, as the inspector
does; nothing is applied. Leaving such a line any other way drops the edit and says
why in the status bar. A list opens its choices at once; picking one applies it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from timeline_editor.model.entities import Project
from timeline_editor.model.vocab import Confidence, EntryKind, Likelihood, Status, likelihood_label
from timeline_editor.ui.table.columns import CHOICE, Col
from timeline_editor.ui.widgets.fields import mark_error

Index = QModelIndex | QPersistentModelIndex
#: Checks a typed value for a cell: the reason it cannot be applied, or "".
Check = Callable[[QModelIndex | QPersistentModelIndex, str], str]
#: Applies a value typed or picked in a cell (to the selected rows where that applies).
Commit = Callable[[QModelIndex | QPersistentModelIndex, str], None]
NOT_ASSESSED = "— not assessed —"
PLACEHOLDERS = {
    Col.DATE: "EDTF, e.g. 2021-12-15, 2021-11~, [2021-11..2021-12]; empty = undated",
    Col.TAGS: "comma-separated tags",
}
_COMMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


def choices(col: Col, project: Project) -> list[tuple[str, str]]:
    """(label, value) pairs a choice column offers."""
    match col:
        case Col.KIND:
            return [(k.value, k.value) for k in EntryKind]
        case Col.STATUS:
            return [(s.value, s.value) for s in Status]
        case Col.LANE:
            return [("— no lane —", "")] + [(lane.title, lane.id) for lane in project.lanes]
        case Col.LIKELIHOOD:
            return [(NOT_ASSESSED, "")] + [(likelihood_label(t), t.value) for t in Likelihood]
    return [(NOT_ASSESSED, "")] + [(c.value, c.value) for c in Confidence]


class CellDelegate(QStyledItemDelegate):
    """Makes the editors and checks typed values before they are committed."""

    def __init__(
        self, parent: QWidget, project: Callable[[], Project], check: Check, commit: Commit
    ) -> None:
        super().__init__(parent)
        self._project, self._check, self._commit = project, check, commit
        self._cells: dict[QWidget, QPersistentModelIndex] = {}

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        """A list of choices, or a line of text."""
        col = Col(index.column())
        editor: QWidget
        if col in CHOICE:
            combo = QComboBox(parent)
            for label, value in choices(col, self._project()):
                combo.addItem(label, value)
            combo.activated.connect(lambda _i, c=combo: self._picked(c))
            # The choices open at once: one key or click picks, as in a spreadsheet.
            QTimer.singleShot(0, combo, combo.showPopup)
            editor = combo
        else:
            line = QLineEdit(parent)
            line.setPlaceholderText(PLACEHOLDERS.get(col, ""))
            line.textEdited.connect(lambda _text, e=line: mark_error(e, None, ""))
            editor = line
        editor.setAccessibleName(f"Edit {index.model().headerData(col, Qt.Orientation.Horizontal)}")
        editor.installEventFilter(self)
        self._cells[editor] = QPersistentModelIndex(index)
        editor.destroyed.connect(lambda *_: self._cells.pop(editor, None))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """Start from the cell's value (the EDTF of a date, the id of a lane…)."""
        value = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QLineEdit):
            editor.setText(value)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        """Hand the value to the table, which applies it as one undo step or says why not."""
        if isinstance(editor, QComboBox):
            value = str(editor.currentData() or "")
        elif isinstance(editor, QLineEdit):
            value = editor.text()
        else:
            return
        if value != str(index.data(Qt.ItemDataRole.EditRole) or ""):
            self._commit(index, value)

    def _picked(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Refuse Enter and Tab on a line whose text cannot be applied, showing why."""
        if (
            isinstance(watched, QLineEdit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _COMMIT_KEYS
        ):
            index = self._cells.get(watched)
            reason = self._check(index, watched.text()) if index is not None else ""
            if reason:
                mark_error(watched, None, reason)
                QToolTip.showText(watched.mapToGlobal(watched.rect().bottomLeft()), reason, watched)
                return True
        return super().eventFilter(watched, event)
