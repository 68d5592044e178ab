"""Editing on the canvas, driven by real mouse and key events as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.stacks import new_stack
from timeline_editor.layout.scene import LaneBand, MarkBox
from timeline_editor.model.daynum import day_number
from timeline_editor.model.document import Document
from timeline_editor.model.entities import DateValue, Entry, Lane, Project
from timeline_editor.model.vocab import EntryKind
from timeline_editor.ui.canvas.timeline import TimelineCanvas

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
START = day_number(2021, 11, 1)
PX_PER_DAY = 10.0


def _project() -> Project:
    east, west = Lane(id="lane-east", title="East"), Lane(id="lane-west", title="West")
    entries = [
        Entry(
            id="fight", title="Border fighting", when=DateValue(edtf="2021-11-16"), lane_id=east.id
        ),
        Entry(id="talks", title="Talks", when=DateValue(edtf="2021-11~"), lane_id=east.id),
        Entry(
            id="war",
            kind=EntryKind.PERIOD,
            title="Exercise",
            when=DateValue(edtf="2021-11-03/2021-11-08"),
            lane_id=west.id,
        ),
        Entry(id="hotline", title="Hotline to be set up", lane_id=west.id),
    ]
    return Project(title="Fixture", lanes=(east, west), entries=tuple(entries))


@pytest.fixture
def canvas(qtbot: QtBot) -> TimelineCanvas:
    """A canvas at 10 px per day from 1 Nov 2021, with its own undo stack."""
    stack = new_stack()
    widget = TimelineCanvas(Document(_project()), undo_stack=stack)
    widget.setProperty("stack", stack)  # keep the stack alive as long as the widget
    qtbot.addWidget(widget)
    widget.resize(1000, 420)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_overview_visible(False)
    width = widget.view.scale.width
    widget.view.scale = widget.view.scale.showing(START, START + width / PX_PER_DAY)
    widget._changed_view()
    return widget


def _box(canvas: TimelineCanvas, ident: str) -> MarkBox:
    frame = canvas.current_frame()
    return next(b for b in frame.marks if canvas.view.index.entries[b.entry].id == ident)


def _band(canvas: TimelineCanvas, key: str) -> LaneBand:
    return next(b for b in canvas.current_frame().bands if b.info.key == key)


def _entry(canvas: TimelineCanvas, ident: str) -> Entry:
    entry = canvas.document.entry(ident)
    assert isinstance(entry, Entry)
    return entry


def _at(x: float, y: float) -> QPoint:
    return QPoint(round(x), round(y))


def _drag(
    canvas: TimelineCanvas, start: QPoint, end: QPoint, mods: Qt.KeyboardModifier = NONE
) -> None:
    QTest.mousePress(canvas, LEFT, mods, start)
    for step in range(1, 5):
        QTest.mouseMove(canvas, start + (end - start) * step / 4)
    QTest.mouseRelease(canvas, LEFT, mods, end)


def _shot(canvas: TimelineCanvas, folder: Path, name: str) -> None:
    assert canvas.grab().save(str(folder / f"{name}.png"))


def test_double_click_types_a_title_and_enter_adds_one_entry(
    canvas: TimelineCanvas, tmp_path: Path
) -> None:
    stack = canvas.undo_stack
    band = _band(canvas, "lane-west")
    day = START + 20
    pos = _at(canvas.x_of_day(day + 0.5), band.top + band.height - 4)
    QTest.mouseDClick(canvas, LEFT, NONE, pos)
    editor = canvas.editor.title_editor
    assert editor is not None and editor.isVisible()
    QTest.keyClicks(editor, "Brussels meeting")
    _shot(canvas, tmp_path, "new-entry-title")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    added = [e for e in canvas.document.project.entries if e.title == "Brussels meeting"]
    assert len(added) == 1
    assert added[0].when.edtf == "2021-11-21"
    assert added[0].lane_id == "lane-west"
    assert stack.count() == 1
    assert canvas.selected_ids() == [added[0].id]
    assert canvas.editor.title_editor is None
    stack.undo()
    assert all(e.title != "Brussels meeting" for e in canvas.document.project.entries)


def test_escape_in_the_title_editor_adds_nothing(canvas: TimelineCanvas) -> None:
    band = _band(canvas, "lane-east")
    QTest.mouseDClick(canvas, LEFT, NONE, _at(canvas.x_of_day(START + 65), band.top + 8))
    editor = canvas.editor.title_editor
    assert editor is not None
    QTest.keyClicks(editor, "Never mind")
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert len(canvas.document.project.entries) == 4
    assert canvas.undo_stack.count() == 0
    assert canvas.editor.title_editor is None


def test_zoomed_out_double_click_gives_a_month(canvas: TimelineCanvas) -> None:
    canvas.view.scale = canvas.view.scale.showing(START, START + 800)
    canvas._changed_view()
    band = _band(canvas, "lane-east")
    QTest.mouseDClick(canvas, LEFT, NONE, _at(canvas.x_of_day(START + 200), band.top + 30))
    editor = canvas.editor.title_editor
    assert editor is not None
    QTest.keyClick(editor, Qt.Key.Key_Return)
    added = canvas.document.project.entries[-1]
    assert (added.title, added.when.edtf) == ("New event", "2022-05")


def test_drag_moves_an_entry_by_days_and_undo_restores(
    canvas: TimelineCanvas, tmp_path: Path
) -> None:
    box = _box(canvas, "fight")
    start = _at((box.x1 + box.x2) / 2, box.y)
    end = start + QPoint(round(5 * PX_PER_DAY), 0)
    QTest.mousePress(canvas, LEFT, NONE, start)
    for step in range(1, 5):
        QTest.mouseMove(canvas, start + (end - start) * step / 4)
    assert _entry(canvas, "fight").when.edtf == "2021-11-16"  # a preview only
    _shot(canvas, tmp_path, "drag-preview")
    QTest.mouseRelease(canvas, LEFT, NONE, end)
    _shot(canvas, tmp_path, "drag-done")
    moved = _entry(canvas, "fight")
    assert moved.when.edtf == "2021-11-21"
    assert moved.history[-1].old == "2021-11-16"
    assert canvas.undo_stack.count() == 1
    canvas.undo_stack.undo()
    assert _entry(canvas, "fight") == _project().entries[0]


def test_month_entry_keeps_its_precision_and_qualifier(canvas: TimelineCanvas) -> None:
    box = _box(canvas, "talks")
    start = _at(box.x1 + 40, box.y)
    _drag(canvas, start, start + QPoint(round(33 * PX_PER_DAY), 0))
    assert _entry(canvas, "talks").when.edtf == "2021-12~"


def test_drag_to_another_lane(canvas: TimelineCanvas) -> None:
    box = _box(canvas, "fight")
    west = _band(canvas, "lane-west")
    start = _at((box.x1 + box.x2) / 2, box.y)
    _drag(canvas, start, _at(start.x(), west.top + west.height / 2))
    moved = _entry(canvas, "fight")
    assert moved.lane_id == "lane-west"
    assert moved.when.edtf == "2021-11-16"
    assert canvas.undo_stack.count() == 1


def test_drag_a_periods_end_resizes_it(canvas: TimelineCanvas) -> None:
    box = _box(canvas, "war")
    start = _at(box.x2 - 1, box.y)
    _drag(canvas, start, start + QPoint(round(3 * PX_PER_DAY), 0))
    assert _entry(canvas, "war").when.edtf == "2021-11-03/2021-11-11"
    box = _box(canvas, "war")
    start = _at(box.x1 + 1, box.y)
    _drag(canvas, start, start - QPoint(round(2 * PX_PER_DAY), 0))
    assert _entry(canvas, "war").when.edtf == "2021-11-01/2021-11-11"
    assert canvas.undo_stack.count() == 2
    assert canvas.undo_stack.text(0).startswith("Resize")


def test_escape_cancels_a_drag(canvas: TimelineCanvas) -> None:
    box = _box(canvas, "fight")
    start = _at((box.x1 + box.x2) / 2, box.y)
    QTest.mousePress(canvas, LEFT, NONE, start)
    QTest.mouseMove(canvas, start + QPoint(40, 0))
    QTest.keyClick(canvas, Qt.Key.Key_Escape)
    QTest.mouseRelease(canvas, LEFT, NONE, start + QPoint(40, 0))
    assert _entry(canvas, "fight").when.edtf == "2021-11-16"
    assert canvas.undo_stack.count() == 0


def test_rubber_band_ctrl_click_and_a_multi_drag(canvas: TimelineCanvas) -> None:
    fight, war = _box(canvas, "fight"), _box(canvas, "war")
    top = canvas.current_frame().geometry.axis_h + 2
    corner = _at(fight.x2 + 4, war.y + 12)
    _drag(canvas, _at(war.x1 - 8, top), corner, SHIFT)
    assert set(canvas.selected_ids()) >= {"fight", "war"}
    assert "talks" in canvas.selected_ids()  # the month bar spans the whole band
    talks = _box(canvas, "talks")
    QTest.mouseClick(canvas, LEFT, CTRL, _at(talks.x2 - 20, talks.y))
    assert set(canvas.selected_ids()) == {"fight", "war"}
    start = _at((fight.x1 + fight.x2) / 2, fight.y)
    _drag(canvas, start, start + QPoint(round(2 * PX_PER_DAY), 0))
    assert _entry(canvas, "fight").when.edtf == "2021-11-18"
    assert _entry(canvas, "war").when.edtf == "2021-11-05/2021-11-10"
    assert canvas.undo_stack.count() == 1


def test_delete_key_and_undo(canvas: TimelineCanvas) -> None:
    box = _box(canvas, "fight")
    QTest.mouseClick(canvas, LEFT, NONE, _at((box.x1 + box.x2) / 2, box.y))
    assert canvas.selected_ids() == ["fight"]
    QTest.keyClick(canvas, Qt.Key.Key_Delete)
    assert "fight" not in [e.id for e in canvas.document.project.entries]
    canvas.undo_stack.undo()
    assert canvas.document.project.entries[0].id == "fight"


def test_alt_right_nudges_merge_into_one_undo_step(canvas: TimelineCanvas) -> None:
    canvas.set_selection(["fight", "talks"])
    start = canvas.view.scale.start
    for _ in range(3):
        QTest.keyClick(canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert canvas.view.scale.start == start  # nudging, not panning
    assert _entry(canvas, "fight").when.edtf == "2021-11-19"
    assert _entry(canvas, "talks").when.edtf == "2022-02~"  # one month per nudge
    assert len(_entry(canvas, "fight").history) == 1
    assert canvas.undo_stack.count() == 1
    canvas.undo_stack.undo()
    assert _entry(canvas, "fight").when.edtf == "2021-11-16"
    assert _entry(canvas, "talks").when.edtf == "2021-11~"


def test_dragging_an_undated_chip_onto_a_lane_dates_it(canvas: TimelineCanvas) -> None:
    frame = canvas.current_frame()
    chip = next(c for c in frame.chips)
    east = _band(canvas, "lane-east")
    start = _at(chip.x + 10, chip.y)
    _drag(canvas, start, _at(canvas.x_of_day(START + 9.5), east.top + 10))
    hotline = _entry(canvas, "hotline")
    assert hotline.when.edtf == "2021-11-10"
    assert hotline.lane_id == "lane-east"


def test_delete_key_deletes_like_the_edit_menu(canvas: TimelineCanvas) -> None:
    before = canvas.document.project
    canvas.set_selection(["talks", "fight"])
    QTest.keyClick(canvas, Qt.Key.Key_Delete)
    assert {"talks", "fight"}.isdisjoint(e.id for e in canvas.document.project.entries)
    assert canvas.selected_ids() == []
    assert canvas.undo_stack.count() == 1
    canvas.undo_stack.undo()
    assert canvas.document.project == before


def test_title_editor_stays_inside_the_chart_and_is_opaque(canvas: TimelineCanvas) -> None:
    frame = canvas.current_frame()
    band = frame.bands[0]
    right = frame.scale.x0 + frame.scale.width
    pos = QPoint(round(right - 3), round(band.top + band.height - 3))
    QTest.mouseDClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    editor = canvas.editor.title_editor
    assert editor is not None
    assert editor.geometry().right() < right
    assert editor.geometry().left() >= 0
    image = editor.grab().toImage()
    assert image.pixelColor(editor.width() - 20, editor.height() // 2).alpha() == 255
    QTest.keyClick(editor, Qt.Key.Key_Escape)
