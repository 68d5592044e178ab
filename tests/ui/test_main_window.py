"""The main window driven through its real actions: files, edits, find, filter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Shown
from timeline_editor.io.project_file import load_project
from timeline_editor.io.settings import Settings
from timeline_editor.model.daynum import day_number, format_day
from timeline_editor.model.entities import Project
from timeline_editor.model.vocab import EntryKind
from timeline_editor.ui.dialogs import messages
from timeline_editor.ui.window.main_window import MainWindow


def trigger(window: MainWindow, name: str) -> None:
    """Trigger a menu action the way a click does."""
    action = window.actions_by_name[name]
    assert action.isEnabled(), name
    action.trigger()


def test_save_reopen_gives_same_project(
    loaded: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    trigger(loaded, "insert_meeting")
    assert loaded.isWindowModified()
    target = tmp_path / "copy"
    monkeypatch.setattr(messages, "ask_save_path", lambda parent, suggested: target)
    trigger(loaded, "file_save_as")
    assert loaded.files.path == target
    assert not loaded.isWindowModified()
    assert loaded.windowTitle() == "copy[*] — Timeline Editor"
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.files.load(target)
    assert again.document.project == loaded.document.project
    assert len(again.document.project.entries) == 6
    assert target.resolve() == again.settings.recent_files()[0]


def test_save_writes_to_the_open_file(loaded: MainWindow, project_file: Path) -> None:
    trigger(loaded, "insert_event")
    trigger(loaded, "file_save")
    assert len(load_project(project_file).entries) == 6
    assert loaded.undo_stack.isClean()


@pytest.mark.parametrize("action", ["file_new", "file_close", "file_open"])
def test_unsaved_prompt_cancel_keeps_the_project(
    loaded: MainWindow, monkeypatch: pytest.MonkeyPatch, action: str
) -> None:
    asked: list[str] = []

    def answer(parent: object, name: str) -> str:
        asked.append(name)
        return "cancel"

    monkeypatch.setattr(messages, "ask_save_changes", answer)
    trigger(loaded, "insert_event")
    before = loaded.document.project
    trigger(loaded, action)
    assert asked == ["brussels.json"]
    assert loaded.document.project is before
    assert loaded.isWindowModified()
    assert not loaded.close()  # the close prompt is cancelled too
    assert asked == ["brussels.json"] * 2


def test_unsaved_prompt_discard_and_save(
    loaded: MainWindow, monkeypatch: pytest.MonkeyPatch, project_file: Path
) -> None:
    trigger(loaded, "insert_event")
    monkeypatch.setattr(messages, "ask_save_changes", lambda parent, name: "discard")
    trigger(loaded, "file_new")
    assert loaded.document.project.entries == ()
    assert loaded.windowTitle() == "Untitled[*] — Timeline Editor"
    assert loaded.files.load(project_file)
    trigger(loaded, "insert_event")
    monkeypatch.setattr(messages, "ask_save_changes", lambda parent, name: "save")
    trigger(loaded, "file_new")
    assert len(load_project(project_file).entries) == 6


def test_clean_project_closes_without_asking(
    loaded: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(messages, "ask_save_changes", lambda *a: pytest.fail("asked"))
    assert loaded.close()


def test_invalid_file_shows_problems_and_keeps_project(
    loaded: MainWindow, shown: Shown, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "timeline-editor", "schema_version": 1,'
        ' "entries": [{"title": 5, "when": {"edtf": "2021-13-45"}}]}',
        "utf-8",
    )
    before = loaded.document.project
    assert not loaded.files.open(bad)
    [text] = shown.texts()
    assert "bad.json" in text
    assert "entries[0]" in text
    assert "stays open" in text
    assert loaded.document.project is before
    assert loaded.files.path is not None and loaded.files.path.name == "brussels.json"


def test_undo_redo_show_what_they_do(loaded: MainWindow) -> None:
    undo = loaded.actions_by_name["edit_undo"]
    redo = loaded.actions_by_name["edit_redo"]
    assert not undo.isEnabled()
    trigger(loaded, "insert_deadline")
    assert undo.text() == "&Undo Add entry 'New deadline'"
    trigger(loaded, "edit_undo")
    assert redo.text() == "&Redo Add entry 'New deadline'"
    assert len(loaded.document.project.entries) == 5


def test_modified_mark_follows_clean_state(loaded: MainWindow) -> None:
    assert not loaded.isWindowModified()
    trigger(loaded, "insert_event")
    assert loaded.isWindowModified()
    trigger(loaded, "edit_undo")
    assert not loaded.isWindowModified()
    trigger(loaded, "edit_redo")
    assert loaded.isWindowModified()
    trigger(loaded, "file_save")
    assert not loaded.isWindowModified()


def test_insert_selects_the_new_entry_in_the_selected_lane_mid_screen(loaded: MainWindow) -> None:
    loaded.select(["e-moscow"])
    loaded.timeline.go_to_day(day_number(2021, 12, 1))
    middle = loaded.viewing.centre_day()
    assert middle is not None
    trigger(loaded, "insert_period")
    [new_id] = loaded.selected_ids()
    entry = loaded.document.entry(new_id)
    assert entry.kind is EntryKind.PERIOD
    assert entry.lane_id == "l-ru"
    # Mid-screen, where the researcher looks; not at the selected entry's date (2021-11).
    assert entry.when.edtf.startswith(f"{format_day(middle)}/")
    assert loaded.table.selected_ids() == [new_id]


def test_find_next_and_previous_select_hits(loaded: MainWindow, qtbot: QtBot) -> None:
    trigger(loaded, "edit_find")
    assert loaded.find_bar.isVisible()
    QTest.keyClicks(loaded.find_bar.edit, "meeting")
    QTest.keyClick(loaded.find_bar.edit, Qt.Key.Key_Return)
    assert loaded.selected_ids() == ["e-moscow"]
    assert loaded.table.selected_ids() == ["e-moscow"]
    trigger(loaded, "edit_find_next")
    assert loaded.selected_ids() == ["e-brussels"]
    assert loaded.find_bar.status.text() == "2 of 2"
    trigger(loaded, "edit_find_next")
    assert loaded.selected_ids() == ["e-moscow"]
    trigger(loaded, "edit_find_previous")
    assert loaded.selected_ids() == ["e-brussels"]
    QTest.keyClick(loaded.find_bar.edit, Qt.Key.Key_Escape)
    assert loaded.find_bar.isHidden()


def test_filter_to_disputed_only(loaded: MainWindow, qtbot: QtBot) -> None:
    loaded.filter_panel.disputed.click()
    assert loaded.table.shown_ids() == ["e-moscow"]
    assert loaded.status.count_label.text() == "1 of 5 entries · 1 disputed · 0 undated"
    trigger(loaded, "edit_select_all")
    assert loaded.selected_ids() == ["e-moscow"]
    loaded.filter_panel.clear()
    assert len(loaded.table.shown_ids()) == 5


def test_filter_date_field_marks_bad_input(loaded: MainWindow, qtbot: QtBot) -> None:
    QTest.keyClicks(loaded.filter_panel.start, "2021-13")
    assert loaded.filter_panel.start.styleSheet() != ""
    assert len(loaded.table.shown_ids()) == 5  # the bad bound is ignored
    loaded.filter_panel.start.clear()
    QTest.keyClicks(loaded.filter_panel.start, "2021-12")
    assert set(loaded.table.shown_ids()) == {"e-brussels", "e-moscow", "e-route"}


def test_copy_paste_and_cut(loaded: MainWindow) -> None:
    loaded.select(["e-brussels"])
    trigger(loaded, "edit_copy")
    assert loaded.actions_by_name["edit_paste"].isEnabled()
    trigger(loaded, "edit_paste")
    entries = loaded.document.project.entries
    assert len(entries) == 6
    [pasted] = loaded.selected_ids()
    assert pasted != "e-brussels"
    assert loaded.document.entry(pasted).title == entries[0].title
    loaded.select(["e-war"])
    trigger(loaded, "edit_cut")
    assert loaded.document.find_entry("e-war") is None
    assert loaded.actions_by_name["edit_undo"].text() == "&Undo Cut entry 'Second Karabakh war'"
    assert not loaded.actions_by_name["edit_cut"].isEnabled()
    trigger(loaded, "edit_paste")
    assert len(loaded.document.project.entries) == 6
    trigger(loaded, "edit_undo")
    trigger(loaded, "edit_undo")
    assert loaded.document.find_entry("e-war") is not None


def test_delete_selected_entries(loaded: MainWindow) -> None:
    loaded.select(["e-war", "e-route"])
    trigger(loaded, "edit_delete")
    assert {e.id for e in loaded.document.project.entries} == {
        "e-brussels",
        "e-moscow",
        "e-hotline",
    }
    assert loaded.selected_ids() == []


def test_drop_a_project_file_opens_it(window: MainWindow, project_file: Path) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(project_file))])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, data,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    window.dropEvent(event)
    assert window.document.project == load_project(project_file)
    assert window.windowTitle().startswith("brussels.json")


def test_recent_files_menu_opens_a_file(
    window: MainWindow, project_file: Path, qtbot: QtBot
) -> None:
    assert not window.recent_menu.isEnabled()
    window.files.load(project_file)
    window.files.new()
    window.recent_menu.refill()
    first = window.recent_menu.actions()[0]
    assert first.text() == "&1 brussels.json"
    first.trigger()
    assert window.files.path == project_file


def test_layout_is_remembered(qtbot: QtBot) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.resize(first.width(), 517)
    first.filter_panel.hide()
    assert first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    # The offscreen screen is narrower than the docked window: only the height is free.
    assert second.height() == 517
    assert second.filter_panel.isHidden()


@pytest.mark.parametrize("bad", ["A", "é"])
def test_damaged_layout_values_are_ignored(qtbot: QtBot, bad: str) -> None:
    Settings().set("window/state", bad)
    Settings().set("window/geometry", bad)
    window = MainWindow()  # must start, with the default layout
    qtbot.addWidget(window)
    assert window.filter_panel.isHidden()
    assert window.height() >= 600


def test_new_window_starts_empty_and_untitled(window: MainWindow) -> None:
    assert window.document.project == Project(id=window.document.project.id)
    assert window.windowTitle() == "Untitled[*] — Timeline Editor"
    assert window.pos() != QPoint(-1, -1)


def test_save_into_a_missing_folder_names_the_real_file_and_reason(
    loaded: MainWindow, shown: Shown, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "gone" / "copy.timeline.json"
    monkeypatch.setattr(messages, "ask_save_path", lambda parent, suggested: target)
    trigger(loaded, "file_save_as")
    [text] = shown.texts()
    assert f"cannot write {target}" in text
    assert "does not exist" in text
    assert ".tmp" not in text
    assert loaded.files.path != target


def test_a_refused_edit_is_said_in_the_status_bar_and_leaves_no_undo_step(
    loaded: MainWindow,
) -> None:
    from timeline_editor.commands.items import AddItems

    clash = loaded.document.project.entries[0].model_copy(update={"title": "Clash"})
    loaded.undo_stack.push(AddItems(loaded.document, "entries", [clash]))
    assert loaded.undo_stack.count() == 0
    assert "Not done: Add entry 'Clash'" in loaded.statusBar().currentMessage()


def test_a_refusal_shows_in_its_own_window_only(qtbot: QtBot, loaded: MainWindow) -> None:
    from timeline_editor.commands.items import AddItems

    other = MainWindow()
    qtbot.addWidget(other)
    clash = loaded.document.project.entries[0].model_copy(update={"title": "Clash"})
    loaded.undo_stack.push(AddItems(loaded.document, "entries", [clash]))
    assert "Not done" in loaded.statusBar().currentMessage()
    assert other.statusBar().currentMessage() == ""
