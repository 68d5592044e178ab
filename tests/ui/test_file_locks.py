"""Locks across programs and machines: who holds a file, read-only, open anyway, stale locks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ui.conftest import Shown
from timeline_editor.io.file_lock import STALE_SECONDS, LockOwner, lock_path, read_lock, take_lock
from timeline_editor.ui.dialogs import disk_change, messages
from timeline_editor.ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def _anna(age: float = 120.0) -> LockOwner:
    return LockOwner("anna", "laptop-7", 4242, time.time() - age, "s-anna")


def _answer(monkeypatch: pytest.MonkeyPatch, choice: str) -> list[LockOwner]:
    asked: list[LockOwner] = []

    def ask(parent: object, name: str, owner: LockOwner) -> str:
        asked.append(owner)
        return choice

    monkeypatch.setattr(disk_change, "ask_locked", ask)
    return asked


@pytest.fixture
def other_program(project_file: Path) -> Iterator[subprocess.Popen[bytes]]:
    """Another Timeline Editor process on this host holding the file's lock."""
    script = (
        "import sys; from pathlib import Path;"
        "from timeline_editor.io.file_lock import LockOwner, take_lock;"
        "take_lock(Path(sys.argv[1]), LockOwner.me('s-other')); print('held', flush=True);"
        "sys.stdin.read()"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script, str(project_file)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert process.stdout is not None and process.stdout.readline() == b"held\n"
    yield process
    process.communicate(b"")


def test_a_file_open_in_another_program_says_who_holds_it(
    window: MainWindow, project_file: Path, shown: Shown, other_program: subprocess.Popen[bytes]
) -> None:
    assert not window.files.load(project_file)  # the tests' dialogs answer Cancel
    text = shown.texts()[-1]
    assert "is open in Timeline Editor elsewhere" in text
    assert f"on {socket.gethostname()} (process {other_program.pid})" in text
    assert window.files.path is None
    holder = read_lock(project_file)
    assert holder is not None and holder.pid == other_program.pid


def test_read_only_disables_save_and_keeps_their_lock(
    window: MainWindow,
    project_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    take_lock(project_file, _anna())
    asked = _answer(monkeypatch, disk_change.READ_ONLY)
    assert window.files.load(project_file)
    assert window.windowTitle() == "brussels.json (read-only)[*] — Timeline Editor"
    assert not window.actions_by_name["file_save"].isEnabled()
    assert window.actions_by_name["file_save_as"].isEnabled()
    lock = read_lock(project_file)
    assert lock is not None and lock.user == "anna"
    before = project_file.read_bytes()
    window.actions_by_name["insert_event"].trigger()
    copy = tmp_path / "mine.json"
    monkeypatch.setattr(messages, "ask_save_path", lambda parent, suggested: copy)
    assert window.files.save()  # Ctrl+S is off; a save goes through Save As
    assert project_file.read_bytes() == before
    assert window.files.path == copy and not window.files.read_only
    assert window.windowTitle() == "mine.json[*] — Timeline Editor"
    assert window.actions_by_name["file_save"].isEnabled()
    assert [o.user for o in asked] == ["anna"]


def test_open_anyway_takes_the_lock_over(
    window: MainWindow, project_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    take_lock(project_file, _anna())
    asked = _answer(monkeypatch, disk_change.OPEN_ANYWAY)
    assert window.files.load(project_file)
    assert [o.user for o in asked] == ["anna"]
    lock = read_lock(project_file)
    assert lock is not None and lock.is_this_process()
    assert not window.files.read_only
    window.close()
    assert not lock_path(project_file).exists()


@pytest.mark.parametrize("age", [STALE_SECONDS + 600, -(STALE_SECONDS + 600)])
def test_a_stale_lock_is_ignored(
    window: MainWindow, project_file: Path, shown: Shown, age: float
) -> None:
    take_lock(project_file, _anna(age=age))
    assert window.files.load(project_file)
    assert shown.boxes == []
    lock = read_lock(project_file)
    assert lock is not None and lock.is_this_process()


def test_a_lock_of_a_process_that_is_gone_is_ignored(
    window: MainWindow, project_file: Path, shown: Shown
) -> None:
    command = [sys.executable, "-c", "import os; print(os.getpid())"]
    done = subprocess.run(command, capture_output=True, check=True)
    take_lock(
        project_file, LockOwner("me", socket.gethostname(), int(done.stdout), time.time(), "x")
    )
    assert window.files.load(project_file)
    assert shown.boxes == []


def test_the_lock_box_names_the_holder(window: MainWindow) -> None:
    box, buttons = disk_change.locked_box(window, "brussels.json", _anna())
    assert "Opened by anna on laptop-7 (process 4242)" in box.informativeText()
    assert [b.text().replace("&", "") for b in buttons.values()] == [
        "Open Read-Only",
        "Open Anyway",
        "Cancel",
    ]
    box.deleteLater()
