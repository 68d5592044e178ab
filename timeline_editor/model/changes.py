"""Change sets: what one edit did to the project, so that each view applies just that.

The :class:`~timeline_editor.model.document.Document` sends one :class:`ChangeSet` per
command (its ``batch()`` groups the mutator calls of a command), never one per item. A
change set names, per collection, the ids added, removed and changed, and for each
changed id the fields that differ; for the project itself, the names of the fields
that changed (title, as_of, lineage...). ``reset`` says the whole project was replaced
(open, merge, revert) and every view starts again.

A change set is the *net* effect of the command: an item added and then edited is
added; an item edited and then put back as it was is not mentioned; an item removed
and then inserted again with other fields is changed. Changed fields are found by
comparing the old and new item field by field (``is`` first, so untouched fields cost
next to nothing). The old item of every removed or changed id stays available through
:meth:`ChangeSet.old`, so a view can subtract what an entry counted for before.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal, TypeVar

from .entities import CollectionName, Item, Project

#: A collection name, or "project" for the project's own fields.
Scope = CollectionName | Literal["project"]
_V = TypeVar("_V", tuple[str, ...], dict[str, frozenset[str]])


class ChangeKind(StrEnum):
    """One kind of change a change set holds, for views that apply them kind by kind."""

    ADDED = "added"
    CHANGED = "changed"
    REMOVED = "removed"
    RESET = "reset"


def fields_changed(old: Item, new: Item) -> frozenset[str]:
    """Names of the fields (unknown extra fields too) whose values differ."""
    if old is new:
        return frozenset()
    names = {
        name
        for name in type(old).model_fields
        if (a := getattr(old, name)) is not (b := getattr(new, name)) and a != b
    }
    old_extra, new_extra = old.__pydantic_extra__ or {}, new.__pydantic_extra__ or {}
    if old_extra or new_extra:
        keys = old_extra.keys() | new_extra.keys()
        names.update(k for k in keys if old_extra.get(k, ...) != new_extra.get(k, ...))
    return frozenset(names)


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """The net effect of one command: ids added, removed and changed (with their fields)."""

    reset: bool = False
    added: Mapping[CollectionName, tuple[str, ...]] = field(default_factory=dict)
    removed: Mapping[CollectionName, tuple[str, ...]] = field(default_factory=dict)
    changed: Mapping[CollectionName, Mapping[str, frozenset[str]]] = field(default_factory=dict)
    project_fields: frozenset[str] = frozenset()
    before: Mapping[str, Item] = field(default_factory=dict)

    def added_ids(self, collection: CollectionName) -> tuple[str, ...]:
        """Ids of the items added to ``collection``."""
        return self.added.get(collection, ())

    def removed_ids(self, collection: CollectionName) -> tuple[str, ...]:
        """Ids of the items removed from ``collection``."""
        return self.removed.get(collection, ())

    def changed_ids(self, collection: CollectionName) -> tuple[str, ...]:
        """Ids of the items of ``collection`` that are still there with other values."""
        return tuple(self.changed.get(collection, ()))

    def fields_of(self, ident: str) -> frozenset[str]:
        """The fields that changed on item ``ident`` (empty when it did not change)."""
        for fields in self.changed.values():
            found = fields.get(ident)
            if found is not None:
                return found
        return frozenset()

    def changed_fields(self, collection: CollectionName) -> frozenset[str]:
        """Every field that changed on some item of ``collection``."""
        return frozenset().union(*self.changed.get(collection, {}).values())

    def old(self, ident: str) -> Item | None:
        """The item as it was before, for a removed or changed id (None for an added one)."""
        return self.before.get(ident)

    def touches(self, *scopes: Scope) -> bool:
        """True on a reset or when any of ``scopes`` ("project" for its fields) changed."""
        if self.reset:
            return True
        return any(
            bool(self.project_fields)
            if scope == "project"
            else bool(self.added.get(scope) or self.removed.get(scope) or self.changed.get(scope))
            for scope in scopes
        )

    @property
    def collections(self) -> frozenset[CollectionName]:
        """The collections with an item added, removed or changed."""
        return frozenset(self.added) | frozenset(self.removed) | frozenset(self.changed)

    @property
    def is_empty(self) -> bool:
        """True when nothing changed (no reset, no item, no project field)."""
        return not (self.reset or self.collections or self.project_fields)


#: Finds the current item of a collection by id (``Document.find_item``).
Finder = Callable[[CollectionName, str], Item | None]


class ChangeRecorder:
    """Collects what mutator calls touch until the outermost batch ends."""

    def __init__(self) -> None:
        self._items: dict[CollectionName, dict[str, Item | None]] = {}
        self._meta: dict[str, object] = {}
        self._reset = False

    def item(self, collection: CollectionName, ident: str, before: Item | None) -> None:
        """Note ``ident`` as touched; only the first call keeps its ``before`` value."""
        if not self._reset:
            self._items.setdefault(collection, {}).setdefault(ident, before)

    def project_field(self, name: str, before: object) -> None:
        """Note a project field as touched, with its value before the batch."""
        self._meta.setdefault(name, before)

    def reset(self) -> None:
        """The whole project was replaced: nothing else needs remembering."""
        self._reset = True
        self._items.clear()
        self._meta.clear()

    def build(self, find: Finder, project: Project) -> ChangeSet:
        """The net change set since the recorder was made (it is left empty)."""
        if self._reset:
            self._reset = False
            return ChangeSet(reset=True)
        added: dict[CollectionName, tuple[str, ...]] = {}
        removed: dict[CollectionName, tuple[str, ...]] = {}
        changed: dict[CollectionName, dict[str, frozenset[str]]] = {}
        before: dict[str, Item] = {}
        for collection, touched in self._items.items():
            new_ids: list[str] = []
            gone_ids: list[str] = []
            edited: dict[str, frozenset[str]] = {}
            for ident, old in touched.items():
                new = find(collection, ident)
                if old is None:
                    if new is not None:
                        new_ids.append(ident)
                    continue
                if new is None:
                    gone_ids.append(ident)
                elif fields := fields_changed(old, new):
                    edited[ident] = fields
                else:
                    continue
                before[ident] = old
            _keep(added, collection, tuple(new_ids))
            _keep(removed, collection, tuple(gone_ids))
            _keep(changed, collection, edited)
        meta = frozenset(k for k, v in self._meta.items() if getattr(project, k) != v)
        self._items, self._meta = {}, {}
        return ChangeSet(False, added, removed, changed, meta, before)


def _keep(target: dict[CollectionName, _V], collection: CollectionName, value: _V) -> None:
    if value:
        target[collection] = value
