"""Canvas editing inside the main window: its undo stack, menus and inspector follow."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from timeline_editor.ui.canvas.timeline import TimelineCanvas
from timeline_editor.ui.window.main_window import MainWindow

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
    moved = loaded.document.entry(new.id)
    assert moved.when.edtf != new.when.edtf
    assert loaded.actions_by_name["edit_undo"].text() == "&Undo Move entry 'Hotline call'"
    assert loaded.isWindowModified()
    loaded.actions_by_name["edit_undo"].trigger()
    assert loaded.document.entry(new.id) == new


def test_double_click_on_a_label_puts_the_cursor_in_its_title(loaded: MainWindow) -> None:
    canvas = loaded.timeline
    assert isinstance(canvas, TimelineCanvas)
    count = len(loaded.document.project.entries)
    for label in canvas.current_frame().labels[:4]:
        ident = canvas.view.index.entries[label.entry].id
        loaded.select([])
        canvas.setFocus()
        end = QPoint(round(label.x + label.width - 4), round(label.y))
        QTest.mouseDClick(canvas, LEFT, NONE, end)
        assert canvas.editor.title_editor is None
        assert loaded.inspector.shown_ids() == [ident]
        title = loaded.inspector.entry_form.title_edit
        assert title.hasFocus()
        # What is typed next replaces the title; "-" is not taken as Zoom Out.
        scale_before = canvas.current_frame().scale.px_per_day
        QTest.keyClicks(title, "A-B")
        assert title.text() == "A-B"
        assert canvas.current_frame().scale.px_per_day == scale_before
        QTest.keyClick(title, Qt.Key.Key_Escape)
        title.setText(label.text)
    assert len(loaded.document.project.entries) == count


def test_badge_of_a_label_is_part_of_it(loaded: MainWindow) -> None:
    canvas = loaded.timeline
    assert isinstance(canvas, TimelineCanvas)
    badged = [label for label in canvas.current_frame().labels if label.badge]
    assert badged
    label = badged[0]
    at_badge = QPoint(round(label.x - 8), round(label.y))
    assert canvas.entry_at(at_badge.toPointF()) == canvas.view.index.entries[label.entry].id
