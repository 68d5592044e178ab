"""View ▸ Known on in the window: the day by field, keys, handle and play; what follows it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog

from tests.ui.helpers import QtBot, retype
from timeline_editor.app import DESCRIPTION
from timeline_editor.layout.known_index import NEW_MARK
from timeline_editor.model.daynum import day_number
from timeline_editor.model.knowledge import knowledge_dates
from timeline_editor.ui.dialogs.export import ExportDialog
from timeline_editor.ui.table.known_rows import NEW_COLOUR
from timeline_editor.ui.window.main_window import MainWindow

EXAMPLE = Path(__file__).parents[2] / "resources/examples/brussels-2021.timeline.json"
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def example(window: MainWindow) -> MainWindow:
    """The window on the Brussels example, chart and table both shown."""
    assert window.files.load(EXAMPLE)
    window.actions_by_name["view_split"].trigger()
    return window


def _id(window: MainWindow, title: str) -> str:
    return next(e.id for e in window.document.project.entries if e.title.startswith(title))


def _drawn_ids(window: MainWindow) -> set[str]:
    drawn = window.timeline.view.drawn
    numbers = {int(n) for lane in drawn.arrays for n in lane.entries} | set(drawn.undated)
    return {drawn.entries[n].id for n in numbers}


def _set(qtbot: QtBot, window: MainWindow, text: str) -> None:
    retype(qtbot, window.known_on.bar.field, text)


def test_the_field_sets_the_day_for_chart_and_table(qtbot: QtBot, example: MainWindow) -> None:
    trilateral = _id(example, "Putin–Aliyev–Pashinian trilateral")
    war = _id(example, "Six weeks of fighting")
    _set(qtbot, example, "2021-10-25")
    assert example.known_on.day == day_number(2021, 10, 25)
    assert trilateral not in _drawn_ids(example)
    assert trilateral not in example.table.shown_ids()
    assert war in _drawn_ids(example) and war in example.table.shown_ids()
    _set(qtbot, example, "2021-11-12")
    assert trilateral in _drawn_ids(example)
    assert trilateral in example.table.shown_ids()
    _set(qtbot, example, "")
    assert example.known_on.day is None
    assert example.timeline.view.drawn is example.timeline.view.index
    assert len(example.table.shown_ids()) == len(example.document.project.entries)


def test_a_bad_day_is_named_and_changes_nothing(qtbot: QtBot, example: MainWindow) -> None:
    _set(qtbot, example, "2021-11")
    assert example.known_on.day is None
    assert "2021-11" in example.statusBar().currentMessage()


def test_keys_step_by_a_day_and_a_week(qtbot: QtBot, example: MainWindow) -> None:
    _set(qtbot, example, "2021-11-12")
    example.timeline.setFocus()
    qtbot.keyClick(example.timeline, Qt.Key.Key_PageDown, ALT)
    assert example.known_on.day == day_number(2021, 11, 13)
    qtbot.keyClick(example.timeline, Qt.Key.Key_PageDown, ALT | SHIFT)
    assert example.known_on.day == day_number(2021, 11, 20)
    qtbot.keyClick(example.timeline, Qt.Key.Key_PageUp, ALT)
    assert example.known_on.bar.field.text() == "2021-11-19"
    qtbot.keyClick(example.timeline, Qt.Key.Key_End, ALT)
    assert example.known_on.day is None


def test_dragging_the_handle_sets_the_day(qtbot: QtBot, example: MainWindow) -> None:
    strip = example.timeline.overview
    start = QPoint(round(strip.known_x()), strip.height() // 2)
    target = QPoint(round(strip._x(day_number(2021, 11, 12) + 1.5)), start.y())
    qtbot.mousePress(strip, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(strip, target)
    qtbot.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=target)
    day = example.known_on.day
    assert day is not None and abs(day - day_number(2021, 11, 12)) <= 3
    assert abs(strip.known_x() - target.x()) <= 3


def test_play_steps_through_the_knowledge_dates(qtbot: QtBot, example: MainWindow) -> None:
    dates = knowledge_dates(example.document.project)
    known_on = example.known_on
    known_on._timer.setInterval(5)
    play = known_on.bar.widgetForAction(known_on.bar.actions_by_name["known_play"])
    qtbot.mouseClick(play, Qt.MouseButton.LeftButton)
    assert known_on.day == dates[0] and known_on.playing()
    qtbot.waitUntil(lambda: known_on.day is not None and known_on.day >= dates[2])
    qtbot.keyClick(example, Qt.Key.Key_Space)
    assert not known_on.playing()
    stopped = known_on.day
    qtbot.wait(30)
    assert known_on.day == stopped


def test_new_entries_are_marked_and_captions_name_the_day(
    qtbot: QtBot, example: MainWindow
) -> None:
    brussels = _id(example, "Pashinian–Aliyev meeting in Brussels, with Michel")
    _set(qtbot, example, "2021-11-20")
    drawn = example.timeline.view.drawn
    marks = {
        drawn.entries[int(n)].id: int(m)
        for lane in drawn.arrays
        for n, m in zip(lane.entries, lane.marks, strict=True)
    }
    assert marks[brussels] & NEW_MARK
    assert not marks[_id(example, "Six weeks of fighting")] & NEW_MARK
    model = example.table.proxy
    row = model.sourceModel().row_of(brussels)
    assert model.sourceModel().cell(row, 2, Qt.ItemDataRole.DecorationRole) == NEW_COLOUR
    assert example.timeline.legend_heading == "Legend — as known on 20 Nov 2021"
    assert example.status.count_label.text().startswith("as known on 20 Nov 2021: ")


def test_edits_are_refused_while_a_day_is_set(qtbot: QtBot, example: MainWindow) -> None:
    war = _id(example, "Six weeks of fighting")
    _set(qtbot, example, "2021-11-12")
    example.select([war])
    example.actions_by_name["edit_delete"].trigger()
    assert example.document.find_entry(war) is not None
    assert "Show Everything" in example.statusBar().currentMessage()
    assert not example.inspector.entry_form.isEnabled()
    example.select([])
    assert not example.inspector.project_form.isEnabled()
    example.select([war])
    example.actions_by_name["known_everything"].trigger()
    example.select([war])
    example.actions_by_name["edit_delete"].trigger()
    assert example.document.find_entry(war) is None


def test_export_from_the_window_draws_the_day(
    qtbot: QtBot, example: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "known.svg"

    def accept(dialog: ExportDialog) -> int:
        dialog.path_edit.setText(str(out))
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(ExportDialog, "exec", accept)
    _set(qtbot, example, "2021-10-25")
    example.actions_by_name["file_export"].trigger()
    svg = out.read_text(encoding="utf-8")
    assert "as known on 25 Oct 2021" in svg
    assert "Six weeks of fighting" in svg
    assert "Brussels, with Michel" not in svg
    _set(qtbot, example, "2021-11-20")  # the route and three more only possibly known
    example.actions_by_name["file_export"].trigger()
    svg = out.read_text(encoding="utf-8")
    assert "as known on 20 Nov 2021 (4 more entries possibly known, not drawn)" in svg


def test_undo_while_a_day_is_set_redraws_the_same_day(qtbot: QtBot, example: MainWindow) -> None:
    war = _id(example, "Six weeks of fighting")
    example.select([war])
    example.actions_by_name["edit_delete"].trigger()
    _set(qtbot, example, "2021-11-12")
    example.timeline.grab()
    example.actions_by_name["edit_undo"].trigger()  # a new state of the same day
    assert example.known_on.day == day_number(2021, 11, 12)
    assert war in _drawn_ids(example)
    assert not example.timeline.grab().isNull()


def test_the_command_lines_help_names_the_keys_the_window_really_has(window: MainWindow) -> None:
    flat = " ".join(DESCRIPTION.split())
    actions = window.actions_by_name
    for name in ("known_day_back", "known_play", "view_what_changed"):
        keys = actions[name].shortcut().toString()
        assert keys and keys in flat, (name, keys)


def _table_titles(window: MainWindow) -> list[str]:
    window.table.shown_ids()  # the table follows the day once the chart has painted
    proxy = window.table.proxy
    return [proxy.index(row, 2).data() for row in range(proxy.rowCount())]


def test_the_table_shows_the_days_entries_after_a_delete_is_undone(
    qtbot: QtBot, example: MainWindow
) -> None:
    # Undo puts the entry back in its place in the project but at the table's end, so
    # the table's rows and the day's arrays (in project order) no longer line up.
    example.select([_id(example, "Worst border fighting")])
    example.actions_by_name["edit_delete"].trigger()
    example.undo_stack.undo()
    _set(qtbot, example, "2021-11-12")
    assert _table_titles(example) == [
        "Six weeks of fighting in Nagorno-Karabakh (2020 war)",
        "Russia-brokered ceasefire signed by Armenia and Azerbaijan",
        "Michel speaks to both leaders 4-6 times",
        "Putin–Aliyev–Pashinian trilateral meeting in Moscow",
    ]
    _set(qtbot, example, "2021-11-20")
    assert "Worst border fighting since the 2020 war" in _table_titles(example)


def test_the_field_takes_a_day_in_words_and_refuses_what_is_not_one_day(
    qtbot: QtBot, example: MainWindow
) -> None:
    _set(qtbot, example, "12 Nov 2021")
    assert example.known_on.day == day_number(2021, 11, 12)
    _set(qtbot, example, "mid-November 2021")
    assert example.known_on.day == day_number(2021, 11, 12)  # unchanged
    assert "is not one day" in example.statusBar().currentMessage()
