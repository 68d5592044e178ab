"""Entry-level differences between two project files, readable in an e-mail.

Items of every collection are matched by id; a changed item lists each changed
top-level field with its old and new value (dates shown as EDTF with their
wording). Project title, description and as-of date are compared too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from timeline_editor.model.entities import COLLECTION_NOUNS, COLLECTIONS, Item, Project

META_FIELDS = ("title", "description", "as_of")
SINGULAR: dict[str, str] = {**dict(COLLECTION_NOUNS.items()), "project": "project"}


def item_fields(item: Item) -> dict[str, Any]:
    """An item's fields as JSON values, without its id."""
    data = item.model_dump(mode="json", by_alias=True)
    data.pop("id", None)
    return data


def item_label(data: dict[str, Any] | None, ident: str) -> str:
    """A human name for an item: its title or name, else its id."""
    if data:
        for key in ("title", "name", "URL"):
            if isinstance(data.get(key), str) and data[key].strip():
                return str(data[key]).strip()
    return ident


def show_value(value: Any, limit: int = 160) -> str:
    """A short readable rendering of a JSON value."""
    if isinstance(value, dict) and set(value) >= {"edtf", "as_stated"}:
        text = value["edtf"] or "undated"
        return f"{text} ({value['as_stated']})" if value["as_stated"] else text
    if value is None:
        return "(none)"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class FieldChange:
    """One field whose value differs."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class ItemChange:
    """An item added, removed or changed between two projects."""

    collection: str
    item_id: str
    label: str
    kind: str
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class ProjectDiff:
    """All differences from project A to project B."""

    same_project: bool
    meta: tuple[FieldChange, ...]
    items: tuple[ItemChange, ...]

    @property
    def empty(self) -> bool:
        """True when A and B hold the same things."""
        return not self.meta and not self.items


def field_changes(old: dict[str, Any], new: dict[str, Any]) -> tuple[FieldChange, ...]:
    """Fields whose values differ (a missing field counts as None)."""
    names = list(old) + [k for k in new if k not in old]
    return tuple(FieldChange(k, old.get(k), new.get(k)) for k in names if old.get(k) != new.get(k))


def _collection_changes(name: str, a: Project, b: Project) -> list[ItemChange]:
    old = {x.id: item_fields(x) for x in getattr(a, name)}
    new = {x.id: item_fields(x) for x in getattr(b, name)}
    changes = [
        ItemChange(name, i, item_label(v, i), "removed") for i, v in old.items() if i not in new
    ]
    changes += [
        ItemChange(name, i, item_label(v, i), "added") for i, v in new.items() if i not in old
    ]
    for ident, value in new.items():
        if ident in old and old[ident] != value:
            fields = field_changes(old[ident], value)
            changes.append(ItemChange(name, ident, item_label(value, ident), "changed", fields))
    return changes


def diff_projects(a: Project, b: Project) -> ProjectDiff:
    """What changed from ``a`` to ``b``, item by item."""
    meta = field_changes(
        {k: getattr(a, k) for k in META_FIELDS}, {k: getattr(b, k) for k in META_FIELDS}
    )
    items: list[ItemChange] = []
    for name in COLLECTIONS:
        items.extend(_collection_changes(name, a, b))
    return ProjectDiff(a.id == b.id, meta, tuple(items))


def format_diff(diff: ProjectDiff, a_name: str = "A", b_name: str = "B") -> str:
    """The diff as plain text: ``+`` added, ``-`` removed, ``~`` changed."""
    lines = [f"--- {a_name}", f"+++ {b_name}"]
    if not diff.same_project:
        lines.append("note: the two files are different projects (their ids differ)")
    lines += [f"~ project {c.field}: {show_value(c.old)} -> {show_value(c.new)}" for c in diff.meta]
    marks = {"added": "+", "removed": "-", "changed": "~"}
    for change in diff.items:
        noun = SINGULAR[change.collection]
        lines.append(
            f'{marks[change.kind]} {noun} "{change.label}" ({change.item_id}) {change.kind}'
        )
        lines += [
            f"    {f.field}: {show_value(f.old)} -> {show_value(f.new)}" for f in change.fields
        ]
    if diff.empty:
        lines.append("no differences")
    else:
        counts = {k: sum(c.kind == k for c in diff.items) for k in marks}
        lines.append(", ".join(f"{n} {k}" for k, n in counts.items()) + " items")
    return "\n".join(lines) + "\n"
