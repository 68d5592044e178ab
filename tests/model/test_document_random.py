"""Random edit sequences: the Document never lets a project acquire problems."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_editor.model.document import Document, DocumentError
from timeline_editor.model.entities import (
    Actor,
    Citation,
    Claim,
    CollectionName,
    Entry,
    Item,
    Lane,
    Source,
)

IDS = st.sampled_from(["a", "b", "c", "d", "e", "f"])
EDITED: list[CollectionName] = ["entries", "sources", "actors", "lanes"]


@st.composite
def items(draw: st.DrawFn) -> tuple[CollectionName, Item]:
    """A collection name and an item whose references may or may not exist."""
    ident = draw(IDS)
    kind = draw(st.sampled_from(EDITED))
    if kind == "sources":
        return kind, Source(id=ident)
    if kind == "lanes":
        return kind, Lane(id=ident, title=ident)
    if kind == "actors":
        return kind, Actor(id=ident, name=ident, affiliation_id=draw(st.none() | IDS))
    claim = Claim(speaker_id=draw(st.none() | IDS))
    return kind, Entry(
        id=ident,
        lane_id=draw(st.none() | IDS),
        citations=tuple(Citation(source_id=s) for s in draw(st.lists(IDS, max_size=2))),
        claims=(claim,) if draw(st.booleans()) else (),
    )


OPS = st.lists(
    st.tuples(st.sampled_from(["append", "replace", "remove"]), items(), st.lists(IDS, max_size=2)),
    max_size=25,
)


def _apply_and_undo(
    doc: Document, op: str, collection: CollectionName, item: Item, ids: list[str]
) -> None:
    """Apply one edit, check its undo restores the project, then redo it."""
    before = doc.project
    if op == "append":
        doc.append(collection, [item])
        doc.remove(collection, [item.id])
        assert doc.project == before
        doc.append(collection, [item])
    elif op == "replace":
        old = doc.replace(collection, [item])
        doc.replace(collection, old)
        assert doc.project == before
        doc.replace(collection, [item])
    else:
        removed = doc.remove(collection, ids)
        assert {i.id for _, i in removed} == set(ids)
        doc.insert(collection, removed)
        assert doc.project == before
        doc.remove(collection, ids)


@settings(max_examples=150, deadline=None)
@given(OPS)
def test_edits_keep_the_project_clean(
    ops: list[tuple[str, tuple[CollectionName, Item], list[str]]],
) -> None:
    doc = Document()
    for op, (collection, item), ids in ops:
        before = doc.project
        try:
            _apply_and_undo(doc, op, collection, item, ids)
        except DocumentError:
            assert doc.project is before
        assert doc.problems() == []
