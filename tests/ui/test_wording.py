"""Counted nouns agree with their numbers everywhere the window counts things."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from tests.samples import interchange_project
from tests.ui.helpers import QtBot
from timeline_editor.commands.items import AddItems
from timeline_editor.io.merge import merge_projects
from timeline_editor.model.entities import Entry, Project, Source
from timeline_editor.ui.dialogs.merge import MergeDialog
from timeline_editor.ui.widgets.wording import counted
from timeline_editor.ui.window.main_window import MainWindow


def test_counted_nouns() -> None:
    assert counted(1, "entry") == "1 entry"
    assert counted(0, "entry") == "0 entries"
    assert counted(2, "source") == "2 sources"
    assert counted(1, "match") == "1 match"
    assert counted(3, "match") == "3 matches"
    assert counted(1, "new source") == "1 new source"


def test_status_bar_and_project_summary_say_one_entry_one_source(window: MainWindow) -> None:
    document = window.document
    window.undo_stack.push(AddItems(document, "entries", [Entry(title="Only one")]))
    window.undo_stack.push(AddItems(document, "sources", [Source(title="Only source")]))
    assert window.status.count_label.text().startswith("1 entry ·")
    window.select([])
    counts = window.inspector.project_form.counts.text()
    assert counts == "1 entry · 1 source · 0 actors · 0 lanes"


def _labels(dialog: MergeDialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel)]


def test_merge_dialog_says_one_change_and_one_conflict(qtbot: QtBot) -> None:
    base = interchange_project()

    def retitle(project: Project, ident: str, title: str) -> Project:
        entries = tuple(
            e.model_copy(update={"title": title}) if e.id == ident else e for e in project.entries
        )
        return project.model_copy(update={"entries": entries})

    ours = retitle(base, "ent-moscow", "Ours")
    theirs = retitle(retitle(base, "ent-moscow", "Theirs"), "ent-war", "Second Karabakh war")
    dialog = MergeDialog(merge_projects(ours, theirs, base), theirs_name="copy")
    qtbot.addWidget(dialog)
    texts = _labels(dialog)
    assert "1 change applied automatically:" in texts
    assert "1 conflict: both copies changed the same thing." in texts
