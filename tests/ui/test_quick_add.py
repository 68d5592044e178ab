"""The quick-add line: Ctrl+L, ``DATE | TITLE | AS STATED``, Enter; refusals at the field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import QtBot, choose
from timeline_editor.model.daynum import day_number
from timeline_editor.model.entities import DateValue
from timeline_editor.model.vocab import EntryKind, Status
from timeline_editor.ui.window import quick_line
from timeline_editor.ui.window.main_window import MainWindow
from timeline_editor.ui.window.quick_line import QuickLine, QuickLineError, read_quick_line

CTRL = Qt.KeyboardModifier.ControlModifier


def _type_line(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Ctrl+L from wherever the keyboard is, type the line, press Enter."""
    here = QApplication.focusWidget() or window
    QTest.keyClick(here, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(window.quick_add.edit.hasFocus)
    QTest.keyClicks(window.quick_add.edit, text)
    QTest.keyClick(window.quick_add.edit, Qt.Key.Key_Return)


def test_enter_adds_one_undoable_selected_entry_and_keeps_the_line_ready(
    qtbot: QtBot, loaded: MainWindow
) -> None:
    loaded.activateWindow()
    loaded.timeline.setFocus()
    bar = loaded.quick_add
    choose(qtbot, bar.kind_combo, EntryKind.MEETING)
    before = len(loaded.document.project.entries)
    _type_line(qtbot, loaded, "2021-12-15 | Pashinian and Aliyev meet in Brussels | on 15 December")
    entries = loaded.document.project.entries
    assert len(entries) == before + 1
    entry = entries[-1]
    assert (entry.title, entry.kind) == ("Pashinian and Aliyev meet in Brussels", EntryKind.MEETING)
    assert entry.when == DateValue(edtf="2021-12-15", as_stated="on 15 December")
    assert entry.status is Status.SCHEDULED  # a meeting after the as-of date (2021-11-26)
    assert loaded.selected_ids() == [entry.id]
    assert loaded.inspector.entry_form.title_edit.text() == entry.title
    assert bar.edit.text() == "" and bar.edit.hasFocus()  # ready for the next one
    assert loaded.undo_stack.count() == 1
    loaded.undo_stack.undo()
    assert len(loaded.document.project.entries) == before


def test_an_event_after_the_as_of_date_is_proposed_and_one_before_occurred(
    qtbot: QtBot, loaded: MainWindow
) -> None:
    loaded.activateWindow()
    _type_line(qtbot, loaded, "2022-03 | Route talks resume |")
    _type_line(qtbot, loaded, "2021-11-16 | Border fighting |")
    *_, later, earlier = loaded.document.project.entries
    assert (later.kind, later.status, later.when.as_stated) == (
        EntryKind.EVENT,
        Status.PROPOSED,
        "",
    )
    assert earlier.status is Status.OCCURRED
    assert loaded.undo_stack.count() == 2


def test_an_empty_date_makes_an_undated_entry(qtbot: QtBot, loaded: MainWindow) -> None:
    loaded.activateWindow()
    _type_line(qtbot, loaded, " | Defence ministers' hotline | to be set up")
    entry = loaded.document.project.entries[-1]
    assert entry.when == DateValue(edtf="", as_stated="to be set up")
    assert entry.status is Status.OCCURRED


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2021-13-45 | Nonsense date |", "cannot read the date “2021-13-45”"),
        ("Q5 2022 | Bad quarter |", "there is no quarter 5 in 'Q5 2022': Q1 to Q4"),
        ("2001-42 | x |", "season 42 out of range in '2001-42' (seasons and sub-year"),
        ("2021-12-15 |  | on 15 December", "no title"),
        ("2021-12-15 Brussels meeting", "write DATE | TITLE | AS STATED"),
    ],
)
def test_a_bad_line_is_refused_at_the_field_and_adds_nothing(
    qtbot: QtBot, loaded: MainWindow, text: str, words: str
) -> None:
    loaded.activateWindow()
    before = loaded.document.project
    _type_line(qtbot, loaded, text)
    bar = loaded.quick_add
    assert loaded.document.project == before
    assert loaded.undo_stack.count() == 0
    assert words in bar.message.text() and not bar.message.isHidden()
    assert bar.edit.property("te_error") and "c0392b" in bar.edit.styleSheet()
    assert bar.edit.text() == text  # kept, to be corrected
    QTest.keyClicks(bar.edit, "x")  # typing again clears the mark
    assert bar.message.isHidden() and not bar.edit.property("te_error")


