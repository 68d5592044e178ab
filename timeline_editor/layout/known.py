"""Knowledge days as arrays, one value per entry in project order, kept in step with edits.

:func:`~timeline_editor.model.knowledge.knowledge` says when each entry is first
certainly and possibly known; the chart, the table and the counts need those days as
arrays so that moving the "known on" day is a comparison over arrays, not a walk over
the project. Besides the two days, :attr:`KnowledgeArrays.settle` holds the day from
which an entry stands as it does in the project: before it, some claim, citation or
history item of the entry was not yet known, so its status, date or "disputed" may
differ and :func:`~timeline_editor.model.knowledge_view.entry_as_of` is asked.

An edit of entries recomputes the edited entries only (a few calls of
:func:`~timeline_editor.model.knowledge.entry_days`); entries coming or going move the
arrays by id. A change of sources (their ``issued`` day) or of the project's as-of day
can move any entry's days, so it computes everything again, which costs one pass.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import numpy.typing as npt

from timeline_editor.model.changes import ChangeSet
from timeline_editor.model.entities import Entry, Project
from timeline_editor.model.gc_pause import gc_paused
from timeline_editor.model.knowledge import (
    ALWAYS,
    NEVER,
    Knowledge,
    KnownDays,
    entry_days,
    evidence_days,
    knowledge,
    known_from,
)
from timeline_editor.model.queries import is_disputed

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

#: Finds an entry's position in the project (``Document.index_of``).
Position = Callable[[str], int]


def settle_day(entry: Entry, issued: Mapping[str, KnownDays], end: int | None) -> int:
    """The first day from which every piece of the entry's evidence is certainly known."""
    days = [known_from(d, end) for d in evidence_days(entry, issued)]
    return max(days, default=ALWAYS)


class KnowledgeArrays:
    """Per entry, in project order: first day known, first day possibly known, settle day."""

    def __init__(self, project: Project) -> None:
        self.version = 0
        self._capped: tuple[int, Ints] = (-1, np.zeros(0, np.int64))
        self.rebuild(project)

    def rebuild(self, project: Project) -> None:
        """Compute every entry's days (one pass over the project)."""
        facts = knowledge(project)
        self.facts = Knowledge(entries=(), sources=facts.sources, end=facts.end)
        self.ids = [entry.id for entry in project.entries]
        count = len(project.entries)
        with gc_paused():
            self.certain = np.fromiter((d.certain for d in facts.entries), np.int64, count)
            self.possible = np.fromiter((d.possible for d in facts.entries), np.int64, count)
            self.settle = np.fromiter(
                (settle_day(e, facts.sources, facts.end) for e in project.entries), np.int64, count
            )
            self.disputed = np.fromiter(
                (bool(e.claims) and is_disputed(e) for e in project.entries), np.bool_, count
            )
            self.undated = np.fromiter((not e.when.edtf for e in project.entries), np.bool_, count)
        self.version += 1

    @property
    def end(self) -> int | None:
        """The last knowledge day: from it on, everything is known."""
        return self.facts.end

    def known_from(self) -> Ints:
        """The first day each entry is certainly known (evidence with no last day: ``end``)."""
        if self.end is None:
            return self.certain
        if self._capped[0] != self.version:
            self._capped = (self.version, np.minimum(self.certain, self.end))
        return self._capped[1]

    def apply(self, project: Project, changes: ChangeSet, position: Position) -> None:
        """Follow one edit of ``project``."""
        if changes.reset or changes.touches("sources") or "as_of" in changes.project_fields:
            self.rebuild(project)
            return
        if not changes.touches("entries"):
            return
        if changes.added_ids("entries") or changes.removed_ids("entries"):
            self._realign(project)
        touched = (*changes.changed_ids("entries"), *changes.added_ids("entries"))
        beyond = [self._recompute(project.entries[position(i)], position(i)) for i in touched]
        if any(beyond):
            self.rebuild(project)  # evidence after the last knowledge day moves that day
            return
        self.version += 1

    def _recompute(self, entry: Entry, number: int) -> bool:
        """Update one entry's days; True when its evidence reaches past :attr:`end`."""
        days = entry_days(entry, self.facts.sources)
        self.certain[number], self.possible[number] = days.certain, days.possible
        settle = settle_day(entry, self.facts.sources, self.end)
        self.settle[number] = settle
        self.disputed[number] = bool(entry.claims) and is_disputed(entry)
        self.undated[number] = not entry.when.edtf
        real = [d for d in (*days, settle) if ALWAYS < d < NEVER]
        return bool(real) and (self.end is None or max(real) > self.end)

    def _realign(self, project: Project) -> None:
        """Entries came or went: carry each surviving entry's days to its new position."""
        old = {ident: number for number, ident in enumerate(self.ids)}
        self.ids = [entry.id for entry in project.entries]
        source = np.fromiter((old.get(i, -1) for i in self.ids), np.int64, len(self.ids))
        found = source >= 0
        for name in ("certain", "possible", "settle", "disputed", "undated"):
            column = getattr(self, name)
            moved = np.zeros(len(self.ids), column.dtype)
            moved[found] = column[source[found]]
            setattr(self, name, moved)
