"""A new entry's history starts when it is first saved; entries from the file keep theirs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.helpers import QtBot, choose, retype
from timeline_editor.model.vocab import Status
from timeline_editor.ui.dialogs import messages
from timeline_editor.ui.window.main_window import MainWindow


def _new_entry(window: MainWindow) -> str:
    window.actions_by_name["insert_event"].trigger()
    [ident] = window.selected_ids()
    return ident


def test_changes_before_the_first_save_leave_no_history(
    qtbot: QtBot, loaded: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ident = _new_entry(loaded)
    form = loaded.inspector.entry_form
    assert loaded.files.is_unsaved_entry(ident)
    choose(qtbot, form.status_combo, Status.CANCELLED)
    retype(qtbot, form.date_editor.edtf_edit, "2021-12-20")
    loaded.timeline.editor.nudge(+1)
    entry = loaded.document.entry(ident)
    assert entry.status is Status.CANCELLED and entry.when.edtf != "2021-12-20"  # nudged
    assert entry.history == ()
    # Saved, it is in the file: from now on its changes are history.
    monkeypatch.setattr(messages, "ask_save_path", lambda parent, suggested: tmp_path / "a.json")
    assert loaded.files.save_as()
    assert not loaded.files.is_unsaved_entry(ident)
    choose(qtbot, form.status_combo, Status.LAPSED)
    history = loaded.document.entry(ident).history
    assert [(h.field, h.old, h.new) for h in history] == [("status", "cancelled", "lapsed")]


def test_entries_from_the_file_record_their_changes(qtbot: QtBot, loaded: MainWindow) -> None:
    assert not loaded.files.is_unsaved_entry("e-moscow")
    loaded.select(["e-moscow"])
    loaded.timeline.editor.nudge(+1)
    assert [h.field for h in loaded.document.entry("e-moscow").history] == ["when"]


def test_a_new_project_counts_every_entry_as_new_until_saved(loaded: MainWindow) -> None:
    loaded.files.new()
    ident = _new_entry(loaded)
    assert loaded.files.is_unsaved_entry(ident)
    loaded.undo_stack.undo()
    loaded.undo_stack.redo()
    assert loaded.files.is_unsaved_entry(ident)
