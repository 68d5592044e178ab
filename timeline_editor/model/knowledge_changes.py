"""What changed in what was known between two days: :func:`changes_between`.

Compared are the chronologies as they stood on the first and on the last day
(:mod:`.knowledge_view`): entries that became known (or possibly known), changes of
status and of date, and claims made or retracted. Each change names its entry (id and
title) and the day it became known, which lies after the first day and on or before
the last. A retraction carries no date in the file (a claim's ``retracted`` is a yes or
no), so it is known whenever the claim is: between two days of one file a claim is
reported as made (retracted), and "retracted" appears only when :func:`entry_changes`
compares two different versions of an entry.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum

from .daynum import format_day
from .entities import Claim, Entry, Project
from .knowledge import (
    ALWAYS,
    Knowledge,
    Known,
    KnownDays,
    claim_days,
    history_days,
    knowledge,
    known_from,
)
from .knowledge_view import KnowledgeDay, entry_as_of


class ChangeKind(StrEnum):
    """What kind of change a :class:`KnowledgeChange` is."""

    ADDED = "added"
    POSSIBLY_ADDED = "possibly added"
    STATUS = "status"
    DATE = "date"
    CLAIM_MADE = "claim made"
    CLAIM_RETRACTED = "claim retracted"


@dataclass(frozen=True)
class KnowledgeChange:
    """One change between two days, with the entry it concerns."""

    kind: ChangeKind
    entry_id: str
    title: str
    #: The day the change became known (a day number), None when it has no date.
    day: int | None
    #: Status or EDTF date before and after (empty for other kinds).
    old: str = ""
    new: str = ""
    #: The claim made or retracted, and who said what ("Dmitry Peskov asserts: ...").
    claim_id: str | None = None
    claim: str = ""

    def text(self) -> str:
        """One line for people: day, kind, title and what changed."""
        day = format_day(self.day) if self.day is not None else "undated"
        line = f"{day}  {self.kind.value:<15}  {self.title or '(untitled)'}"
        if self.kind in (ChangeKind.STATUS, ChangeKind.DATE):
            return f"{line}: {self.old or 'undated'} → {self.new or 'undated'}"
        if self.claim:
            return f"{line}: {self.claim}"
        return line


def claim_words(claim: Claim, names: Mapping[str, str]) -> str:
    """Who said what: "Dmitry Peskov asserts: ..." (names: actor names by id)."""
    speaker = names.get(claim.speaker_id or "", "someone")
    words = f"{speaker} {claim.stance.value}"
    if claim.text:
        words += f": {claim.text}"
    return words + (" (retracted)" if claim.retracted else "")


def changes_between(
    project: Project, first: int, last: int, facts: Knowledge | None = None
) -> list[KnowledgeChange]:
    """What became known after day ``first`` up to day ``last``, oldest first.

    ValueError when ``first`` is after ``last``.
    """
    if first > last:
        raise ValueError(
            f"the first day ({format_day(first)}) is after the last ({format_day(last)})"
        )
    facts = facts or knowledge(project)
    before, after = KnowledgeDay.of(facts, first), KnowledgeDay.of(facts, last)
    names = {actor.id: actor.name for actor in project.actors}
    found: list[tuple[int, int, KnowledgeChange]] = []
    for number, entry in enumerate(project.entries):
        now = facts.entry_state(number, last)
        if now is Known.UNKNOWN:
            continue
        then = facts.entry_state(number, first)
        if then is now and _quiet(entry, facts, first, last):
            continue
        old = None if then is Known.UNKNOWN else entry_as_of(entry, before)
        changes = list(_appeared(entry, facts.entries[number], then, now, facts))
        changes += entry_changes(
            old, entry_as_of(entry, after), names, _DayOf(facts, entry, first, last)
        )
        found += [(c.day if c.day is not None else ALWAYS, number, c) for c in changes]
    found.sort(key=lambda item: (item[0], item[1]))
    return [change for _, _, change in found]


def _quiet(entry: Entry, facts: Knowledge, first: int, last: int) -> bool:
    """True when none of the entry's claims and history changes became known in between.

    A shortcut: building the entry as of both days costs far more at 100k entries.
    """
    evidence = [claim_days(claim, facts.sources) for claim in entry.claims]
    evidence += [history_days(item) for item in entry.history]
    return all(facts.state(days, first) is facts.state(days, last) for days in evidence)


def _appeared(
    entry: Entry, days: KnownDays, then: Known, now: Known, facts: Knowledge
) -> Iterator[KnowledgeChange]:
    if now is Known.KNOWN and then is not Known.KNOWN:
        day = _dated(known_from(days, facts.end))
        yield KnowledgeChange(ChangeKind.ADDED, entry.id, entry.title, day)
    elif now is Known.POSSIBLY and then is Known.UNKNOWN:
        day = _dated(days.possible)
        yield KnowledgeChange(ChangeKind.POSSIBLY_ADDED, entry.id, entry.title, day)


def _dated(day: int) -> int | None:
    return None if day == ALWAYS else day


@dataclass(frozen=True)
class _DayOf:
    """The day each claim and history change of one entry became known."""

    facts: Knowledge
    entry: Entry
    first: int
    last: int

    def claim(self, claim: Claim) -> int | None:
        """The day the claim became known."""
        return _dated(known_from(claim_days(claim, self.facts.sources), self.facts.end))

    def field(self, field: str) -> int | None:
        """The latest day a change of ``field`` learnt between the two days was learnt."""
        days = []
        for item in self.entry.history:
            if item.field != field:
                continue
            item_days = history_days(item)
            then = self.facts.state(item_days, self.first)
            if then is not Known.KNOWN and self.facts.state(item_days, self.last) is Known.KNOWN:
                days.append(known_from(item_days, self.facts.end))
        return _dated(max(days)) if days else None


def entry_changes(
    old: Entry | None, new: Entry, names: Mapping[str, str], days: _DayOf | None = None
) -> list[KnowledgeChange]:
    """Status, date and claim changes from ``old`` to ``new`` (two versions of one entry).

    With no ``old`` (the entry is new) only its claims are listed.
    """
    out: list[KnowledgeChange] = []
    if old is not None:
        for field, before, after in (
            ("status", old.status.value, new.status.value),
            ("when", old.when.edtf, new.when.edtf),
        ):
            if before != after:
                kind = ChangeKind.STATUS if field == "status" else ChangeKind.DATE
                day = days.field(field) if days is not None else None
                out.append(KnowledgeChange(kind, new.id, new.title, day, before, after))
    earlier = {claim.id: claim for claim in old.claims} if old is not None else {}
    for claim in new.claims:
        previous = earlier.get(claim.id)
        if previous is None:
            kind = ChangeKind.CLAIM_MADE
        elif claim.retracted and not previous.retracted:
            kind = ChangeKind.CLAIM_RETRACTED
        else:
            continue
        day = days.claim(claim) if days is not None and kind is ChangeKind.CLAIM_MADE else None
        out.append(
            KnowledgeChange(
                kind, new.id, new.title, day, claim_id=claim.id, claim=claim_words(claim, names)
            )
        )
    return out
