"""Widget-test set-up: a private settings home, and no modal dialog ever blocks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.samples import small_project
from timeline_editor.io.project_file import save_project
from timeline_editor.render.fonts import FAMILY, font_dir, load_chart_fonts
from timeline_editor.ui.dialogs import messages
from timeline_editor.ui.window.main_window import MainWindow


class Shown:
    """Records the message boxes and dialogs a test caused."""

    def __init__(self) -> None:
        self.boxes: list[QMessageBox] = []
        self.dialogs: list[QDialog] = []

    def texts(self) -> list[str]:
        """Text, informative and detailed text of every box shown."""
        return [f"{b.text()}\n{b.informativeText()}\n{b.detailedText()}" for b in self.boxes]


@pytest.fixture(scope="session", autouse=True)
def _fixed_font(qapp: QApplication) -> None:
    """Widgets measure text in the chart font loaded from its files, on every machine.

    The machine's default font (whatever fontconfig picks) would make widths and
    wrapping differ from one machine to the next.
    """
    if not load_chart_fonts():
        pytest.exit(f"{FAMILY} is missing from {font_dir()}: run bash .ci/setup", returncode=3)
    font = QFont(FAMILY, 9)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    qapp.setFont(font)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings, recent files and autosave go to a temporary folder."""
    folder = tmp_path / "home"
    monkeypatch.setenv("TIMELINE_EDITOR_HOME", str(folder))
    return folder


@pytest.fixture(autouse=True)
def shown(monkeypatch: pytest.MonkeyPatch) -> Shown:
    """Modal dialogs return at once (cancelled) and are recorded."""
    record = Shown()

    def box_exec(box: QMessageBox) -> int:
        record.boxes.append(box)
        return int(QMessageBox.StandardButton.Cancel.value)

    def dialog_exec(dialog: QDialog) -> int:
        record.dialogs.append(dialog)
        return int(QDialog.DialogCode.Rejected.value)

    monkeypatch.setattr(QMessageBox, "exec", box_exec)
    monkeypatch.setattr(QDialog, "exec", dialog_exec)
    monkeypatch.setattr(QMessageBox, "about", lambda *a: record.boxes.append(QMessageBox()))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    # Closing a window at teardown must not ask; tests that check the prompt override this.
    monkeypatch.setattr(messages, "ask_save_changes", lambda parent, name: "discard")
    return record


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    """The sample project saved to a file."""
    path = tmp_path / "brussels.json"
    save_project(small_project(), path)
    return path


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    """A shown main window on an empty project."""
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    yield main


@pytest.fixture
def loaded(window: MainWindow, project_file: Path) -> MainWindow:
    """A main window with the sample project open."""
    assert window.files.load(project_file)
    return window
