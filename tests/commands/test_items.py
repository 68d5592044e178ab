"""Every command: redo changes the project, undo gives back an equal project."""

from __future__ import annotations

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
from timeline_editor.model.document import Document
from timeline_editor.model.entities import (
    Actor,
    Citation,
    Claim,
    DateValue,
    Entry,
    Lane,
    Project,
    Source,
)


def _document() -> Document:
    source = Source(id="s1", title="RFE/RL article")
    lane = Lane(id="l1", title="EU track")
    actor = Actor(id="a1", name="Peskov")
    entry = Entry(
        id="e1",
        title="Trilateral in Moscow",
        when=DateValue(edtf="2021-11~"),
        lane_id="l1",
        actor_ids=("a1",),
        citations=(Citation(id="c1", source_id="s1", quote="being prepared"),),
        claims=(Claim(id="k1", speaker_id="a1", citation=Citation(id="c2", source_id="s1")),),
    )
    return Document(Project(entries=(entry,), sources=(source,), lanes=(lane,), actors=(actor,)))


def _round_trip(document: Document, command: object) -> Project:
    stack = new_stack()
    before = document.project
    stack.push(command)  # type: ignore[arg-type]
    after = document.project
    assert after != before
    stack.undo()
    assert document.project == before
    stack.redo()
    assert document.project == after
    return after


def test_add_entry_round_trip() -> None:
    document = _document()
    after = _round_trip(document, AddItems(document, "entries", [Entry(id="e2", title="New")]))
    assert [e.id for e in after.entries] == ["e1", "e2"]


def test_edit_entry_round_trip() -> None:
    document = _document()
    edited = document.project.entries[0].model_copy(update={"title": "Renamed"})
    after = _round_trip(document, EditItems(document, "entries", [edited]))
    assert after.entries[0].title == "Renamed"


def test_delete_cited_source_strips_citations_and_undo_restores_them() -> None:
    document = _document()
    command = DeleteItems(document, "sources", ["s1"])
    assert command.affected_count == 1
    after = _round_trip(document, command)
    assert after.sources == ()
    assert after.entries[0].citations == ()
    assert after.entries[0].claims[0].citation is None


def test_delete_lane_and_actor_clear_references() -> None:
    document = _document()
    after = _round_trip(document, DeleteItems(document, "lanes", ["l1"]))
    assert after.entries[0].lane_id is None
    document = _document()
    after = _round_trip(document, DeleteItems(document, "actors", ["a1"]))
    assert after.entries[0].actor_ids == ()
    assert after.entries[0].claims[0].speaker_id is None


def test_nudges_merge_into_one_undo_step() -> None:
    document = _document()
    stack = new_stack()
    original = document.project
    entry = original.entries[0]
    for edtf in ("2021-12~", "2022-01~", "2022-02~"):
        moved = entry.model_copy(update={"when": DateValue(edtf=edtf)})
        stack.push(MoveEntries(document, [moved], nudge=True))
    assert stack.count() == 1
    assert document.project.entries[0].when.edtf == "2022-02~"
    stack.undo()
    assert document.project == original


def test_project_info_and_replace_project_round_trip() -> None:
    document = _document()
    after = _round_trip(document, SetProjectInfo(document, title="Brussels", as_of="2021-11-22"))
    assert (after.title, after.as_of) == ("Brussels", "2021-11-22")
    other = Project(title="Merged")
    after = _round_trip(document, ReplaceProject(document, other, "Merge copy"))
    assert after.title == "Merged"


def test_refused_add_leaves_no_undo_step_and_keeps_what_was_there() -> None:
    document = _document()
    before = document.project
    reasons: list[str] = []
    document.subscribe_refusals(reasons.append)
    stack = new_stack()
    stack.push(AddItems(document, "entries", [Entry(id="e1", title="Clash")]))
    assert stack.count() == 0
    assert document.project == before
    assert reasons and "duplicate id" in reasons[0]


def test_refused_delete_rolls_back_the_reference_clean_up() -> None:
    document = _document()
    before = document.project
    stack = new_stack()
    stack.push(DeleteItems(document, "sources", ["s1", "missing"]))
    assert stack.count() == 0
    assert document.project == before


def test_an_edit_with_an_invalid_date_is_refused() -> None:
    document = _document()
    entry = document.project.entries[0]
    broken = entry.model_copy(update={"when": DateValue(edtf="2021-01-01")})
    broken = broken.model_copy(
        update={"when": broken.when.model_copy(update={"edtf": "2021/2020-09-27"})}
    )
    stack = new_stack()
    stack.push(EditItems(document, "entries", [broken]))
    assert stack.count() == 0
    assert document.project.entries[0].when.edtf == "2021-11~"


def test_delete_entries_is_one_named_step_in_project_order() -> None:
    document = _document()
    document.append("entries", [Entry(id="e2", title="Hotline")])
    stack = new_stack()
    assert not delete_entries(document, stack, ["missing"])
    assert stack.count() == 0
    assert delete_entries(document, stack, ["e2", "e1", "missing"], verb="Cut")
    assert stack.count() == 1
    assert stack.undoText() == "Cut 2 entries"
    assert not document.project.entries
    stack.undo()
    assert [e.id for e in document.project.entries] == ["e1", "e2"]


def test_a_refused_nudge_is_not_merged_into_the_good_ones() -> None:
    document = _document()
    original = document.project
    entry = original.entries[0]
    good = entry.model_copy(update={"when": DateValue(edtf="2021-12~")})
    # model_copy skips validation, as a drag past the calendar's end would.
    bad = entry.model_copy(update={"when": entry.when.model_copy(update={"edtf": "2021-13~"})})
    stack = new_stack()
    stack.push(MoveEntries(document, [good], nudge=True))
    stack.push(MoveEntries(document, [bad], nudge=True))
    assert stack.count() == 1
    assert document.project.entries[0].when.edtf == "2021-12~"
    stack.undo()
    assert document.project == original
    stack.redo()
    assert document.project.entries[0].when.edtf == "2021-12~"


def test_the_undo_text_cuts_a_long_title_at_a_word_break() -> None:
    document = _document()
    long = "Worst border fighting since the 2020 war, with dead on both sides"
    document.append("entries", [Entry(id="e2", title=long)])
    stack = new_stack()
    assert delete_entries(document, stack, ["e2"])
    assert stack.undoText() == "Delete entry 'Worst border fighting since the 2020…'"
