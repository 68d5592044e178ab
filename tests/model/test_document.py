"""The Document: the only mutator, with validation, notifications and undo-friendly returns."""

from __future__ import annotations

from typing import cast

import pytest

from timeline_editor.model.changes import ChangeSet
from timeline_editor.model.document import Document, DocumentError
from timeline_editor.model.entities import (
    Actor,
    Citation,
    Claim,
    CollectionName,
    Entry,
    Lane,
    Project,
    Source,
)


def _document() -> tuple[Document, list[ChangeSet]]:
    project = Project(
        title="t",
        sources=(Source(id="src", title="RFE/RL"),),
        actors=(Actor(id="eu", name="EU", kind="organisation"), Actor(id="michel", name="M")),
        lanes=(Lane(id="lane", title="EU track"),),
        entries=(
            Entry(id="e1", title="announcement", citations=(Citation(source_id="src"),)),
            Entry(id="e2", title="meeting", lane_id="lane", actor_ids=("michel",)),
        ),
    )
    doc = Document(project)
    changes: list[ChangeSet] = []
    doc.subscribe(changes.append)
    return doc, changes


def test_insert_append_and_notify() -> None:
    doc, changes = _document()
    doc.insert("entries", [(0, Entry(id="first")), (99, Entry(id="last"))])
    assert [e.id for e in doc.project.entries] == ["first", "e1", "e2", "last"]
    doc.append("lanes", [Lane(id="l2", title="Russia track")])
    assert [c.added for c in changes] == [{"entries": ("first", "last")}, {"lanes": ("l2",)}]
    assert not any(c.removed or c.changed or c.project_fields for c in changes)
    assert doc.entry("last") == Entry(id="last")
    assert doc.index_of("entries", "e2") == 2


def test_replace_returns_old_and_notifies() -> None:
    doc, changes = _document()
    new = doc.entry("e2").model_copy(update={"title": "Brussels meeting"})
    old = doc.replace("entries", [new])
    assert [o.title for o in old if isinstance(o, Entry)] == ["meeting"]
    assert doc.entry("e2").title == "Brussels meeting"
    assert len(changes) == 1
    assert changes[0].changed == {"entries": {"e2": frozenset({"title"})}}
    assert changes[0].old("e2") == old[0]
    assert not changes[0].added and not changes[0].removed


def test_remove_then_insert_restores_order() -> None:
    doc, changes = _document()
    doc.append("entries", [Entry(id="e3"), Entry(id="e4")])
    before = doc.project
    removed = doc.remove("entries", ["e4", "e1", "e3"])
    assert [e.id for e in doc.project.entries] == ["e2"]
    assert changes[-1].removed_ids("entries") == ("e1", "e3", "e4")  # in project order
    assert changes[-1].old("e1") == before.entries[0]
    doc.insert("entries", removed)
    assert doc.project == before


def test_set_meta_and_reset() -> None:
    doc, changes = _document()
    old = doc.set_meta(title="Brussels", as_of="2021-11-20")
    assert old == {"title": "t", "as_of": ""}
    assert (doc.project.title, doc.project.as_of) == ("Brussels", "2021-11-20")
    assert [c.project_fields for c in changes] == [frozenset({"title", "as_of"})]
    previous = doc.reset(Project(title="other"))
    assert previous.title == "Brussels"
    assert changes[-1].reset
    assert doc.find_entry("e1") is None


def test_project_before_an_edit_is_unchanged() -> None:
    doc, _ = _document()
    before = doc.project
    snapshot = before.model_dump()
    doc.append("entries", [Entry(id="new")])
    doc.replace("entries", [Entry(id="e1", title="changed")])
    doc.set_meta(title="renamed")
    assert before.model_dump() == snapshot
    assert doc.project is not before
    doc.reset(before)  # what an undo of everything does
    assert doc.project.model_dump() == snapshot


