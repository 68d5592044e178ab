"""No silent overwrite: two windows on one file, changes on disk, colleagues' copies arriving."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Shown
from timeline_editor.io.project_file import load_project, save_project
from timeline_editor.ui.dialogs import disk_change, messages
from timeline_editor.ui.dialogs.merge import MergeDialog
from timeline_editor.ui.window import disk_guard, files
from timeline_editor.ui.window.main_window import MainWindow


def _window(qtbot: QtBot, path: Path | None = None) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    if path is not None:
        assert window.files.load(path)
    return window


def _add_entry(window: MainWindow, action: str = "insert_event") -> None:
    window.actions_by_name[action].trigger()


def _answer(monkeypatch: pytest.MonkeyPatch, choice: str) -> list[str]:
    """Answer the changed-on-disk question with ``choice``; the names asked about."""
    asked: list[str] = []

    def ask(parent: object, name: str) -> str:
        asked.append(name)
        return choice

    monkeypatch.setattr(disk_change, "ask_disk_changed", ask)
    return asked


@pytest.fixture
def accept_merges(monkeypatch: pytest.MonkeyPatch, shown: Shown) -> Iterator[None]:
    """Merge dialogs are accepted with their default choices (ours in every conflict)."""

    def exec_(dialog: QDialog) -> int:
        shown.dialogs.append(dialog)
        if isinstance(dialog, MergeDialog):
            dialog.accept()
            return int(QDialog.DialogCode.Accepted.value)
        return int(QDialog.DialogCode.Rejected.value)

    monkeypatch.setattr(QDialog, "exec", exec_)
    yield


def _colleague_writes(path: Path, title: str) -> bytes:
    """Another program saves the project retitled: a new file renamed over ``path``."""
    theirs = load_project(path).model_copy(update={"title": title})
    arriving = path.with_name("arriving.tmp")
    save_project(theirs, arriving)
    arriving.replace(path)
    return path.read_bytes()


def _bar_shows(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(window.files.guard.bar.isVisible, timeout=3000)


# -- two windows on one file ---------------------------------------------------------


def test_second_save_asks_and_cancel_keeps_the_first_save(
    qtbot: QtBot, project_file: Path, shown: Shown
) -> None:
    first, second = _window(qtbot, project_file), _window(qtbot, project_file)
    _add_entry(first)
    assert first.files.save()
    on_disk = project_file.read_bytes()
    _add_entry(second, "insert_meeting")
    assert not second.files.save()  # the tests' dialogs answer Cancel
    assert "was changed on disk" in shown.texts()[-1]
    assert project_file.read_bytes() == on_disk
    assert second.isWindowModified()
    assert not [p for p in project_file.parent.iterdir() if p.suffix == ".tmp"]


def test_the_question_offers_merge_save_as_overwrite_and_cancel(qtbot: QtBot) -> None:
    box, buttons = disk_change.changed_box(None, "brussels.json")
    qtbot.addWidget(box)
    assert list(buttons) == ["merge", "save-as", "overwrite", "cancel"]
    texts = [b.text().replace("&", "") for b in buttons.values()]
    assert texts == ["Compare and Merge…", "Save As…", "Overwrite", "Cancel"]
    assert box.defaultButton() is buttons["merge"]


def test_overwrite_replaces_and_keeps_theirs_as_backup(
    qtbot: QtBot, project_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _window(qtbot, project_file), _window(qtbot, project_file)
    _add_entry(first)
    first.files.save()
    theirs = project_file.read_bytes()
    _add_entry(second, "insert_meeting")
    asked = _answer(monkeypatch, disk_change.OVERWRITE)
    assert second.files.save()
    assert asked == ["brussels.json"]
    assert project_file.with_name(project_file.name + ".bak").read_bytes() == theirs
    assert load_project(project_file) == second.document.project


def test_compare_and_merge_takes_both_then_saves(
    qtbot: QtBot, project_file: Path, monkeypatch: pytest.MonkeyPatch, accept_merges: None
) -> None:
    first, second = _window(qtbot, project_file), _window(qtbot, project_file)
    _add_entry(first)
    first.files.save()
    _add_entry(second, "insert_meeting")
    _answer(monkeypatch, disk_change.MERGE)
    assert second.files.save()
    saved = load_project(project_file)
    assert len(saved.entries) == len(load_project(project_file).entries) == 7
    assert saved.entries == second.document.project.entries
    assert not second.isWindowModified()
    # The merge is one undo step under the save: undo shows the window's own version.
    assert second.undo_stack.undoText().startswith("Merge changes on disk")


def test_save_as_from_the_question(
    qtbot: QtBot, project_file: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    first, second = _window(qtbot, project_file), _window(qtbot, project_file)
    _add_entry(first)
    first.files.save()
    theirs = project_file.read_bytes()
    _add_entry(second, "insert_meeting")
    _answer(monkeypatch, disk_change.SAVE_AS)
    elsewhere = tmp_path / "mine.json"
    monkeypatch.setattr(messages, "ask_save_path", lambda parent, suggested: elsewhere)
    assert second.files.save()
    assert second.files.path == elsewhere
    assert project_file.read_bytes() == theirs


# -- changes on disk ---------------------------------------------------------------


def test_external_change_shows_the_bar_and_review_merges(
    qtbot: QtBot, loaded: MainWindow, project_file: Path, shown: Shown, accept_merges: None
) -> None:
    bar = loaded.files.guard.bar
    assert not bar.isVisible()
    _colleague_writes(project_file, "Anna's title")
    _bar_shows(qtbot, loaded)
    assert "brussels.json” was changed on disk" in bar.label.text()
    [review] = bar.buttons
    assert review.text() == "&Review Changes…"
    review.click()
    [dialog] = [d for d in shown.dialogs if isinstance(d, MergeDialog)]
    assert "on disk" in dialog.windowTitle()
    assert loaded.document.project.title == "Anna's title"
    assert not loaded.isWindowModified()  # the window holds exactly the file on disk
    assert not bar.isVisible()
    assert loaded.files.save()  # and saving no longer asks


def test_a_change_made_by_writing_in_place_is_seen(
    qtbot: QtBot, loaded: MainWindow, project_file: Path
) -> None:
    text = project_file.read_text().replace('"title": "Brussels', '"title": "Edited Brussels', 1)
    project_file.write_text(text)
    _bar_shows(qtbot, loaded)


def test_our_own_save_and_a_touch_show_no_bar(
    qtbot: QtBot, loaded: MainWindow, project_file: Path
) -> None:
    _add_entry(loaded)
    loaded.files.save()
    os.utime(project_file)
    qtbot.wait(disk_guard.SETTLE_MS * 2)
    assert not loaded.files.guard.bar.isVisible()


def test_copies_arriving_by_rename_stay_watched(
    qtbot: QtBot, loaded: MainWindow, project_file: Path
) -> None:
    bar = loaded.files.guard.bar
    _add_entry(loaded)
    loaded.files.save()  # our own save replaced the file by a rename too
    for round_ in range(2):
        _colleague_writes(project_file, f"Copy {round_}")
        _bar_shows(qtbot, loaded)
        bar.close_button.click()
        assert not bar.isVisible()
    assert str(project_file) in loaded.files.guard.watcher.files()
    # Other files coming and going in the folder do not bring a dismissed notice back.
    project_file.with_name("notes.txt").write_text("unrelated")
    qtbot.wait(disk_guard.SETTLE_MS * 2)
    assert not bar.isVisible()


def test_a_deleted_file_is_said_and_saving_writes_it_again(
    qtbot: QtBot, loaded: MainWindow, project_file: Path
) -> None:
    project_file.unlink()
    _bar_shows(qtbot, loaded)
    assert "deleted or moved" in loaded.files.guard.bar.label.text()
    assert loaded.files.save()
    assert load_project(project_file) == loaded.document.project


def test_opening_a_file_open_in_another_window_focuses_it(
    qtbot: QtBot, loaded: MainWindow, project_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    focused: list[object] = []
    monkeypatch.setattr(files, "focus", focused.append)
    other = _window(qtbot)
    assert other.files.open(project_file)
    assert focused == [loaded]
    assert other.files.path is None and other.document.project.entries == ()


def test_two_windows_share_the_lock_of_this_program(
    qtbot: QtBot, project_file: Path, shown: Shown
) -> None:
    first, second = _window(qtbot, project_file), _window(qtbot, project_file)
    lock = project_file.with_name(f".~lock.{project_file.name}#")
    assert lock.exists() and shown.boxes == []  # windows of one program do not ask
    first.close()
    assert lock.exists()  # handed to the second window
    second.close()
    assert not lock.exists()
