"""CSV export: one row per entry, in date order.

Columns: id, kind, title, edtf, as_stated, earliest, latest (strict ISO bounds,
empty when open), status, likelihood, confidence, lane, actors, sources (names
joined by "; "). UTF-8 with a byte-order mark, so spreadsheet programs read the
accents right. Every cell a spreadsheet could run as a formula (its first non-space
character ``=``, ``+``, ``-`` or ``@``, or a leading tab or carriage return) gets a
single quote in front (:mod:`timeline_editor.io.csv_cells`); our CSV import removes
exactly that quote again.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from timeline_editor.io.atomic import atomic_write_bytes
from timeline_editor.io.csv_cells import defuse_cell
from timeline_editor.model.edtf import parse_edtf
from timeline_editor.model.entities import Entry, Project

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
    "lane",
    "actors",
    "sources",
)


def safe_cell(text: str) -> str:
    """``text`` made inert for spreadsheets that evaluate formulas."""
    return defuse_cell(text)


def _row(entry: Entry, lookup: Lookup) -> list[str]:
    earliest, latest = iso_bounds(parse_edtf(entry.when.edtf))
    actors = "; ".join(lookup.actor_name(a) for a in entry.actor_ids)
    sources = "; ".join(s.title or s.url or s.id for s in lookup.entry_sources(entry))
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
        lookup.lane_title(entry),
        actors,
        sources,
    ]
    # Every cell, not only free text: a BCE date such as -0044 would otherwise be a number.
    return [defuse_cell(cell) for cell in cells]


def csv_text(project: Project) -> str:
    """The CSV text of a project's entries."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    lookup = Lookup.of(project)
    writer.writerows(_row(entry, lookup) for entry in date_order(project))
    return buffer.getvalue()


def export_csv(project: Project, path: Path) -> None:
    """Write one CSV row per entry."""
    atomic_write_bytes(path, csv_text(project).encode("utf-8-sig"))
