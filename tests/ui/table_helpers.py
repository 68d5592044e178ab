"""Gestures on the chronology table shared by its tests: header clicks, cell editing."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from tests.samples import small_project
from tests.stacks import new_stack
from tests.ui.helpers import QtBot
from timeline_editor.model.document import Document
from timeline_editor.ui.table.columns import Col
from timeline_editor.ui.table.view import ChronologyTable


def make_table(qtbot: QtBot, document: Document | None = None) -> ChronologyTable:
    """A shown table on the small sample project (or ``document``)."""
    table = ChronologyTable(document or Document(small_project()), new_stack())
    qtbot.addWidget(table)
    table.resize(1600, 400)
    table.show()
    qtbot.waitExposed(table)
    return table


def click_header(qtbot: QtBot, table: ChronologyTable, col: Col) -> None:
    """Click a column's header, as a user sorting by it."""
    header = table.horizontalHeader()
    table.scrollTo(table.proxy.index(0, col))
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def cell(table: ChronologyTable, ident: str, col: Col) -> QModelIndex:
    """The shown cell of an entry."""
    row = table.proxy.proxy_row(table.source.row_of(ident))
    assert row >= 0, f"{ident} is not shown"
    return table.proxy.index(row, col)


def click_cell(
    qtbot: QtBot, table: ChronologyTable, ident: str, col: Col, ctrl: bool = False
) -> None:
    """Click a cell (with Ctrl: add its row to the selection)."""
    index = cell(table, ident, col)
    table.scrollTo(index)
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, modifier, table.visualRect(index).center()
    )


def open_editor(
    qtbot: QtBot, table: ChronologyTable, ident: str, col: Col
) -> QLineEdit | QComboBox:
    """Make a cell current and press F2; the editor that takes the focus."""
    model = table.selectionModel()
    model.setCurrentIndex(cell(table, ident, col), model.SelectionFlag.NoUpdate)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    [editor] = open_editors(table)
    return editor


def open_editors(table: ChronologyTable) -> list[QLineEdit | QComboBox]:
    """The cell editors open now."""
    children = table.viewport().findChildren(QWidget)
    return [w for w in children if isinstance(w, QLineEdit | QComboBox) and w.isVisible()]


def type_into(qtbot: QtBot, table: ChronologyTable, ident: str, col: Col, text: str) -> QLineEdit:
    """Edit a text cell: F2, replace its text, Enter; the (possibly still open) editor."""
    editor = open_editor(qtbot, table, ident, col)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QTest.qWait(1)  # the delegate commits on the next turn of the event loop
    return editor


def pick(qtbot: QtBot, table: ChronologyTable, ident: str, col: Col, value: str) -> None:
    """Edit a choice cell: F2 opens the list; arrow keys to ``value``; Enter picks it."""
    editor = open_editor(qtbot, table, ident, col)
    assert isinstance(editor, QComboBox)
    qtbot.waitUntil(editor.view().isVisible)
    target = editor.findData(value)
    assert target >= 0, f"{value!r} is not offered"
    view = editor.view()
    while view.currentIndex().row() != target:
        key = Qt.Key.Key_Down if view.currentIndex().row() < target else Qt.Key.Key_Up
        qtbot.keyClick(view, key)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    QTest.qWait(1)
