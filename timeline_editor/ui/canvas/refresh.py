"""Deciding whether a document change needs the canvas to re-index the project.

Re-indexing is one vectorised pass (about 0.5 s at 100,000 entries), too slow to run
after every keystroke-sized edit. Edits that leave every entry's place and mark as
they were (a title, a description, tags, a citation, a source in the library, the
record of saved versions) only patch the entries the index holds.
"""

from __future__ import annotations

from timeline_editor.layout.index import TimelineIndex
from timeline_editor.model.document import Change, ChangeKind, Document
from timeline_editor.model.entities import Entry
from timeline_editor.model.queries import is_disputed

#: Entry fields that decide where and how an entry is drawn.
LAYOUT_FIELDS = ("when", "status", "lane_id", "actor_ids", "kind")

#: Collections and project fields that the canvas never draws.
_UNDRAWN = frozenset({"sources", "places"})
_UNDRAWN_PROJECT_FIELDS = frozenset({"lineage", "description"})


def _same_mark(old: Entry, new: Entry) -> bool:
    if any(getattr(old, name) != getattr(new, name) for name in LAYOUT_FIELDS):
        return False
    return is_disputed(old) == is_disputed(new)


def patch_in_place(
    index: TimelineIndex, ids: dict[str, int], document: Document, change: Change
) -> bool:
    """Bring ``index`` up to date without re-indexing; False when that cannot be done."""
    if change.kind is not ChangeKind.CHANGED:
        return False
    if change.collection in _UNDRAWN or (
        change.collection == "project"
        and change.ids
        and _UNDRAWN_PROJECT_FIELDS.issuperset(change.ids)
    ):
        index.project = document.project
        return True
    if change.collection != "entries":
        return False
    updates: list[tuple[int, Entry]] = []
    for ident in change.ids:
        number = ids.get(ident)
        new = document.find_entry(ident)
        if number is None or new is None:
            return False
        if not _same_mark(index.entries[number], new):
            return False
        updates.append((number, new))
    for number, new in updates:
        index.entries[number] = new
        index.titles[number] = new.title
    index.project = document.project
    return True
