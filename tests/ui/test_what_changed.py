"""The "What changed" panel on the example: keys, the list, activation, bad days, edits, undo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.helpers import QtBot, choose
from timeline_editor.model.daynum import format_day
from timeline_editor.model.knowledge import knowledge
from timeline_editor.model.knowledge_changes import ChangeKind
from timeline_editor.model.one_day import read_day
from timeline_editor.model.vocab import Stance
from timeline_editor.ui.window.changes_dock import WhatChangedDock, default_days
from timeline_editor.ui.window.changes_model import ENTRY_ID_ROLE
from timeline_editor.ui.window.main_window import MainWindow

EXAMPLE = Path(__file__).resolve().parents[2] / "resources/examples/brussels-2021.timeline.json"
BRUSSELS = "Pashinian–Aliyev meeting in Brussels, with Michel"
NO_KEY = Qt.KeyboardModifier.NoModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def example(window: MainWindow) -> Iterator[MainWindow]:
    """The window on the example project, with the keyboard in the chart."""
    assert window.files.load(EXAMPLE)
    window.resize(1500, 900)
    window.activateWindow()
    window.timeline.setFocus()
    yield window


def _open_panel(qtbot: QtBot, window: MainWindow) -> WhatChangedDock:
    """Ctrl+Shift+W from wherever the keyboard is; the list gets it."""
    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_W, CTRL_SHIFT)
    panel = window.what_changed
    qtbot.waitUntil(panel.tree.hasFocus)
    return panel


def _type_day(qtbot: QtBot, edit: QWidget, text: str) -> None:
    """Click into a day field, replace its text, press Enter."""
    edit.setFocus()
    QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(edit, Qt.Key.Key_Backspace)
    QTest.keyClicks(edit, text)
    QTest.keyClick(edit, Qt.Key.Key_Return)


def _rows(panel: WhatChangedDock) -> dict[str, list[str]]:
    """Group heading → the titles listed under it."""
    model = panel.model
    found: dict[str, list[str]] = {}
    for group in range(model.rowCount()):
        head = model.index(group, 0)
        titles = [model.index(r, 1, head).data() for r in range(model.rowCount(head))]
        found[head.data()] = titles
    return found


def _compare(qtbot: QtBot, panel: WhatChangedDock, first: str, last: str) -> None:
    _type_day(qtbot, panel.from_edit, first)
    _type_day(qtbot, panel.to_edit, last)


def test_the_shortcut_opens_the_panel_on_the_last_week_of_knowledge(
    qtbot: QtBot, example: MainWindow
) -> None:
    action = example.actions_by_name["view_what_changed"]
    assert example.what_changed.isHidden() and not action.isChecked()
    panel = _open_panel(qtbot, example)
    assert action.isChecked()
    # The article, dated "20 November?", is certainly out on the 21st: the last day.
    assert (panel.from_edit.text(), panel.to_edit.text()) == ("2021-11-14", "2021-11-21")
    assert "after 14 Nov 2021 up to 21 Nov 2021" in panel.summary.text()
    assert BRUSSELS in _rows(panel)["Entries added (12)"]
    QTest.keyClick(panel.tree, Qt.Key.Key_W, CTRL_SHIFT)
    assert panel.isHidden() and not action.isChecked()


def test_15_to_20_november_names_the_brussels_meeting_and_enter_selects_it(
    qtbot: QtBot, example: MainWindow
) -> None:
    panel = _open_panel(qtbot, example)
    _compare(qtbot, panel, "2021-11-15", "20 Nov 2021")
    groups = _rows(panel)
    assert BRUSSELS in groups["Entries added (8)"]
    assert "Claims made (3)" in groups and "Entries possibly added (4)" in groups
    # The keyboard path: Tab from To reaches the list; Down walks to the meeting's row.
    QTest.keyClick(panel.to_edit, Qt.Key.Key_Tab)
    assert panel.tree.hasFocus()
    while panel.tree.currentIndex().siblingAtColumn(1).data() != BRUSSELS:
        before = panel.tree.currentIndex()
        QTest.keyClick(panel.tree, Qt.Key.Key_Down)
        assert panel.tree.currentIndex() != before, "Down stopped before the meeting"
    QTest.keyClick(panel.tree, Qt.Key.Key_Return)
    meeting = panel.tree.currentIndex().data(ENTRY_ID_ROLE)
    assert example.selected_ids() == [meeting]
    assert example.timeline.selected_ids() == [meeting] == example.table.selected_ids()
    assert example.inspector.entry_form.title_edit.text() == BRUSSELS
    assert panel.tree.hasFocus()  # the next row is one Down away


def test_a_double_click_selects_the_row_s_entry(qtbot: QtBot, example: MainWindow) -> None:
    panel = _open_panel(qtbot, example)
    _compare(qtbot, panel, "2021-11-15", "2021-11-20")
    claims = _group(panel, "Claims made")
    row = panel.model.index(0, 0, claims)
    panel.tree.scrollTo(row)
    centre = panel.tree.visualRect(row).center()
    # A real double-click: press and release, then the second press the system marks.
    for gesture in (QTest.mouseClick, QTest.mouseDClick):
        gesture(panel.tree.viewport(), Qt.MouseButton.LeftButton, NO_KEY, centre)
    assert example.selected_ids() == [row.data(ENTRY_ID_ROLE)]


def _group(panel: WhatChangedDock, heading: str) -> QModelIndex:
    for number in range(panel.model.rowCount()):
        head = panel.model.index(number, 0)
        if str(head.data()).startswith(heading):
            return head
    raise AssertionError(f"no group {heading!r}")


@pytest.mark.parametrize(
    ("field", "text", "said"),
    [
        ("from", "2021-11-31", "From: '2021-11-31' is not a day"),
        ("to", "November 2021", "To: 'November 2021' is not one day: type a day such as"),
        ("to", "next Tuesday", "To: 'next Tuesday' is not a day"),
        ("from", "", "From: no day given"),
    ],
)
def test_a_bad_day_is_named_at_its_field_and_the_list_empties(
    qtbot: QtBot, example: MainWindow, field: str, text: str, said: str
) -> None:
    panel = _open_panel(qtbot, example)
    _compare(qtbot, panel, "2021-11-15", "2021-11-20")
    edit, label = (
        (panel.from_edit, panel.from_error) if field == "from" else (panel.to_edit, panel.to_error)
    )
    _type_day(qtbot, edit, text)
    assert label.text().startswith(said) and not label.isHidden()
    assert edit.property("te_error")
    assert panel.model.rowCount() == 0
    assert "Type a day in each field" in panel.summary.text()
    _type_day(qtbot, edit, "2021-11-15" if field == "from" else "2021-11-20")
    assert label.isHidden() and not edit.property("te_error")
    assert BRUSSELS in _rows(panel)["Entries added (8)"]


def test_from_after_to_is_said_under_to(qtbot: QtBot, example: MainWindow) -> None:
    panel = _open_panel(qtbot, example)
    _compare(qtbot, panel, "2021-11-20", "2021-11-15")
    assert panel.to_error.text() == (
        "To (2021-11-15) is before From (2021-11-20): the days are the wrong way round; "
        "nothing is listed."
    )
    assert panel.from_error.isHidden() and panel.model.rowCount() == 0


def test_a_claim_added_in_the_inspector_appears_and_undo_takes_it_away(
    qtbot: QtBot, example: MainWindow
) -> None:
    panel = _open_panel(qtbot, example)
    _compare(qtbot, panel, "2021-11-15", "2021-11-20")
    assert "Claims made (3)" in _rows(panel)
    ceasefire = next(e for e in example.document.project.entries if "ceasefire" in e.title)
    example.select([ceasefire.id])
    claims = example.inspector.entry_form.claims
    qtbot.mouseClick(claims.new_button, Qt.MouseButton.LeftButton)
    choose(qtbot, claims.stance_combo, Stance.ASSERTS)
    qtbot.keyClicks(claims.text_edit, "The ceasefire holds")
    qtbot.keyClicks(claims.said_edit, "2021-11-17")
    qtbot.mouseClick(claims.save_button, Qt.MouseButton.LeftButton)
    made = _rows(panel)["Claims made (4)"]
    assert ceasefire.title in made
    row = panel.model.find(ceasefire.id, ChangeKind.CLAIM_MADE, made_claim(example, ceasefire.id))
    assert row.siblingAtColumn(0).data() == "2021-11-17"
    assert "The ceasefire holds" in row.siblingAtColumn(2).data()
    QTest.keyClick(panel.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Claims made (3)" in _rows(panel)
    assert ceasefire.title not in _rows(panel)["Claims made (3)"]


def made_claim(window: MainWindow, entry_id: str) -> str:
    """The id of the entry's one claim."""
    (claim,) = window.document.entry(entry_id).claims
    return claim.id


