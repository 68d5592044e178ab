"""Importers of other tools' files: TimelineJS, Timeline Project, CSV, CSL-JSON.

Use :func:`import_file`; it returns an :class:`ImportResult` (the project and an
:class:`ImportReport` of what could not be taken or was repaired) or raises
:class:`ImportFileError` when the file cannot be imported at all. Every input is
untrusted: nothing here crashes on bad data, and nothing here writes files.

An import that finds nothing to keep is an error too ("no events found in FILE"):
a file holding just ``[]`` or ``{}``, a CSV with a header only, or one whose every
record was rejected would otherwise become a silently empty project. The one
exception is a genuinely empty timeline: a TimelineJS file whose title slide gives
a headline or text but whose event list is empty. Its title is content worth
keeping, so it imports, with a note that there are no events. (A Timeline Project
or CSV file carries no title of its own, so an empty one is refused.)
"""

from __future__ import annotations

import json
from pathlib import Path

from timeline_editor.model.entities import Project

from ._common import ImportFileError, ImportReport, ImportResult, nothing_taken
from .csl import import_csl
from .csv_import import CsvMapping, import_csv
from .timeline_project import import_timeline_project
from .timelinejs import import_timelinejs, import_timelinejs_csv

FORMATS = ("timelinejs", "timelinejs-csv", "timeline-project", "csv", "csl")
FORMAT_NAMES = {
    "timelinejs": "TimelineJS JSON",
    "timelinejs-csv": "TimelineJS CSV",
    "timeline-project": "Timeline Project",
    "csv": "CSV",
    "csl": "CSL-JSON",
}

__all__ = [
    "FORMATS",
    "CsvMapping",
    "ImportFileError",
    "ImportReport",
    "ImportResult",
    "guess_format",
    "import_file",
]


def _peek(path: Path, size: int = 65536) -> bytes:
    try:
        with path.open("rb") as stream:
            return stream.read(size)
    except OSError as exc:
        raise ImportFileError(f"{path}: cannot read ({exc.strerror or exc})") from None


def guess_format(path: Path) -> str:
    """The import format of a file, from its name and first bytes."""
    name = path.name.lower()
    head = _peek(path)
    if name.endswith(".timeline") or head.lstrip().startswith(b"<"):
        return "timeline-project"
    if name.endswith((".csv", ".tsv", ".txt")):
        first = head.decode("utf-8", errors="replace").splitlines()[:1]
        words = {
            w.strip().strip('"\ufeff')
            for w in (first[0] if first else "").replace(";", ",").split(",")
        }
        return "timelinejs-csv" if {"Year", "Headline"} <= words else "csv"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start == b"[":
        return "csl"
    if start == b"{":
        try:
            data = json.loads(path.read_bytes())
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError, OSError):
            return "timelinejs"
        return "csl" if isinstance(data, dict) and "type" in data else "timelinejs"
    raise ImportFileError(f"{path}: cannot tell the format; give --format ({', '.join(FORMATS)})")


def import_file(
    path: Path,
    fmt: str | None = None,
    *,
    mapping: CsvMapping | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    into: Project | None = None,
) -> ImportResult:
    """Import ``path`` (format guessed when ``fmt`` is None); see the module docstring."""
    path = Path(path)
    fmt = fmt or guess_format(path)
    result = _import(path, fmt, mapping=mapping, encoding=encoding, delimiter=delimiter, into=into)
    if fmt != "csl":  # the CSL importer checks for sources itself
        _require_events(path, fmt, result)
    return result


def _require_events(path: Path, fmt: str, result: ImportResult) -> None:
    """Refuse an import with no entries and no eras, unless it is a titled empty timeline."""
    project, problems = result.project, result.report.problems
    if project.entries or project.eras:
        return
    if result.report.empty_ok:
        result.report.note(f"note: no events in {path}; the project holds the title only")
        return
    raise ImportFileError(
        f"no events found in {path} (read as {FORMAT_NAMES.get(fmt, fmt)}): "
        + nothing_taken(problems)
    )


def _import(
    path: Path,
    fmt: str,
    *,
    mapping: CsvMapping | None,
    encoding: str | None,
    delimiter: str | None,
    into: Project | None,
) -> ImportResult:
    """Run the importer for ``fmt``; its errors are prefixed with the path."""
    try:
        if fmt == "timelinejs":
            return import_timelinejs(path)
        if fmt == "timelinejs-csv":
            return import_timelinejs_csv(path, encoding, delimiter)
        if fmt == "timeline-project":
            return import_timeline_project(path)
        if fmt == "csv":
            return import_csv(path, mapping, encoding, delimiter)
        if fmt == "csl":
            return import_csl(path, into)
    except ImportFileError as exc:
        message = str(exc)
        raise ImportFileError(message if str(path) in message else f"{path}: {message}") from None
    raise ImportFileError(f"unknown import format '{fmt}' (known: {', '.join(FORMATS)})")
