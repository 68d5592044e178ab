"""Commands and dates counted from another entry: one command, one undo, refusals."""

from __future__ import annotations

from tests.stacks import new_stack
from timeline_editor.commands.items import DeleteItems, EditItems, MoveEntries
from timeline_editor.model.changes import ChangeSet
from timeline_editor.model.document import Document
from timeline_editor.model.edits import nudged, shifted
from timeline_editor.model.entities import DateValue, Entry, Project, RelativeDate
from timeline_editor.model.relative_dates import with_relation
from timeline_editor.model.vocab import Relation, TimeUnit

WITHIN_3_YEARS = RelativeDate(anchor="cf", relation=Relation.WITHIN_AFTER, amount=3)
A_DAY_AFTER = RelativeDate(anchor="route", relation=Relation.AFTER, amount=1, unit=TimeUnit.DAY)


def _document() -> Document:
    ceasefire = Entry(id="cf", title="Ceasefire", when=DateValue(edtf="2020-11-10"))
    route = Entry(
        id="route",
        title="Route",
        when=DateValue(edtf="[2020-11-10..2023-11-10]", as_stated="within three years"),
        relative_to=WITHIN_3_YEARS,
    )
    follow = Entry(
        id="next",
        title="Next",
        when=DateValue(edtf="[2020-11-11..2023-11-11]"),
        relative_to=A_DAY_AFTER,
    )
    return Document(Project(entries=(ceasefire, route, follow, Entry(id="x", title="Other"))))


def _dates(document: Document) -> dict[str, str]:
    return {e.id: e.when.edtf for e in document.project.entries}


def test_moving_the_anchor_moves_dependents_in_one_change_set_and_one_undo() -> None:
    document, stack = _document(), new_stack()
    before = document.project
    heard: list[ChangeSet] = []
    document.subscribe(heard.append)
    moved = shifted(document.entry("cf"), days=2, at="2021-11-20")
    stack.push(MoveEntries(document, [moved]))
    assert _dates(document) == {
        "cf": "2020-11-12",
        "route": "[2020-11-12..2023-11-12]",
        "next": "[2020-11-13..2023-11-13]",
        "x": "",
    }
    assert len(heard) == 1 and set(heard[0].changed["entries"]) == {"cf", "route", "next"}
    assert stack.count() == 1 and stack.undoText() == "Move entry 'Ceasefire'"
    # The followed dates are derived: only the anchor's history records the move.
    assert document.entry("route").history == ()
    stack.undo()
    assert document.project == before


def test_a_run_of_nudges_of_the_anchor_is_one_undo_step_for_all() -> None:
    document, stack = _document(), new_stack()
    before = document.project
    for _ in range(3):
        step = nudged(document.entry("cf"), step=1.0, at="2021-11-20")
        stack.push(MoveEntries(document, [step], nudge=True))
    assert stack.count() == 1
    assert document.entry("route").when.edtf == "[2020-11-13..2023-11-13]"
    stack.undo()
    assert document.project == before


def test_editing_the_dependent_by_hand_drops_its_relation_and_undo_restores_it() -> None:
    document, stack = _document(), new_stack()
    route = document.entry("route")
    by_hand = route.model_copy(update={"when": DateValue(edtf="2022-05")})
    stack.push(EditItems(document, "entries", [by_hand]))
    assert document.entry("route").relative_to is None
    # "next" counts from the route, so it follows the hand-set date (any day of May + 1).
    assert document.entry("next").when.edtf == "[2022-05-02..2022-06-01]"
    stack.undo()
    assert document.entry("route").relative_to == WITHIN_3_YEARS


def test_a_circle_is_refused_as_an_obsolete_command_with_its_reason() -> None:
    document, stack = _document(), new_stack()
    before = document.project
    reasons: list[str] = []
    document.subscribe_refusals(reasons.append)
    circular = document.entry("cf").model_copy(
        update={"relative_to": A_DAY_AFTER.model_copy(update={"anchor": "next"})}
    )
    stack.push(EditItems(document, "entries", [circular]))
    assert document.project == before and stack.count() == 0
    assert len(reasons) == 1 and "'Ceasefire' cannot count from 'Next'" in reasons[0]
    assert "circle" in reasons[0]


def test_setting_a_relation_is_one_step_that_resolves_and_carries_dependents() -> None:
    document, stack = _document(), new_stack()
    other = with_relation(
        document.entry("route"),
        RelativeDate(anchor="cf", relation=Relation.BEFORE, amount=1, unit=TimeUnit.MONTH),
        document.find_entry,
    )
    stack.push(EditItems(document, "entries", [other], "Date relative to 'Ceasefire'"))
    assert document.entry("route").when.edtf == "2020-10-10"
    assert document.entry("next").when.edtf == "2020-10-11"
    stack.undo()
    assert document.entry("next").when.edtf == "[2020-11-11..2023-11-11]"


def test_deleting_the_anchor_keeps_the_date_and_undo_restores_the_link() -> None:
    document, stack = _document(), new_stack()
    stack.push(DeleteItems(document, "entries", ["cf"]))
    route = document.entry("route")
    assert route.relative_to == WITHIN_3_YEARS and route.when.edtf == "[2020-11-10..2023-11-10]"
    stack.undo()
    moved = shifted(document.entry("cf"), days=1, at="2021-11-20")
    stack.push(MoveEntries(document, [moved]))
    assert document.entry("route").when.edtf == "[2020-11-11..2023-11-11]"


def test_the_dependents_index_follows_adds_removes_and_resets() -> None:
    from timeline_editor.commands.items import AddItems

    document, stack = _document(), new_stack()
    stack.push(MoveEntries(document, [shifted(document.entry("cf"), days=1, at="2021-11-20")]))
    late = Entry(
        id="late",
        title="Late",
        when=DateValue(edtf="2020-11-12"),
        relative_to=RelativeDate(anchor="cf", relation=Relation.AFTER, amount=1, unit=TimeUnit.DAY),
    )
    stack.push(AddItems(document, "entries", [late]))
    stack.push(DeleteItems(document, "entries", ["route"]))
    stack.push(MoveEntries(document, [shifted(document.entry("cf"), days=1, at="2021-11-20")]))
    assert document.entry("late").when.edtf == "2020-11-13"
    assert document.entry("next").when.edtf == "[2020-11-12..2023-11-12]"  # its anchor is gone
    document.reset(_document().project)
    stack.clear()
    stack.push(MoveEntries(document, [shifted(document.entry("cf"), days=3, at="2021-11-20")]))
    assert document.entry("route").when.edtf == "[2020-11-13..2023-11-13]"
