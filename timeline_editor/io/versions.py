"""Saved versions of projects, so that a merge finds the last common version by itself.

A three-way merge needs the *base*: the last version both copies descend from. Nobody
keeps that file by hand, so the program does:

- **Content hash.** :func:`content_hash` hashes a project's canonical JSON *without* its
  ``lineage`` field (SHA-256, 32 hex digits). Equal content, equal hash, on any machine.
- **Lineage.** A project file carries ``lineage``: the hashes of the saved versions it
  descends from, newest last, at most :data:`LINEAGE_LIMIT`. Every save appends the hash
  of what is saved, unless it equals the last one, so saving an unchanged project writes
  the same bytes. A merge gives the result the union of both lineages plus the hash of
  the colleague's copy (:func:`merged_lineage`); the merge command carries it, so an
  undone merge forgets it too.
- **Version store.** Every save (in the window, and ``timeline-editor merge``) also puts
  a gzip snapshot of the saved content into a local store keyed by the hash, under
  ``platformdirs.user_data_dir`` (``$TIMELINE_EDITOR_HOME/data/versions`` when that is
  set). A merge also stores the colleague's copy it merged. The store keeps the newest
  :data:`MAX_SNAPSHOTS` snapshots. A damaged snapshot reads as missing and is removed;
  a store that cannot be written never stops a save. The window's Save compresses and
  writes the snapshot on a thread (gzip of 100,000 entries takes about two seconds);
  the store waits for it before it reads, writes or prunes anything else, and the
  interpreter waits for it before it exits.
- **Finding the base** (:func:`find_base`): walk the colleague's lineage from newest to
  oldest; the first hash that is also in ours and whose snapshot is in the store, or in
  a ``<file>.base`` sidecar whose content has that hash, is the base. When there is none
  the caller asks for a base file or merges two-way (every difference a conflict).
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import os
import threading
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError
from pydantic_core import to_json

from timeline_editor.model.entities import Project

from .atomic import atomic_write_bytes
from .file_stamp import FileStamp
from .project_file import ProjectFileError, load_project, save_project
from .safe_read import ReadRefusedError, read_file
from .settings import data_dir

LINEAGE_LIMIT = 50
MAX_SNAPSHOTS = 500
HASH_DIGITS = 32
MAX_SNAPSHOT_BYTES = 2_000_000_000  # a local file, but never inflate without a limit


def content_json(project: Project) -> bytes:
    """The project's canonical JSON without its lineage: what a version hash covers."""
    # Bytes straight from pydantic-core (model_dump_json makes a str to encode again).
    return to_json(project, exclude={"lineage"})


def hash_of(content: bytes) -> str:
    """The version hash of :func:`content_json` output."""
    return hashlib.sha256(content).hexdigest()[:HASH_DIGITS]


def content_hash(project: Project) -> str:
    """The version hash of a project (its lineage does not count)."""
    return hash_of(content_json(project))


def _unique(hashes: Iterable[str]) -> tuple[str, ...]:
    """Hashes in order, each kept at its last place."""
    out: dict[str, None] = {}
    for value in hashes:
        out.pop(value, None)
        out[value] = None
    return tuple(out)


def stamped(project: Project, digest: str | None = None) -> Project:
    """``project`` with the hash of its content as the newest lineage entry."""
    digest = digest or content_hash(project)
    if project.lineage[-1:] == (digest,):
        return project
    lineage = _unique((*project.lineage, digest))[-LINEAGE_LIMIT:]
    return project.model_copy(update={"lineage": lineage})


def merged_lineage(ours: Project, theirs: Project) -> tuple[str, ...]:
    """The lineage of a merge result: ours, then theirs, then their copy itself."""
    # Ours keep their order; theirs only add what ours lack (dict keeps first places).
    joined = dict.fromkeys((*ours.lineage, *theirs.lineage, content_hash(theirs)))
    return tuple(joined)[-LINEAGE_LIMIT:]


