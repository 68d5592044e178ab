"""CSV export: one row per entry, in date order.

Columns (:data:`COLUMNS`): id, kind, title, edtf, as_stated, earliest, latest (strict
ISO bounds, empty when open), status, likelihood, confidence, disputed ("yes" when
live claims disagree), lane, actors, place, tags, description, citations (how many
citations the entry and its claims hold) and sources (the cited sources' titles, or
their links when untitled, in the order cited). Actors, tags and sources are lists in
one cell, joined by ``; ``; a ``;`` inside a name is written twice
(:func:`~timeline_editor.io.csv_cells.join_list`).
UTF-8 with a byte-order mark, so spreadsheet programs read the accents right.

Every cell a spreadsheet could run as a formula (its first non-space character ``=``,
``+``, ``-`` or ``@``, or a leading tab or carriage return) gets a single quote in
front (:mod:`timeline_editor.io.csv_cells`); our CSV import removes exactly that quote
again. That import reads this table back (see :mod:`..importers.csv_import`): earliest,
latest, disputed and citations are worked out from the project, so it does not read
them.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from timeline_editor.io.atomic import atomic_write_bytes
from timeline_editor.io.csv_cells import defuse_cell, join_list
from timeline_editor.model.edtf import parse_edtf
from timeline_editor.model.entities import Entry, Project, Source
from timeline_editor.model.queries import is_disputed

from ._common import Lookup, date_order, iso_bounds

COLUMNS = (
    "id",
    "kind",
    "title",
    "edtf",
    "as_stated",
    "earliest",
    "latest",
    "status",
    "likelihood",
    "confidence",
    "disputed",
    "lane",
    "actors",
    "place",
    "tags",
    "description",
    "citations",
    "sources",
)
#: The columns worked out from the project, which an import does not read back.
DERIVED_COLUMNS = ("earliest", "latest", "disputed", "citations")


def safe_cell(text: str) -> str:
    """``text`` made inert for spreadsheets that evaluate formulas."""
    return defuse_cell(text)


def citation_count(entry: Entry) -> int:
    """The citations an entry holds, its own and its claims'."""
    return len(entry.citations) + sum(1 for c in entry.claims if c.citation is not None)


def _cited_sources(entry: Entry, lookup: Lookup) -> list[Source]:
    """The sources an entry cites, in the order of its citations (then its claims')."""
    cited = [c.source_id for c in entry.citations]
    cited += [c.citation.source_id for c in entry.claims if c.citation is not None]
    found = (lookup.sources.get(ident) for ident in dict.fromkeys(cited))
    return [source for source in found if source is not None]


def _row(entry: Entry, lookup: Lookup, places: dict[str, str]) -> list[str]:
    earliest, latest = iso_bounds(parse_edtf(entry.when.edtf))
    sources = (s.title or s.url or s.id for s in _cited_sources(entry, lookup))
    cells = [
        entry.id,
        entry.kind.value,
        entry.title,
        entry.when.edtf,
        entry.when.as_stated,
        earliest,
        latest,
        entry.status.value,
        entry.likelihood.value if entry.likelihood else "",
        entry.confidence.value if entry.confidence else "",
        "yes" if is_disputed(entry) else "",
        lookup.lane_title(entry),
        join_list(lookup.actor_name(a) for a in entry.actor_ids),
        places.get(entry.place_id or "", entry.place_id or ""),
        join_list(entry.tags),
        entry.description,
        str(citation_count(entry)),
        join_list(sources),
    ]
    # Every cell, not only free text: a BCE date such as -0044 would otherwise be a number.
    return [defuse_cell(cell) for cell in cells]


def csv_text(project: Project) -> str:
    """The CSV text of a project's entries."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    lookup = Lookup.of(project)
    places = {place.id: place.name for place in project.places}
    writer.writerows(_row(entry, lookup, places) for entry in date_order(project))
    return buffer.getvalue()


def export_csv(project: Project, path: Path) -> None:
    """Write one CSV row per entry."""
    atomic_write_bytes(path, csv_text(project).encode("utf-8-sig"))
