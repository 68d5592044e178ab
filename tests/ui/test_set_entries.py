"""Set and season entries in the window's views: picked on the chart, sorted, filtered."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.samples.sets import sets_project
from tests.stacks import new_stack
from tests.ui.helpers import retype
from tests.ui.table_helpers import cell, click_header
from timeline_editor.layout.setmembers import member_shares
from timeline_editor.model.date_cases import DateCase
from timeline_editor.model.daynum import day_number
from timeline_editor.model.document import Document
from timeline_editor.model.filters import EntryFilter
from timeline_editor.render.marks import window_line_y
from timeline_editor.render.setmarks import member_spans, spread
from timeline_editor.ui.canvas.timeline import TimelineCanvas
from timeline_editor.ui.inspector.dock import InspectorDock
from timeline_editor.ui.table.columns import Col
from timeline_editor.ui.table.view import ChronologyTable


def _canvas(qtbot: QtBot) -> TimelineCanvas:
    canvas = TimelineCanvas(Document(sets_project()))
    qtbot.addWidget(canvas)
    canvas.resize(1200, 500)
    canvas.show()
    qtbot.waitExposed(canvas)
    return canvas


def test_clicking_a_candidate_or_the_line_between_selects_the_entry(qtbot: QtBot) -> None:
    canvas = _canvas(qtbot)
    canvas.go_to_day(day_number(2021, 12, 14))
    number = canvas.view.ids["e-brussels"]
    box = next(b for b in canvas.current_frame().marks if b.entry == number)
    spans = member_spans(box, member_shares("[2021-12-14,2021-12-15]"))
    first = spread([(a + b) / 2 for a, b, _ in spans])[0]
    y = window_line_y(box.y, canvas.view.geometry.bar_h / 2)
    assert canvas.entry_at(QPointF(first, y)) == "e-brussels"
    assert canvas.entry_at(QPointF((box.x1 + box.x2) / 2, y)) == "e-brussels"
    with qtbot.waitSignal(canvas.selection_changed) as blocker:
        QTest.mouseClick(
            canvas,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            QPoint(round(first), round(y)),
        )
    assert blocker.args == [["e-brussels"]]


def test_the_table_sorts_a_set_by_its_earliest_day_and_says_it_in_words(qtbot: QtBot) -> None:
    table = ChronologyTable(Document(sets_project()), new_stack())
    qtbot.addWidget(table)
    table.resize(1600, 400)
    table.show()
    qtbot.waitExposed(table)
    click_header(qtbot, table, Col.DATE)
    order = [table.proxy.index(row, Col.TITLE).data() for row in range(table.proxy.rowCount())]
    if order[0] != "EU envoy's visits to the region":
        order.reverse()  # the header's first click may sort either way
    assert order == [
        "EU envoy's visits to the region",  # 12 Oct 2021, its first member
        "Border fighting",
        "Trilateral meeting in Sochi",
        "Pashinian–Aliyev meeting in Brussels",  # 14 Dec 2021
        "Delimitation commission to begin work",  # spring 2022: from 1 March
    ]
    assert cell(table, "e-brussels", Col.DATE).data() == "14 or 15 Dec 2021"
    assert cell(table, "e-commission", Col.DATE).data() == "spring 2022"


def test_a_date_range_filter_matches_a_set_by_its_span() -> None:
    project = sets_project()
    visits = next(e for e in project.entries if e.id == "e-visits")
    december = EntryFilter(start_day=day_number(2021, 12, 1), end_day=day_number(2021, 12, 31))
    # Between two members: the span still covers it (filters read the span).
    assert december.matches(visits, project)
    march = EntryFilter(start_day=day_number(2022, 3, 1), end_day=day_number(2022, 3, 31))
    assert not march.matches(visits, project)
    spring = next(e for e in project.entries if e.id == "e-commission")
    assert march.matches(spring, project)


def test_dragging_an_either_or_entry_moves_both_candidates_and_undoes(qtbot: QtBot) -> None:
    stack = new_stack()
    canvas = TimelineCanvas(Document(sets_project()), undo_stack=stack)
    canvas.setProperty("stack", stack)
    qtbot.addWidget(canvas)
    canvas.resize(1000, 420)
    canvas.show()
    qtbot.waitExposed(canvas)
    start_day = day_number(2021, 12, 1)
    canvas.view.scale = canvas.view.scale.showing(
        start_day, start_day + canvas.view.scale.width / 10
    )
    canvas._changed_view()
    number = canvas.view.ids["e-brussels"]
    box = next(b for b in canvas.current_frame().marks if b.entry == number)
    y = window_line_y(box.y, canvas.view.geometry.bar_h / 2)
    start = QPoint(round((box.x1 + box.x2) / 2), round(y))
    end = start + QPoint(30, 0)  # three days at 10 px a day
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 5):
        QTest.mouseMove(canvas, start + (end - start) * step / 4)
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    entry = canvas.document.entry("e-brussels")
    assert entry is not None and entry.when.edtf == "[2021-12-17,2021-12-18]"
    stack.undo()
    entry = canvas.document.entry("e-brussels")
    assert entry is not None and entry.when.edtf == "[2021-12-14,2021-12-15]"


def test_the_inspector_lists_a_sets_members_and_an_edit_keeps_it_a_set(qtbot: QtBot) -> None:
    document = Document(sets_project())
    stack = new_stack()
    dock = InspectorDock(document, stack)
    qtbot.addWidget(dock)
    dock.show()
    dock.show_entries(["e-brussels"])
    editor = dock.entry_form.date_editor
    assert editor.case_combo.currentData() == DateCase.ONE_OF
    assert editor.start_edit.text() == "2021-12-14, 2021-12-15"
    retype(qtbot, editor.start_edit, "2021-12-14, 2021-12-15, 2021-12-16")
    assert document.entry("e-brussels").when.edtf == "[2021-12-14,2021-12-15,2021-12-16]"
    retype(qtbot, editor.start_edit, "2021-12-14")
    assert "two or more dates" in editor.message.text()
    retype(qtbot, editor.start_edit, "2021-12-14, 2021-12-14")
    assert "member 2 of '[2021-12-14,2021-12-14]' repeats member 1" in editor.message.text()
    assert document.entry("e-brussels").when.edtf == "[2021-12-14,2021-12-15,2021-12-16]"
    stack.undo()
    assert document.entry("e-brussels").when.edtf == "[2021-12-14,2021-12-15]"
