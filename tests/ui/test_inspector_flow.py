"""The inspector follows the researcher: top of the form, title ready, wheel on the form."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.helpers import QtBot
from timeline_editor.ui.window.main_window import MainWindow


def _wheel(widget: QWidget, steps: int = -1) -> None:
    """One notch of the wheel over the middle of ``widget`` (negative: down)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_a_new_selection_starts_at_the_top_of_the_form(loaded: MainWindow) -> None:
    loaded.inspector.raise_()
    loaded.select(["e-moscow"])
    bar = loaded.inspector._entry_scroll.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    loaded.select(["e-brussels"])
    assert bar.value() == 0


def test_insert_event_puts_the_title_in_front_ready_to_type(
    qtbot: QtBot, loaded: MainWindow
) -> None:
    loaded.source_library.raise_()
    loaded.activateWindow()
    loaded.actions_by_name["insert_event"].trigger()
    inspector = loaded.inspector
    title = inspector.entry_form.title_edit
    assert not inspector.visibleRegion().isEmpty()
    assert not title.visibleRegion().isEmpty()
    qtbot.waitUntil(title.hasFocus)
    assert title.selectedText() == "New event"
    qtbot.keyClicks(title, "Hotline agreed")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert loaded.document.entry(loaded.selected_ids()[0]).title == "Hotline agreed"


def test_wheel_over_unfocused_fields_scrolls_the_form(loaded: MainWindow) -> None:
    loaded.inspector.raise_()
    loaded.select(["e-moscow"])
    form = loaded.inspector.entry_form
    bar = loaded.inspector._entry_scroll.verticalScrollBar()
    kind = form.kind_combo.currentIndex()
    _wheel(form.kind_combo)
    assert bar.value() > 0
    assert form.kind_combo.currentIndex() == kind
    before = bar.value()
    _wheel(form.actors_list.viewport())
    assert bar.value() > before
    # Once the user has clicked into the list, the wheel is the list's own.
    form.actors_list.setFocus()
    at = bar.value()
    _wheel(form.actors_list.viewport())
    assert bar.value() == at


def test_chosen_actors_are_named_above_the_list(loaded: MainWindow) -> None:
    loaded.select(["e-brussels"])
    summary = loaded.inspector.entry_form.actors_summary.text()
    assert "Nikol Pashinian" in summary and "Ilham Aliyev" in summary
    assert "Dmitry Peskov" not in summary
    loaded.select(["e-war"])
    assert "None chosen" in loaded.inspector.entry_form.actors_summary.text()
