"""Finding and removing references to sources, actors, lanes and places in entries."""

from __future__ import annotations

from collections.abc import Collection

from .entities import Claim, CollectionName, Entry, Project


def _strip_claim(claim: Claim, collection: CollectionName, ids: Collection[str]) -> Claim:
    update: dict[str, object] = {}
    if collection == "actors" and claim.speaker_id in ids:
        update["speaker_id"] = None
    if collection == "sources" and claim.citation is not None and claim.citation.source_id in ids:
        update["citation"] = None
    return claim.model_copy(update=update) if update else claim


def without_references(entry: Entry, collection: CollectionName, ids: Collection[str]) -> Entry:
    """The entry with every reference to ``ids`` of ``collection`` removed."""
    update: dict[str, object] = {}
    if collection == "sources":
        update["citations"] = tuple(c for c in entry.citations if c.source_id not in ids)
        update["history"] = tuple(
            h.model_copy(update={"source_id": None}) if h.source_id in ids else h
            for h in entry.history
        )
    elif collection == "actors":
        update["actor_ids"] = tuple(a for a in entry.actor_ids if a not in ids)
    elif collection == "lanes" and entry.lane_id in ids:
        update["lane_id"] = None
    elif collection == "places" and entry.place_id in ids:
        update["place_id"] = None
    if collection in ("sources", "actors"):
        update["claims"] = tuple(_strip_claim(c, collection, ids) for c in entry.claims)
    changed = entry.model_copy(update=update)
    return entry if changed == entry else changed


def affected_entries(
    project: Project, collection: CollectionName, ids: Collection[str]
) -> list[Entry]:
    """Entries that would change if ``ids`` were deleted from ``collection``."""
    if collection == "entries":
        return []
    return [e for e in project.entries if without_references(e, collection, ids) is not e]
