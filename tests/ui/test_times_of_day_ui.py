"""Times of day in the window: the table sorts a day by time, the editors take the forms."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.samples import detailed_project, small_project
from tests.stacks import new_stack
from tests.ui.helpers import QtBot, retype
from tests.ui.table_helpers import cell, click_header, make_table, type_into
from timeline_editor.model.date_cases import DateCase
from timeline_editor.model.daynum import day_number
from timeline_editor.model.document import Document
from timeline_editor.model.entities import DateValue, Entry, Project
from timeline_editor.ui.canvas.view import CanvasView
from timeline_editor.ui.inspector.dock import InspectorDock
from timeline_editor.ui.table.columns import Col
from timeline_editor.ui.table.view import ChronologyTable
from timeline_editor.ui.window.quick_line import QuickLineError, read_quick_line

# On the day of the sample's Brussels meeting (2021-12-15, no time).
TIMED = {
    "t-brussels": "2021-12-15T17:00:00+01:00",  # 16:00 UTC
    "t-moscow": "2021-12-15T18:00:00+03:00",  # 15:00 UTC
    "t-local": "2021-12-15T09:00:00",  # no zone: its clock time
}


def _table(qtbot: QtBot) -> ChronologyTable:
    document = Document(small_project())
    timed = [Entry(id=k, title=k, when=DateValue(edtf=v)) for k, v in TIMED.items()]
    document.append("entries", timed)
    return make_table(qtbot, document)


def _day(table: ChronologyTable) -> list[str]:
    return [i for i in table.shown_ids() if i.startswith("t-") or i == "e-brussels"]


def test_a_day_sorts_by_time_utc_when_zoned_both_ways(qtbot: QtBot) -> None:
    table = _table(qtbot)
    ascending = ["e-brussels", "t-local", "t-moscow", "t-brussels"]
    assert _day(table) == ascending
    click_header(qtbot, table, Col.DATE)
    assert table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert _day(table) == ascending[::-1]
    assert cell(table, "t-brussels", Col.DATE).data() == "15 Dec 2021, 17:00 UTC+1"


def test_a_time_typed_in_the_cell_moves_the_row_within_its_day(qtbot: QtBot) -> None:
    table = _table(qtbot)
    type_into(qtbot, table, "t-local", Col.DATE, "2021-12-15T23:30Z")
    assert table.source._document.entry("t-local").when.edtf == "2021-12-15T23:30:00Z"
    assert _day(table) == ["e-brussels", "t-moscow", "t-brussels", "t-local"]
    editor = type_into(qtbot, table, "t-moscow", Col.DATE, "2021-12-15T25:00")
    assert editor.isVisible()  # refused: not read as the day with the time dropped
    assert "hour 25 out of range" in str(editor.property("te_error"))
    assert table.source._document.entry("t-moscow").when.edtf == TIMED["t-moscow"]


@pytest.fixture
def dock(qtbot: QtBot) -> InspectorDock:
    """An inspector on the sample project, shown."""
    widget = InspectorDock(Document(detailed_project()), new_stack())
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_edtf_field_takes_a_time_writes_it_canonically_and_undoes(
    qtbot: QtBot, dock: InspectorDock
) -> None:
    dock.show_entries(["e-moscow"])
    editor = dock.entry_form.date_editor
    document, stack = dock._document, dock._undo_stack
    retype(qtbot, editor.edtf_edit, "2021-12-15T17:00+01:00")
    assert document.entry("e-moscow").when.edtf == "2021-12-15T17:00:00+01:00"
    assert editor.edtf_edit.text() == "2021-12-15T17:00:00+01:00"
    assert editor.case_combo.currentData() == DateCase.EXACT
    assert editor.start_edit.text() == "2021-12-15T17:00:00+01:00"
    assert stack.count() == 1
    stack.undo()
    assert document.entry("e-moscow").when.edtf == "[2021-11-26..2022]"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("T17:00", "has a time but no date"),
        ("2021-12T17:00", "a time needs a full day"),
        ("2021-12-15T25:00", "hour 25 out of range"),
        ("2021-12-15T17:00+15:00", "zone +15:00 out of range"),
        ("2021-12-15T17:00~", "qualifies a time"),
    ],
)
def test_a_bad_time_is_marked_at_the_field_and_changes_nothing(
    qtbot: QtBot, dock: InspectorDock, typed: str, message: str
) -> None:
    dock.show_entries(["e-moscow"])
    editor = dock.entry_form.date_editor
    before = dock._document.project
    retype(qtbot, editor.edtf_edit, typed)
    assert message in editor.message.text()
    assert editor.edtf_edit.property("te_error")
    assert dock._document.project == before
    assert dock._undo_stack.count() == 0


def test_the_approximate_case_refuses_a_time_at_the_date_field(
    qtbot: QtBot, dock: InspectorDock
) -> None:
    dock.show_entries(["e-moscow"])
    editor = dock.entry_form.date_editor
    retype(qtbot, editor.edtf_edit, "2021-12-15~")
    assert editor.case_combo.currentData() == DateCase.APPROXIMATE
    retype(qtbot, editor.start_edit, "2021-12-15T17:00")
    assert "qualifies a time" in editor.message.text()
    assert editor.start_edit.property("te_error")
    assert dock._document.entry("e-moscow").when.edtf == "2021-12-15~"


def test_the_quick_add_line_takes_a_time_and_refuses_a_bad_one() -> None:
    line = read_quick_line("2021-12-14T17:00Z | Talks in Brussels | at five")
    assert line.when == DateValue(edtf="2021-12-14T17:00:00Z", as_stated="at five")
    with pytest.raises(QuickLineError) as caught:
        read_quick_line("2021-12-14T17:00+15:00 | Talks")
    assert caught.value.part == "date"
    assert "zone +15:00 out of range" in str(caught.value)


def test_zoom_to_selection_shows_timed_entries_to_the_hour() -> None:
    whens = ["2021-12-14T17:00+01:00", "2021-12-14T18:30Z", "2021-12-14"]
    project = Project(
        entries=tuple(
            Entry(id=f"e{i}", title=w, when=DateValue(edtf=w)) for i, w in enumerate(whens)
        )
    )
    view = CanvasView(project)
    day = day_number(2021, 12, 14)
    assert view.show_ids(["e0", "e1"])
    assert view.scale.start < day + 16 / 24 and view.scale.end > day + 18.5 / 24
    assert view.scale.span < 5 / 24  # hours, not days
    assert view.show_ids(["e0"]) and view.scale.span == pytest.approx(2 / 24)
    assert view.show_ids(["e0", "e2"]) and view.scale.span >= 3  # a whole day: padded by days
