"""Merging a colleague's copy of a project: a three-way merge by ids.

How the merge knows what changed: it compares both copies with their **last
common version** (the *base*): the file that was sent to the colleague, or the
result of the last merge. A field that differs from the base on one side only is
taken from that side automatically; a field both sides changed to different
values is a *conflict* the user decides. Items are matched by their stable ids:
an item new on one side is added; an item one side removed and the other left
untouched is removed; removed on one side but edited on the other is a conflict
on the whole item. Claims and citations inside an entry are merged by their own
ids, so two colleagues who each add a citation to the same entry both keep it.
An entry's history (items without ids, appended as a date or status changes) is
merged as a union by content: items both kept stay, an item one side removed
goes, and each side's new items follow ours' order, then theirs'. So when both
sides moved a date, the move itself is the one conflict; both history items stay.
No modification stamps are needed, so nothing in the model has to be kept up to
date by every edit, and clocks on two machines never matter.

Without a base (``base=None``) the merge is two-way and conservative: every
field that differs is a conflict, and an item on one side only is kept (the
merge cannot tell "they added" from "we deleted", so nothing is dropped).

A copy of a different project (another project ``id``) is refused. Removing a
source, actor, lane or place that a merged entry still refers to is undone, and
said so, rather than leaving a dangling reference.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import ValidationError

from timeline_editor.model.entities import COLLECTIONS, Project
from timeline_editor.model.integrity import project_problems

from .diff import META_FIELDS, SINGULAR, field_changes, item_fields, item_label, show_value

Side = Literal["ours", "theirs"]
PROJECT = "project"
Fields = dict[str, Any] | None
Values = dict[str, Fields]


class MergeError(Exception):
    """A merge that cannot be done (unrelated projects, an invalid result)."""


@dataclass(frozen=True)
class Conflict:
    """Both sides changed one field (or one removed what the other edited).

    ``field`` is "" when the conflict is about the whole item; then ``ours`` or
    ``theirs`` is None for the side that removed it.
    """

    collection: str
    item_id: str
    label: str
    field: str
    base: Any
    ours: Any
    theirs: Any

    def describe(self) -> str:
        """One line: which item and field, and both values."""
        what = f"{SINGULAR[self.collection]} '{self.label}'"
        if not self.field:
            ours = "removed" if self.ours is None else "edited"
            theirs = "removed" if self.theirs is None else "edited"
            return f"{what}: ours {ours}, theirs {theirs}"
        return (
            f"{what} {self.field}: ours {show_value(self.ours)}, theirs {show_value(self.theirs)}"
        )


@dataclass
class _State:
    """The merge in JSON form: per collection, id -> fields (None = removed)."""

    values: dict[str, Values]
    orders: dict[str, list[list[str]]]
    meta: dict[str, Any]
    ours: Project
    theirs: Project


@dataclass(frozen=True)
class MergeResult:
    """Changes applied automatically, conflicts left for the user, and the project."""

    merged: Project
    applied: tuple[str, ...]
    conflicts: tuple[Conflict, ...]
    _state: _State = field(repr=False, compare=False)

    def resolve(self, choices: list[Side] | tuple[Side, ...]) -> tuple[Project, list[str]]:
        """The project with one choice per conflict applied, and what was repaired."""
        if len(choices) != len(self.conflicts):
            raise ValueError(f"{len(self.conflicts)} conflicts but {len(choices)} choices")
        state = copy.deepcopy(self._state)
        for conflict, choice in zip(self.conflicts, choices, strict=True):
            if choice == "theirs":
                _take_theirs(state, conflict)
        return _assemble(state)


def _take_theirs(state: _State, conflict: Conflict) -> None:
    if conflict.collection == PROJECT:
        state.meta[conflict.field] = conflict.theirs
        return
    values = state.values[conflict.collection]
    if not conflict.field:
        values[conflict.item_id] = copy.deepcopy(conflict.theirs)
        return
    item = values[conflict.item_id]
    assert item is not None
    item[conflict.field] = copy.deepcopy(conflict.theirs)


def _merge_id_list(base: Any, ours: Any, theirs: Any) -> list[Any] | None:
    """Three-way merge of lists of objects with ids; None when they collide."""
    lists = (base or [], ours, theirs)
    if not all(
        isinstance(x, list) and all(isinstance(e, dict) and "id" in e for e in x) for x in lists
    ):
        return None
    b, o, t = ({e["id"]: e for e in x} for x in lists)
    out: list[Any] = []
    for ident in [*o, *(i for i in t if i not in o)]:
        picked = _pick(b.get(ident), o.get(ident), t.get(ident))
        if picked is _CLASH:
            return None
        if picked is not None:
            out.append(picked)
    return out


_CLASH = object()

#: Fields merged as a union of their items by content (see the module doc).
UNION_FIELDS = frozenset({"history"})


def _merge_union(base: Any, ours: Any, theirs: Any) -> list[Any] | None:
    """Three-way merge of a list by content: removals from either side, additions of both."""
    lists = (base or [], ours, theirs)
    if not all(isinstance(x, list) for x in lists):
        return None

    def key(item: Any) -> str:
        return json.dumps(item, sort_keys=True, default=str)

    base_keys, our_keys, their_keys = (Counter(map(key, x)) for x in lists)
    removed = base_keys - their_keys  # theirs removed these (counted, for repeats)
    out = []
    for item in ours:
        if removed[key(item)] > 0:
            removed[key(item)] -= 1
        else:
            out.append(item)
    to_add = (their_keys - base_keys) - (our_keys - base_keys)  # both added: once
    for item in theirs:
        if to_add[key(item)] > 0:
            to_add[key(item)] -= 1
            out.append(item)
    return out


def _pick(base: Any, ours: Any, theirs: Any) -> Any:
    """The three-way value, or ``_CLASH``."""
    if ours == theirs:
        return ours
    if ours == base:
        return theirs
    if theirs == base:
        return ours
    return _CLASH


def _merge_field(name: str, b: Any, o: Any, t: Any, *, has_base: bool) -> Any:
    """The merged value of one field, or ``_CLASH`` when the two sides disagree."""
    value = _pick(b, o, t) if has_base else (o if o == t else _CLASH)
    if value is _CLASH and isinstance(o, list):
        merge_list = _merge_union if name in UNION_FIELDS else _merge_id_list
        # Without a base a union still drops nothing, so it stays conservative.
        two_way_ok = name in UNION_FIELDS
        value = merge_list(b, o, t) if has_base or two_way_ok else None
        value = _CLASH if value is None else value
    return value


def _merge_item(
    coll: str,
    ident: str,
    trio: tuple[Fields, Fields, Fields],
    applied: list[str],
    conflicts: list[Conflict],
) -> dict[str, Any] | None:
    base, ours, theirs = trio
    label = item_label(ours or theirs or base, ident)
    noun = f"{SINGULAR[coll]} '{label}'"
    if theirs in (ours, base):
        return ours
    if ours == base and base is not None:
        if theirs is None:
            applied.append(f"{noun}: removed as in theirs")
        else:
            names = ", ".join(c.field for c in field_changes(base, theirs))
            applied.append(f"{noun}: {names} taken from theirs")
        return theirs
    if ours is None and base is None:
        applied.append(f"{noun}: added from theirs")
        return theirs
    if ours is None or theirs is None:
        conflicts.append(Conflict(coll, ident, label, "", base, ours, theirs))
        return ours
    merged = dict(ours)
    for name in [*ours, *(k for k in theirs if k not in ours)]:
        b = base.get(name) if base else None
        o, t = ours.get(name), theirs.get(name)
        value = _merge_field(name, b, o, t, has_base=base is not None)
        if value is _CLASH:
            conflicts.append(Conflict(coll, ident, label, name, b, o, t))
        elif value != o:
            merged[name] = value
            applied.append(f"{noun}: {name} taken from theirs")
    return merged


def _values(project: Project | None, name: str) -> dict[str, dict[str, Any]]:
    if project is None:
        return {}
    return {x.id: item_fields(x) for x in getattr(project, name)}


def merge_projects(ours: Project, theirs: Project, base: Project | None = None) -> MergeResult:
    """Merge ``theirs`` into ``ours`` against their common ``base`` (see module doc)."""
    for other, role in ((theirs, "their copy"), (base, "the base")):
        if other is not None and other.id != ours.id:
            raise MergeError(
                f"{role} is a different project (id {other.id}, '{other.title}') from the open "
                f"one (id {ours.id}, '{ours.title}'); only copies of one project can be merged"
            )
    applied: list[str] = []
    conflicts: list[Conflict] = []
    meta = {k: getattr(ours, k) for k in META_FIELDS}
    for name in META_FIELDS:
        b = getattr(base, name) if base is not None else None
        o, t = getattr(ours, name), getattr(theirs, name)
        value = _pick(b, o, t) if base is not None else (o if o == t else _CLASH)
        if value is _CLASH:
            conflicts.append(Conflict(PROJECT, ours.id, "project", name, b, o, t))
        elif value != o:
            meta[name] = value
            applied.append(f"project: {name} taken from theirs")
    state = _State({}, {}, meta, ours, theirs)
    for name in COLLECTIONS:
        b, o, t = _values(base, name), _values(ours, name), _values(theirs, name)
        ids = [*o, *(i for i in t if i not in o), *(i for i in b if i not in o and i not in t)]
        state.values[name] = {
            i: _merge_item(name, i, (b.get(i), o.get(i), t.get(i)), applied, conflicts) for i in ids
        }
        state.orders[name] = [list(o), list(t)]
    merged, repairs = _assemble(state)
    return MergeResult(merged, tuple(applied + repairs), tuple(conflicts), state)


def _ordered(values: Values, orders: list[list[str]]) -> list[str]:
    """Our order, with items only in theirs placed after their predecessor there."""
    out = [i for i in orders[0] if values.get(i) is not None]
    placed = set(out)
    for position, ident in enumerate(orders[1]):
        if ident in placed or values.get(ident) is None:
            continue
        before = next((p for p in reversed(orders[1][:position]) if p in placed), None)
        out.insert(out.index(before) + 1 if before else 0, ident)
        placed.add(ident)
    return out


def _references(project: Project) -> dict[str, set[str]]:
    refs: dict[str, set[str]] = {name: set() for name in COLLECTIONS}
    for entry in project.entries:
        refs["lanes"].update([entry.lane_id] if entry.lane_id else [])
        refs["places"].update([entry.place_id] if entry.place_id else [])
        refs["actors"].update(entry.actor_ids)
        refs["actors"].update(c.speaker_id for c in entry.claims if c.speaker_id)
        cites = [*entry.citations, *(c.citation for c in entry.claims if c.citation)]
        refs["sources"].update(c.source_id for c in cites)
        refs["sources"].update(h.source_id for h in entry.history if h.source_id)
    refs["actors"].update(a.affiliation_id for a in project.actors if a.affiliation_id)
    return refs


def _build(state: _State) -> Project:
    data: dict[str, Any] = {**state.ours.model_dump(mode="json", by_alias=True), **state.meta}
    for name, values in state.values.items():
        data[name] = [{"id": i, **(values[i] or {})} for i in _ordered(values, state.orders[name])]
    try:
        return Project.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise MergeError(f"the merged project is invalid: {first['loc']}: {first['msg']}") from None


def _assemble(state: _State) -> tuple[Project, list[str]]:
    """Build the project, restoring removed items that merged entries still use."""
    repairs: list[str] = []
    project = _build(state)
    for _ in range(3):  # restored actors can reference further actors
        refs = _references(project)
        restored = False
        for name, values in state.values.items():
            for ident in sorted(refs[name]):
                if values.get(ident) is None:
                    item = _values(state.ours, name).get(ident) or _values(state.theirs, name).get(
                        ident
                    )
                    if item is not None:
                        values[ident] = item
                        restored = True
                        label = item_label(item, ident)
                        repairs.append(
                            f"{SINGULAR[name]} '{label}': kept, because it is still used"
                        )
        if not restored:
            break
        project = _build(state)
    problems = project_problems(project)
    if problems:
        raise MergeError(f"the merged project is inconsistent: {problems[0]}")
    return project, repairs
