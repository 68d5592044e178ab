"""Ids for items a file gives without one, derived from their content.

An item without an ``id`` gets a random one from its model. Done on every load, the same
entry would be a new one each time, and a merge of two copies of the file would hold it
twice. :func:`with_derived_ids` replaces such made-up ids by ones computed from the
item's content (a name-based UUID of its canonical JSON): the same file always gives
the same ids. Items with equal content are told apart by their order in the file, and
an id the file already uses is never given again, so the ids stay unique.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import Counter
from typing import Any

from pydantic_core import to_json

from .entities import Item, Model, Project

#: The namespace of derived ids (a fixed, random UUID: changing it changes every derived id).
NAMESPACE = uuid.UUID("6f4c1d0e-8a0b-4c55-9b7e-2f5d7c1e9a31")


class _Ids:
    """The ids in use and how often each content was seen."""

    def __init__(self, used: set[str]) -> None:
        self.used = used
        self.seen: Counter[str] = Counter()

    def derive(self, model: Model) -> str:
        content = to_json(model, exclude={"id"})
        key = f"{type(model).__name__}:{hashlib.sha256(content).hexdigest()}"
        while True:
            number = self.seen[key]
            self.seen[key] += 1
            candidate = str(uuid.uuid5(NAMESPACE, f"{key}:{number}"))
            if candidate not in self.used:
                self.used.add(candidate)
                return candidate


def _given_ids(model: Model, found: set[str]) -> None:
    if isinstance(model, Item | Project) and "id" in model.model_fields_set:
        found.add(model.id)
    for value in _children(model):
        _given_ids(value, found)


def _children(model: Model) -> list[Model]:
    out: list[Model] = []
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, Model):
            out.append(value)
        elif isinstance(value, tuple):
            out.extend(v for v in value if isinstance(v, Model))
    return out


def _fixed(model: Model, ids: _Ids) -> Model:
    """``model`` with derived ids in itself and its parts, where the file gave none."""
    updates: dict[str, Any] = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, Model):
            new = _fixed(value, ids)
            if new is not value:
                updates[name] = new
        elif isinstance(value, tuple) and any(isinstance(v, Model) for v in value):
            items = tuple(_fixed(v, ids) if isinstance(v, Model) else v for v in value)
            if any(a is not b for a, b in zip(items, value, strict=True)):
                updates[name] = items
    if updates:
        model = model.model_copy(update=updates)
    # Parts first: the content an id is derived from then holds their stable ids.
    if isinstance(model, Item | Project) and "id" not in model.model_fields_set:
        model = model.model_copy(update={"id": ids.derive(model)})
    return model


def with_derived_ids(project: Project) -> Project:
    """``project`` with a content-derived id for every item (and itself) given without one."""
    used: set[str] = set()
    _given_ids(project, used)
    fixed = _fixed(project, _Ids(used))
    assert isinstance(fixed, Project)
    return fixed
