"""Synthetic but realistic projects for benchmarks: mixed date shapes, citations, claims."""

from __future__ import annotations

import random
import uuid

from timeline_editor.model.entities import (
    Actor,
    Citation,
    Claim,
    DateValue,
    Entry,
    HistoryItem,
    Lane,
    Place,
    Project,
    Source,
)
from timeline_editor.model.vocab import EntryKind, Stance, Status

#: The vocabulary of synthetic titles and texts (the import benchmark uses it too).
WORDS = [
    "talks",
    "ceasefire",
    "border",
    "meeting",
    "summit",
    "ministers",
    "envoy",
    "statement",
    "agreement",
    "route",
    "corridor",
    "delegation",
    "sidelines",
    "trilateral",
    "hotline",
    "prisoners",
    "demarcation",
    "visit",
    "call",
]


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _date(rng: random.Random) -> DateValue:
    """One of the date shapes a chronology really holds, with its wording."""
    y, m, d = rng.randint(1990, 2030), rng.randint(1, 12), rng.randint(1, 28)
    shape = rng.random()
    if shape < 0.45:
        return DateValue(edtf=f"{y}-{m:02d}-{d:02d}", as_stated=f"on {d} {m}/{y}")
    if shape < 0.60:
        return DateValue(edtf=f"{y}-{m:02d}", as_stated="that month")
    if shape < 0.68:
        return DateValue(edtf=f"{y}-{m:02d}-{d:02d}~", as_stated="around then")
    if shape < 0.72:
        return DateValue(edtf=f"{y}?", as_stated="possibly that year")
    if shape < 0.84:
        return DateValue(edtf=f"{y}-{m:02d}-{d:02d}/{y + 1}-{m:02d}", as_stated="for a year")
    if shape < 0.88:
        return DateValue(edtf=f"{y}-{m:02d}-{d:02d}/..", as_stated="since then")
    if shape < 0.94:
        return DateValue(edtf=f"[{y}-{m:02d}..{y + 3}-{m:02d}]", as_stated="within 3 years")
    return DateValue(edtf="", as_stated="date not specified")


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def _citation(rng: random.Random, sources: list[str]) -> Citation:
    return Citation(
        id=_uuid(rng),
        source_id=rng.choice(sources),
        quote=_text(rng, rng.randint(6, 20)).capitalize() + ".",
        locator=f"para. {rng.randint(1, 30)}",
        credibility=rng.randint(1, 6),
    )


def _claims(rng: random.Random, actors: list[str], sources: list[str]) -> tuple[Claim, ...]:
    stances = [Stance.ASSERTS, rng.choice([Stance.DENIES, Stance.HEDGES, Stance.ASSERTS])]
    return tuple(
        Claim(
            id=_uuid(rng),
            speaker_id=rng.choice(actors),
            stance=stance,
            text=_text(rng, 8),
            said=_date(rng),
            citation=_citation(rng, sources),
        )
        for stance in stances
    )


def _entry(rng: random.Random, refs: dict[str, list[str]]) -> Entry:
    claims = _claims(rng, refs["actors"], refs["sources"]) if rng.random() < 0.1 else ()
    history: tuple[HistoryItem, ...] = ()
    if rng.random() < 0.05:
        history = (HistoryItem(field="status", old="proposed", new="scheduled"),)
    return Entry(
        id=_uuid(rng),
        kind=rng.choice(list(EntryKind)),
        title=_text(rng, rng.randint(3, 8)).capitalize(),
        when=_date(rng),
        status=rng.choice(list(Status)),
        history=history,
        description=_text(rng, rng.randint(0, 25)),
        lane_id=rng.choice(refs["lanes"]),
        actor_ids=tuple(rng.sample(refs["actors"], rng.randint(0, 3))),
        place_id=rng.choice(refs["places"]) if rng.random() < 0.5 else None,
        tags=tuple(rng.sample(WORDS, rng.randint(0, 2))),
        citations=tuple(_citation(rng, refs["sources"]) for _ in range(rng.randint(1, 2))),
        claims=claims,
    )


def make_project(entries: int, seed: int = 1) -> Project:
    """A project with ``entries`` entries and proportionate actors, sources and places."""
    rng = random.Random(seed)
    sources = [
        Source(id=_uuid(rng), title=_text(rng, 5), URL=f"https://example.org/{i}")
        for i in range(max(10, entries // 100))
    ]
    actors = [Actor(id=_uuid(rng), name=f"Actor {i}") for i in range(max(10, entries // 500))]
    places = [Place(id=_uuid(rng), name=f"Place {i}") for i in range(50)]
    lanes = [Lane(id=_uuid(rng), title=f"Lane {i}") for i in range(8)]
    refs = {
        "sources": [s.id for s in sources],
        "actors": [a.id for a in actors],
        "places": [p.id for p in places],
        "lanes": [lane.id for lane in lanes],
    }
    return Project(
        id=_uuid(rng),
        title=f"Synthetic chronology of {entries} entries",
        as_of="2021-11-20",
        entries=tuple(_entry(rng, refs) for _ in range(entries)),
        sources=tuple(sources),
        actors=tuple(actors),
        places=tuple(places),
        lanes=tuple(lanes),
    )
