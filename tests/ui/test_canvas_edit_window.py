"""Canvas editing inside the main window: its undo stack, menus and inspector follow."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from timeline_editor.ui.canvas import TimelineCanvas
from timeline_editor.ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


def test_double_click_create_then_drag_then_undo_from_the_menu(loaded: MainWindow) -> None:
    canvas = loaded.timeline
    assert isinstance(canvas, TimelineCanvas)
    assert canvas.undo_stack is loaded.undo_stack
    frame = canvas.current_frame()
    band = frame.bands[0]
    x = frame.scale.x0 + frame.scale.width - 30
    QTest.mouseDClick(canvas, LEFT, NONE, QPoint(round(x), round(band.top + band.height - 3)))
    editor = canvas.editor.title_editor
    assert editor is not None
    QTest.keyClicks(editor, "Hotline call")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    new = loaded.document.project.entries[-1]
    assert new.title == "Hotline call"
    assert new.lane_id == band.info.key
    assert loaded.actions_by_name["edit_undo"].text() == "&Undo Add entry 'Hotline call'"
    inspector = loaded.inspector
    assert inspector is not None
    assert inspector.shown_ids() == [new.id]
    box = next(
        b for b in canvas.current_frame().marks if canvas.view.index.entries[b.entry].id == new.id
    )
    start = QPoint(round((box.x1 + box.x2) / 2), round(box.y))
    QTest.mousePress(canvas, LEFT, NONE, start)
    for dx in (10, 20, -40, -60):
        QTest.mouseMove(canvas, start + QPoint(dx, 0))
    QTest.mouseRelease(canvas, LEFT, NONE, start + QPoint(-60, 0))
    moved = loaded.document.get("entries", new.id)
    assert moved.when.edtf != new.when.edtf
    assert loaded.actions_by_name["edit_undo"].text() == "&Undo Move entry 'Hotline call'"
    assert loaded.isWindowModified()
    loaded.actions_by_name["edit_undo"].trigger()
    assert loaded.document.get("entries", new.id) == new
