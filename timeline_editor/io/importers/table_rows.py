"""Rows pasted from a spreadsheet or from the chronology table, read as new entries.

All or nothing: every row is read and checked first, and any row that cannot be
taken (a date that cannot be read, an unknown status, a title too long…) is listed
with its line in a :class:`PasteError`; then nothing is pasted. At most
:data:`MAX_ROWS` rows are taken at once.

A header made of the table's own column names (what a copy from the table writes) is
read column by column: kind, status, lane, actors, place, tags and the estimative terms
as the table shows them; the derived Sources and Disputed columns are skipped. Any
other header goes through the CSV importer (:mod:`.csv_import`): its column mapping
(date, end, title, description, source URL, lane, tags), chosen by the caller or
guessed from the usual header names, and its date reading. Text whose first line is
already a row (a date in it, no known column name) gets the names "Column 1", …
Lanes, actors, places and sources named but not in the project are made new.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from timeline_editor.model.edits import initial_status
from timeline_editor.model.edtf import parse_edtf
from timeline_editor.model.entities import Actor, Entry, Lane, Place, Project, Source
from timeline_editor.model.queries import as_of_day
from timeline_editor.model.vocab import (
    LIKELIHOOD_LABELS,
    Confidence,
    EntryKind,
    Likelihood,
    Status,
    likelihood_label,
)

from ._common import ImportFileError, ImportReport, ProjectBuilder
from ._text import read_rows, sniff_delimiter
from .csv_dates import loose_date
from .csv_import import GUESSES, CsvMapping, read_pasted_rows

#: The table's columns as a copy writes them (the EDTF beside the date in words).
TABLE_COLUMNS = (
    "Date", "EDTF", "As stated", "Title", "Kind", "Status", "Lane", "Actors", "Place",
    "Tags", "Likelihood", "Confidence", "Sources", "Disputed",
)  # fmt: skip
MAX_ROWS = 100_000
#: A function that picks the columns of a foreign header (None: the user cancelled).
AskMapping = Callable[[list[str]], CsvMapping | None]
_E = TypeVar("_E", bound=StrEnum)


class PasteError(ValueError):
    """Text that cannot be pasted; ``problems`` lists the bad rows ("line 3: …")."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True)
class PastedRows:
    """New entries, and the lanes, actors, places and sources they need that are new."""

    entries: list[Entry]
    lanes: list[Lane] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)


def _known_names() -> set[str]:
    names = {name.casefold() for name in TABLE_COLUMNS}
    return names | {guess for guesses in GUESSES.values() for guess in guesses}


def _is_data(cells: list[str]) -> bool:
    """True when a first line reads as a row, not as column names."""
    if any(c.strip().casefold() in _known_names() for c in cells):
        return False
    for cell in cells:
        try:
            loose_date(cell)
        except ValueError:
            continue
        if cell.strip():
            return True
    return False


