"""The Document owns one project and is its only mutator.

Every edit goes through one of its methods, which validates first and changes
nothing when the edit is invalid, then tells subscribers what changed. Undo
commands call these methods; views listen to the notifications.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import ValidationError

from .entities import COLLECTIONS, Entry, Item, Project
from .integrity import Problem, entry_problems, format_loc, project_problems


class DocumentError(ValueError):
    """An edit the document refused; nothing was changed."""


class ChangeKind(StrEnum):
    """What happened to the named ids."""

    ADDED = "added"
    CHANGED = "changed"
    REMOVED = "removed"
    RESET = "reset"


@dataclass(frozen=True, slots=True)
class Change:
    """A notification: ``collection`` is a collection name, or "project"."""

    collection: str
    kind: ChangeKind
    ids: tuple[str, ...] = ()


Listener = Callable[[Change], None]
META_FIELDS = ("title", "description", "as_of")


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


class Document:
    """Owns a :class:`Project`; validates and applies edits; notifies listeners."""

    def __init__(self, project: Project | None = None) -> None:
        self._project = project if project is not None else Project()
        self._listeners: list[Listener] = []
        self._index: dict[str, dict[str, int]] = {}

    @property
    def project(self) -> Project:
        """The current project (immutable; replaced on every edit)."""
        return self._project

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` on every change; returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _emit(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    def _ids(self, collection: str) -> dict[str, int]:
        if collection not in COLLECTIONS:
            raise DocumentError(f"unknown collection '{collection}'")
        if collection not in self._index:
            items = getattr(self._project, collection)
            self._index[collection] = {x.id: i for i, x in enumerate(items)}
        return self._index[collection]

    def get(self, collection: str, ident: str) -> Any:
        """The item with id ``ident`` in ``collection``, or None."""
        index = self._ids(collection).get(ident)
        return None if index is None else getattr(self._project, collection)[index]

    def index_of(self, collection: str, ident: str) -> int:
        """Position of an item in its collection; raises DocumentError if absent."""
        try:
            return self._ids(collection)[ident]
        except KeyError:
            raise DocumentError(f"no {collection} item with id '{ident}'") from None

    def _all_ids(self) -> dict[str, set[str]]:
        return {name: set(self._ids(name)) for name in COLLECTIONS}

    def _check_items(self, collection: str, items: Sequence[Item]) -> None:
        kind = COLLECTIONS[collection]
        for item in items:
            if not isinstance(item, kind):
                raise DocumentError(
                    f"{collection} holds {kind.__name__}, not {type(item).__name__}"
                )
        if collection != "entries":
            return
        ids = self._all_ids()
        for item in items:
            assert isinstance(item, Entry)
            problems = list(entry_problems("entry", item, ids))
            if problems:
                raise DocumentError(f"'{item.title}': {problems[0]}")

    def _set(self, collection: str, items: tuple[Item, ...], reindex: bool) -> None:
        self._project = self._project.model_copy(update={collection: items})
        if reindex:
            self._index.pop(collection, None)

    def insert(self, collection: str, items: Sequence[tuple[int, Item]]) -> None:
        """Insert items at positions (each position counted after earlier inserts)."""
        self._check_items(collection, [item for _, item in items])
        taken = set(self._ids(collection))
        new_ids = [item.id for _, item in items]
        if taken.intersection(new_ids) or len(set(new_ids)) != len(new_ids):
            raise DocumentError(f"duplicate id among the new {collection}")
        current = list(getattr(self._project, collection))
        for position, item in items:
            current.insert(max(0, min(position, len(current))), item)
        self._set(collection, tuple(current), reindex=True)
        self._emit(Change(collection, ChangeKind.ADDED, tuple(new_ids)))

    def append(self, collection: str, items: Sequence[Item]) -> None:
        """Add items at the end of a collection."""
        start = len(getattr(self._project, collection))
        self.insert(collection, [(start + i, item) for i, item in enumerate(items)])

    def replace(self, collection: str, items: Sequence[Item]) -> list[Item]:
        """Replace items by id; returns the old items in the same order."""
        self._check_items(collection, items)
        current = list(getattr(self._project, collection))
        old: list[Item] = []
        positions = [self.index_of(collection, item.id) for item in items]
        for position, item in zip(positions, items, strict=True):
            old.append(current[position])
            current[position] = item
        self._set(collection, tuple(current), reindex=False)
        self._emit(Change(collection, ChangeKind.CHANGED, tuple(i.id for i in items)))
        return old

    def _users(self, collection: str, ids: set[str]) -> list[str]:
        """Titles of entries that refer to any of ``ids`` in ``collection``."""
        if collection not in ("sources", "actors", "lanes", "places"):
            return []
        return [e.title or e.id for e in self._project.entries if _refs_of(e)[collection] & ids]

    def remove(self, collection: str, ids: Sequence[str]) -> list[tuple[int, Item]]:
        """Remove items by id; returns (position, item) pairs for an undo to insert."""
        positions = sorted(self.index_of(collection, ident) for ident in ids)
        users = self._users(collection, set(ids))
        if users:
            names = ", ".join(f"'{u}'" for u in users[:3])
            more = f" and {len(users) - 3} more" if len(users) > 3 else ""
            raise DocumentError(f"still used by {len(users)} entries: {names}{more}")
        current = list(getattr(self._project, collection))
        removed = [(p, current[p]) for p in positions]
        for position in reversed(positions):
            del current[position]
        self._set(collection, tuple(current), reindex=True)
        self._emit(Change(collection, ChangeKind.REMOVED, tuple(ids)))
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
        self._project = self._project.model_copy(update=fields)
        self._emit(Change("project", ChangeKind.CHANGED))
        return old

    def set_lineage(self, lineage: tuple[str, ...]) -> None:
        """Record the saved versions the project descends from (not an edit: no undo)."""
        try:
            checked = Project.model_validate({"lineage": lineage}).lineage
        except ValidationError as exc:
            raise DocumentError(f"lineage: {exc.errors()[0]['msg']}") from None
        # Only the lineage is new: validating it alone keeps this cheap for big projects.
        self._project = self._project.model_copy(update={"lineage": checked})
        self._emit(Change("project", ChangeKind.CHANGED))

    def reset(self, project: Project) -> Project:
        """Replace the whole project (open, merge, revert); returns the old one."""
        old = self._project
        self._project = project
        self._index.clear()
        self._emit(Change("project", ChangeKind.RESET))
        return old

    def problems(self) -> list[Problem]:
        """Cross-reference problems of the current project (normally none)."""
        return project_problems(self._project)
