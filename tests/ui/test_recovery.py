"""No lost work: autosave, a crash (simulated, and a real kill -9), recovery."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from timeline_editor.io.autosave import AutosaveStore, Snapshot
from timeline_editor.io.project_file import load_project
from timeline_editor.io.settings import state_dir
from timeline_editor.ui.dialogs import recovery
from timeline_editor.ui.dialogs.recovery import RecoveryDialog, describe_snapshot
from timeline_editor.ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def _crash(window: MainWindow) -> None:
    """The window vanishes without closing: no prompt, no snapshot clean-up."""
    window.files.timer.stop()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _answer(monkeypatch: pytest.MonkeyPatch, choice: str) -> list[list[Snapshot]]:
    offered: list[list[Snapshot]] = []

    def choose(parent: object, snapshots: list[Snapshot]) -> tuple[str, Snapshot | None]:
        offered.append(snapshots)
        return choice, snapshots[0]

    monkeypatch.setattr(recovery, "choose_recovery", choose)
    return offered


def test_autosave_crash_recover(
    qtbot: QtBot, project_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = MainWindow()
    assert first.files.load(project_file)
    first.files.autosave_now()  # clean: nothing to keep
    assert AutosaveStore(state_dir() / "autosave").snapshots() == []
    first.actions_by_name["insert_meeting"].trigger()
    first.files.autosave_now()
    edited = first.document.project
    _crash(first)
    offered = _answer(monkeypatch, recovery.RECOVER)
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.files.offer_recovery()
    [[snapshot]] = offered
    assert snapshot.info.entry_count == 6
    assert second.document.project == edited
    assert second.files.path == project_file
    assert second.isWindowModified()
    assert second.windowTitle().startswith("brussels.json")
    assert second.actions_by_name["edit_undo"].text() == "&Undo Recover autosaved work"
    assert load_project(project_file).entries != edited.entries  # disk untouched
    second.actions_by_name["edit_undo"].trigger()
    assert second.document.project == load_project(project_file)
    assert not second.isWindowModified()
    # The old snapshot is gone; a third start has nothing to offer.
    third = MainWindow()
    qtbot.addWidget(third)
    second.files.shutdown()
    assert third.files.recoverable() == []


def test_discarding_a_snapshot(
    qtbot: QtBot, project_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = MainWindow()
    first.files.load(project_file)
    first.actions_by_name["insert_event"].trigger()
    first.files.autosave_now()
    _crash(first)
    _answer(monkeypatch, recovery.DISCARD)
    second = MainWindow()
    qtbot.addWidget(second)
    assert not second.files.offer_recovery()
    assert second.files.recoverable() == []
    assert second.document.project.entries == ()


def test_open_windows_do_not_offer_each_others_work(qtbot: QtBot, project_file: Path) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.files.load(project_file)
    first.actions_by_name["insert_event"].trigger()
    first.files.autosave_now()
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.files.recoverable() == []


def test_dialog_says_what_would_be_recovered_and_warns_of_newer_file(
    qtbot: QtBot, project_file: Path
) -> None:
    first = MainWindow()
    first.files.load(project_file)
    first.actions_by_name["insert_event"].trigger()
    first.files.autosave_now()
    _crash(first)
    later = time.time() + 120
    os.utime(project_file, (later, later))
    [snapshot] = AutosaveStore(state_dir() / "autosave").recoverable()
    text = describe_snapshot(snapshot)
    assert "“Brussels meeting” — 6 entries, autosaved" in text
    assert str(project_file) in text
    assert "changed after this snapshot" in text
    dialog = RecoveryDialog(None, [snapshot])
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1
    assert dialog.selected() is snapshot


def test_real_kill_minus_nine_then_recover(
    qtbot: QtBot, project_file: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        "import os, signal, sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from timeline_editor.ui.window.main_window import MainWindow\n"
        "w = MainWindow()\n"
        f"w.files.load({str(project_file)!r})\n"
        "w.actions_by_name['insert_statement'].trigger()\n"
        "w.files.autosave_now()\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    env = dict(os.environ, TIMELINE_EDITOR_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", script],
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr.decode()
    _answer(monkeypatch, recovery.RECOVER)
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.files.offer_recovery()
    titles = [e.title for e in window.document.project.entries]
    assert titles[-1] == "New statement"
    assert window.isWindowModified()


def test_autosave_keeps_a_new_edit_at_a_reused_undo_index(qtbot: QtBot, project_file: Path) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.files.load(project_file)
    window.actions_by_name["insert_meeting"].trigger()  # edit A
    window.files.autosave_now()
    window.actions_by_name["edit_undo"].trigger()
    window.actions_by_name["insert_deadline"].trigger()  # edit B, same undo index as A
    window.files.autosave_now()
    edited = window.document.project
    [snapshot] = AutosaveStore(state_dir() / "autosave").snapshots()
    assert load_project(snapshot.project_path) == edited
    window.files.shutdown()
