"""Knowledge time: which entries a reader could know on a given day, from their evidence.

The rule. Every piece of evidence has a knowledge date:

* a claim: its ``said`` date (a claim said on no stated date: its citation's source's
  ``issued``; neither: no date);
* a citation (an entry's own, a claim's, or a history item's source): its source's
  ``issued`` date;
* a history item (a change of status or date): its ``at``;
* the entry itself, when it is a statement, or an event or period with status
  ``occurred``: its own date (an interval from its start), since the world learnt of
  it as it happened;
* ``known_since`` on an entry replaces all of the above for the entry's appearance
  (an event revealed later); its claims, citations and history still follow their own.

Evidence is *known* on day D when its date's latest bound is at most D (certainly said
by then), and *possibly known* when only its earliest bound is. Evidence with no date
at all is always known. An entry is known from its earliest evidence (an entry with
none is always known). Evidence whose date has no latest bound ("after 1 November")
counts as known from the chronology's last knowledge day, :attr:`Knowledge.end` (the
project's as-of day or the latest day any evidence names, whichever is later): the file
records it as known by then. So on that day the chronology is the whole project.

Day numbers throughout (:mod:`.daynum`). :data:`ALWAYS` and :data:`NEVER` are plain
integers beyond any real day, so the chart can keep :class:`KnownDays` in integer
arrays and filter with ``certain <= day``.

:func:`as_known_on` (in :mod:`.knowledge_view`) builds the chronology as it stood on a
day; :func:`changes_between` (in :mod:`.knowledge_changes`) lists what changed.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Final, NamedTuple

from .edtf import EdtfError, Shape, parse_edtf
from .entities import Citation, Claim, Entry, HistoryItem, Project
from .gc_pause import gc_paused
from .queries import as_of_day
from .vocab import EntryKind, Status

#: Before every day: the bound of evidence that has no date ("known since always").
ALWAYS: Final = -(2**62)
#: After every day: the bound of evidence whose date has no latest day.
NEVER: Final = 2**62


class Known(StrEnum):
    """What a reader could know of an entry (or source, claim) on a day."""

    KNOWN = "known"
    POSSIBLY = "possibly"
    UNKNOWN = "unknown"


class KnownDays(NamedTuple):
    """The first day something is certainly known and the first day it possibly is.

    ``possible <= certain``. :data:`ALWAYS` means "before any day"; ``certain`` is
    :data:`NEVER` when only evidence without a latest day speaks for it: then it is
    certainly known from :attr:`Knowledge.end` on.
    """

    certain: int
    possible: int


#: Evidence with no date, and entries with no evidence: known on every day.
KNOWN_ALWAYS: Final = KnownDays(ALWAYS, ALWAYS)


@lru_cache(maxsize=1 << 16)
def date_days(edtf: str) -> KnownDays:
    """The knowledge days of evidence dated ``edtf``: its latest and earliest bound."""
    if not edtf:
        return KNOWN_ALWAYS
    try:
        parsed = parse_edtf(edtf)
    except EdtfError:  # models validate their dates; a stray one counts as no date
        return KNOWN_ALWAYS
    return _bound_days(parsed.earliest, parsed.latest)


def _bound_days(earliest: int | None, latest: int | None) -> KnownDays:
    if earliest is None and latest is None:
        return KNOWN_ALWAYS
    return KnownDays(NEVER if latest is None else latest, ALWAYS if earliest is None else earliest)


def own_days(entry: Entry) -> KnownDays | None:
    """The entry's own date as evidence (statements, things that occurred), else None."""
    public = entry.kind in (EntryKind.EVENT, EntryKind.PERIOD) and entry.status is Status.OCCURRED
    if entry.kind is not EntryKind.STATEMENT and not public:
        return None
    if not entry.when.edtf:
        return None  # an undated statement says nothing about when it was heard
    return _start_days(entry.when.edtf)


@lru_cache(maxsize=1 << 16)
def _start_days(edtf: str) -> KnownDays:
    """The knowledge days of the start of a thing dated ``edtf`` (an interval's first end)."""
    parsed = parse_edtf(edtf)
    if parsed.shape is not Shape.INTERVAL:
        return _bound_days(parsed.earliest, parsed.latest)
    if parsed.start is not None:
        return _bound_days(parsed.start.earliest, parsed.start.latest)
    # An open or unknown start: it began some time before its end.
    return _bound_days(None, parsed.end.latest if parsed.end is not None else None)


def source_days(project: Project) -> dict[str, KnownDays]:
    """Each source's knowledge days (its ``issued`` date), by source id."""
    return {source.id: date_days(source.issued) for source in project.sources}


def citation_days(citation: Citation, issued: Mapping[str, KnownDays]) -> KnownDays:
    """A citation's knowledge days: its source's (a missing source counts as undated)."""
    return issued.get(citation.source_id, KNOWN_ALWAYS)


