"""The find bar says when nothing matches, and its layout does not jump."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.helpers import QtBot
from timeline_editor.ui.window.main_window import MainWindow


def test_no_match_is_said_and_tinted_and_the_field_keeps_its_width(
    qtbot: QtBot, loaded: MainWindow
) -> None:
    bar = loaded.find_bar
    loaded.actions_by_name["edit_find"].trigger()
    qtbot.keyClicks(bar.edit, "meeting")
    width = bar.edit.width()
    assert bar.status.text() == "2 matches"
    assert not bar.edit.property("te_no_match")
    qtbot.keyClicks(bar.edit, "zzzz")
    assert bar.status.text() == "no matches"
    assert bar.edit.property("te_no_match")
    assert "background" in bar.edit.styleSheet()
    assert bar.edit.width() == width
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.status.text() == "no matches"
    bar.edit.clear()
    assert bar.status.text() == "" and bar.edit.styleSheet() == ""
    assert bar.edit.width() == width


def test_one_match_is_singular(qtbot: QtBot, loaded: MainWindow) -> None:
    loaded.actions_by_name["edit_find"].trigger()
    qtbot.keyClicks(loaded.find_bar.edit, "Brussels")
    assert loaded.find_bar.status.text() == "1 match"
