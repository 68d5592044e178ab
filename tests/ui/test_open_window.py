"""``timeline_editor.ui.open_window``: the program's window, for tests and embedding."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.conftest import Shown
from timeline_editor.io.project_file import load_project
from timeline_editor.model.entities import Project
from timeline_editor.ui import MainWindow, open_window


def test_open_window_on_a_file_is_shown_wired_and_clean(qtbot: QtBot, project_file: Path) -> None:
    window = open_window(project_file)
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    assert window.isVisible()
    assert window.files.path == project_file
    assert window.document.project == load_project(project_file)
    assert window.windowTitle() == "brussels.json[*] — Timeline Editor"
    assert not window.isWindowModified()
    # The menus reach the controllers: an insert is one undoable, unsaved change.
    window.actions_by_name["insert_event"].trigger()
    assert len(window.document.project.entries) == 6
    assert window.isWindowModified()
    assert window.selected_ids() == [window.document.project.entries[-1].id]


def test_open_window_without_a_file_is_an_empty_untitled_project(qtbot: QtBot) -> None:
    window = open_window()
    qtbot.addWidget(window)
    assert window.isVisible()
    assert window.files.path is None
    assert window.document.project == Project(id=window.document.project.id)


def test_open_window_on_a_broken_file_says_so_and_stays_empty(
    qtbot: QtBot, tmp_path: Path, shown: Shown
) -> None:
    broken = tmp_path / "broken.timeline.json"
    broken.write_text("{not json", encoding="utf-8")
    window = open_window(broken)
    qtbot.addWidget(window)
    assert window.files.path is None
    assert not window.document.project.entries
    assert any("broken.timeline.json" in text for text in shown.texts())
