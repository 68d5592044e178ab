"""Importers of other tools' files: TimelineJS, Timeline Project, CSV, CSL-JSON.

Use :func:`import_file`; it returns an :class:`ImportResult` (the project and an
:class:`ImportReport` of what could not be taken or was repaired) or raises
:class:`ImportFileError` when the file cannot be imported at all. Every input is
untrusted: nothing here crashes on bad data, and nothing here writes files.
The file is read once through :mod:`timeline_editor.io.safe_read` (no pipes,
devices, folders or link loops; at most 200 MB); a repeated JSON key or CSV column
is reported where it is, and a number no program can keep rejects its value.
``progress`` and ``cancelled`` callables let a window show progress and stop a
long import (:class:`ImportCancelledError`).

An import that finds nothing to keep is an error too ("no events found in FILE"):
a file holding just ``[]`` or ``{}``, a CSV with a header only, or one whose every
record was rejected would otherwise become a silently empty project. The one
exception is a genuinely empty timeline: a TimelineJS file whose title slide gives
a headline or text but whose event list is empty. Its title is content worth
keeping, so it imports, with a note that there are no events. (A Timeline Project
or CSV file carries no title of its own, so an empty one is refused.)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from timeline_editor.model.entities import Project
from timeline_editor.model.gc_pause import gc_paused

from ._common import (
    CancelCheck,
    ImportCancelledError,
    ImportControl,
    ImportFileError,
    ImportReport,
    ImportResult,
    Progress,
    nothing_taken,
)
from ._json import read_json
from ._text import read_bytes
from .csl import csl_items
from .csv_import import CsvMapping, csv_from_bytes
from .timeline_project import timeline_project_from_bytes
from .timelinejs import timelinejs_csv_from_bytes, timelinejs_data

FORMATS = ("timelinejs", "timelinejs-csv", "timeline-project", "csv", "csl")
FORMAT_NAMES = {
    "timelinejs": "TimelineJS JSON",
    "timelinejs-csv": "TimelineJS CSV",
    "timeline-project": "Timeline Project",
    "csv": "CSV",
    "csl": "CSL-JSON",
}
#: How much of a file the format guess looks at.
HEAD_BYTES = 65536

__all__ = [
    "FORMATS",
    "CancelCheck",
    "CsvMapping",
    "ImportCancelledError",
    "ImportFileError",
    "ImportReport",
    "ImportResult",
    "Progress",
    "guess_format",
    "import_file",
]


def _format_of(name: str, head: bytes) -> str | None:
    """The format by the file name and first bytes; None for a JSON object (CSL or TimelineJS)."""
    name = name.lower()
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
        return None
    raise ImportFileError(f"cannot tell the format; give --format ({', '.join(FORMATS)})")


def _object_format(value: object) -> str:
    """CSL-JSON for a single item (it has a ``type``), else TimelineJS."""
    return "csl" if isinstance(value, dict) and "type" in value else "timelinejs"


def guess_format(path: Path) -> str:
    """The import format of a file, from its name and first bytes (or its JSON)."""
    path = Path(path)
    fmt = _format_of(path.name, read_bytes(path, head=HEAD_BYTES))
    if fmt is not None:
        return fmt
    raw = read_bytes(path)
    try:
        return _object_format(read_json(raw, ImportReport()))
    except ImportFileError:
        return "timelinejs"  # not JSON after all: the TimelineJS importer says why


def import_file(
    path: Path,
    fmt: str | None = None,
    *,
    mapping: CsvMapping | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    into: Project | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> ImportResult:
    """Import ``path`` (format guessed when ``fmt`` is None); see the module docstring.

    ``progress(done, total)`` is called every thousand records; when ``cancelled()``
    returns True the import stops with :class:`ImportCancelledError`. The file is read once,
    through the guarded reader: pipes, devices, folders and oversized files are refused.
    """
    path = Path(path)
    control = ImportControl(progress, cancelled)
    options = _Options(mapping, encoding, delimiter, into)
    try:
        raw = read_bytes(path)
        control.check(0, 0)
        # Without pausing it, the collector walks the growing import again and again.
        with gc_paused():
            used, result = _import(path, raw, fmt, control, options)
    except ImportFileError as exc:
        message = str(exc)
        if str(path) not in message:
            message = f"{path}: {message}"
        raise type(exc)(message) from None
    if used != "csl":  # the CSL importer checks for sources itself
        _require_events(path, used, result)
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


@dataclass(frozen=True)
class _Options:
    """The options of :func:`import_file` that only some formats use."""

    mapping: CsvMapping | None
    encoding: str | None
    delimiter: str | None
    into: Project | None


def _import(
    path: Path, raw: bytes, fmt: str | None, control: ImportControl, options: _Options
) -> tuple[str, ImportResult]:
    """The format used and the result of its importer."""
    if fmt is not None and fmt not in FORMATS:
        raise ImportFileError(f"unknown import format '{fmt}' (known: {', '.join(FORMATS)})")
    fmt = fmt or _format_of(path.name, raw[:HEAD_BYTES])
    if fmt in (None, "timelinejs", "csl"):
        report = ImportReport()
        value = read_json(raw, report)
        fmt = fmt or _object_format(value)
        if fmt == "csl":
            return fmt, csl_items(value, path, options.into, report, control)
        return fmt, timelinejs_data(value, report, control)
    if fmt == "timelinejs-csv":
        return fmt, timelinejs_csv_from_bytes(raw, options.encoding, options.delimiter, control)
    if fmt == "timeline-project":
        return fmt, timeline_project_from_bytes(raw, path, control)
    return "csv", csv_from_bytes(
        raw,
        path,
        mapping=options.mapping,
        encoding=options.encoding,
        delimiter=options.delimiter,
        control=control,
    )
