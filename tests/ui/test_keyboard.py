"""The window without a mouse: Tab through the inspector, keys that jump to its sections."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from tests.ui.helpers import QtBot
from timeline_editor.ui.dialogs.help_pages import shortcut_rows
from timeline_editor.ui.window.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def _here() -> QWidget:
    here = QApplication.focusWidget()
    assert here is not None
    return here


def _tab(modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> QWidget:
    """Press Tab (or Shift+Tab) where the keyboard is; the widget it lands on."""
    here = QApplication.focusWidget()
    assert here is not None
    QTest.keyClick(here, Qt.Key.Key_Tab, modifier)
    there = QApplication.focusWidget()
    assert there is not None
    return there


def test_tab_walks_the_inspector_from_title_to_date_citations_and_claims(
    qtbot: QtBot, loaded: MainWindow
) -> None:
    loaded.activateWindow()
    loaded.select(["e-moscow"])
    form = loaded.inspector.entry_form
    _focus(qtbot, form.title_edit)
    visited: list[QWidget] = [form.title_edit]
    while visited[-1] is not form.claims.save_button and len(visited) < 80:
        visited.append(_tab())
    wanted = {
        "description": form.description_edit,
        "date case": form.date_editor.case_combo,
        "EDTF": form.date_editor.edtf_edit,
        "as stated": form.date_editor.as_stated_edit,
        "citation source": form.citations.source_combo,
        "quote": form.citations.quote_edit,
        "claim speaker": form.claims.speaker_combo,
        "claim text": form.claims.text_edit,
        "add claim": form.claims.save_button,
    }
    missed = [name for name, widget in wanted.items() if widget not in visited]
    assert not missed, f"Tab never reached: {missed}"
    order = [visited.index(widget) for widget in wanted.values()]
    assert order == sorted(order), "Tab goes down the form in reading order"


def test_tab_and_shift_tab_leave_the_multi_line_fields(qtbot: QtBot, loaded: MainWindow) -> None:
    loaded.activateWindow()
    loaded.select(["e-moscow"])
    form = loaded.inspector.entry_form
    for field in (form.description_edit, form.citations.quote_edit):
        _focus(qtbot, field)
        before = field.toPlainText()
        assert _tab() is not field
        _focus(qtbot, field)
        assert _tab(SHIFT) is not field
        assert field.toPlainText() == before  # no tab character typed into it


def test_no_text_box_of_the_window_keeps_tab(loaded: MainWindow) -> None:
    loaded.select(["e-moscow"])
    boxes = loaded.findChildren(QPlainTextEdit) + loaded.findChildren(QTextEdit)
    assert len(boxes) >= 3  # descriptions of project and entry, the citation's quote
    assert all(box.tabChangesFocus() for box in boxes)


def test_keys_jump_to_the_date_citations_and_claims_of_the_selected_entry(
    qtbot: QtBot, loaded: MainWindow
) -> None:
    loaded.activateWindow()
    loaded.source_library.raise_()  # the inspector is behind another tab
    loaded.select(["e-moscow"])
    _focus(qtbot, loaded.timeline)
    form = loaded.inspector.entry_form
    scroll = loaded.inspector._entry_scroll
    for key, landing, box in (
        (Qt.Key.Key_D, form.date_editor.case_combo, form.date_group),
        # No citation yet: straight to the form; two claims: their list.
        (Qt.Key.Key_C, form.citations.source_combo, form.citations),
        (Qt.Key.Key_M, form.claims.tree, form.claims),
    ):
        QTest.keyClick(_here(), key, ALT)
        qtbot.waitUntil(landing.hasFocus)
        assert not loaded.inspector.visibleRegion().isEmpty()
        top = box.mapTo(form, box.rect().topLeft()).y()
        assert scroll.verticalScrollBar().value() == min(
            max(top - 4, 0), scroll.verticalScrollBar().maximum()
        )
    QTest.keyClick(_here(), Qt.Key.Key_F2)
    qtbot.waitUntil(form.title_edit.hasFocus)
    assert form.title_edit.selectedText() == form.title_edit.text()


def test_with_citations_the_key_goes_to_their_list(qtbot: QtBot, loaded: MainWindow) -> None:
    loaded.activateWindow()
    loaded.select(["e-brussels"])
    loaded.actions_by_name["edit_entry_citations"].trigger()
    qtbot.waitUntil(loaded.inspector.entry_form.citations.tree.hasFocus)


def test_without_one_selected_entry_the_keys_say_what_they_need(loaded: MainWindow) -> None:
    loaded.select([])
    loaded.actions_by_name["edit_entry_claims"].trigger()
    assert loaded.statusBar().currentMessage() == "Select one entry to edit its claims."


def test_the_main_parts_carry_object_names(loaded: MainWindow) -> None:
    assert loaded.findChild(QWidget, "canvas") is loaded.timeline
    assert loaded.findChild(QDockWidget, "inspector") is loaded.inspector
    assert loaded.findChild(QLineEdit, "quickAdd") is loaded.quick_add.edit


def test_undo_redo_save_and_delete_take_the_standard_keys(loaded: MainWindow) -> None:
    standard = QKeySequence.StandardKey
    for name, key in (
        ("edit_undo", standard.Undo),
        ("edit_redo", standard.Redo),
        ("file_save", standard.Save),
        ("edit_delete", standard.Delete),
    ):
        assert loaded.actions_by_name[name].shortcuts() == QKeySequence.keyBindings(key), name


def test_no_two_commands_share_a_key_and_help_lists_the_new_ones(loaded: MainWindow) -> None:
    owners: dict[str, str] = {}
    for name, action in loaded.actions_by_name.items():
        for key in action.shortcuts():
            text = key.toString()
            assert text not in owners, f"{text}: {owners.get(text)} and {name}"
            owners[text] = name
    rows = dict(shortcut_rows(loaded.actions_by_name.values()))
    assert rows["Quick Add"] == "Ctrl+L"
    assert rows["Entry Date"] == "Alt+D"
    assert rows["Entry Citations"] == "Alt+C"
    assert rows["Entry Claims"] == "Alt+M"
    assert rows["Entry Title"] == "F2"
