"""Start-up: files from the command line, one window each; recovery offered first."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from timeline_editor.io.project_file import save_project
from timeline_editor.model.entities import Project
from timeline_editor.ui.window import start


def test_files_on_the_command_line_open(qtbot: QtBot, project_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    save_project(Project(title="Other"), other)
    windows = start.open_windows([str(project_file), str(other)])
    for window in windows:
        qtbot.addWidget(window)
    assert [w.files.path for w in windows] == [project_file, other]
    assert windows[1].document.project.title == "Other"
    start.WINDOWS.clear()


def test_no_files_gives_an_empty_window(qtbot: QtBot) -> None:
    [window] = start.open_windows([])
    qtbot.addWidget(window)
    assert window.files.path is None
    assert window.isVisible()
    start.WINDOWS.clear()
