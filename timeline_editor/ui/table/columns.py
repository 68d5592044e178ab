"""The chronology table's columns: what each shows, what it sorts by, what it edits.

Cells are computed on demand from the entry and a :class:`Lookup` of the project's
names (lanes, actors, places, sources), so a table of 100,000 entries costs nothing
until rows are painted. Sorting uses one key per cell (:func:`sort_key`): an int for
columns with an order of their own (date, kind, status, lane order, estimative terms,
source grade) and folded text for the rest; ``None`` is a blank cell, listed last in
either direction.
"""

from __future__ import annotations

from enum import IntEnum
from functools import lru_cache

from timeline_editor.model.date_order import OPEN_END, order_key
from timeline_editor.model.datewords import date_words
from timeline_editor.model.edtf import EdtfError, parse_edtf
from timeline_editor.model.entities import Entry, Project, Source
from timeline_editor.model.queries import cited_source_ids, is_disputed
from timeline_editor.model.quotes import QuoteChecker
from timeline_editor.model.vocab import (
    RELIABILITY_LABELS,
    Confidence,
    EntryKind,
    Likelihood,
    Reliability,
    Status,
    likelihood_label,
)


class Col(IntEnum):
    """The columns, in the order shown."""

    DATE = 0
    AS_STATED = 1
    TITLE = 2
    KIND = 3
    STATUS = 4
    LANE = 5
    ACTORS = 6
    PLACE = 7
    TAGS = 8
    LIKELIHOOD = 9
    CONFIDENCE = 10
    SOURCES = 11
    DISPUTED = 12


HEADERS = (
    "Date", "As stated", "Title", "Kind", "Status", "Lane", "Actors", "Place", "Tags",
    "Likelihood", "Confidence", "Sources", "Disputed",
)  # fmt: skip
HEADER_TIPS = {
    Col.DATE: "The date in words (EDTF on hover); sorts by the earliest possible day",
    Col.AS_STATED: "The source's own wording of the date",
    Col.LANE: "Sort by lane to group the chronology by lane, each lane in date order",
    Col.SOURCES: "How many sources the entry cites, and the best Admiralty grade among them;"
    " ⚠ when a quote is not in its source's stored text",
    Col.DISPUTED: "Live claims both assert and deny the entry",
}
#: Columns edited in the cell (the others are derived or edited in the inspector).
EDITABLE = frozenset(
    {Col.DATE, Col.AS_STATED, Col.TITLE, Col.KIND, Col.STATUS, Col.LANE, Col.TAGS}
    | {Col.LIKELIHOOD, Col.CONFIDENCE}
)
#: Columns whose edit applies to every selected row at once (one undo step).
MULTI_ROW = frozenset({Col.KIND, Col.STATUS, Col.LANE, Col.TAGS, Col.LIKELIHOOD, Col.CONFIDENCE})
#: Columns chosen from a list rather than typed.
CHOICE = frozenset({Col.KIND, Col.STATUS, Col.LANE, Col.LIKELIHOOD, Col.CONFIDENCE})
#: Entry fields each column reads, so that an edit of some fields touches some columns.
FIELDS: dict[Col, frozenset[str]] = {
    Col.DATE: frozenset({"when"}),
    Col.AS_STATED: frozenset({"when"}),
    Col.TITLE: frozenset({"title", "description"}),
    Col.KIND: frozenset({"kind"}),
    Col.STATUS: frozenset({"status", "history"}),
    Col.LANE: frozenset({"lane_id"}),
    Col.ACTORS: frozenset({"actor_ids"}),
    Col.PLACE: frozenset({"place_id"}),
    Col.TAGS: frozenset({"tags"}),
    Col.LIKELIHOOD: frozenset({"likelihood"}),
    Col.CONFIDENCE: frozenset({"confidence"}),
    Col.SOURCES: frozenset({"citations", "claims"}),
    Col.DISPUTED: frozenset({"claims"}),
}
#: Columns that show names from another collection.
REFERENCES: dict[str, frozenset[Col]] = {
    "lanes": frozenset({Col.LANE}),
    "actors": frozenset({Col.ACTORS}),
    "places": frozenset({Col.PLACE}),
    "sources": frozenset({Col.SOURCES}),
}
#: Columns whose keys are text (folded); all others sort by an int.
TEXT_KEYS = frozenset({Col.AS_STATED, Col.TITLE, Col.ACTORS, Col.PLACE, Col.TAGS})
NO_SOURCES = "—"
QUOTE_MISMATCH = " ⚠"

