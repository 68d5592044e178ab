"""Recovery reads snapshots through their record; start-up removes dead processes' leftovers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Shown
from timeline_editor.io.atomic import temporary_name
from timeline_editor.io.autosave import AutosaveStore, Snapshot
from timeline_editor.io.settings import state_dir
from timeline_editor.ui.dialogs import recovery
from timeline_editor.ui.window import start
from timeline_editor.ui.window.main_window import MainWindow


def _crashed_session(project_file: Path) -> None:
    """A window with unsaved work that vanishes without closing."""
    window = MainWindow()
    assert window.files.load(project_file)
    window.actions_by_name["insert_event"].trigger()
    window.files.autosave_now()
    window.files.timer.stop()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_damaged_snapshot_is_refused_and_nothing_opens(
    qtbot: QtBot, project_file: Path, monkeypatch: pytest.MonkeyPatch, shown: Shown
) -> None:
    _crashed_session(project_file)
    [snapshot] = AutosaveStore(state_dir() / "autosave").snapshots()
    data = bytearray(snapshot.project_path.read_bytes())
    data[data.index(b"New event")] = ord("X")  # same size, other content
    snapshot.project_path.write_bytes(bytes(data))

    def choose(parent: object, found: list[Snapshot]) -> tuple[str, Snapshot]:
        return recovery.RECOVER, found[0]

    monkeypatch.setattr(recovery, "choose_recovery", choose)
    window = MainWindow()
    qtbot.addWidget(window)
    assert not window.files.offer_recovery()
    assert "does not match its record" in shown.texts()[-1]
    assert window.files.path is None and window.document.project.entries == ()


def _dead_pid() -> int:
    command = [sys.executable, "-c", "import os; print(os.getpid())"]
    return int(subprocess.run(command, capture_output=True, check=True).stdout)


def _temporary_of(path: Path, pid: int) -> Path:
    """A full-size temporary file a save by process ``pid`` would leave beside ``path``."""
    name = temporary_name(path).replace(f".te{os.getpid()}-", f".te{pid}-")
    leftover = path.with_name(name)
    leftover.write_bytes(b"x" * 4096)
    return leftover


def test_start_removes_dead_processes_temporaries(
    qtbot: QtBot, project_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(recovery, "choose_recovery", lambda parent, found: (recovery.LATER, None))
    autosave = state_dir() / "autosave"
    autosave.mkdir(parents=True, exist_ok=True)
    dead = _dead_pid()
    beside = _temporary_of(project_file, dead)
    other_file = _temporary_of(project_file.with_name("other.json"), dead)
    in_autosave = _temporary_of(autosave / "abc.meta.json", dead)
    live = _temporary_of(project_file, os.getppid())
    windows = start.open_windows([str(project_file), str(project_file)])
    for window in windows:
        qtbot.addWidget(window)
    assert len(windows) == 1  # a file named twice gets one window
    assert not beside.exists() and not other_file.exists() and not in_autosave.exists()
    assert live.exists()
    start.WINDOWS.clear()
