"""Entries on the clipboard: JSON out, fresh copies in.

Pasted entries get new ids (their citations and claims too) so that pasting twice, or
into the project they came from, never clashes. References to lanes, actors, places
and sources the target project does not have are dropped, because a pasted entry must
not point at nothing. A date counted from another entry keeps its anchor (a copy pasted
into the same project counts from the same entry), or, when the anchor is pasted with
it, counts from the anchor's copy; an anchor that is not there is "gone".
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from pydantic import ValidationError

from timeline_editor.model.entities import Claim, CollectionName, Entry, Project, new_id
from timeline_editor.model.integrity import format_loc
from timeline_editor.model.references import without_references
from timeline_editor.model.relative_dates import relinked

MIME_TYPE = "application/x-timeline-editor-entries"
CLIP_FORMAT = "timeline-editor/entries"
MAX_PASTE = 100_000


class ClipboardError(ValueError):
    """Clipboard text that is not a list of entries."""


def entries_to_json(entries: Sequence[Entry]) -> str:
    """Clipboard text for ``entries``."""
    payload = {"format": CLIP_FORMAT, "entries": [e.model_dump(mode="json") for e in entries]}
    return json.dumps(payload, indent=2, ensure_ascii=False)


def _fresh_claim(claim: Claim) -> Claim:
    update: dict[str, object] = {"id": new_id()}
    if claim.citation is not None:
        update["citation"] = claim.citation.model_copy(update={"id": new_id()})
    return claim.model_copy(update=update)


def fresh_copy(entry: Entry) -> Entry:
    """A copy of ``entry`` with new ids for it, its citations and its claims."""
    return entry.model_copy(
        update={
            "id": new_id(),
            "citations": tuple(c.model_copy(update={"id": new_id()}) for c in entry.citations),
            "claims": tuple(_fresh_claim(c) for c in entry.claims),
        }
    )


def _fit_to(entry: Entry, project: Project) -> Entry:
    known = {
        "lanes": {x.id for x in project.lanes},
        "actors": {x.id for x in project.actors},
        "places": {x.id for x in project.places},
        "sources": {x.id for x in project.sources},
    }
    speakers = [c.speaker_id for c in entry.claims]
    claim_sources = [c.citation.source_id for c in entry.claims if c.citation is not None]
    history_sources = [h.source_id for h in entry.history]
    refs: dict[CollectionName, set[str | None]] = {
        "lanes": {entry.lane_id},
        "places": {entry.place_id},
        "actors": {*entry.actor_ids, *speakers},
        "sources": {*(c.source_id for c in entry.citations), *claim_sources, *history_sources},
    }
    for collection, ids in refs.items():
        missing = {i for i in ids if i is not None} - known[collection]
        if missing:
            entry = without_references(entry, collection, missing)
    return entry


def entries_from_json(text: str, project: Project) -> list[Entry]:
    """Fresh entries from clipboard text, fitted to ``project``; raises ClipboardError."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # deep nesting from another program is not ours
        raise ClipboardError("the clipboard holds no timeline entries") from None
    if not isinstance(data, dict) or data.get("format") != CLIP_FORMAT:
        raise ClipboardError("the clipboard holds no timeline entries")
    raw = data.get("entries")
    if not isinstance(raw, list) or len(raw) > MAX_PASTE:
        raise ClipboardError("the clipboard's entry list is missing or too long")
    entries: list[Entry] = []
    for index, item in enumerate(raw):
        try:
            entries.append(Entry.model_validate(item))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = format_loc(("entries", index, *first["loc"]))
            raise ClipboardError(f"{where}: {first['msg']}") from None
    fresh = [fresh_copy(e) for e in entries]
    # An entry counted from another pasted with it counts from that one's copy.
    renamed = {old.id: new.id for old, new in zip(entries, fresh, strict=True)}
    return [_fit_to(relinked(e, renamed), project) for e in fresh]
