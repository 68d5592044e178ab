"""The changes between two days, kept up to date edit by edit: :class:`LiveChanges`.

:func:`.knowledge_changes.changes_between` walks the whole project (about 0.7 s at 100k
entries). After an edit only the entries the change set names can have other changes,
as long as nothing the others depend on moved: the sources' issued dates, the actors'
names (claims name their speaker), the as-of day and the chronology's last knowledge
day. :meth:`LiveChanges.apply` recomputes just those entries then, and the whole list
otherwise. The result always equals a fresh :func:`changes_between` (tests hold it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from .changes import ChangeSet
from .daynum import format_day
from .entities import Entry, Project
from .knowledge import Knowledge, knowledge
from .knowledge_changes import ChangeKind, KnowledgeChange, changes_between

#: The entry fields a knowledge change is made of (title, and what sets the days).
ENTRY_FIELDS = frozenset(
    {"title", "kind", "status", "when", "history", "claims", "citations", "known_since"}
)
#: Looks up an entry by id (``Document.find_entry``).
Finder = Callable[[str], Entry | None]
#: The source fields that set knowledge days.
SOURCE_FIELDS = frozenset({"issued"})


def _later(first: int | None, second: int | None) -> bool:
    """True when ``first`` is after ``second`` (no day counts as before every day)."""
    if first is None:
        return False
    return second is None or first > second


class LiveChanges:
    """What became known after day ``first`` up to day ``last``, patched per edit."""

    def __init__(
        self, project: Project, first: int, last: int, facts: Knowledge | None = None
    ) -> None:
        """ValueError when ``first`` is after ``last``; ``facts``: ``knowledge(project)``."""
        if first > last:
            raise ValueError(
                f"the first day ({format_day(first)}) is after the last ({format_day(last)})"
            )
        self.first, self.last = first, last
        self._by_entry: dict[str, tuple[KnowledgeChange, ...]] = {}
        self._facts = Knowledge(entries=(), sources={}, end=None)
        self._base: int | None = None
        self._end: int | None = None
        self.rebuild(project, facts)

    def rebuild(self, project: Project, facts: Knowledge | None = None) -> None:
        """Compute every entry's changes afresh (``facts``: ``knowledge(project)`` if known)."""
        facts = facts or knowledge(project)
        self._base = knowledge(project.model_copy(update={"entries": ()})).end
        self._facts, self._end = facts, facts.end
        self._by_entry = _grouped(changes_between(project, self.first, self.last, facts))

    def changes(self) -> list[KnowledgeChange]:
        """Every change, oldest first (undated first), then by title."""
        found = [change for changes in self._by_entry.values() for change in changes]
        found.sort(key=lambda c: (c.day is not None, c.day or 0, c.title.casefold()))
        return found

    def by_kind(self) -> dict[ChangeKind, list[KnowledgeChange]]:
        """The changes grouped by kind (every kind present, in :class:`ChangeKind` order)."""
        groups: dict[ChangeKind, list[KnowledgeChange]] = {kind: [] for kind in ChangeKind}
        for change in self.changes():
            groups[change.kind].append(change)
        return groups

    def apply(self, project: Project, changes: ChangeSet, find: Finder | None = None) -> bool:
        """Follow one edit of ``project`` (already made); False when it changes nothing here.

        ``changes.old`` gives the entries as they were before the edit; ``find`` (e.g.
        ``Document.find_entry``) looks up their new versions without a pass over them all.
        """
        if _needs_rebuild(changes):
            self.rebuild(project)
            return True
        touched = _touched_entries(changes)
        if not touched:
            return False
        new = _current(project, touched, find)
        old = [item for i in touched if isinstance(item := changes.old(i), Entry)]
        if not self._patch(project, touched, new, old):
            self.rebuild(project)
        return True

    def _patch(
        self, project: Project, touched: Sequence[str], new: list[Entry], old: list[Entry]
    ) -> bool:
        """Recompute only ``touched``; False when the last knowledge day may have moved."""
        mini = project.model_copy(update={"entries": tuple(new)})
        facts = knowledge(mini)
        old_end = knowledge(project.model_copy(update={"entries": tuple(old)})).end
        if _later(facts.end, self._end):
            return False  # a new latest day: every entry's "no last day" moves with it
        if old_end == self._end and _later(self._end, self._base):
            return False  # an old version may have held the latest day
        facts = Knowledge(entries=facts.entries, sources=self._facts.sources, end=self._end)
        for ident in touched:
            self._by_entry.pop(ident, None)
        self._by_entry.update(_grouped(changes_between(mini, self.first, self.last, facts)))
        return True


def _grouped(changes: Iterable[KnowledgeChange]) -> dict[str, tuple[KnowledgeChange, ...]]:
    found: dict[str, list[KnowledgeChange]] = {}
    for change in changes:
        found.setdefault(change.entry_id, []).append(change)
    return {ident: tuple(items) for ident, items in found.items()}


def _needs_rebuild(changes: ChangeSet) -> bool:
    """True when the edit touches what every entry's changes depend on."""
    if changes.reset or "as_of" in changes.project_fields:
        return True
    if changes.added_ids("sources") or changes.removed_ids("sources"):
        return True
    if SOURCE_FIELDS & changes.changed_fields("sources"):
        return True
    return bool(changes.removed_ids("actors") or "name" in changes.changed_fields("actors"))


def _touched_entries(changes: ChangeSet) -> list[str]:
    """The entries added, removed, or changed in a field a knowledge change is made of."""
    changed = changes.changed.get("entries", {})
    return [
        *changes.added_ids("entries"),
        *changes.removed_ids("entries"),
        *(ident for ident, fields in changed.items() if fields & ENTRY_FIELDS),
    ]


def _current(project: Project, idents: Sequence[str], find: Finder | None) -> list[Entry]:
    """The entries of ``project`` with these ids (removed ones are left out)."""
    if find is not None:
        return [entry for ident in idents if (entry := find(ident)) is not None]
    wanted = set(idents)
    return [entry for entry in project.entries if entry.id in wanted]
