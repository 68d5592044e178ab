"""The chronology as it stood on a day: :func:`as_known_on` (the rule: :mod:`.knowledge`).

On day D the result holds the entries known or possibly known on D, each as it stood
then: claims not yet said are left out (so "disputed" is recomputed from what had been
said), the history items learnt after D are undone newest first (status and date go
back to their old values) and dropped, and sources not yet issued are absent, with every
citation of them (and every history item's reference to them). Evidence only possibly
known on D counts as not yet known; the ids of what it hides are given apart so that a
view can mention it. Actors, places, lanes and eras stay as they are.

Two details a researcher may ask about:

* Undoing a date change restores the old EDTF and clears the wording (``as_stated``),
  which described the newer date. A status change whose old value is not a status
  (``""`` for "first recorded") leaves the status as it is: nothing earlier is known.
* The result's as-of day is D when D is earlier than the project's own as-of day (or
  the project has none): what lay after D was still to come. So on the last knowledge
  day the result equals the project, apart from the as-of day a project without one
  gets.
"""

from __future__ import annotations

from dataclasses import dataclass

from .daynum import format_day
from .edtf import is_valid_edtf
from .entities import Citation, Claim, Entry, HistoryItem, Project
from .gc_pause import gc_paused
from .knowledge import Knowledge, Known, claim_days, history_days, knowledge
from .queries import as_of_day
from .vocab import Status


@dataclass(frozen=True)
class KnownChronology:
    """The chronology as it stood on :attr:`day`."""

    day: int
    #: A valid project: the known and the possibly known entries, each as of the day.
    project: Project
    #: Ids of the entries in :attr:`project` that are only possibly known (draw faded).
    possible: frozenset[str]
    #: Ids of claims left out because they were only possibly said by the day.
    possible_claims: frozenset[str]
    #: Ids of sources left out because they were only possibly issued by the day.
    possible_sources: frozenset[str]

    def certain_project(self) -> Project:
        """:attr:`project` without the possibly known entries (for exports and counts)."""
        if not self.possible:
            return self.project
        entries = tuple(e for e in self.project.entries if e.id not in self.possible)
        return self.project.model_copy(update={"entries": entries})


@dataclass(frozen=True)
class KnowledgeDay:
    """A day with what :func:`entry_as_of` checks evidence against on it."""

    day: int
    facts: Knowledge
    #: The sources certainly issued by the day.
    present: frozenset[str]

    @classmethod
    def of(cls, facts: Knowledge, day: int) -> KnowledgeDay:
        """The day ``day`` of the project ``facts`` were computed from."""
        present = (s for s, days in facts.sources.items() if facts.state(days, day) is Known.KNOWN)
        return cls(day, facts, frozenset(present))


#: The values a status history item's ``old`` can be undone to.
_STATUSES = frozenset(status.value for status in Status)


def _same(first: tuple[object, ...], second: tuple[object, ...]) -> bool:
    """True when both tuples hold the very same objects (cheaper than model equality)."""
    return len(first) == len(second) and all(a is b for a, b in zip(first, second, strict=True))


def as_known_on(project: Project, day: int, facts: Knowledge | None = None) -> KnownChronology:
    """The chronology of ``project`` as it stood on ``day`` (a day number).

    ``facts`` is :func:`~.knowledge.knowledge` of the project, when the caller has it.
    """
    facts = facts or knowledge(project)
    when = KnowledgeDay.of(facts, day)
    entries: list[Entry] = []
    possible: set[str] = set()
    hidden_claims: set[str] = set()
    with gc_paused():  # the entries that differ on the day are copied
        for number, entry in enumerate(project.entries):
            state = facts.entry_state(number, day)
            if state is Known.UNKNOWN:
                continue
            if state is Known.POSSIBLY:
                possible.add(entry.id)
            entries.append(entry_as_of(entry, when, hidden_claims))
    return KnownChronology(
        day=day,
        project=project.model_copy(
            update={
                "entries": tuple(entries),
                "sources": tuple(s for s in project.sources if s.id in when.present),
                "as_of": _as_of(project, day),
            }
        ),
        possible=frozenset(possible),
        possible_claims=frozenset(hidden_claims),
        possible_sources=frozenset(
            s for s, days in facts.sources.items() if facts.state(days, day) is Known.POSSIBLY
        ),
    )


def _as_of(project: Project, day: int) -> str:
    own = as_of_day(project)
    return project.as_of if own is not None and own <= day else format_day(day)


def entry_as_of(entry: Entry, when: KnowledgeDay, possible_claims: set[str] | None = None) -> Entry:
    """``entry`` as it stood on ``when.day`` (the same object when nothing differs).

    The ids of claims only possibly said by then are added to ``possible_claims``.
    """
    update: dict[str, object] = {}
    if entry.claims:
        claims = _claims_as_of(entry.claims, when, possible_claims)
        if not _same(claims, entry.claims):
            update["claims"] = claims
    if not all(c.source_id in when.present for c in entry.citations):
        update["citations"] = tuple(c for c in entry.citations if c.source_id in when.present)
    if entry.history:
        update.update(_history_as_of(entry, when))
    return entry.model_copy(update=update) if update else entry


def _claims_as_of(
    claims: tuple[Claim, ...], when: KnowledgeDay, possible: set[str] | None
) -> tuple[Claim, ...]:
    kept = []
    for claim in claims:
        state = when.facts.state(claim_days(claim, when.facts.sources), when.day)
        if state is Known.KNOWN:
            kept.append(_claim_as_of(claim, when))
        elif state is Known.POSSIBLY and possible is not None:
            possible.add(claim.id)
    return tuple(kept)


def _claim_as_of(claim: Claim, when: KnowledgeDay) -> Claim:
    citation: Citation | None = claim.citation
    if citation is None or citation.source_id in when.present:
        return claim
    return claim.model_copy(update={"citation": None})


def _history_as_of(entry: Entry, when: KnowledgeDay) -> dict[str, object]:
    """The status, date and history fields that differ on the day (undone newest first)."""
    kept: list[HistoryItem] = []
    status, date = entry.status, entry.when
    for item in reversed(entry.history):
        if when.facts.state(history_days(item), when.day) is Known.KNOWN:
            kept.append(_item_as_of(item, when))
            continue
        if item.field == "status" and item.old in _STATUSES:
            status = Status(item.old)
        elif item.field == "when" and is_valid_edtf(item.old) and item.old != date.edtf:
            date = date.model_copy(update={"edtf": item.old, "as_stated": ""})
    kept.reverse()
    update: dict[str, object] = {}
    if not _same(tuple(kept), entry.history):
        update["history"] = tuple(kept)
    if status is not entry.status:
        update["status"] = status
    if date is not entry.when:
        update["when"] = date
    return update


def _item_as_of(item: HistoryItem, when: KnowledgeDay) -> HistoryItem:
    if item.source_id is None or item.source_id in when.present:
        return item
    return item.model_copy(update={"source_id": None})


def known_caption(day: int, possible: int = 0) -> str:
    """The caption's "as known on 12 Nov 2021" (and what was left out as only possible)."""
    from .datewords import date_words

    words = f"as known on {date_words(format_day(day))}"
    if possible:
        more = "entry" if possible == 1 else "entries"
        words += f" ({possible:,} more {more} possibly known, not drawn)"
    return words