KIND_ORDER = {k: i for i, k in enumerate(EntryKind)}
STATUS_ORDER = {s: i for i, s in enumerate(Status)}
LIKELIHOOD_ORDER = {t: i for i, t in enumerate(Likelihood)}
CONFIDENCE_ORDER = {c: i for i, c in enumerate(Confidence)}
GRADE_ORDER = {g: i for i, g in enumerate(Reliability)}
#: Days are shifted left by this many bits to leave room for the span as a tie-break.
SPAN_BITS = 20
_DAY_LIMIT = 1 << 40
_SPAN_MASK = (1 << SPAN_BITS) - 1


def columns_for(fields: frozenset[str] | set[str] | None) -> frozenset[Col]:
    """The columns an edit of ``fields`` can change (all of them for None)."""
    if fields is None:
        return frozenset(Col)
    return frozenset(col for col, read in FIELDS.items() if read & fields)


class Lookup:
    """Names and grades of the project's lanes, actors, places and sources.

    Each table is rebuilt only when its collection was replaced (an edit of that
    collection), so cells and keys can be computed for every row cheaply.
    """

    def __init__(self) -> None:
        self.lanes: dict[str, str] = {}
        self.lane_order: dict[str, int] = {}
        self.actors: dict[str, str] = {}
        self.places: dict[str, str] = {}
        self.sources: dict[str, Source] = {}
        self.quotes = QuoteChecker(())
        self.as_of: int | None = None
        self._seen: dict[str, object] = {}

    def refresh(self, project: Project) -> set[str]:
        """Follow ``project``; returns the collections whose names changed."""
        changed: set[str] = set()
        for name in ("lanes", "actors", "places", "sources", "as_of"):
            value = getattr(project, name)
            if self._seen.get(name) is not value:
                self._seen[name] = value
                changed.add(name)
        if "lanes" in changed:
            self.lanes = {lane.id: lane.title for lane in project.lanes}
            self.lane_order = {lane.id: i for i, lane in enumerate(project.lanes)}
        if "actors" in changed:
            self.actors = {actor.id: actor.name for actor in project.actors}
        if "places" in changed:
            self.places = {place.id: place.name for place in project.places}
        if "sources" in changed:
            self.sources = {source.id: source for source in project.sources}
            self.quotes = QuoteChecker(project.sources)
        if "as_of" in changed:
            self.as_of = parse_edtf(project.as_of).earliest if project.as_of else None
        return changed

    def grades(self, entry: Entry) -> tuple[int, Reliability | None]:
        """How many sources ``entry`` cites, and the best grade among them."""
        cited = cited_source_ids(entry)
        grades = [self.sources[s].reliability for s in cited if s in self.sources]
        return len(cited), min(grades, default=None)


def _words(term: Likelihood | Confidence | None) -> str:
    return term.value.replace("_", " ") if term is not None else ""


def cell_text(entry: Entry, col: Col, lookup: Lookup) -> str:
    """What a cell shows."""
    match col:
        case Col.DATE:
            return date_words(entry.when.edtf)
        case Col.AS_STATED:
            return entry.when.as_stated
        case Col.TITLE:
            return entry.title
        case Col.KIND:
            return entry.kind.value
        case Col.STATUS:
            return entry.status.value
        case Col.LANE:
            return lookup.lanes.get(entry.lane_id or "", "")
        case Col.ACTORS:
            return "; ".join(lookup.actors.get(a, a) for a in entry.actor_ids)
        case Col.PLACE:
            return lookup.places.get(entry.place_id or "", "")
        case Col.TAGS:
            return ", ".join(entry.tags)
        case Col.LIKELIHOOD:
            return _words(entry.likelihood)
        case Col.CONFIDENCE:
            return _words(entry.confidence)
        case Col.SOURCES:
            count, best = lookup.grades(entry)
            text = f"{count} · {best.value}" if best else (str(count) if count else NO_SOURCES)
            return text + QUOTE_MISMATCH if lookup.quotes.mismatches(entry) else text
    return "disputed" if is_disputed(entry) else ""


