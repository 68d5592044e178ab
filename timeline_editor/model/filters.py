"""Which entries to show: the filter panel's criteria and the find bar's text search.

Pure Python so that the same filter applies to the canvas, the list view and exports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .entities import Entry, Project, Source
from .queries import best_reliability, cited_source_ids, is_disputed, parsed_when
from .vocab import NO_LANE, EntryKind, Reliability, Status

EntryPredicate = Callable[[Entry], bool]


@dataclass(frozen=True)
class EntryFilter:
    """Criteria an entry must all meet; an empty set or None means "any"."""

    lane_ids: frozenset[str] = field(default_factory=frozenset)
    kinds: frozenset[EntryKind] = field(default_factory=frozenset)
    statuses: frozenset[Status] = field(default_factory=frozenset)
    tags: frozenset[str] = field(default_factory=frozenset)
    actor_ids: frozenset[str] = field(default_factory=frozenset)
    start_day: int | None = None
    end_day: int | None = None
    min_reliability: Reliability | None = None
    disputed_only: bool = False
    unsourced_only: bool = False

    def is_empty(self) -> bool:
        """True when the filter lets every entry through."""
        return self == EntryFilter()

    def matches(self, entry: Entry, project: Project) -> bool:
        """True when ``entry`` of ``project`` meets every criterion."""
        return self._matches(entry, {s.id: s for s in project.sources})

    def bind(self, get_project: Callable[[], Project]) -> EntryPredicate:
        """A fast predicate over entries of the project ``get_project`` returns.

        The source table is rebuilt only when the project's sources change, so the
        predicate can be called for every entry of a large project.
        """
        cache: dict[str, object] = {}

        def predicate(entry: Entry) -> bool:
            sources = get_project().sources
            if cache.get("key") is not sources:
                cache["key"] = sources
                cache["table"] = {s.id: s for s in sources}
            table = cache["table"]
            assert isinstance(table, dict)
            return self._matches(entry, table)

        return predicate

    def _matches(self, entry: Entry, sources: dict[str, Source]) -> bool:
        if self.kinds and entry.kind not in self.kinds:
            return False
        if self.statuses and entry.status not in self.statuses:
            return False
        if self.lane_ids and (entry.lane_id or NO_LANE) not in self.lane_ids:
            return False
        if self.tags and not self.tags.intersection(entry.tags):
            return False
        if self.actor_ids and not self._actors_match(entry):
            return False
        if self.disputed_only and not is_disputed(entry):
            return False
        if self.unsourced_only and cited_source_ids(entry):
            return False
        return self._dates_match(entry) and self._reliability_matches(entry, sources)

    def _actors_match(self, entry: Entry) -> bool:
        speakers = {c.speaker_id for c in entry.claims if c.speaker_id}
        return bool(self.actor_ids.intersection(entry.actor_ids) or self.actor_ids & speakers)

    def _dates_match(self, entry: Entry) -> bool:
        if self.start_day is None and self.end_day is None:
            return True
        parsed = parsed_when(entry)
        if parsed.earliest is None and parsed.latest is None:
            return False  # undated entries have no place in a date range
        # Overlap test; an open end reaches as far as it needs to.
        ends_before = (
            self.start_day is not None
            and parsed.latest is not None
            and parsed.latest < self.start_day
        )
        starts_after = (
            self.end_day is not None
            and parsed.earliest is not None
            and parsed.earliest > self.end_day
        )
        return not (ends_before or starts_after)

    def _reliability_matches(self, entry: Entry, sources: dict[str, Source]) -> bool:
        if self.min_reliability is None:
            return True
        best = best_reliability(entry, sources)
        # Grades sort A < B < ... < F, and A is the best.
        return best is not None and best <= self.min_reliability


def filtered_project(project: Project, predicate: EntryPredicate | None) -> Project:
    """A copy of ``project`` holding only the entries ``predicate`` accepts."""
    if predicate is None:
        return project
    return project.model_copy(update={"entries": tuple(filter(predicate, project.entries))})


def _haystack(entry: Entry, names: dict[str, str]) -> str:
    parts: list[str] = [entry.title, entry.description, entry.when.as_stated]
    parts.extend(c.quote for c in entry.citations)
    for claim in entry.claims:
        parts.append(claim.text)
        if claim.citation is not None:
            parts.append(claim.citation.quote)
        if claim.speaker_id:
            parts.append(names.get(claim.speaker_id, ""))
    parts.extend(names.get(a, "") for a in entry.actor_ids)
    if entry.place_id:
        parts.append(names.get(entry.place_id, ""))
    return "\n".join(parts).casefold()


def find_entries(project: Project, text: str, entries: Iterable[Entry] | None = None) -> list[str]:
    """Ids of entries whose title, description, quotes, actors or place contain ``text``.

    Case-insensitive; hits come in chronological order (undated ones last), which is
    the order "Find next" walks them.
    """
    needle = text.strip().casefold()
    if not needle:
        return []
    names = {a.id: a.name for a in project.actors} | {p.id: p.name for p in project.places}
    pool = project.entries if entries is None else entries
    hits = [e for e in pool if needle in _haystack(e, names)]
    return [e.id for e in sorted(hits, key=_chronological_key)]


def _chronological_key(entry: Entry) -> tuple[int, int, str]:
    earliest = parsed_when(entry).earliest
    return (0, earliest, entry.title) if earliest is not None else (1, 0, entry.title)
