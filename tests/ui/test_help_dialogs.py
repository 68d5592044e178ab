"""Help windows are readable: whole key names, wrapped commands, the drawn legend."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel, QTableWidget, QTextBrowser

from tests.ui.helpers import QtBot
from timeline_editor.ui.dialogs import help_pages
from timeline_editor.ui.window.main_window import MainWindow


def test_shortcut_keys_show_whole_without_a_horizontal_scrollbar(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = help_pages.shortcuts_dialog(window, window.actions_by_name.values())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.findChild(QTableWidget)
    assert table is not None
    assert not table.horizontalScrollBar().isVisible()
    metrics = table.fontMetrics()

    def cell(row: int, column: int) -> str:
        item = table.item(row, column)
        assert item is not None
        return item.text()

    widest = max(metrics.horizontalAdvance(cell(r, 1)) for r in range(table.rowCount()))
    assert table.columnWidth(1) >= widest
    assert table.columnWidth(0) + table.columnWidth(1) <= table.viewport().width()
    # Long gesture descriptions wrap onto more lines instead of being cut off.
    wrap = Qt.TextFlag.TextWordWrap
    for row in range(table.rowCount()):
        room = QRect(0, 0, table.columnWidth(0) - 8, 10_000)
        needed = metrics.boundingRect(room, wrap, cell(row, 0)).height()
        assert table.rowHeight(row) >= needed, cell(row, 0)
    assert max(table.rowHeight(r) for r in range(table.rowCount())) >= 2 * metrics.lineSpacing()


def test_shortcuts_leave_out_special_keyboard_keys(window: MainWindow) -> None:
    rows = dict(help_pages.shortcut_rows(window.actions_by_name.values()))
    assert rows["New"] == "Ctrl+N"
    assert rows["Copy"] == "Ctrl+C, Ctrl+Ins"


def test_legend_window_shows_the_drawn_legend(qtbot: QtBot, window: MainWindow) -> None:
    dialog = help_pages.legend_dialog(window)
    qtbot.addWidget(dialog)
    picture = dialog.findChild(QLabel, "legendPicture")
    assert picture is not None
    image = picture.pixmap().toImage()
    drawn = help_pages.legend_image()
    assert image.size() == drawn.size()
    same = image.convertToFormat(drawn.format())
    assert same == drawn  # the very pixels the canvas legend paints
    colours = {drawn.pixel(x, y) for x in range(0, drawn.width(), 3) for y in range(0, 60, 3)}
    assert len(colours) > 5  # marks and words, not a blank box
    browser = dialog.findChild(QTextBrowser)
    assert browser is not None
    assert "Undated strip" in browser.toPlainText()


def test_every_mark_of_the_drawn_legend_is_explained() -> None:
    assert set(help_pages.legend_names()) == set(help_pages.EXPLANATIONS)


def test_only_keys_of_an_ordinary_keyboard_are_listed() -> None:
    from PySide6.QtGui import QKeySequence

    from timeline_editor.ui.dialogs.help_pages import _typable

    assert _typable(QKeySequence("Ctrl+S"))
    assert _typable(QKeySequence("F3"))
    assert not _typable(QKeySequence("F20"))
    assert not _typable(QKeySequence("Shift+Save"))