def _refused(doc: Document, changes: list[ChangeSet], edit: object, message: str) -> None:
    before = doc.project
    with pytest.raises(DocumentError) as caught:
        edit()  # type: ignore[operator]
    assert message in str(caught.value)
    assert doc.project is before
    assert changes == []


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("dangling_source", "no source with id 'gone'"),
        ("dangling_speaker", "no actor with id 'ghost'"),
        ("dangling_lane", "no lane with id 'nowhere'"),
        ("duplicate_in_collection", "duplicate id"),
        ("duplicate_across_collections", "duplicate id"),
        ("duplicate_in_batch", "duplicate id"),
        ("wrong_type", "entries holds Entry, not Lane"),
        ("unknown_collection", "unknown collection 'widgets'"),
        ("replace_missing", "no entry with id 'nope'"),
        ("replace_twice", "named twice"),
        ("remove_twice", "named twice"),
        ("remove_missing", "no lane with id 'nope'"),
        ("remove_cited_source", "still used by 1 entries: 'announcement'"),
        ("remove_lane_in_use", "still used by 1 entries: 'meeting'"),
        ("remove_affiliation", "still the affiliation of M"),
        ("dangling_affiliation", "no actor 'nobody'"),
        ("bad_meta_field", "not a project field: colour"),
        ("bad_as_of", "as_of"),
    ],
)
def test_invalid_edits_raise_and_change_nothing(name: str, message: str) -> None:
    doc, changes = _document()
    michel = Actor(id="michel", name="M", affiliation_id="eu")
    doc.replace("actors", [michel])
    changes.clear()
    edits = {
        "dangling_source": lambda: doc.append(
            "entries", [Entry(citations=(Citation(source_id="gone"),))]
        ),
        "dangling_speaker": lambda: doc.append(
            "entries", [Entry(claims=(Claim(speaker_id="ghost"),))]
        ),
        "dangling_lane": lambda: doc.replace("entries", [Entry(id="e1", lane_id="nowhere")]),
        "duplicate_in_collection": lambda: doc.append("entries", [Entry(id="e1")]),
        "duplicate_across_collections": lambda: doc.append("actors", [Actor(id="lane", name="x")]),
        "duplicate_in_batch": lambda: doc.append("entries", [Entry(id="n"), Entry(id="n")]),
        "wrong_type": lambda: doc.append("entries", [Lane(title="x")]),
        # The type checker refuses this; the runtime check is for untyped callers.
        "unknown_collection": lambda: doc.remove(cast(CollectionName, "widgets"), ["x"]),
        "replace_missing": lambda: doc.replace("entries", [Entry(id="nope")]),
        "replace_twice": lambda: doc.replace("entries", [Entry(id="e1"), Entry(id="e1")]),
        "remove_twice": lambda: doc.remove("entries", ["e1", "e1"]),
        "remove_missing": lambda: doc.remove("lanes", ["lane", "nope"]),
        "remove_cited_source": lambda: doc.remove("sources", ["src"]),
        "remove_lane_in_use": lambda: doc.remove("lanes", ["lane"]),
        "remove_affiliation": lambda: doc.remove("actors", ["eu"]),
        "dangling_affiliation": lambda: doc.append(
            "actors", [Actor(name="x", affiliation_id="nobody")]
        ),
        "bad_meta_field": lambda: doc.set_meta(colour="red"),
        "bad_as_of": lambda: doc.set_meta(as_of="2021-11"),
    }
    _refused(doc, changes, edits[name], message)


def test_remove_of_a_cited_source_names_the_entries() -> None:
    doc, _ = _document()
    doc.append(
        "entries",
        [Entry(title=f"cites {i}", citations=(Citation(source_id="src"),)) for i in range(4)],
    )
    with pytest.raises(DocumentError) as caught:
        doc.remove("sources", ["src"])
    text = str(caught.value)
    assert text.startswith("still used by 5 entries: 'announcement', 'cites 0', 'cites 1'")
    assert text.endswith("and 2 more")


def test_removing_an_organisation_with_its_members_is_allowed() -> None:
    doc, _ = _document()
    doc.replace("actors", [Actor(id="michel", name="M", affiliation_id="eu")])
    doc.replace("entries", [Entry(id="e2", title="meeting", lane_id="lane")])
    doc.remove("actors", ["eu", "michel"])
    assert doc.project.actors == ()
    assert doc.problems() == []


def test_unsubscribe_stops_notifications() -> None:
    doc, changes = _document()
    seen: list[ChangeSet] = []
    stop = doc.subscribe(seen.append)
    doc.set_meta(title="a")
    stop()
    doc.set_meta(title="b")
    assert len(seen) == 1
    assert len(changes) == 2


def test_refusals_go_to_this_documents_listeners_only() -> None:
    doc, _ = _document()
    other, _ = _document()
    heard: list[str] = []
    elsewhere: list[str] = []
    stop = doc.subscribe_refusals(heard.append)
    other.subscribe_refusals(elsewhere.append)
    doc.report_refusal("duplicate id")
    stop()
    doc.report_refusal("after unsubscribing")
    assert heard == ["duplicate id"]
    assert elsewhere == []
