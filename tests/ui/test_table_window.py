"""The table in the window: beside or instead of the chart, selection shared, built lazily."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.ui.helpers import QtBot
from tests.ui.table_helpers import cell, click_cell
from timeline_editor.io.settings import Settings
from timeline_editor.ui.table.columns import Col
from timeline_editor.ui.window.main_window import MainWindow
from timeline_editor.ui.window.view_control import CENTRAL_KEY


def trigger(window: MainWindow, name: str) -> None:
    """Choose a menu entry."""
    window.actions_by_name[name].trigger()


def test_table_selection_reaches_the_chart_and_back(loaded: MainWindow, qtbot: QtBot) -> None:
    trigger(loaded, "view_split")
    click_cell(qtbot, loaded.table, "e-route", Col.TITLE)
    assert loaded.selected_ids() == ["e-route"]
    assert loaded.timeline.selected_ids() == ["e-route"]
    assert loaded.inspector.shown_ids() == ["e-route"]
    loaded.timeline.choose(["e-war"])  # as a click on the chart does
    assert loaded.table.selected_ids() == ["e-war"]
    assert loaded.table.currentIndex().row() == cell(loaded.table, "e-war", Col.TITLE).row()


def test_enter_on_a_row_opens_its_title_in_the_inspector(loaded: MainWindow, qtbot: QtBot) -> None:
    trigger(loaded, "view_list")
    click_cell(qtbot, loaded.table, "e-moscow", Col.SOURCES)
    qtbot.keyClick(loaded.table, Qt.Key.Key_Return)
    assert loaded.selected_ids() == ["e-moscow"]
    assert loaded.inspector.entry_form.title_edit.selectedText() == "Trilateral meeting in Moscow"


def test_chart_and_table_beside_each_other_are_remembered(qtbot: QtBot, window: MainWindow) -> None:
    assert not window.table.isVisible()  # first start: the chart alone
    trigger(window, "view_split")
    assert window.table.isVisible() and window.timeline.isVisible()
    assert min(window.splitter.sizes()) > 0
    window.splitter.setSizes([300, 500])
    window.close()
    assert Settings().get(CENTRAL_KEY) == "both"
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    assert again.actions_by_name["view_split"].isChecked()
    assert again.table.isVisible() and again.timeline.isVisible()
    top, bottom = again.splitter.sizes()
    assert bottom > top
    trigger(again, "view_list")
    assert again.table.hasFocus() or not again.isActiveWindow()
    assert again.viewing.current_view() is again.table
    assert again.viewing.centre_day() is None  # no chart on screen


def test_view_menu_names_the_table(window: MainWindow) -> None:
    assert window.actions_by_name["view_list"].text() == "Ta&ble"
    assert window.actions_by_name["view_split"].shortcut().toString() == "Ctrl+3"


def test_a_hidden_table_reads_an_opened_project_when_shown(
    window: MainWindow, project_file: Path, qtbot: QtBot
) -> None:
    assert window.files.load(project_file)
    table = window.table
    assert table.source.stale and table.source.rowCount() == 0  # opening cost it nothing
    window.select(["e-moscow"])
    assert table.selected_ids() == ["e-moscow"]
    trigger(window, "view_split")
    assert not table.source.stale and table.proxy.rowCount() == 5
    assert table.selected_ids() == ["e-moscow"]
    trigger(window, "view_timeline")
    war = window.document.entry("e-war")
    window.document.replace("entries", [war.model_copy(update={"title": "War"})])
    assert cell(table, "e-war", Col.TITLE).data() == "War"  # edits still followed row by row


def test_f2_in_the_table_edits_its_cell_and_elsewhere_the_title(
    loaded: MainWindow, qtbot: QtBot
) -> None:
    # The window's F2 (Entry Title) gives way to the table while the table has the
    # keyboard: there F2 edits the current cell, as in any spreadsheet.
    loaded.activateWindow()
    trigger(loaded, "view_split")
    title = loaded.document.entry("e-route").title
    click_cell(qtbot, loaded.table, "e-route", Col.DATE)
    qtbot.waitUntil(loaded.table.hasFocus)
    QTest.keyClick(loaded.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.parent() is loaded.table.viewport()
    editor.selectAll()
    QTest.keyClicks(editor, "2021-11-18")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: loaded.document.entry("e-route").when.edtf == "2021-11-18")
    assert loaded.document.entry("e-route").title == title
    loaded.timeline.setFocus()  # off the table, F2 keeps its meaning
    qtbot.waitUntil(loaded.timeline.hasFocus)
    QTest.keyClick(loaded.timeline, Qt.Key.Key_F2)
    qtbot.waitUntil(loaded.inspector.entry_form.title_edit.hasFocus)
