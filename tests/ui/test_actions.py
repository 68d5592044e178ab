"""Every menu action works: each one is in a menu, enabled in a suitable state, and
triggering it raises nothing (dialogs answered by the fixtures)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu
from pytestqt.qtbot import QtBot

from timeline_editor.ui.window import actions as action_table
from timeline_editor.ui.window.main_window import MainWindow

NAMES = [spec.name for spec in action_table.SPECS] + ["edit_undo", "edit_redo"]


def _menu_actions(window: MainWindow) -> list[QAction]:
    found: list[QAction] = []
    for menu in window.menus.values():
        for action in menu.actions():
            if action.isSeparator():
                continue
            found.append(action)
            sub = action.menu()
            if isinstance(sub, QMenu):
                found.extend(a for a in sub.actions() if not a.isSeparator())
    return found


def _ready(window: MainWindow) -> None:
    """A state in which every action has something to act on."""
    window.actions_by_name["insert_event"].trigger()
    window.actions_by_name["insert_meeting"].trigger()
    window.actions_by_name["edit_undo"].trigger()  # something to undo and to redo
    window.select(["e-moscow"])
    window.actions_by_name["edit_copy"].trigger()
    window.find_bar.edit.setText("meeting")


@pytest.mark.parametrize("name", NAMES)
def test_action_is_enabled_and_triggers(loaded: MainWindow, qtbot: QtBot, name: str) -> None:
    _ready(loaded)
    action = loaded.actions_by_name[name]
    assert action in _menu_actions(loaded)
    assert action.isEnabled(), name
    action.trigger()


def test_every_menu_entry_is_known_and_enabled(loaded: MainWindow) -> None:
    _ready(loaded)
    for action in _menu_actions(loaded):
        if action.objectName() in NAMES:
            continue
        # The rest: Open Recent and its entries, and the dock/toolbar toggles.
        assert action.text(), "an entry without a name"
        assert action.isEnabled() or action.menu() is not None, action.text()


def test_shortcuts_are_unique(loaded: MainWindow) -> None:
    keys = [k.toString() for a in loaded.actions_by_name.values() for k in a.shortcuts()]
    assert len(keys) == len(set(keys))
    assert "Ctrl+F" in keys
    assert "Ctrl+Z" in keys


def test_every_action_needs_exactly_one_slot(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = action_table.build_actions(window, QUndoStack(window))
    every: dict[str, action_table.Slot] = {spec.name: window.close for spec in action_table.SPECS}
    without_help = {k: v for k, v in every.items() if k != "help_about"}
    with pytest.raises(ValueError, match="help_about"):
        action_table.connect_actions(actions, without_help)
    with pytest.raises(ValueError, match=r"two slots.*file_new"):
        action_table.connect_actions(actions, every, {"file_new": window.close})
    with pytest.raises(ValueError, match=r"without an action.*file_frobnicate"):
        action_table.connect_actions(actions, every, {"file_frobnicate": window.close})
