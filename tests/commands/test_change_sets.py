"""Every command sends exactly one change set, naming the right ids and fields, each way."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from tests.stacks import new_stack
from timeline_editor.commands.items import (
    AddItems,
    DeleteItems,
    EditItems,
    MoveEntries,
    SetProjectInfo,
    delete_entries,
)
from timeline_editor.commands.project import ReplaceProject
from timeline_editor.model.changes import ChangeSet
from timeline_editor.model.document import Document
from timeline_editor.model.entities import (
    Citation,
    DateValue,
    Entry,
    Lane,
    Project,
    Source,
)
from timeline_editor.model.vocab import Status


def _document() -> tuple[Document, list[ChangeSet]]:
    source = Source(id="s1", title="RFE/RL article")
    entries = tuple(
        Entry(
            id=f"e{i}",
            title=f"Entry {i}",
            when=DateValue(edtf=f"2021-11-{i + 10}"),
            lane_id="l1",
            citations=(Citation(id=f"c{i}", source_id="s1"),) if i % 2 else (),
        )
        for i in range(6)
    )
    project = Project(entries=entries, sources=(source,), lanes=(Lane(id="l1", title="EU"),))
    document = Document(project)
    heard: list[ChangeSet] = []
    document.subscribe(heard.append)
    return document, heard


def _one(heard: list[ChangeSet], action: Callable[[], object]) -> ChangeSet:
    """Run ``action``; exactly one change set must follow."""
    heard.clear()
    action()
    assert len(heard) == 1, heard
    return heard[0]


def _round_trip(
    document: Document, heard: list[ChangeSet], command: QUndoCommand
) -> tuple[ChangeSet, ChangeSet]:
    """Push, undo and redo: one change set each; the redo's equals the push's."""
    stack = new_stack()
    done = _one(heard, lambda: stack.push(command))
    undone = _one(heard, stack.undo)
    redone = _one(heard, stack.redo)
    assert (redone.added, redone.removed, redone.changed) == (
        done.added,
        done.removed,
        done.changed,
    )
    assert redone.project_fields == done.project_fields
    return done, undone


def test_adding_entries_sends_their_ids_and_undo_removes_them() -> None:
    document, heard = _document()
    new = [Entry(id="n1", title="New"), Entry(id="n2", title="Newer")]
    done, undone = _round_trip(document, heard, AddItems(document, "entries", new))
    assert done.added == {"entries": ("n1", "n2")}
    assert not done.removed and not done.changed
    assert undone.removed == {"entries": ("n1", "n2")}
    assert undone.old("n1") == new[0]


def test_an_edit_names_the_fields_it_changed() -> None:
    document, heard = _document()
    entry = document.entry("e2")
    edited = entry.model_copy(update={"title": "Renamed", "status": Status.CANCELLED})
    done, undone = _round_trip(document, heard, EditItems(document, "entries", [edited]))
    assert done.changed == {"entries": {"e2": frozenset({"title", "status"})}}
    assert done.fields_of("e2") == {"title", "status"}
    assert done.old("e2") == entry
    assert undone.changed == done.changed
    assert undone.old("e2") == edited


def test_an_edit_that_changes_nothing_sends_nothing() -> None:
    document, heard = _document()
    same = document.entry("e1").model_copy(update={"title": "Entry 1"})
    new_stack().push(EditItems(document, "entries", [same]))
    assert heard == []


def test_nudges_merge_and_still_send_one_change_set_per_step() -> None:
    document, heard = _document()
    stack = new_stack()
    first = document.entry("e1").model_copy(update={"when": DateValue(edtf="2021-11-12")})
    _one(heard, lambda: stack.push(MoveEntries(document, [first], nudge=True)))
    second = first.model_copy(update={"when": DateValue(edtf="2021-11-13")})
    _one(heard, lambda: stack.push(MoveEntries(document, [second], nudge=True)))
    assert stack.count() == 1
    undone = _one(heard, stack.undo)
    assert undone.changed == {"entries": {"e1": frozenset({"when"})}}
    assert document.entry("e1").when.edtf == "2021-11-11"


def test_deleting_entries_sends_one_removal_and_undo_one_addition() -> None:
    document, heard = _document()
    stack = new_stack()
    _one(heard, lambda: delete_entries(document, stack, ["e4", "e1", "missing"]))
    assert heard[0].removed == {"entries": ("e1", "e4")}
    undone = _one(heard, stack.undo)
    assert undone.added == {"entries": ("e1", "e4")}
    assert [e.id for e in document.project.entries] == [f"e{i}" for i in range(6)]


def test_deleting_a_cited_source_sends_the_stripped_entries_with_it() -> None:
    document, heard = _document()
    done, undone = _round_trip(document, heard, DeleteItems(document, "sources", ["s1"]))
    assert done.removed == {"sources": ("s1",)}
    assert done.changed == {"entries": {i: frozenset({"citations"}) for i in ("e1", "e3", "e5")}}
    assert undone.added == {"sources": ("s1",)}
    assert set(undone.changed_ids("entries")) == {"e1", "e3", "e5"}


def test_project_info_and_a_replaced_project() -> None:
    document, heard = _document()
    done, undone = _round_trip(document, heard, SetProjectInfo(document, title="Brussels"))
    assert done.project_fields == {"title"} == undone.project_fields
    assert done.touches("project") and not done.touches("entries")
    replaced, back = _round_trip(document, heard, ReplaceProject(document, Project(), "Import"))
    assert replaced.reset and back.reset and replaced.touches("entries")


def test_a_refused_command_sends_nothing() -> None:
    document, heard = _document()
    reasons: list[str] = []
    document.subscribe_refusals(reasons.append)
    orphan = document.entry("e1").model_copy(update={"lane_id": "no-such-lane"})
    stack = new_stack()
    stack.push(EditItems(document, "entries", [orphan]))
    assert stack.count() == 0 and "no-such-lane" in reasons[0]
    assert heard == []
