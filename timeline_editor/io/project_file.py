"""Project files (``.timeline.json``): load with full checks, save atomically and stably.

Loading never trusts the file. Every problem becomes a line ``place: message`` in a
:class:`ProjectFileError`, where the place is a path into the JSON
(``entries[12].when.edtf``) or, for JSON syntax, ``line L column C``. Nothing is written.

Two load paths give the same verdict. The fast path hands the bytes to pydantic's
``model_validate_json`` with the garbage collector paused; it is taken only for a file
of the current schema version that declares its header and that :mod:`.json_scan`
finds free of repeated keys and of numbers no writer can write back (``1e400``,
``NaN``), which that parser would silently accept. Anything else, and any failure,
goes through the diagnostic path: strict JSON parse, the scan's findings by place,
header checks, migrations, then ``model_validate``, whose messages name the place of
each problem. So whatever loads can be saved again.

Versions. An older ``schema_version`` is upgraded by :mod:`.migrations`. A newer file
opens only if it declares ``"min_reader_version": N`` with N no greater than
:data:`SCHEMA_VERSION`: by writing that, the newer program promises that its additions
are optional fields an older one keeps verbatim (unknown fields survive load and save),
so nothing is lost; such a file is saved back with its own ``schema_version`` and
``min_reader_version``. Any other newer file is refused.

An item the file gives without an ``id`` gets one derived from its content
(:mod:`timeline_editor.model.derived_ids`), the same on every load, so that a merge
sees it as one item.

Saving writes pretty-printed UTF-8 JSON (two-space indent, non-ASCII kept, fields in
model order, newline at the end) through :mod:`.atomic`, keeping ``<file>.bak``. The
same project always gives the same bytes. :func:`read_project` and :func:`save_project`
give the file's :class:`~.file_stamp.FileStamp` (size, mtime, identity, hash of the bytes
read or written); a save given the stamp it expects refuses with
:class:`~.file_stamp.ChangedOnDiskError`, just before its rename and with nothing
written, when the file on disk changed since (another window or program saved it).
``NaN``/``Infinity`` are refused, never written. Control characters in text are kept,
written as JSON escapes (``\\u0007``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import PydanticSerializationError, to_json

from timeline_editor.io.atomic import atomic_writer
from timeline_editor.io.file_stamp import (
    ChangedOnDiskError,
    DiskState,
    FileStamp,
    disk_state,
    stamp_of,
)
from timeline_editor.io.json_guard import (
    BOM,
    JsonError,
    describe_json_type,
    may_hold_non_finite,
    parse_json,
    read_limited,
    strip_bom,
)
from timeline_editor.io.json_scan import is_clean, parse_checked
from timeline_editor.io.migrations import MigrationError, migrate
from timeline_editor.model.derived_ids import with_derived_ids
from timeline_editor.model.entities import (
    FORMAT_NAME,
    SCHEMA_VERSION,
    Project,
    counting_made_up_ids,
)
from timeline_editor.model.gc_pause import gc_paused
from timeline_editor.model.integrity import format_loc, project_problems

#: Suggested file name ending.
SUFFIX = ".timeline.json"

#: At most this many problems are listed; the rest are counted.
MAX_PROBLEMS = 100


class ProjectFileError(Exception):
    """A project file that cannot be read; ``problems`` name places in the file."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{path}: {problems[0] if problems else 'unreadable'}{more}")


class ProjectSaveError(ProjectFileError, OSError):
    """A project that could not be saved; the file on disk is unchanged.

    It is an :class:`OSError` too, so callers that guard a save against disk errors
    also catch a project that cannot be serialised.
    """


def load_project(path: Path) -> Project:
    """Read and validate a project file; raises :class:`ProjectFileError`."""
    return read_project(path)[0]


def read_project(path: Path) -> tuple[Project, FileStamp]:
    """Read and validate a project file, with the stamp of the bytes read.

    Raises :class:`ProjectFileError`.
    """
    path = Path(path)
    try:
        with gc_paused():
            return _load(path)
    except JsonError as exc:
        raise ProjectFileError(path, [str(exc)]) from None
    except MigrationError as exc:
        raise ProjectFileError(path, [str(exc)]) from None
    except _ProblemsError as exc:
        raise ProjectFileError(path, _capped(exc.problems)) from None


def _load(path: Path) -> tuple[Project, FileStamp]:
    # The collector stays paused throughout: with a million fresh objects alive, each
    # collection walks them all, which made the integrity checks five times slower.
    try:
        # Before reading: a file replaced meanwhile then shows other metadata than its
        # stamp and is hashed when compared, instead of passing as the one read.
        before: os.stat_result | None = path.stat()
    except (OSError, ValueError):
        before = None  # read_limited says why
    data = read_limited(path)
    stamp = stamp_of(data, before or path.stat())
    if data.startswith(BOM * 2):
        raise JsonError(
            "the file starts with two byte-order marks (U+FEFF); one at most is allowed"
        )
    data = strip_bom(data)
    with counting_made_up_ids() as made_up:
        project = _fast_load(data)
        if project is None:
            made_up[0] = 0
            project = _diagnostic_load(data)
    if made_up[0]:
        project = with_derived_ids(project)
    found = project_problems(project, limit=MAX_PROBLEMS + 1)
    if found:
        raise _ProblemsError([str(p) for p in found])
    return project, stamp