def read_table(text: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header and the rows (line, {column: text}) of pasted text; PasteError if none."""
    if not text.strip():
        raise PasteError("the clipboard holds no text")
    # Counted before reading, so that a million rows are refused at once.
    rows_given = sum(1 for line in text.splitlines() if line.strip()) - 1
    if rows_given > MAX_ROWS:
        raise PasteError(f"{rows_given:,} rows: at most {MAX_ROWS:,} can be pasted at once")
    first = text.lstrip("\ufeff").splitlines()[0]
    delimiter = "\t" if "\t" in first else sniff_delimiter(text, None, ImportReport())
    cells = next(csv.reader([first], delimiter=delimiter), [])
    offset = 0
    if _is_data(cells):
        names = delimiter.join(f"Column {i + 1}" for i in range(len(cells)))
        text, offset = f"{names}\n{text}", 1
    try:
        rows = read_rows(text.lstrip("\ufeff"), delimiter)
    except ImportFileError as exc:
        raise PasteError(f"the text cannot be read as rows: {exc}") from None
    header = list(rows[0][1]) if rows else [c.strip() for c in cells]
    if not rows:
        raise PasteError("there is one line of text and no rows under it")
    if len(rows) > MAX_ROWS:
        raise PasteError(f"{len(rows):,} rows: at most {MAX_ROWS:,} can be pasted at once")
    return header, [(line - offset, row) for line, row in rows]


def is_table_header(header: list[str]) -> bool:
    """True when every column is one of the table's own (a copy from the table)."""
    ours = {name.casefold() for name in TABLE_COLUMNS}
    named = [h.casefold() for h in header if h]
    return bool(named) and set(named) <= ours and bool({"title", "date", "edtf"} & set(named))


def pasted_entries(text: str, project: Project, ask: AskMapping | None = None) -> PastedRows | None:
    """New entries from pasted text (None when ``ask`` was cancelled); PasteError otherwise."""
    header, rows = read_table(text)
    if is_table_header(header):
        reader = _TableRows(project, header)
        for line, row in rows:
            reader.read(row, f"line {line}")
        return reader.result(len(rows))
    mapping = ask(header) if ask is not None else CsvMapping()
    if mapping is None:
        return None
    return _foreign(project, header, rows, mapping)


def _foreign(
    project: Project, header: list[str], rows: list[tuple[int, dict[str, str]]], mapping: CsvMapping
) -> PastedRows:
    guessed = {h.casefold() for h in header} & {*GUESSES["date"], *GUESSES["title"]}
    if not (mapping.date or mapping.title or guessed):
        raise PasteError(f"no column holds dates or titles (columns: {', '.join(header)})")
    builder, report = ProjectBuilder(project), ImportReport()
    try:
        read_pasted_rows(builder, header, rows, mapping, report)
    except ImportFileError as exc:
        raise PasteError(str(exc)) from None
    as_of = as_of_day(project)
    entries = [
        e.model_copy(update={"status": initial_status(when=e.when.edtf, as_of=as_of, kind=e.kind)})
        for e in builder.entries[len(project.entries) :]
    ]
    return _finish(builder, report, entries, len(rows))


def _finish(
    builder: ProjectBuilder, report: ImportReport, entries: list[Entry], total: int, **more: Any
) -> PastedRows:
    if report.problems:
        bad = len({p.split(":", 1)[0] for p in report.problems})
        raise PasteError(f"{bad} of {total} rows cannot be pasted", report.problems)
    if not entries:
        raise PasteError("no rows to paste")
    base = builder.base
    return PastedRows(
        entries,
        lanes=builder.lanes[len(base.lanes) :],
        sources=builder.sources[len(base.sources) :],
        **more,
    )


def _term(kind: type[_E], text: str, labels: Mapping[str, _E] | None = None) -> _E | None:
    """The term ``text`` names (its value, with spaces or underscores, or its label)."""
    if not text:
        return None
    wanted = text.strip().casefold()
    for term in kind:
        if wanted in (term.value, term.value.replace("_", " ")):
            return term
    if labels and wanted in labels:
        return labels[wanted]
    allowed = ", ".join(term.value.replace("_", " ") for term in kind)
    raise ValueError(f"'{text}' is not one of: {allowed}")


def _live(text: str) -> str:
    """A cell our copy made inert for spreadsheets ('=…), as it was."""
    rest = text[1:]
    if text[:1] != "'":
        return text
    formula = rest[:1] in ("=", "+", "@") or (rest[:1] == "-" and not rest[1:2].isdigit())
    return rest if formula else text


_LIKELIHOODS = {label.casefold(): term for term, label in LIKELIHOOD_LABELS.items()} | {
    likelihood_label(term).casefold(): term for term in Likelihood
}


class _TableRows:
    """Reads rows under the table's own header, making lanes, actors and places on first use."""

    def __init__(self, project: Project, header: list[str]) -> None:
        self.project = project
        self.builder = ProjectBuilder(project)
        self.report = ImportReport()
        self.columns = {h.casefold(): h for h in header if h}
        self.as_of = as_of_day(project)
        self.actors = {a.name.casefold(): a.id for a in project.actors}
        self.places = {p.name.casefold(): p.id for p in project.places}
        self.new_actors: list[Actor] = []
        self.new_places: list[Place] = []

    def read(self, row: dict[str, str], where: str) -> None:
        """Check one row and keep it, or report why not."""

        def get(name: str) -> str:
            return _live(row.get(self.columns.get(name.casefold(), ""), "").strip())

        try:
            data = self._data(get)
        except ValueError as exc:
            self.report.problem(where, str(exc))
            return
        self.builder.add_entry(data, where, self.report)

    def _data(self, get: Callable[[str], str]) -> dict[str, object]:
        edtf = get("EDTF") if get("EDTF") or not get("Date") else loose_date(get("Date"))
        if edtf:
            parse_edtf(edtf)  # an unreadable date refuses the row: EdtfError is a ValueError
        status = _term(Status, get("Status"))
        kind = _term(EntryKind, get("Kind")) or EntryKind.EVENT
        return {
            "title": get("Title"),
            "when": {"edtf": edtf, "as_stated": get("As stated")},
            "kind": kind,
            "status": status or initial_status(when=edtf, as_of=self.as_of, kind=kind),
            "lane_id": self.builder.lane(get("Lane")),
            "actor_ids": [self._actor(n) for n in get("Actors").split(";") if n.strip()],
            "place_id": self._place(get("Place")) if get("Place") else None,
            "tags": [t.strip() for t in get("Tags").replace(";", ",").split(",") if t.strip()],
            "likelihood": _term(Likelihood, get("Likelihood"), _LIKELIHOODS),
            "confidence": _term(Confidence, get("Confidence")),
        }

    def _actor(self, name: str) -> str:
        key = name.strip().casefold()
        if key not in self.actors:
            actor = Actor(name=name.strip())
            self.new_actors.append(actor)
            self.actors[key] = actor.id
        return self.actors[key]

    def _place(self, name: str) -> str:
        key = name.casefold()
        if key not in self.places:
            place = Place(name=name)
            self.new_places.append(place)
            self.places[key] = place.id
        return self.places[key]

    def result(self, total: int) -> PastedRows:
        """The rows read, or PasteError listing those that could not be."""
        entries = self.builder.entries[len(self.project.entries) :]
        return _finish(
            self.builder,
            self.report,
            entries,
            total,
            actors=self.new_actors,
            places=self.new_places,
        )
