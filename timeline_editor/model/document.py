"""The Document owns one project and is its only mutator.

Every edit goes through one of its methods, which validates first and changes
nothing when the edit is invalid, then tells subscribers what changed. Undo
commands call these methods inside :meth:`Document.batch`, so that each command
sends exactly one :class:`~timeline_editor.model.changes.ChangeSet`; views listen
to those and apply just what changed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Container, Iterator, Sequence
from functools import partial
from typing import TypeVar

from pydantic import ValidationError

from .changes import ChangeRecorder, ChangeSet
from .edtf import EdtfError, parse_edtf
from .entities import (
    COLLECTION_NOUNS,
    COLLECTIONS,
    Actor,
    CollectionName,
    Entry,
    Era,
    Item,
    Lane,
    Place,
    Project,
    Source,
)
from .gc_pause import gc_paused
from .integrity import Problem, entry_problems, format_loc, project_problems
from .positions import Positions
from .splice import inserted, without


class DocumentError(ValueError):
    """An edit the document refused; nothing was changed."""


Listener = Callable[[ChangeSet], None]
META_FIELDS = ("title", "description", "as_of")
_ItemT = TypeVar("_ItemT", bound=Item)


def _refs_of(entry: Entry) -> dict[str, set[str]]:
    refs: dict[str, set[str]] = {"lanes": set(), "places": set(), "actors": set(entry.actor_ids)}
    refs["sources"] = {c.source_id for c in entry.citations}
    for claim in entry.claims:
        if claim.speaker_id:
            refs["actors"].add(claim.speaker_id)
        if claim.citation is not None:
            refs["sources"].add(claim.citation.source_id)
    refs["sources"].update(h.source_id for h in entry.history if h.source_id)
    if entry.lane_id:
        refs["lanes"].add(entry.lane_id)
    if entry.place_id:
        refs["places"].add(entry.place_id)
    return refs


def _refuse_repeats(ids: Sequence[str]) -> None:
    """An edit naming one id twice would apply twice and undo wrongly."""
    if len(set(ids)) != len(ids):
        raise DocumentError("the same id is named twice in one edit")


def _dates_of(item: Item) -> Iterator[tuple[str, str]]:
    """(place, EDTF text) of every date an item holds."""
    if isinstance(item, Entry | Era):
        yield "when.edtf", item.when.edtf
    if isinstance(item, Entry):
        for i, claim in enumerate(item.claims):
            yield f"claims[{i}].said.edtf", claim.said.edtf
        for i, change in enumerate(item.history):
            yield f"history[{i}].at", change.at
    if isinstance(item, Source):
        yield "issued", item.issued
        yield "accessed", item.accessed


def _ids_of(document: Document, collection: CollectionName) -> Iterator[str]:
    """The ids of a collection in order (read when its positions are written down)."""
    return (item.id for item in getattr(document.project, collection))


def _absent(collection: CollectionName, ident: str) -> str:
    return f"no {COLLECTION_NOUNS[collection]} with id '{ident}'"


def _required(found: _ItemT | None, collection: CollectionName, ident: str) -> _ItemT:
    if found is None:
        raise DocumentError(_absent(collection, ident))
    return found


def _check_dates(item: Item) -> None:
    # Edited copies come from model_copy(), which skips the models' validators.
    for place, text in _dates_of(item):
        try:
            parse_edtf(text)
        except EdtfError as exc:
            name = getattr(item, "title", "") or getattr(item, "name", "") or item.id
            raise DocumentError(f"'{name}': {place}: {exc}") from None


class Document:
    """Owns a :class:`Project`; validates and applies edits; notifies listeners."""

    def __init__(self, project: Project | None = None) -> None:
        self._project = project if project is not None else Project()
        self._listeners: list[Listener] = []
        self._refusal_listeners: list[Callable[[str], None]] = []
        self._positions: dict[str, Positions] = {}
        self._recorder = ChangeRecorder()
        self._depth = 0

    @property
    def project(self) -> Project:
        """The current project (immutable; replaced on every edit)."""
        return self._project

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with every change set; returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def subscribe_refusals(self, listener: Callable[[str], None]) -> Callable[[], None]:
        """Call ``listener`` with the reason of every edit refused; returns the unsubscriber."""
        self._refusal_listeners.append(listener)
        listeners = self._refusal_listeners
        return lambda: listeners.remove(listener) if listener in listeners else None

    def report_refusal(self, reason: str) -> None:
        """Tell the refusal listeners why an edit of this document was not made."""
        for listener in list(self._refusal_listeners):
            listener(reason)

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group the mutator calls inside into one change set, sent when the outermost ends.

        Each command's redo and undo run in one batch. The change set is the net effect,
        so an edit refused halfway and rolled back sends nothing; one that is not
        rolled back still reports what did change.

        The garbage collector waits until the listeners are done: an edit makes new
        tuples and lists as long as the project, and each young collection that meets
        one walks all its items (0.1 s a time at a million entries).
        """
        self._depth += 1
        with gc_paused() if self._depth == 1 else contextlib.nullcontext():
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._send()

    def _send(self) -> None:
        changes = self._recorder.build(self.find_item, self._project)
        if not changes.is_empty:
            for listener in list(self._listeners):
                listener(changes)

    def _ids(self, collection: CollectionName) -> Positions:
        if collection not in COLLECTIONS:
            raise DocumentError(f"unknown collection '{collection}'")
        found = self._positions.get(collection)
        if found is None:
            read = partial(_ids_of, self, collection)
            found = self._positions[collection] = Positions(read)
        return found

    def find_item(self, collection: CollectionName, ident: str) -> Item | None:
        """The item with id ``ident`` in ``collection``, or None."""
        index = self._ids(collection).get(ident)
        if index is None:
            return None
        found: Item = getattr(self._project, collection)[index]
        return found

    def item(self, collection: CollectionName, ident: str) -> Item:
        """The item with id ``ident`` in ``collection``; raises DocumentError if absent."""
        return _required(self.find_item(collection, ident), collection, ident)

    def _find(self, collection: CollectionName, ident: str, kind: type[_ItemT]) -> _ItemT | None:
        found = self.find_item(collection, ident)
        # The index is per collection and insert() checks types, so this always holds.
        assert found is None or isinstance(found, kind)
        return found

    def find_entry(self, ident: str) -> Entry | None:
        """The entry with id ``ident``, or None."""
        return self._find("entries", ident, Entry)

    def entry(self, ident: str) -> Entry:
        """The entry with id ``ident``; raises DocumentError if there is none."""
        return _required(self.find_entry(ident), "entries", ident)

    def find_source(self, ident: str) -> Source | None:
        """The source with id ``ident``, or None."""
        return self._find("sources", ident, Source)

    def source(self, ident: str) -> Source:
        """The source with id ``ident``; raises DocumentError if there is none."""
        return _required(self.find_source(ident), "sources", ident)

    def find_actor(self, ident: str) -> Actor | None:
        """The actor with id ``ident``, or None."""
        return self._find("actors", ident, Actor)

    def actor(self, ident: str) -> Actor:
        """The actor with id ``ident``; raises DocumentError if there is none."""
        return _required(self.find_actor(ident), "actors", ident)

    def find_place(self, ident: str) -> Place | None:
        """The place with id ``ident``, or None."""
        return self._find("places", ident, Place)

    def place(self, ident: str) -> Place:
        """The place with id ``ident``; raises DocumentError if there is none."""
        return _required(self.find_place(ident), "places", ident)

    def find_lane(self, ident: str) -> Lane | None:
        """The lane with id ``ident``, or None."""
        return self._find("lanes", ident, Lane)

    def lane(self, ident: str) -> Lane:
        """The lane with id ``ident``; raises DocumentError if there is none."""
        return _required(self.find_lane(ident), "lanes", ident)

    def find_era(self, ident: str) -> Era | None:
        """The era with id ``ident``, or None."""
        return self._find("eras", ident, Era)

    def era(self, ident: str) -> Era:
        """The era with id ``ident``; raises DocumentError if there is none."""
        return _required(self.find_era(ident), "eras", ident)

    def index_of(self, collection: CollectionName, ident: str) -> int:
        """Position of an item in its collection; raises DocumentError if absent."""
        try:
            return self._ids(collection)[ident]
        except KeyError:
            raise DocumentError(_absent(collection, ident)) from None

    def _reference_ids(self) -> dict[str, Container[str]]:
        # The id->index maps answer "in" without copying them into sets.
        return {name: self._ids(name) for name in COLLECTIONS if name != "entries"}

    def _check_items(self, collection: CollectionName, items: Sequence[Item]) -> None:
        kind = COLLECTIONS[collection]
        for item in items:
            if not isinstance(item, kind):
                raise DocumentError(
                    f"{collection} holds {kind.__name__}, not {type(item).__name__}"
                )
        for item in items:
            _check_dates(item)
        ids = self._reference_ids()
        if collection == "actors":
            # New actors may name each other (or themselves) as their organisation.
            ids = {**ids, "actors": set(self._ids("actors")) | {item.id for item in items}}
        for item in items:
            problems: list[Problem] = []
            if isinstance(item, Entry):
                problems = list(entry_problems("entry", item, ids))
            elif (
                isinstance(item, Actor)
                and item.affiliation_id is not None
                and (item.affiliation_id not in ids["actors"])
            ):
                problems = [Problem("affiliation_id", f"no actor '{item.affiliation_id}'")]
            if problems:
                name = getattr(item, "title", "") or getattr(item, "name", "") or item.id
                raise DocumentError(f"'{name}': {problems[0]}")

    def _set(self, collection: CollectionName, items: tuple[Item, ...]) -> None:
        self._project = self._project.model_copy(update={collection: items})

    def insert(self, collection: CollectionName, items: Sequence[tuple[int, Item]]) -> None:
        """Insert items at positions (each position counted after earlier inserts)."""
        new_ids = [item.id for _, item in items]
        # Ids are unique across all collections, not just within one.
        taken = any(i in self._ids(name) for name in COLLECTIONS for i in new_ids)
        if taken or len(set(new_ids)) != len(new_ids):
            raise DocumentError(f"duplicate id among the new {collection}")
        self._check_items(collection, [item for _, item in items])
        with self.batch():
            merged, placed = inserted(getattr(self._project, collection), items)
            for ident in new_ids:
                self._recorder.item(collection, ident, None)
            self._set(collection, merged)
            if placed is None:
                self._ids(collection).forget()
            else:
                self._ids(collection).inserted(placed, new_ids)

    def append(self, collection: CollectionName, items: Sequence[Item]) -> None:
        """Add items at the end of a collection."""
        start = len(getattr(self._project, collection))
        self.insert(collection, [(start + i, item) for i, item in enumerate(items)])

    def replace(self, collection: CollectionName, items: Sequence[Item]) -> list[Item]:
        """Replace items by id; returns the old items in the same order."""
        _refuse_repeats([item.id for item in items])
        self._check_items(collection, items)
        current = list(getattr(self._project, collection))
        old: list[Item] = []
        positions = [self.index_of(collection, item.id) for item in items]
        with self.batch():
            for position, item in zip(positions, items, strict=True):
                old.append(current[position])
                self._recorder.item(collection, item.id, current[position])
                current[position] = item
            self._set(collection, tuple(current))
        return old

    def _users(self, collection: CollectionName, ids: set[str]) -> list[str]:
        """Titles of entries that refer to any of ``ids`` in ``collection``."""
        if collection not in ("sources", "actors", "lanes", "places"):
            return []
        return [e.title or e.id for e in self._project.entries if _refs_of(e)[collection] & ids]

    def remove(self, collection: CollectionName, ids: Sequence[str]) -> list[tuple[int, Item]]:
        """Remove items by id; returns (position, item) pairs for an undo to insert."""
        _refuse_repeats(ids)
        positions = sorted(self.index_of(collection, ident) for ident in ids)
        users = self._users(collection, set(ids))
        if users:
            names = ", ".join(f"'{u}'" for u in users[:3])
            more = f" and {len(users) - 3} more" if len(users) > 3 else ""
            raise DocumentError(f"still used by {len(users)} entries: {names}{more}")
        if collection == "actors":
            gone = set(ids)
            members = [
                a.name
                for a in self._project.actors
                if a.affiliation_id in gone - {a.id} and a.id not in gone
            ]
            if members:
                raise DocumentError(f"still the affiliation of {', '.join(members[:3])}")
        current = getattr(self._project, collection)
        removed = [(p, current[p]) for p in positions]
        with self.batch():
            for _, item in removed:
                self._recorder.item(collection, item.id, item)
            self._set(collection, without(current, positions))
            self._ids(collection).removed(positions, [item.id for _, item in removed])
        return removed

    def set_meta(self, **fields: str) -> dict[str, str]:
        """Change title, description or as_of; returns the old values."""
        unknown = set(fields) - set(META_FIELDS)
        if unknown:
            raise DocumentError(f"not a project field: {sorted(unknown)[0]}")
        old = {name: getattr(self._project, name) for name in fields}
        data = self._project.model_dump(include=set(META_FIELDS)) | fields
        try:
            Project.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise DocumentError(f"{format_loc(first['loc'])}: {first['msg']}") from None
        with self.batch():
            for name, value in old.items():
                self._recorder.project_field(name, value)
            self._project = self._project.model_copy(update=fields)
        return old

    def set_lineage(self, lineage: tuple[str, ...]) -> None:
        """Record the saved versions the project descends from (not an edit: no undo)."""
        try:
            checked = Project.model_validate({"lineage": lineage}).lineage
        except ValidationError as exc:
            raise DocumentError(f"lineage: {exc.errors()[0]['msg']}") from None
        # Only the lineage is new: validating it alone keeps this cheap for big projects.
        with self.batch():
            self._recorder.project_field("lineage", self._project.lineage)
            self._project = self._project.model_copy(update={"lineage": checked})

    def reset(self, project: Project) -> Project:
        """Replace the whole project (open, merge, revert); returns the old one."""
        old = self._project
        with self.batch():
            self._recorder.reset()
            self._project = project
            self._positions.clear()
            self._ids("entries").write()
        return old

    def problems(self) -> list[Problem]:
        """Cross-reference problems of the current project (normally none)."""
        return project_problems(self._project)
