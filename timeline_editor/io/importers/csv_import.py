"""Import a generic CSV table with a column mapping, and our own CSV export.

The mapping (:class:`CsvMapping`) names the column of each field; a field not named is
looked for under common header names (case-insensitive, :data:`GUESSES`), e.g.
"date"/"start"/"edtf", "title"/"headline". Dates may be EDTF or any written form the
shared reader takes; numeric dates are read day-first or month-first as the column
shows or as asked (:mod:`.csv_dates`). The delimiter is sniffed unless given, the
encoding detected unless given (both reported).

**Our own CSV** (a header with id, kind, edtf, status, earliest and latest, as
:mod:`timeline_editor.io.exporters.csv_export` writes it) reads back as it was written:
ids, kinds, statuses, likelihood, confidence, the exact EDTF and wording, lane,
actors, place, tags in their order, description, and the sources by title (a source
that had only a link comes back with that link). Text cells are taken exactly, and list
cells split as the export joins them. The columns earliest, latest, disputed and
citations are worked out from the project when exporting, so they are not read: a
note says so, and nothing else. Lanes are matched by title ignoring case and spaces
around it, as in every import.

**Nothing dropped silently:** a column no field takes is reported with how many rows
had a value in it; a value that is not a kind, status, likelihood or confidence is
reported and the field left at its default; a date that cannot be read leaves the
entry undated with the text as its wording, reported.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from timeline_editor.io.csv_cells import split_list
from timeline_editor.model.urls import is_web_url
from timeline_editor.model.vocab import Confidence, EntryKind, Likelihood, Status
from timeline_editor.model.written_dates import WrittenDate, WrittenDateError

from ._common import (
    MAX_RECORDS,
    NO_CONTROL,
    UNDATED,
    ImportControl,
    ImportFileError,
    ImportReport,
    ImportResult,
    ProjectBuilder,
    join_interval,
)
from ._text import decode, read_bytes, read_rows, sniff_delimiter
from .csv_dates import DateOrder, decide_order, read_cell

GUESSES: dict[str, tuple[str, ...]] = {
    "date": ("date", "start", "start date", "when", "year", "edtf"),
    "end": ("end", "end date", "until"),
    "wording": ("as_stated", "as stated", "wording", "date as stated"),
    "title": ("title", "headline", "event", "name", "summary"),
    "description": ("description", "text", "details", "notes"),
    "kind": ("kind",),
    "status": ("status",),
    "lane": ("lane", "group", "category", "theme"),
    "actors": ("actors", "actor", "who"),
    "place": ("place", "location", "where"),
    "tags": ("tags", "keywords"),
    "url": ("url", "source", "link", "source url", "media"),
    "sources": ("sources",),
    "likelihood": ("likelihood",),
    "confidence": ("confidence",),
    "id": ("id",),
}
#: The header that marks a table as our own export.
OWN_COLUMNS = frozenset({"id", "kind", "edtf", "status", "earliest", "latest"})
#: Columns of our own export that are worked out from the project: not read back.
DERIVED_COLUMNS = ("earliest", "latest", "disputed", "citations")
CHOICES: dict[str, type[StrEnum]] = {
    "kind": EntryKind,
    "status": Status,
    "likelihood": Likelihood,
    "confidence": Confidence,
}


@dataclass(frozen=True)
class CsvMapping:
    """Which column holds what; None = look for a usual header name, "" = none."""

    date: str | None = None
    end: str | None = None
    wording: str | None = None
    title: str | None = None
    description: str | None = None
    kind: str | None = None
    status: str | None = None
    lane: str | None = None
    actors: str | None = None
    place: str | None = None
    tags: str | None = None
    url: str | None = None
    sources: str | None = None
    likelihood: str | None = None
    confidence: str | None = None
    id: str | None = None


def _resolve(mapping: CsvMapping, header: list[str]) -> dict[str, str]:
    """Field -> column; ImportFileError when a named column is missing."""
    by_fold = {h.casefold(): h for h in header}
    found: dict[str, str] = {}
    for spec in fields(mapping):
        wanted = getattr(mapping, spec.name)
        if wanted == "":
            continue  # explicitly "no column": do not guess one either
        if wanted is not None:
            if wanted.casefold() not in by_fold:
                raise ImportFileError(
                    f"no column '{wanted}' for {spec.name} (columns: {', '.join(header)}); "
                    "is the delimiter right?"
                )
            found[spec.name] = by_fold[wanted.casefold()]
            continue
        for guess in GUESSES[spec.name]:
            if guess in by_fold and by_fold[guess] not in found.values():
                found[spec.name] = by_fold[guess]
                break
    if "date" not in found and "title" not in found:
        raise ImportFileError(
            f"no date or title column among: {', '.join(header)}; name them with "
            "--date-col/--title-col, or check the delimiter"
        )
    return found


@dataclass(frozen=True)
class _Table:
    """How to read the rows: the columns of each field, our own export or not, date order."""

    cols: dict[str, str]
    own: bool
    order: DateOrder
    #: A paste refuses rows with unreadable dates instead of keeping them undated.
    strict: bool = False


_LIST_SPLIT = re.compile(r"[;,]")


class _Row:
    """One row's cells by field: stripped, or exact for our own export."""

    __slots__ = ("cells", "table", "where")

    def __init__(self, row: Mapping[str, str], table: _Table, where: str) -> None:
        # Built once per row: an import of 100k rows asks for 16 fields of each.
        if table.own:
            self.cells = {name: row.get(column, "") for name, column in table.cols.items()}
        else:
            self.cells = {name: row.get(column, "").strip() for name, column in table.cols.items()}
        self.table = table
        self.where = where

    def get(self, name: str) -> str:
        """The cell of a field ("" when no column holds it)."""
        return self.cells.get(name, "")

    def items(self, name: str) -> list[str]:
        """A list cell: as our export joins it, else split at ; and , (trimmed)."""
        text = self.cells.get(name, "")
        if not text:
            return []
        if self.table.own:
            return split_list(text)
        return [t.strip() for t in _LIST_SPLIT.split(text) if t.strip()]


