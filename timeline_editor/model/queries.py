"""Derived facts about entries: disputed, planned, sourced, dated."""

from __future__ import annotations

from collections.abc import Sequence

from .edtf import ParsedDate, parse_edtf
from .entities import Claim, Entry, Project, Source
from .vocab import DEAD_STATUSES, Reliability, Stance


def live_stances(entry: Entry) -> set[Stance]:
    """Stances of the entry's claims that have not been retracted."""
    return {claim.stance for claim in entry.claims if not claim.retracted}


def is_disputed(entry: Entry) -> bool:
    """True when live claims both assert and deny the entry."""
    return claims_disagree(entry.claims)


def claims_disagree(claims: Sequence[Claim]) -> bool:
    """True when live claims among ``claims`` both assert and deny."""
    stances = {claim.stance for claim in claims if not claim.retracted}
    return Stance.ASSERTS in stances and Stance.DENIES in stances


def parsed_when(entry: Entry) -> ParsedDate:
    """The entry's parsed date (cached by the parser)."""
    return parse_edtf(entry.when.edtf)


def is_undated(entry: Entry) -> bool:
    """True when the entry has no date at all (the empty EDTF text; nothing else parses so)."""
    return not entry.when.edtf


def is_dead(entry: Entry) -> bool:
    """True for cancelled or lapsed entries."""
    return entry.status in DEAD_STATUSES


def as_of_day(project: Project) -> int | None:
    """The as-of date as a day number, or None when not set."""
    if not project.as_of:
        return None
    return parse_edtf(project.as_of).earliest


def is_planned(entry: Entry, as_of: int | None) -> bool:
    """True when the entry can only start after the as-of date."""
    if as_of is None:
        return False
    earliest = parsed_when(entry).earliest
    return earliest is not None and earliest > as_of


def cited_source_ids(entry: Entry) -> set[str]:
    """Every source the entry cites, directly or through a claim."""
    ids = {c.source_id for c in entry.citations}
    ids.update(c.citation.source_id for c in entry.claims if c.citation is not None)
    return ids


def best_reliability(entry: Entry, sources: dict[str, Source]) -> Reliability | None:
    """The best Admiralty grade among the entry's sources (A best), or None."""
    grades = [sources[s].reliability for s in cited_source_ids(entry) if s in sources]
    return min(grades, default=None)


def entries_citing(project: Project, source_id: str) -> list[Entry]:
    """Entries that cite a source directly or through a claim."""
    return [e for e in project.entries if source_id in cited_source_ids(e)]