class VersionStore:
    """Gzip snapshots of saved project versions, one file per content hash."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._writing: threading.Thread | None = None

    @classmethod
    def default(cls, home: Path | None = None) -> VersionStore:
        """The user's store (under ``TIMELINE_EDITOR_HOME`` when that is set)."""
        return cls(data_dir(home) / "versions")

    def _path(self, digest: str) -> Path:
        return self.root / digest[:2] / f"{digest}.json.gz"

    def has(self, digest: str) -> bool:
        """True when a snapshot of ``digest`` is stored (it may still be damaged)."""
        self.wait()
        return self._path(digest).is_file()

    def wait(self) -> None:
        """Return once a snapshot being written on a thread is written (or failed)."""
        writing, self._writing = self._writing, None
        if writing is not None:
            writing.join()

    def put_content_later(self, digest: str, content: bytes) -> None:
        """Store a snapshot on a thread; a failure is ignored as a failed snapshot is."""
        self.wait()

        def put() -> None:
            with contextlib.suppress(OSError):
                self._put(digest, content)

        # Not a daemon: the interpreter waits for it rather than leave half a snapshot.
        self._writing = threading.Thread(target=put, name="version-snapshot")
        self._writing.start()

    def put_content(self, digest: str, content: bytes) -> None:
        """Store :func:`content_json` output under its hash; raises OSError."""
        self.wait()
        self._put(digest, content)

    def _put(self, digest: str, content: bytes) -> None:
        path = self._path(digest)
        if path.is_file():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, gzip.compress(content, compresslevel=6, mtime=0))
        self._prune()

    def put(self, project: Project) -> str:
        """Store a project's content; returns its hash. Raises OSError."""
        content = content_json(project)
        digest = hash_of(content)
        self.put_content(digest, content)
        return digest

    def get(self, digest: str) -> Project | None:
        """The stored version, or None when missing or damaged (a damaged one is removed)."""
        self.wait()
        path = self._path(digest)
        if not path.exists():
            return None
        try:
            packed = read_file(path, MAX_SNAPSHOT_BYTES)
            inflater = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)  # gzip
            content = inflater.decompress(packed, MAX_SNAPSHOT_BYTES + 1)
            if len(content) > MAX_SNAPSHOT_BYTES or not inflater.eof:
                raise ValueError("damaged or too large")
            project = Project.model_validate_json(content)
        except (ReadRefusedError, zlib.error, ValueError, ValidationError):
            self._discard(path)
            return None
        if content_hash(project) != digest:
            self._discard(path)
            return None
        return project

    def _discard(self, path: Path) -> None:
        with contextlib.suppress(OSError):  # a store we cannot clean is still readable
            path.unlink()

    def _prune(self) -> None:
        try:
            files = [p for p in self.root.glob("*/*.json.gz") if p.is_file()]
            if len(files) <= MAX_SNAPSHOTS:
                return
            files.sort(key=lambda p: p.stat().st_mtime)
        except OSError:
            return
        for path in files[: len(files) - MAX_SNAPSHOTS]:
            self._discard(path)


@dataclass(frozen=True)
class SavedVersion:
    """What a save wrote: the project (lineage stamped) and the file's stamp."""

    project: Project
    stamp: FileStamp


def save_version(
    project: Project, path: Path, store: VersionStore | None, *, later: bool = False
) -> Project:
    """Save ``project`` with its lineage stamped and snapshot it; returns what was saved.

    Raises what :func:`save_project` raises; a store that cannot be written is ignored,
    because losing a snapshot only makes a later merge ask for its base. With ``later``
    the snapshot is written on a thread (see :meth:`VersionStore.put_content_later`).
    """
    return save_checked(project, path, store, later=later).project


def save_checked(
    project: Project,
    path: Path,
    store: VersionStore | None,
    expected: FileStamp | None = None,
    *,
    later: bool = False,
) -> SavedVersion:
    """:func:`save_version` that also gives the file's stamp and checks ``expected``.

    With ``expected``, a file that changed on disk since raises
    :class:`~.file_stamp.ChangedOnDiskError` and nothing is written or stored.
    """
    content = content_json(project)
    digest = hash_of(content)
    saved = stamped(project, digest)
    stamp = save_project(saved, path, expected)
    if store is not None and later:
        store.put_content_later(digest, content)
    elif store is not None:
        with contextlib.suppress(OSError):
            store.put_content(digest, content)
    return SavedVersion(saved, stamp)


@dataclass(frozen=True)
class FoundBase:
    """The result of looking for a base: the project (or None) and how it was found."""

    project: Project | None
    description: str


def common_versions(ours: Project, theirs: Project) -> list[str]:
    """Hashes both copies descend from, newest (in their lineage) first."""
    mine = {*ours.lineage, content_hash(ours)}
    theirs_line = _unique((*theirs.lineage, content_hash(theirs)))
    return [h for h in reversed(theirs_line) if h in mine]


def _sidecar_base(
    sidecars: Sequence[Path], common: list[str], unverifiable: bool
) -> FoundBase | None:
    for sidecar in sidecars:
        if not sidecar.is_file():
            continue
        try:
            project = load_project(sidecar)
        except ProjectFileError:
            continue
        digest = content_hash(project)
        if digest in common or unverifiable:
            return FoundBase(project, f"the base file {sidecar.name}")
    return None


def find_base(
    ours: Project,
    theirs: Project,
    store: VersionStore | None,
    sidecars: Sequence[Path] = (),
) -> FoundBase:
    """The last common version of two copies, from the store or a sidecar file."""
    common = common_versions(ours, theirs)
    for digest in common:
        found = store.get(digest) if store is not None else None
        if found is not None:
            return FoundBase(found, f"the last common version ({digest[:12]}, from saved versions)")
        candidate = _sidecar_base(sidecars, [digest], unverifiable=False)
        if candidate is not None:
            return candidate
    unverifiable = not ours.lineage or not theirs.lineage
    candidate = _sidecar_base(sidecars, [], unverifiable) if unverifiable else None
    if candidate is not None:
        return FoundBase(candidate.project, candidate.description + " (unverified)")
    if common:
        why = "the last common version is not among the saved versions on this computer"
    elif unverifiable:
        why = "one of the copies does not record its saved versions"
    else:
        why = "the copies share no saved version"
    return FoundBase(None, why)


def sidecars_for(*paths: Path | None) -> list[Path]:
    """The ``<file>.base`` files next to the given project files."""
    return [Path(os.fspath(p) + ".base") for p in paths if p is not None]
