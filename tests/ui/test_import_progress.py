"""File ▸ Import shows its progress with a working Cancel; a cancelled import changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Shown
from timeline_editor.ui.dialogs import import_progress
from timeline_editor.ui.window import interchange
from timeline_editor.ui.window.main_window import MainWindow

RECORDS = 3500


@pytest.fixture
def many_sources(tmp_path: Path) -> Path:
    """A CSL-JSON file (a Zotero export) of a few thousand references."""
    items = [
        {
            "id": f"ref{n}",
            "type": "article-newspaper",
            "title": f"Report {n}",
            "issued": {"date-parts": [[2021, 11, 1 + n % 28]]},
        }
        for n in range(RECORDS)
    ]
    path = tmp_path / "library.json"
    path.write_text(json.dumps(items))
    return path


def _pick(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(interchange, "ask_import_path", lambda parent, folder: (path, "csl"))


def _progress_dialogs(window: MainWindow) -> list[QProgressDialog]:
    return window.findChildren(QProgressDialog, "importProgress")


def test_cancel_stops_the_import_and_changes_nothing(
    qtbot: QtBot,
    loaded: MainWindow,
    many_sources: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown: Shown,
) -> None:
    before, steps = loaded.document.project, loaded.undo_stack.count()
    _pick(monkeypatch, many_sources)
    seen: list[int] = []

    def press_cancel() -> None:  # runs inside the import, while it handles events
        dialogs = _progress_dialogs(loaded)
        seen.append(len(dialogs))
        dialogs[0].cancel()

    QTimer.singleShot(0, press_cancel)
    loaded.actions_by_name["file_import"].trigger()
    assert seen == [1]
    assert loaded.document.project is before
    assert loaded.undo_stack.count() == steps and not loaded.isWindowModified()
    assert shown.boxes == []  # no error box, no report
    assert "cancelled; nothing was imported" in loaded.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not _progress_dialogs(loaded))


def test_progress_is_reported_while_importing(
    qtbot: QtBot,
    loaded: MainWindow,
    many_sources: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _pick(monkeypatch, many_sources)
    reported: list[tuple[int, int]] = []
    original = import_progress.ImportProgress.progress

    def record(self: import_progress.ImportProgress, done: int, total: int) -> None:
        reported.append((done, total))
        original(self, done, total)
        assert self.dialog.maximum() in (0, total) and self.dialog.value() <= total

    monkeypatch.setattr(import_progress.ImportProgress, "progress", record)
    loaded.actions_by_name["file_import"].trigger()
    assert reported[-1] == (RECORDS, RECORDS)
    assert [done for done, _ in reported[1:4]] == [1000, 2000, 3000]
    assert len(loaded.document.project.sources) >= RECORDS
    assert loaded.undo_stack.undoText() == "Import sources from library.json"
