"""Checks that span objects: duplicate ids and references to missing things.

Field-level checks (types, EDTF, interval order) live on the models; these run on a
whole project and name each problem's place the way a reader of the JSON file
would look for it, e.g. ``entries[12].citations[0].source_id``.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator, Mapping
from dataclasses import dataclass

from .entities import COLLECTIONS, Citation, Claim, Entry, Project


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a project, at a place in the file."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


def format_loc(loc: Iterable[int | str]) -> str:
    """Turn a pydantic error location into ``entries[12].when.edtf``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _duplicate_ids(project: Project) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    for name in COLLECTIONS:
        for index, item in enumerate(getattr(project, name)):
            here = f"{name}[{index}].id"
            ident = item.id
            if ident in seen:
                yield Problem(here, f"duplicate id '{ident}' (first used at {seen[ident]})")
            else:
                seen[ident] = here


def _citation_problems(
    where: str, citation: Citation, sources: Container[str]
) -> Iterator[Problem]:
    if citation.source_id not in sources:
        yield Problem(f"{where}.source_id", f"no source with id '{citation.source_id}'")


def _claim_problems(
    where: str, claim: Claim, sources: Container[str], actors: Container[str]
) -> Iterator[Problem]:
    if claim.speaker_id is not None and claim.speaker_id not in actors:
        yield Problem(f"{where}.speaker_id", f"no actor with id '{claim.speaker_id}'")
    if claim.citation is not None:
        yield from _citation_problems(f"{where}.citation", claim.citation, sources)


def entry_problems(
    where: str, entry: Entry, ids: Mapping[str, Container[str]]
) -> Iterator[Problem]:
    """References of one entry that point nowhere."""
    if entry.lane_id is not None and entry.lane_id not in ids["lanes"]:
        yield Problem(f"{where}.lane_id", f"no lane with id '{entry.lane_id}'")
    if entry.place_id is not None and entry.place_id not in ids["places"]:
        yield Problem(f"{where}.place_id", f"no place with id '{entry.place_id}'")
    for i, actor in enumerate(entry.actor_ids):
        if actor not in ids["actors"]:
            yield Problem(f"{where}.actor_ids[{i}]", f"no actor with id '{actor}'")
    for i, citation in enumerate(entry.citations):
        yield from _citation_problems(f"{where}.citations[{i}]", citation, ids["sources"])
    for i, claim in enumerate(entry.claims):
        yield from _claim_problems(f"{where}.claims[{i}]", claim, ids["sources"], ids["actors"])
    for i, item in enumerate(entry.history):
        if item.source_id is not None and item.source_id not in ids["sources"]:
            yield Problem(
                f"{where}.history[{i}].source_id", f"no source with id '{item.source_id}'"
            )


def collection_ids(project: Project) -> dict[str, set[str]]:
    """The ids of every collection, by collection name."""
    return {name: {x.id for x in getattr(project, name)} for name in COLLECTIONS}


def _ids_unique(project: Project, ids: Mapping[str, set[str]]) -> bool:
    """True when no id occurs twice, within or across collections."""
    if any(len(ids[name]) != len(getattr(project, name)) for name in COLLECTIONS):
        return False
    sets = list(ids.values())
    # isdisjoint walks the smaller set, so this costs about the small collections' size.
    return all(a.isdisjoint(b) for i, a in enumerate(sets) for b in sets[i + 1 :])


def _claims_resolve(
    claims: Iterable[Claim], sources: Container[str], actors: Container[str]
) -> bool:
    for claim in claims:
        if claim.speaker_id is not None and claim.speaker_id not in actors:
            return False
        if claim.citation is not None and claim.citation.source_id not in sources:
            return False
    return True


def _entry_resolves(
    entry: Entry, lanes: set[str], places: set[str], actors: set[str], sources: set[str]
) -> bool:
    # Plain loops and early outs: this runs once per entry on every load, and a
    # generator per entry (any(...)) would cost more than the checks themselves.
    lane, place = entry.lane_id, entry.place_id
    if (lane is not None and lane not in lanes) or (place is not None and place not in places):
        return False
    if entry.actor_ids and not actors.issuperset(entry.actor_ids):
        return False
    for citation in entry.citations:
        if citation.source_id not in sources:
            return False
    if entry.claims and not _claims_resolve(entry.claims, sources, actors):
        return False
    for item in entry.history:
        if item.source_id is not None and item.source_id not in sources:
            return False
    return True


def _references_resolve(project: Project, ids: dict[str, set[str]]) -> bool:
    """True when every reference points to something (no messages: the quick pass).

    Fills ``ids["entries"]`` on the way: the entries are the bulk of a project, and
    walking them once instead of twice saves a third of this pass.
    """
    lanes, places, actors, sources = ids["lanes"], ids["places"], ids["actors"], ids["sources"]
    add_entry_id = ids["entries"].add
    ok = True
    for entry in project.entries:
        add_entry_id(entry.id)
        if ok and not _entry_resolves(entry, lanes, places, actors, sources):
            ok = False
    return ok and all(
        a.affiliation_id is None or a.affiliation_id in actors for a in project.actors
    )


def project_is_sound(project: Project) -> bool:
    """True when the project has no cross-object problem (faster than finding them)."""
    ids: dict[str, set[str]] = {
        name: {x.id for x in getattr(project, name)} for name in COLLECTIONS if name != "entries"
    }
    ids["entries"] = set()
    return _references_resolve(project, ids) and _ids_unique(project, ids)


def project_problems(project: Project, limit: int = 1000) -> list[Problem]:
    """Every cross-object problem of a project, at most ``limit`` of them."""
    if project_is_sound(project):
        return []  # the common case, found without building a place name per item
    problems: list[Problem] = []
    ids = collection_ids(project)
    checks: list[Iterable[Problem]] = [_duplicate_ids(project)]
    checks.extend(entry_problems(f"entries[{i}]", e, ids) for i, e in enumerate(project.entries))
    for i, actor in enumerate(project.actors):
        if actor.affiliation_id is not None and actor.affiliation_id not in ids["actors"]:
            checks.append(
                [
                    Problem(
                        f"actors[{i}].affiliation_id", f"no actor with id '{actor.affiliation_id}'"
                    )
                ]
            )
    for check in checks:
        for problem in check:
            problems.append(problem)
            if len(problems) >= limit:
                return problems
    return problems
