"""Change sets: a batch sends its net effect once; fields are found by comparison."""

from __future__ import annotations

import pytest

from timeline_editor.model.changes import ChangeSet, fields_changed
from timeline_editor.model.document import Document, DocumentError
from timeline_editor.model.entities import DateValue, Entry, Lane, Project


def _document() -> tuple[Document, list[ChangeSet]]:
    entries = (Entry(id="a", title="A"), Entry(id="b", title="B"))
    document = Document(Project(entries=entries, lanes=(Lane(id="l", title="L"),)))
    heard: list[ChangeSet] = []
    document.subscribe(heard.append)
    return document, heard


def test_a_batch_sends_one_change_set_when_the_outermost_ends() -> None:
    document, heard = _document()
    with document.batch():
        document.append("entries", [Entry(id="c", title="C")])
        with document.batch():
            document.replace("entries", [document.entry("a").model_copy(update={"title": "A2"})])
        document.set_meta(title="Chronology")
        assert heard == []
    assert len(heard) == 1
    changes = heard[0]
    assert changes.added_ids("entries") == ("c",)
    assert changes.changed_ids("entries") == ("a",)
    assert changes.fields_of("a") == {"title"}
    assert changes.project_fields == {"title"}
    assert changes.collections == {"entries"}


def test_the_net_effect_is_sent() -> None:
    document, heard = _document()
    with document.batch():
        document.append("entries", [Entry(id="c")])
        document.replace("entries", [Entry(id="c", title="edited after adding")])
        document.remove("entries", ["b"])
        document.insert("entries", [(1, Entry(id="b", title="back, renamed"))])
        old = document.entry("a")
        document.replace("entries", [old.model_copy(update={"title": "x"})])
        document.replace("entries", [old])  # and back: no change
        document.append("lanes", [Lane(id="gone", title="G")])
        document.remove("lanes", ["gone"])  # added and removed: nothing
    changes = heard[0]
    assert changes.added == {"entries": ("c",)}
    assert changes.changed == {"entries": {"b": frozenset({"title"})}}
    assert changes.removed == {}
    assert changes.old("b") == Entry(id="b", title="B")


def test_a_batch_left_by_an_error_still_reports_what_changed() -> None:
    document, heard = _document()
    with pytest.raises(DocumentError), document.batch():
        document.append("entries", [Entry(id="c")])
        document.remove("entries", ["no-such-entry"])
    assert heard[0].added_ids("entries") == ("c",)


def test_a_rolled_back_batch_sends_nothing() -> None:
    document, heard = _document()
    with document.batch():
        before = document.replace("entries", [Entry(id="a", title="tmp")])
        document.replace("entries", before)
    assert heard == []


def test_a_reset_outweighs_everything_else_in_its_batch() -> None:
    document, heard = _document()
    with document.batch():
        document.append("entries", [Entry(id="c")])
        document.reset(Project(title="other"))
        document.append("entries", [Entry(id="d")])
    assert len(heard) == 1 and heard[0].reset
    assert heard[0].touches("sources") and heard[0].touches("project")


def test_fields_changed_compares_fields_and_unknown_ones() -> None:
    entry = Entry.model_validate({"id": "e", "title": "T", "x-note": 1})
    assert fields_changed(entry, entry) == frozenset()
    moved = entry.model_copy(update={"when": DateValue(edtf="2021")})
    assert fields_changed(entry, moved) == {"when"}
    noted = Entry.model_validate({"id": "e", "title": "T", "x-note": 2})
    assert fields_changed(entry, noted) == {"x-note"}


def test_a_lineage_change_is_a_project_field() -> None:
    document, heard = _document()
    document.set_lineage(("ab" * 16,))
    assert heard[0].project_fields == {"lineage"}
    assert not heard[0].touches("entries") and heard[0].touches("project")
    document.set_lineage(("ab" * 16,))
    assert len(heard) == 1  # the same lineage again changes nothing