_NO_DATE = WrittenDate("", "")


def _read(text: str, row: _Row, report: ImportReport) -> WrittenDate | None:
    """One date cell read, or None (reported) when it cannot be read."""
    try:
        return read_cell(text, row.table.order.day_first)
    except WrittenDateError as exc:
        said = (
            str(exc)
            if row.table.strict
            else f"{exc}; imported undated with the text as its wording"
        )
        report.problem(row.where, said, UNDATED, str(exc))
        return None


def _is_range(edtf: str) -> bool:
    return "/" in edtf or "[" in edtf


def _when(row: _Row, report: ImportReport) -> dict[str, str]:
    """The date of a row: the date (and end) columns, the wording column if there is one."""
    raw_start, raw_end = row.get("date").strip(), row.get("end").strip()
    wording = row.get("wording")
    if not raw_start:
        return {"edtf": "", "as_stated": wording or raw_end}
    stated = raw_start + (f" – {raw_end}" if raw_end else "")
    start = _read(raw_start, row, report)
    end = _read(raw_end, row, report) if raw_end else _NO_DATE
    if start is None or end is None:
        return {"edtf": "", "as_stated": wording or stated}
    if end.edtf and (_is_range(start.edtf) or _is_range(end.edtf)):
        report.problem(
            row.where,
            f"'{stated}': a range cannot be one end of another; the end column was not used",
            "end date not used: the date is a range already",
        )
        end = _NO_DATE
    edtf = join_interval(start.edtf, end.edtf, row.where, report)
    words = bool(start.as_stated or end.as_stated)
    return {"edtf": edtf, "as_stated": wording or (stated if words else "")}


def _choice(row: _Row, name: str, report: ImportReport) -> str | None:
    """A kind, status, likelihood or confidence cell as its value; None when empty or unknown."""
    text = row.get(name).strip()
    if not text:
        return None
    values = [member.value for member in CHOICES[name]]
    value = "_".join(text.casefold().split())  # "Very likely" is very_likely
    if value in values:
        return value
    report.problem(
        row.where,
        f"'{text[:100]}' is not a {name} ({', '.join(values)}); left at the default",
        f"unknown {name}: left at the default",
    )
    return None


def _tags(row: _Row, report: ImportReport) -> list[str]:
    """Tags in their order (our export) or sorted without repeats (any other table)."""
    tags = row.items("tags")
    if not tags:
        return tags
    if any(len(tag) > 200 for tag in tags):
        report.count("tags longer than 200 characters: cut", row.where, row.get("tags"))
    tags = [tag[:200] for tag in tags]
    return tags if row.table.own else sorted(set(tags))


def _citations(builder: ProjectBuilder, row: _Row, report: ImportReport) -> list[dict[str, str]]:
    """Citations of the link in the url column and of each named source."""
    url = row.get("url").strip()
    found = [builder.citation_for_url(url, row.where, report)] if url else []
    for name in row.items("sources") if "sources" in row.cells else ():
        if is_web_url(name.strip()):
            found.append(builder.citation_for_url(name.strip(), row.where, report))
        else:
            found.append(builder.citation_for_title(name))
    unique = {c["source_id"]: c for c in found if c is not None}
    return list(unique.values())


def _id(builder: ProjectBuilder, row: _Row, report: ImportReport) -> str | None:
    wanted = row.get("id").strip()
    ident = builder.fresh_id(wanted) if wanted else None
    if wanted and ident is None:
        report.count("id used twice or not usable: a new id given", row.where, wanted)
    return ident


