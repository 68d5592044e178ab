"""The Document's typed look-ups: ``entry(id)`` raises if absent, ``find_entry(id)`` gives None."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import pytest

from timeline_editor.model.document import Document, DocumentError
from timeline_editor.model.entities import (
    Actor,
    CollectionName,
    DateValue,
    Entry,
    Era,
    Item,
    Lane,
    Place,
    Project,
    Source,
)

#: (collection, id of its one item, the item's type, noun used in messages)
KINDS: list[tuple[CollectionName, str, type[Item], str]] = [
    ("entries", "e", Entry, "entry"),
    ("sources", "s", Source, "source"),
    ("actors", "a", Actor, "actor"),
    ("places", "p", Place, "place"),
    ("lanes", "l", Lane, "lane"),
    ("eras", "r", Era, "era"),
]


def _document() -> Document:
    return Document(
        Project(
            entries=(Entry(id="e", title="Brussels meeting"),),
            sources=(Source(id="s", title="RFE/RL"),),
            actors=(Actor(id="a", name="Charles Michel"),),
            places=(Place(id="p", name="Brussels"),),
            lanes=(Lane(id="l", title="EU track"),),
            eras=(Era(id="r", title="2020 war", when=DateValue(edtf="2020-09-27/2020-11-10")),),
        )
    )


Lookup = Callable[[str], Item]
FindLookup = Callable[[str], Item | None]


def _lookups(doc: Document, noun: str) -> tuple[Lookup, FindLookup]:
    """The raising and the optional accessor for one noun, e.g. entry and find_entry."""
    return getattr(doc, noun), getattr(doc, f"find_{noun}")


@pytest.mark.parametrize(("collection", "ident", "kind", "noun"), KINDS)
def test_each_accessor_returns_its_own_type(
    collection: CollectionName, ident: str, kind: type[Item], noun: str
) -> None:
    doc = _document()
    required, optional = _lookups(doc, noun)
    expected = getattr(doc.project, collection)[0]
    for found in (required(ident), optional(ident), doc.item(collection, ident)):
        assert type(found) is kind and found == expected


@pytest.mark.parametrize(("collection", "ident", "kind", "noun"), KINDS)
def test_an_absent_id_raises_or_gives_none(
    collection: CollectionName, ident: str, kind: type[Item], noun: str
) -> None:
    doc = _document()
    required, optional = _lookups(doc, noun)
    assert optional("missing") is None
    assert doc.find_item(collection, "missing") is None
    with pytest.raises(DocumentError, match=f"^no {noun} with id 'missing'$"):
        required("missing")
    with pytest.raises(DocumentError, match=f"^no {noun} with id 'missing'$"):
        doc.item(collection, "missing")


@pytest.mark.parametrize(("collection", "ident", "kind", "noun"), KINDS)
def test_an_id_of_another_collection_is_not_found(
    collection: CollectionName, ident: str, kind: type[Item], noun: str
) -> None:
    doc = _document()
    required, optional = _lookups(doc, noun)
    for _, other, _, _ in KINDS:
        if other == ident:
            continue
        assert optional(other) is None
        assert doc.find_item(collection, other) is None
        with pytest.raises(DocumentError, match=f"no {noun} with id '{other}'"):
            required(other)


def test_an_unknown_collection_name_is_refused() -> None:
    doc = _document()
    # The type checker refuses this; the runtime check is for untyped callers.
    with pytest.raises(DocumentError, match="unknown collection 'widgets'"):
        doc.find_item(cast(CollectionName, "widgets"), "e")


def test_look_ups_follow_edits() -> None:
    doc = _document()
    renamed = doc.entry("e").model_copy(update={"title": "Brussels summit"})
    doc.replace("entries", [renamed])
    assert doc.entry("e").title == "Brussels summit"
    doc.append("entries", [Entry(id="late", title="Hotline")])
    removed = doc.remove("entries", ["e"])
    assert doc.find_entry("e") is None
    # The positions moved up: "late" is now first and must still be found.
    assert doc.entry("late").title == "Hotline"
    doc.insert("entries", removed)
    assert doc.entry("e") == renamed and doc.entry("late").title == "Hotline"