def tooltip(entry: Entry, col: Col, lookup: Lookup) -> str | None:
    """The hover text of a cell: the EDTF of a date, a title's description, full words."""
    match col:
        case Col.DATE:
            return f"EDTF: {entry.when.edtf}" if entry.when.edtf else "No date (undated)"
        case Col.TITLE:
            return entry.description[:500] or entry.title or None
        case Col.LIKELIHOOD:
            return likelihood_label(entry.likelihood) if entry.likelihood else "Not assessed"
        case Col.SOURCES:
            count, best = lookup.grades(entry)
            missing = lookup.quotes.mismatches(entry)
            warning = f"\n{missing} quote(s) not in the source's stored text" if missing else ""
            if best is None:
                return (f"Cites {count} sources" if count else "No sources cited") + warning
            grade = f"Cites {count} sources; best: {best.value} ({RELIABILITY_LABELS[best]})"
            return grade + warning
    return cell_text(entry, col, lookup) or None


def edit_value(entry: Entry, col: Col) -> str:
    """The value an editor starts from (EDTF for a date, the id or term for a choice).

    Only the editable columns are asked; any other gives the title.
    """
    match col:
        case Col.DATE:
            return entry.when.edtf
        case Col.KIND:
            return entry.kind.value
        case Col.STATUS:
            return entry.status.value
        case Col.LANE:
            return entry.lane_id or ""
        case Col.LIKELIHOOD:
            return entry.likelihood.value if entry.likelihood else ""
        case Col.CONFIDENCE:
            return entry.confidence.value if entry.confidence else ""
        case Col.TAGS:
            return ", ".join(entry.tags)
        case Col.AS_STATED:
            return entry.when.as_stated
    return entry.title


@lru_cache(maxsize=131072)
def day_key(edtf: str) -> int | None:
    """Sort key of a date: the day it sorts at, then its span; None when undated.

    The rule is :func:`~timeline_editor.model.date_order.order_key`'s, which the exports
    follow too. A timed day takes the largest span, so that it comes after every
    untimed date of its day (its time then breaks the tie: see sort_keys).
    """
    try:
        key = order_key(parse_edtf(edtf))
    except EdtfError:
        return None
    if key is None:
        return None
    low = min(max(key.day, -_DAY_LIMIT), _DAY_LIMIT)
    if key.timed or key.last == OPEN_END:
        span = _SPAN_MASK
    else:
        span = min(max(key.last - low, 0), _SPAN_MASK)
    return (low << SPAN_BITS) | span


def _order_key(col: Col, entry: Entry, lookup: Lookup) -> int | None:
    match col:
        case Col.DATE:
            return day_key(entry.when.edtf)
        case Col.KIND:
            return KIND_ORDER[entry.kind]
        case Col.STATUS:
            return STATUS_ORDER[entry.status]
        case Col.LANE:
            return lookup.lane_order.get(entry.lane_id or "")
        case Col.LIKELIHOOD:
            return LIKELIHOOD_ORDER[entry.likelihood] if entry.likelihood else None
        case Col.CONFIDENCE:
            return CONFIDENCE_ORDER[entry.confidence] if entry.confidence else None
        case Col.SOURCES:
            # The best grade first, then more sources before fewer.
            count, best = lookup.grades(entry)
            if not count:
                return None
            grade = GRADE_ORDER[best] if best is not None else len(GRADE_ORDER)
            return grade * 1_000_000 + (999_999 - min(count, 999_999))
    return 0 if is_disputed(entry) else 1


def sort_key(entry: Entry, col: Col, lookup: Lookup) -> int | str | None:
    """The key a cell sorts by; None is a blank cell (listed last)."""
    if col in TEXT_KEYS:
        return cell_text(entry, col, lookup).casefold()[:200] or None
    return _order_key(col, entry, lookup)
