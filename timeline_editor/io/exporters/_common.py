"""Helpers shared by the text exporters: date order, look-ups and labels."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from timeline_editor.model.date_order import OrderKey, order_key
from timeline_editor.model.datewords import date_words
from timeline_editor.model.daynum import format_day
from timeline_editor.model.edtf import ParsedDate, parse_edtf
from timeline_editor.model.entities import Actor, Entry, Era, Lane, Place, Project, Source
from timeline_editor.model.queries import cited_source_ids
from timeline_editor.model.vocab import RELIABILITY_LABELS


def date_order(project: Project) -> list[Entry]:
    """Entries in chronology order (the table's: see ``model.date_order``); undated last.

    Ties keep project order.
    """

    def key(item: tuple[int, Entry]) -> tuple[bool, OrderKey, int]:
        found = order_key(parse_edtf(item[1].when.edtf))
        return (found is None, found or _UNDATED, item[0])

    return [entry for _, entry in sorted(enumerate(project.entries), key=key)]


_UNDATED = OrderKey(0, False, 0, 0)


def left_out(
    items: Sequence[Entry | Era], what: str, nouns: tuple[str, str] = ("entry", "entries")
) -> str:
    """'left out 2 undated entries: “A”, “B”' for an exporter's notes (three titles at most).

    ``what`` goes before the noun ('undated') or, starting with a space, after it
    (' that are not meetings or deadlines').
    """
    count = len(items)
    noun = nouns[0] if count == 1 else nouns[1]
    if what.startswith(" "):
        head = f"left out {count} {noun}{what}"
    else:
        head = f"left out {count} {what} {noun}"
    titles = ", ".join(f"“{item.title or '(untitled)'}”" for item in items[:3])
    more = f" and {count - 3} more" if count > 3 else ""
    return f"{head}: {titles}{more}"


def iso_bounds(parsed: ParsedDate) -> tuple[str, str]:
    """Strict (earliest, latest) as ISO days; '' for an unbounded end."""
    first = format_day(parsed.earliest) if parsed.earliest is not None else ""
    last = format_day(parsed.latest) if parsed.latest is not None else ""
    return first, last


@dataclass(frozen=True)
class Lookup:
    """Ids to objects for one project."""

    sources: dict[str, Source]
    actors: dict[str, Actor]
    lanes: dict[str, Lane]
    places: dict[str, Place] = field(default_factory=dict)

    @classmethod
    def of(cls, project: Project) -> Lookup:
        """Build the look-up tables of ``project``."""
        return cls(
            {s.id: s for s in project.sources},
            {a.id: a for a in project.actors},
            {lane.id: lane for lane in project.lanes},
            {place.id: place for place in project.places},
        )

    def actor_name(self, ident: str | None) -> str:
        """The actor's name, or the id when unknown, or 'unattributed'."""
        if ident is None:
            return "unattributed"
        actor = self.actors.get(ident)
        return actor.name if actor else ident

    def lane_title(self, entry: Entry) -> str:
        """Title of the entry's lane, or ''."""
        lane = self.lanes.get(entry.lane_id or "")
        return lane.title if lane else ""

    def place_name(self, entry: Entry) -> str:
        """Name of the entry's place, or ''."""
        place = self.places.get(entry.place_id or "")
        return place.name if place else ""

    def entry_sources(self, entry: Entry) -> list[Source]:
        """Sources the entry cites, in library order."""
        ids = cited_source_ids(entry)
        return [s for s in self.sources.values() if s.id in ids]


def source_text(source: Source) -> str:
    """One line naming a source: title, outlet, authors, date, URL."""
    parts = [source.title or "(untitled)"]
    parts.extend(p for p in (source.container_title, source.publisher) if p)
    if source.author:
        parts.append(", ".join(source.author))
    if source.issued:
        parts.append(date_words(source.issued))
    text = ", ".join(parts)
    return f"{text} <{source.url}>" if source.url else text


def grade_text(source: Source) -> str:
    """'B (usually reliable)' for a source's Admiralty grade."""
    return f"{source.reliability.value} ({RELIABILITY_LABELS[source.reliability]})"
