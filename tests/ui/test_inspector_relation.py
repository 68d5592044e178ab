"""The inspector's "Counted from another entry": words, setting, circles, removing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.stacks import new_stack
from tests.ui.helpers import QtBot, choose, retype
from timeline_editor.io.project_file import load_project
from timeline_editor.model.document import Document
from timeline_editor.model.entities import RelativeDate
from timeline_editor.model.vocab import Relation, TimeUnit
from timeline_editor.ui.inspector.dock import InspectorDock

EXAMPLE = Path(__file__).resolve().parents[2] / "resources/examples/brussels-2021.timeline.json"
ROUTE = "f929bb56-f5b2-5af5-9e32-89373b2ef5af"
CEASEFIRE = "8f0d3ec8-2ed4-5360-859a-15c8064eb6ed"


@pytest.fixture
def dock(qtbot: QtBot) -> InspectorDock:
    """An inspector on the example project, shown."""
    widget = InspectorDock(Document(load_project(EXAMPLE)), new_stack())
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_route_shows_its_relation_in_words(dock: InspectorDock) -> None:
    dock.show_entries([ROUTE])
    editor = dock.entry_form.relation_editor
    assert editor.words.text() == (
        "<b>up to 3 years after: Russia-brokered ceasefire signed by Armenia and Azerbaijan</b>"
    )
    assert "set by hand replaces" in editor.note.text()
    assert editor.remove_button.isEnabled()


def test_setting_a_relation_by_keyboard_is_one_undo_step(qtbot: QtBot, dock: InspectorDock) -> None:
    document, stack = dock._document, dock._undo_stack
    dock.show_entries(["4085f50c-0e53-5c7b-8d24-ce6a0ab3e1de"])
    editor = dock.entry_form.relation_editor
    assert editor.words.text() == "Not counted from another entry."
    qtbot.mouseClick(editor.change_button, Qt.MouseButton.LeftButton)
    assert editor.choices.isVisible()
    choose(qtbot, editor.relation_combo, Relation.AFTER)
    editor.amount_spin.setFocus()
    editor.amount_spin.selectAll()
    qtbot.keyClicks(editor.amount_spin, "2")
    choose(qtbot, editor.unit_combo, TimeUnit.WEEK)
    choose(qtbot, editor.anchor_combo, CEASEFIRE)
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    entry = document.entry("4085f50c-0e53-5c7b-8d24-ce6a0ab3e1de")
    assert entry.relative_to == RelativeDate(
        anchor=CEASEFIRE, relation=Relation.AFTER, amount=2, unit=TimeUnit.WEEK
    )
    assert entry.when.edtf == "2020-11-24"
    assert stack.count() == 1 and stack.undoText().startswith("Count date from 'Russia")
    assert editor.words.text().startswith("<b>2 weeks after: Russia-brokered")
    stack.undo()
    assert document.entry(entry.id).relative_to is None


def test_a_circle_is_refused_at_the_field(qtbot: QtBot, dock: InspectorDock) -> None:
    before = dock._document.project
    dock.show_entries([CEASEFIRE])
    editor = dock.entry_form.relation_editor
    qtbot.mouseClick(editor.change_button, Qt.MouseButton.LeftButton)
    choose(qtbot, editor.anchor_combo, ROUTE)
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    assert dock._undo_stack.count() == 0 and dock._document.project == before
    assert "cannot count from 'New route" in editor.message.text()
    assert "circle" in editor.message.text() and not editor.message.isHidden()


def test_a_date_typed_by_hand_drops_the_relation_and_removing_is_undoable(
    qtbot: QtBot, dock: InspectorDock
) -> None:
    document, stack = dock._document, dock._undo_stack
    dock.show_entries([ROUTE])
    editor = dock.entry_form.relation_editor
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert document.entry(ROUTE).relative_to is None
    assert document.entry(ROUTE).when.edtf == "[2020-11-10..2023-11-10]"
    assert stack.undoText().startswith("Remove date link")
    stack.undo()
    retype(qtbot, dock.entry_form.date_editor.edtf_edit, "[2020-11-10..2022-11-10]")
    assert document.entry(ROUTE).relative_to is None
    assert editor.words.text() == "Not counted from another entry."


def test_a_deleted_anchor_is_said(dock: InspectorDock) -> None:
    from timeline_editor.commands.items import delete_entries

    delete_entries(dock._document, dock._undo_stack, [CEASEFIRE])
    dock.show_entries([ROUTE])
    editor = dock.entry_form.relation_editor
    assert editor.words.text() == "<b>up to 3 years after: anchor gone</b>"
    assert "anchor gone: the date stays" in editor.note.text()
    dock._undo_stack.undo()
    assert "Russia-brokered" in editor.words.text()