def _entry(builder: ProjectBuilder, row: _Row, report: ImportReport) -> None:
    data: dict[str, Any] = {
        "title": row.get("title"),
        "description": row.get("description"),
        "when": _when(row, report),
    }
    # Only the fields a row gives: each one more costs a validation 100k times over.
    optional = {
        "lane_id": builder.lane(row.get("lane")),
        "actor_ids": [builder.actor(name) for name in row.items("actors")],
        "place_id": builder.place(row.get("place")),
        "tags": _tags(row, report),
        "citations": _citations(builder, row, report),
        "id": _id(builder, row, report),
    }
    data.update((name, value) for name, value in optional.items() if value)
    for name in CHOICES.keys() & row.cells.keys():
        value = _choice(row, name, report)
        if value is not None:
            data[name] = value
    builder.add_entry(data, row.where, report)


def _unread_columns(
    header: list[str], rows: list[tuple[int, dict[str, str]]], table: _Table, report: ImportReport
) -> None:
    """Count the values in columns no field takes (our export's derived ones aside)."""
    used = {column.casefold() for column in table.cols.values()}
    if table.own:
        used.update(DERIVED_COLUMNS)
        report.note(
            "read as a Timeline Editor CSV export: its columns "
            f"{', '.join(DERIVED_COLUMNS)} are worked out from the project and were not read"
        )
    for column in header:
        if not column or column.casefold() in used:
            continue
        kind = f"column '{column}' not imported (no field takes it)"
        for line, row in rows:
            value = row.get(column, "").strip()
            if value:
                report.count(kind, f"line {line}", value)


def _table(
    header: list[str], rows: list[tuple[int, dict[str, str]]], mapping: CsvMapping,
    day_first: bool | None, report: ImportReport,
) -> _Table:  # fmt: skip
    cols = _resolve(mapping, header)
    report.note("columns: " + ", ".join(f"{k}={v}" for k, v in cols.items()))
    own = {h.casefold() for h in header} >= OWN_COLUMNS
    dated = [cols[name] for name in ("date", "end") if name in cols]
    cells = ((f"line {line}", row.get(c, "")) for line, row in rows for c in dated)
    order = decide_order(cells, day_first)
    if order.note:
        report.note(order.note)
    return _Table(cols, own, order)


def table_delimiter(text: str, delimiter: str | None, report: ImportReport) -> str:
    """A comma for our own export (titles full of ; could mislead a guess), else sniffed."""
    header = text.split("\n", 1)[0].split(",")
    if not delimiter and {h.strip().casefold() for h in header} >= OWN_COLUMNS:
        report.note("delimiter: comma (a Timeline Editor export)")
        return ","
    return sniff_delimiter(text, delimiter, report)


def csv_from_bytes(
    raw: bytes,
    path: Path,
    *,
    mapping: CsvMapping | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    day_first: bool | None = None,
    control: ImportControl = NO_CONTROL,
) -> ImportResult:
    """Import the bytes of the CSV file ``path``, whose name becomes the project title.

    ``day_first`` sets the order of numeric dates (None: as the date column shows).
    """
    report = ImportReport()
    text = decode(raw, encoding, report)
    rows = read_rows(text, table_delimiter(text, delimiter, report), report)
    if len(rows) > MAX_RECORDS:
        raise ImportFileError(f"more than {MAX_RECORDS} rows")
    header = list(rows[0][1]) if rows else []
    if not header:
        raise ImportFileError("no rows under the header")
    table = _table(header, rows, mapping or CsvMapping(), day_first, report)
    _unread_columns(header, rows, table, report)
    builder = ProjectBuilder()
    total = len(rows)
    for number, (line, row) in enumerate(rows, start=1):
        _entry(builder, _Row(row, table, f"line {line}"), report)
        control.step(number, total)
    return ImportResult(builder.build(title=path.stem), report)


def import_csv(
    path: Path,
    mapping: CsvMapping | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    day_first: bool | None = None,
) -> ImportResult:
    """Import a CSV table of entries (see the module docstring for the mapping)."""
    return csv_from_bytes(
        read_bytes(path),
        Path(path),
        mapping=mapping,
        encoding=encoding,
        delimiter=delimiter,
        day_first=day_first,
    )


def read_pasted_rows(
    builder: ProjectBuilder,
    header: list[str],
    rows: list[tuple[int, dict[str, str]]],
    mapping: CsvMapping,
    report: ImportReport,
) -> None:
    """Add pasted spreadsheet rows as entries, as a CSV import would, but strictly.

    A row whose date cannot be read is reported as a problem (the paste then refuses
    it) rather than kept undated. Raises ImportFileError when a mapped column is absent.
    """
    table = replace(_table(header, rows, mapping, None, report), strict=True)
    for line, row in rows:
        _entry(builder, _Row(row, table, f"line {line}"), report)
