"""The canvas responds to real gestures: wheel, drag, keys, clicks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.samples import chart_project
from timeline_editor.model.daynum import day_number
from timeline_editor.model.document import Document
from timeline_editor.model.entities import DateValue, Entry, Project
from timeline_editor.model.vocab import LaneMode
from timeline_editor.ui.canvas.timeline import TimelineCanvas, tooltip_text
from timeline_editor.ui.canvas.view import CanvasView
from timeline_editor.ui.widgets import clock


def _canvas(qtbot: QtBot) -> TimelineCanvas:
    canvas = TimelineCanvas(Document(chart_project()))
    qtbot.addWidget(canvas)
    canvas.resize(1200, 500)
    canvas.show()
    qtbot.waitExposed(canvas)
    return canvas


def _wheel(canvas: TimelineCanvas, x: float, steps: int) -> None:
    pos = QPointF(x, 100)
    event = QWheelEvent(
        pos,
        canvas.mapToGlobal(pos),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(canvas, event)


def test_wheel_zoom_keeps_the_day_under_the_cursor(qtbot: QtBot) -> None:
    canvas = _canvas(qtbot)
    before_day = canvas.day_at_x(700)
    span = canvas.view.scale.span
    _wheel(canvas, 700, 3)
    assert canvas.view.scale.span < span / 1.9
    assert abs(canvas.day_at_x(700) - before_day) < 1e-6
    _wheel(canvas, 700, -3)
    assert abs(canvas.view.scale.span - span) < 1e-6 * span


def test_drag_pans(qtbot: QtBot) -> None:
    canvas = _canvas(qtbot)
    day = canvas.day_at_x(600)
    QTest.mousePress(
        canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(600, 30)
    )
    QTest.mouseMove(canvas, QPoint(620, 30))
    QTest.mouseMove(canvas, QPoint(700, 30))
    QTest.mouseRelease(
        canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(700, 30)
    )
    assert abs(canvas.day_at_x(700) - day) < 1e-6


def test_keys_zoom_fit_and_pan(qtbot: QtBot) -> None:
    canvas = _canvas(qtbot)
    span = canvas.view.scale.span
    with qtbot.waitSignal(canvas.visible_range_changed):
        QTest.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.view.scale.span < span
    QTest.keyClick(canvas, Qt.Key.Key_Minus)
    QTest.keyClick(canvas, Qt.Key.Key_Minus)
    assert canvas.view.scale.span > span
    QTest.keyClick(canvas, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert abs(canvas.view.scale.span - span) < 1e-6 * span
    start = canvas.view.scale.start
    QTest.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.view.scale.start > start
    QTest.keyClick(canvas, Qt.Key.Key_Left)
    assert abs(canvas.view.scale.start - start) < 1e-6 * span


def _centre_of(canvas: TimelineCanvas, ident: str) -> QPoint:
    number = canvas.view.ids[ident]
    box = next(b for b in canvas.current_frame().marks if b.entry == number)
    return QPoint(round((box.x1 + box.x2) / 2), round(box.y))


def test_click_selects_and_emits_ids(qtbot: QtBot) -> None:
    canvas = _canvas(qtbot)
    canvas.go_to_day(day_number(2021, 12, 1))
    canvas.view.show_ids(["brussels", "fight"])
    point = _centre_of(canvas, "brussels")
    assert canvas.entry_at(QPointF(point)) == "brussels"
    with qtbot.waitSignal(canvas.selection_changed) as blocker:
        QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert blocker.args == [["brussels"]]
    other = _centre_of(canvas, "fight")
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, other)
    assert canvas.selected_ids() == ["brussels", "fight"]
    with qtbot.waitSignal(canvas.entry_activated) as activated:
        QTest.mouseDClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert activated.args == ["brussels"]


def test_document_changes_and_modes_repaint(qtbot: QtBot) -> None:
    canvas = _canvas(qtbot)
    canvas.document.append(
        "entries", [Entry(id="new", title="New one", when=DateValue(edtf="2021-11-27"))]
    )
    assert "new" in canvas.view.ids
    canvas.set_lane_mode(LaneMode.ACTOR)
    canvas.set_filter(lambda e: e.kind.value == "meeting")
    canvas.set_legend_visible(True)
    canvas.set_overview_visible(False)
    assert not canvas.grab().isNull()
    assert {
        canvas.view.index.entries[b.entry].kind.value for b in canvas.current_frame().marks
    } == {"meeting"}
    canvas.set_selection(["brussels"])
    canvas.zoom_to_selection()
    assert canvas.view.scale.span < 10


def test_tooltip_text() -> None:
    entry = next(e for e in chart_project().entries if e.id == "moscow")
    text = tooltip_text(entry)
    assert "Moscow trilateral" in text and "Disputed" in text and "proposed" in text


def test_edits_patch_the_index_and_a_new_as_of_day_rebuilds_it(qtbot: QtBot) -> None:
    canvas = _canvas(qtbot)
    document = canvas.document
    index = canvas.view.index
    entry = next(e for e in document.project.entries if e.when.edtf)
    document.replace("entries", [entry.model_copy(update={"title": "Renamed in place"})])
    assert canvas.view.index is index
    assert "Renamed in place" in index.titles
    labels = [label.text for label in canvas.current_frame().labels]
    assert any(text.startswith("Renamed") for text in labels)
    moved = document.entry(entry.id).model_copy(update={"when": DateValue(edtf="1999")})
    document.replace("entries", [moved])
    assert canvas.view.index is index
    number = canvas.view.ids[entry.id]
    starts = [a.starts[a.entries == number] for a in index.arrays]
    assert [float(s) for found in starts for s in found] == [day_number(1999, 1, 1)]
    # The overview counts the mark where it is now: the full range reaches back to 1999.
    assert canvas.view.full_range()[0] < day_number(1999, 1, 1)
    document.set_lineage(("ab" * 16,))
    assert canvas.view.index.project is document.project
    document.set_meta(as_of="2021-12-01")
    assert canvas.view.index is not index
    assert canvas.view.index.as_of == day_number(2021, 12, 1)


def test_a_chart_with_nothing_dated_shows_the_year_around_today_or_the_as_of_day(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(clock, "today", lambda: day_number(2030, 1, 2))
    low, high = CanvasView(Project()).full_range()
    assert (low + high) / 2 == day_number(2030, 1, 2)
    low, high = CanvasView(Project(as_of="2021-11-26")).full_range()
    assert low < day_number(2021, 11, 26) < high < day_number(2022, 6, 1)