def claim_days(claim: Claim, issued: Mapping[str, KnownDays]) -> KnownDays:
    """A claim's knowledge days: when it was said, else when its source appeared."""
    if claim.said.edtf or claim.citation is None:
        return date_days(claim.said.edtf)
    return citation_days(claim.citation, issued)


def history_days(item: HistoryItem) -> KnownDays:
    """A history item's knowledge days: the day the change was learnt (``at``)."""
    return date_days(item.at)


def evidence_days(entry: Entry, issued: Mapping[str, KnownDays]) -> Iterator[KnownDays]:
    """The knowledge days of every piece of evidence the entry holds (not known_since)."""
    own = own_days(entry)
    if own is not None:
        yield own
    for claim in entry.claims:
        yield claim_days(claim, issued)
        if claim.citation is not None:
            yield citation_days(claim.citation, issued)
    for citation in entry.citations:
        yield citation_days(citation, issued)
    for item in entry.history:
        yield history_days(item)
        if item.source_id is not None:
            yield issued.get(item.source_id, KNOWN_ALWAYS)


def entry_days(entry: Entry, issued: Mapping[str, KnownDays]) -> KnownDays:
    """When the entry is first certainly and first possibly known.

    ``issued`` is :func:`source_days` of the project. Cheap enough to call per edited
    entry; a change of a source's ``issued`` date changes every entry citing it.
    """
    return _scan(entry, issued)[0]


def _scan(entry: Entry, issued: Mapping[str, KnownDays]) -> tuple[KnownDays, int | None]:
    """The entry's knowledge days, and the latest real day any of its evidence names."""
    evidence = list(evidence_days(entry, issued))
    if entry.known_since is not None:
        evidence.append(date_days(entry.known_since))
    last = max((d for days in evidence for d in days if ALWAYS < d < NEVER), default=None)
    if entry.known_since is not None:
        return evidence[-1], last
    if not evidence:
        return KNOWN_ALWAYS, last
    certain = min(days.certain for days in evidence)
    return KnownDays(certain, min(days.possible for days in evidence)), last


def state_on(days: KnownDays, day: int, end: int | None) -> Known:
    """Known, possibly known or unknown on ``day`` (``end``: :attr:`Knowledge.end`)."""
    if days.certain <= day or (end is not None and day >= end):
        return Known.KNOWN
    if days.possible <= day:
        return Known.POSSIBLY
    return Known.UNKNOWN


def known_from(days: KnownDays, end: int | None) -> int:
    """The first day ``days`` are certainly known (:data:`NEVER` capped at ``end``)."""
    if days.certain == NEVER and end is not None:
        return end
    return days.certain


@dataclass(frozen=True)
class Knowledge:
    """The knowledge days of a project's entries and sources, computed once."""

    #: One per entry, in the project's entry order.
    entries: tuple[KnownDays, ...]
    #: By source id.
    sources: dict[str, KnownDays]
    #: The last knowledge day (None when nothing is dated): everything is known from it.
    end: int | None

    def entry_state(self, number: int, day: int) -> Known:
        """What is known on ``day`` of the entry at position ``number``."""
        return state_on(self.entries[number], day, self.end)

    def state(self, days: KnownDays, day: int) -> Known:
        """What is known on ``day`` of evidence with knowledge days ``days``."""
        return state_on(days, day, self.end)


def _all_days(project: Project, issued: Mapping[str, KnownDays]) -> Iterator[KnownDays]:
    yield from issued.values()
    for entry in project.entries:
        if entry.known_since is not None:
            yield date_days(entry.known_since)
        yield from evidence_days(entry, issued)


def knowledge_dates(project: Project) -> list[int]:
    """Every day on which what is known changes, sorted (with the as-of day).

    A play control steps from the first to the last; the last is :attr:`Knowledge.end`.
    """
    issued = source_days(project)
    found: set[int] = set()
    for days in _all_days(project, issued):
        found.update(d for d in days if d not in (ALWAYS, NEVER))
    as_of = as_of_day(project)
    if as_of is not None:
        found.add(as_of)
    return sorted(found)


def knowledge(project: Project) -> Knowledge:
    """The knowledge days of every entry and source of ``project``."""
    issued = source_days(project)
    lasts = [as_of_day(project)]
    lasts += [d for days in issued.values() for d in days if d not in (ALWAYS, NEVER)]
    entries = []
    with gc_paused():  # 100k small tuples would set off the collector's walks
        for entry in project.entries:
            days, last = _scan(entry, issued)
            entries.append(days)
            lasts.append(last)
    end = max((d for d in lasts if d is not None), default=None)
    return Knowledge(entries=tuple(entries), sources=issued, end=end)


def knowledge_days(project: Project) -> list[KnownDays]:
    """Per entry (in order), the first day it is certainly and possibly known."""
    return list(knowledge(project).entries)