def test_escape_goes_back_to_the_chart(qtbot: QtBot, loaded: MainWindow) -> None:
    loaded.activateWindow()
    loaded.quick_add.activate()
    qtbot.waitUntil(loaded.quick_add.edit.hasFocus)
    QTest.keyClick(loaded.quick_add.edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(loaded.timeline.hasFocus)


def test_an_entry_off_screen_is_brought_into_view(qtbot: QtBot, loaded: MainWindow) -> None:
    loaded.activateWindow()
    _type_line(qtbot, loaded, "1994-05-12 | Bishkek ceasefire protocol |")
    assert loaded.viewing.visible_range is not None
    start, end = loaded.viewing.visible_range
    assert start <= day_number(1994, 5, 12) <= end


def test_the_line_reads_its_three_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    # A reader of written dates that knows one phrase, to show which words are kept.
    def read(text: str, reference: int | None = None) -> tuple[str, str]:
        if text == "mid-December":
            return "2021-12~", "mid-December"
        raise ValueError("not a date I know")

    monkeypatch.setattr(quick_line, "read_date", read)
    assert read_quick_line("mid-December | Summit |") == QuickLine(
        "Summit", DateValue(edtf="2021-12~", as_stated="mid-December")
    )
    # The words typed in AS STATED win over the date as written; "|" may follow.
    assert read_quick_line("mid-December | Summit | in “mid | December”") == QuickLine(
        "Summit", DateValue(edtf="2021-12~", as_stated="in “mid | December”")
    )
    with pytest.raises(QuickLineError) as caught:
        read_quick_line("the ides of March | Caesar |")
    assert caught.value.part == "date"
    assert str(caught.value) == "cannot read the date “the ides of March”: not a date I know"


@pytest.mark.parametrize(
    ("date", "edtf"),
    [
        ("15 Dec 2021", "2021-12-15"),
        ("December 2021", "2021-12"),
        ("between 2021-11-01 and 2021-11-10", "[2021-11-01..2021-11-10]"),
        ("before 2021-12", "[..2021-12]"),
    ],
)
def test_written_dates_are_read(date: str, edtf: str) -> None:
    assert read_quick_line(f"{date} | A title |").when.edtf == edtf


def test_written_periods_count_from_the_as_of_date(qtbot: QtBot, loaded: MainWindow) -> None:
    loaded.activateWindow()
    _type_line(qtbot, loaded, "late November 2021 | Talks resume in Brussels |")
    _type_line(qtbot, loaded, "by the end of the year | Border commission report | by year's end")
    _type_line(qtbot, loaded, "in the coming weeks | Defence ministers meet |")
    *_, talks, report, ministers = loaded.document.project.entries
    assert talks.when == DateValue(edtf="[2021-11-21..2021-11-30]", as_stated="late November 2021")
    # The sample project stands at 30 November 2021: "the year" is 2021.
    assert report.when == DateValue(edtf="[..2021-12-31]", as_stated="by year's end")
    assert ministers.when.edtf == "[2021-11-30..2022-01-11]"  # six weeks from the as-of date
    assert loaded.undo_stack.count() == 3


def test_the_reference_day_is_passed_to_the_reader() -> None:
    line = read_quick_line("by the end of the year | Report |", day_number(2030, 1, 2))
    assert line.when == DateValue(edtf="[..2030-12-31]", as_stated="by the end of the year")
    with pytest.raises(QuickLineError, match="needs a year, and no day is given"):
        read_quick_line("by the end of the year | Report |")


def test_a_line_the_window_refuses_stays_as_typed_and_keeps_the_selection(
    qtbot: QtBot, loaded: MainWindow
) -> None:
    # While View ▸ Known on shows a day the window refuses every edit; the line typed
    # must not be lost, nor the selection dropped for an entry that was never added.
    loaded.activateWindow()
    chosen = loaded.document.project.entries[0].id
    loaded.selection.select([chosen])
    loaded.known_on.set_day(day_number(2021, 11, 20))
    before = loaded.document.project
    text = "spring 2022 | Test while day set"
    _type_line(qtbot, loaded, text)
    bar = loaded.quick_add
    assert loaded.document.project == before and loaded.undo_stack.count() == 0
    assert bar.edit.text() == text
    assert loaded.selected_ids() == [chosen]
    said = bar.message.text()
    assert said.startswith("Not added: ") and "Add entry" in said and "Known on" in said
    assert "Not done" in loaded.statusBar().currentMessage()
    loaded.known_on.set_day(None)  # edits allowed again: the same line now adds
    QTest.keyClick(bar.edit, Qt.Key.Key_Return)
    assert loaded.document.project.entries[-1].title == "Test while day set"
    assert bar.edit.text() == ""
