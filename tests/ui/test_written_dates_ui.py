"""Written dates in the inspector's EDTF field, counted from the as-of day, and its help."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolTip

from tests.samples import detailed_project
from tests.stacks import new_stack
from tests.ui.helpers import QtBot, retype
from timeline_editor.model.date_cases import DateCase
from timeline_editor.model.daynum import day_number
from timeline_editor.model.document import Document
from timeline_editor.ui.inspector.dock import InspectorDock
from timeline_editor.ui.widgets import clock


def _dock(qtbot: QtBot, as_of: str = "2021-11-26") -> InspectorDock:
    project = detailed_project().model_copy(update={"as_of": as_of})
    dock = InspectorDock(Document(project), new_stack())
    qtbot.addWidget(dock)
    dock.show()
    return dock


def test_a_written_date_is_read_shown_as_edtf_and_keeps_the_wording(qtbot: QtBot) -> None:
    dock = _dock(qtbot)
    dock.show_entries(["e-moscow"])
    editor = dock.entry_form.date_editor
    retype(qtbot, editor.edtf_edit, "late November 2021")
    entry = dock._document.entry("e-moscow")
    assert entry.when.edtf == "[2021-11-21..2021-11-30]"
    assert entry.when.as_stated == "any time soon"  # the source's words stay
    assert editor.edtf_edit.text() == "[2021-11-21..2021-11-30]"
    assert editor.case_combo.currentData() == DateCase.BETWEEN
    assert (editor.start_edit.text(), editor.end_edit.text()) == ("2021-11-21", "2021-11-30")
    assert editor.reading.text().startswith("“late November 2021” read as [2021-11-21..2021-11-30]")
    assert not editor.edtf_edit.property("te_error") and editor.message.isHidden()
    assert dock._undo_stack.count() == 1
    dock._undo_stack.undo()
    assert dock._document.entry("e-moscow").when.edtf == "[2021-11-26..2022]"


def test_the_year_counts_from_the_as_of_date_and_the_words_become_the_wording(
    qtbot: QtBot,
) -> None:
    dock = _dock(qtbot)
    dock.show_entries(["e-moscow"])
    editor = dock.entry_form.date_editor
    retype(qtbot, editor.as_stated_edit, "")
    retype(qtbot, editor.edtf_edit, "by the end of the year")
    when = dock._document.entry("e-moscow").when
    assert (when.edtf, when.as_stated) == ("[..2021-12-31]", "by the end of the year")
    assert editor.case_combo.currentData() == DateCase.BEFORE
    assert editor.as_stated_edit.text() == "by the end of the year"


def test_without_an_as_of_date_the_year_is_the_clock_year(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clock, "today", lambda: day_number(2030, 1, 2))
    dock = _dock(qtbot, as_of="")
    dock.show_entries(["e-route"])
    retype(qtbot, dock.entry_form.date_editor.edtf_edit, "in the coming weeks")
    assert dock._document.entry("e-route").when.edtf == "[2030-01-02..2030-02-13]"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Q5 2022", "there is no quarter 5 in 'Q5 2022': Q1 to Q4"),
        ("early Smarch 2021", "no month called 'Smarch'"),
        ("2021-13-45", "month 13"),  # EDTF-like text gets the EDTF reason
    ],
)
def test_an_unreadable_date_is_refused_at_the_field(qtbot: QtBot, text: str, message: str) -> None:
    dock = _dock(qtbot)
    dock.show_entries(["e-route"])
    before = dock._document.project
    editor = dock.entry_form.date_editor
    retype(qtbot, editor.edtf_edit, text)
    assert message in editor.message.text() and not editor.message.isHidden()
    assert editor.edtf_edit.property("te_error") and editor.edtf_edit.text() == text
    assert dock._document.project == before and dock._undo_stack.count() == 0


def test_the_date_editor_lists_the_ways_to_write_a_date(qtbot: QtBot) -> None:
    dock = _dock(qtbot)
    dock.show_entries(["e-route"])
    editor = dock.entry_form.date_editor
    for words in ("early / mid / late", "spring", "Q1 2022", "14 or 15 December", "coming weeks"):
        assert words in editor.edtf_edit.toolTip()
    qtbot.mouseClick(editor.help_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == editor.edtf_edit.toolTip()