class _ProblemsError(Exception):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(problems[0])


def _capped(problems: list[str]) -> list[str]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    return [*problems[:MAX_PROBLEMS], "... and more problems not listed"]


def _fast_load(data: bytes) -> Project | None:
    """The project if the quick path can vouch for it, else None."""
    # pydantic's parser keeps the last of repeated keys and reads 1e400 as infinity.
    if not is_clean(data):
        return None
    try:
        project = Project.model_validate_json(data)
    except ValidationError:
        return None
    header_given = {"format", "schema_version"} <= project.model_fields_set
    if not header_given or project.schema_version != SCHEMA_VERSION:
        return None
    return project


def _diagnostic_load(data: bytes) -> Project:
    document = parse_json(data)
    checked = parse_checked(data, limit=MAX_PROBLEMS + 1)
    if checked.problems:
        raise _ProblemsError([f"{where}: {message}" for where, message in checked.problems])
    if not isinstance(document, dict):
        kind = describe_json_type(document)
        raise JsonError(f"the file holds {kind}, not a project (a JSON object)")
    version = _check_header(document)
    if version < SCHEMA_VERSION:
        document = migrate(document, version, SCHEMA_VERSION)
    try:
        return Project.model_validate(document)
    except ValidationError as exc:
        problems = [_describe_error(error) for error in exc.errors()]
        if version > SCHEMA_VERSION:
            problems.insert(0, f"schema_version: {_newer_hint(version)}")
        raise _ProblemsError(problems) from None


def _newer_hint(version: int) -> str:
    return (
        f"the file was written by a newer Timeline Editor (schema version {version}; "
        f"this program reads up to {SCHEMA_VERSION})"
    )


def _check_header(document: dict[str, Any]) -> int:
    """The file's schema version, after checking the format header."""
    fmt = document.get("format")
    if fmt is None:
        raise JsonError(
            f'missing; not a Timeline Editor project (expected "format": "{FORMAT_NAME}")',
            "format",
        )
    if fmt != FORMAT_NAME:
        raise JsonError(f"{fmt!r} is not {FORMAT_NAME!r}; not a Timeline Editor project", "format")
    version = document.get("schema_version")
    if version is None:
        raise JsonError("missing", "schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise JsonError(f"{version!r} is not a version number", "schema_version")
    if version > SCHEMA_VERSION:
        minimum = document.get("min_reader_version")
        if not isinstance(minimum, int) or isinstance(minimum, bool) or minimum > SCHEMA_VERSION:
            raise JsonError(
                _newer_hint(version) + " and may hold data this program would lose;"
                " open it with a newer version",
                "schema_version",
            )
    return version


def _describe_error(error: Any) -> str:
    """One pydantic error as ``place: message (got ...)``."""
    where = format_loc(error["loc"]) or "(top level)"
    message = str(error["msg"]).removeprefix("Value error, ")
    value = error.get("input")
    if error["type"] != "missing" and isinstance(value, str | int | float | bool):
        shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
        if shown not in message:
            message += f" (got {shown})"
    return f"{where}: {message}"


def project_json(project: Project) -> bytes:
    """The project as pretty-printed UTF-8 JSON, without the final newline."""
    try:
        # Bytes straight from pydantic-core: no str to encode, no extra copy at 1M entries.
        data = to_json(project, indent=2)
    except (PydanticSerializationError, ValueError) as exc:
        raise _ProblemsError([f"cannot be written as JSON: {exc}"]) from None
    if may_hold_non_finite(data):
        try:
            parse_json(data)
        except JsonError as exc:
            raise _ProblemsError([f"{exc.where}: a number is NaN or infinite"]) from None
    return data


def file_bytes(project: Project, path: Path) -> bytes:
    """The bytes a save of ``project`` to ``path`` writes; ProjectSaveError when it cannot."""
    try:
        return project_json(project) + b"\n"
    except _ProblemsError as exc:
        raise ProjectSaveError(Path(path), exc.problems) from None


def save_project(project: Project, path: Path, expected: FileStamp | None = None) -> FileStamp:
    """Write a project atomically, keeping the previous file as ``<path>.bak``; its stamp.

    Raises :class:`ProjectSaveError` and leaves any existing file unchanged on failure.
    With ``expected``, the file on disk must still be that one (or be gone): if it
    changed, :class:`ChangedOnDiskError` is raised and nothing is written.
    """
    path = Path(path)
    data = file_bytes(project, path)
    written: list[os.stat_result] = []

    def check(info: os.stat_result) -> None:
        if expected is not None:
            state, now = disk_state(path, expected)
            if state is DiskState.CHANGED:
                raise ChangedOnDiskError(path, now)
        written.append(info)

    try:
        with atomic_writer(path, backup=True, before_replace=check) as stream:
            stream.write(data)
    except OSError as exc:
        raise ProjectSaveError(path, [f"cannot write the file: {exc.strerror or exc}"]) from exc
    return stamp_of(data, written[0])
