"""Gestures shared by the widget tests."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QTreeWidget

#: pytest-qt's ``QtBot`` methods carry no annotations, so strict mypy sees it as Any.
QtBot = Any


def choose(qtbot: QtBot, combo: QComboBox, data: Any) -> None:
    """Pick the item holding ``data`` with the arrow keys, as a keyboard user would."""
    target = combo.findData(data)
    assert target >= 0, f"{data!r} is not offered"
    combo.setFocus()
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Select all, type the new text, press Enter."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def click_row(qtbot: QtBot, tree: QTreeWidget, row: int) -> None:
    """Click a row of a list, as a user selecting it."""
    item = tree.topLevelItem(row)
    assert item is not None, f"no row {row}"
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
    )


def row_text(tree: QTreeWidget, row: int, column: int) -> str:
    """The text of a list cell."""
    item = tree.topLevelItem(row)
    assert item is not None, f"no row {row}"
    return item.text(column)