def test_edits_while_hidden_are_counted_when_shown(qtbot: QtBot, example: MainWindow) -> None:
    panel = _open_panel(qtbot, example)
    _compare(qtbot, panel, "2021-11-15", "2021-11-20")
    panel.toggle()
    assert panel.isHidden()
    meeting = next(e for e in example.document.project.entries if e.title == BRUSSELS)
    example.select([meeting.id])
    QTest.keyClick(example.timeline, Qt.Key.Key_Delete)
    assert example.document.find_entry(meeting.id) is None
    panel = _open_panel(qtbot, example)
    assert BRUSSELS not in _rows(panel)["Entries added (7)"]
    assert (panel.from_edit.text(), panel.to_edit.text()) == ("2021-11-15", "2021-11-20")


def test_an_empty_project_says_there_is_nothing_dated_and_takes_typed_days(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = _open_panel(qtbot, window)
    assert (panel.from_edit.text(), panel.to_edit.text()) == ("", "")
    assert panel.summary.text().startswith("Nothing in the project is dated yet")
    assert panel.from_error.isHidden() and panel.to_error.isHidden()
    _compare(qtbot, panel, "2021-11-15", "2021-11-20")
    assert panel.summary.text() == "Nothing became known after 15 Nov 2021 up to 20 Nov 2021."
    _type_day(qtbot, panel.from_edit, "")
    assert panel.from_error.text().startswith("From: no day given")


def test_opening_another_project_starts_on_its_days(
    qtbot: QtBot, example: MainWindow, project_file: Path
) -> None:
    panel = _open_panel(qtbot, example)
    _compare(qtbot, panel, "2021-11-15", "2021-11-20")
    assert example.files.load(project_file)
    days = default_days(knowledge(example.document.project))
    assert days is not None and days != (read_day("2021-11-15"), read_day("2021-11-20"))
    assert (panel.from_edit.text(), panel.to_edit.text()) == tuple(map(format_day, days))
    assert panel.from_error.isHidden() and panel.to_error.isHidden()


def test_read_day_takes_edtf_and_written_days() -> None:
    assert read_day("2021-11-20") == read_day(" 20 November 2021 ") == read_day("Nov 20, 2021")
    with pytest.raises(ValueError, match="is not one day"):
        read_day("2021-11-20~")
