"""Autosave snapshots of unsaved work, and finding them again after a crash.

Each editing session owns one snapshot in the state folder: a project file
``<session>.<pid>.<hash>.project.json`` named by its writer and its content's hash,
and ``<session>.meta.json``, which says where the project came from, when it was
taken, which process wrote it, and *which project file, with which hash and size*, is
the snapshot. The meta file is the commit record: a new project file is written
(atomically) under its own name first, then the meta file is replaced (atomically) to
point at it, and only then is the previous project file removed. Killed at any moment,
the folder holds a meta file that describes the project file it names, never a meta
file of one version beside the project of another. Project files no meta file names
(a write killed before its commit) are leftovers; :meth:`AutosaveStore.remove_leftovers`
removes them, and the temporary files, of processes that are no longer running.

A snapshot whose process is no longer running is left over from a crash and can be
recovered.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from timeline_editor.model.entities import Project

from .atomic import atomic_write_bytes, pid_alive, remove_stale_temporaries
from .project_file import ProjectFileError, file_bytes, load_project
from .safe_read import ReadRefusedError, read_file
from .settings import state_dir

__all__ = ["AutosaveStore", "Snapshot", "SnapshotInfo", "pid_alive"]

META_SUFFIX = ".meta.json"
PROJECT_SUFFIX = ".project.json"
MAX_META_BYTES = 1024 * 1024
_PROJECT_FILE = re.compile(
    r"^(?P<session>[0-9A-Za-z]+)\.(?P<pid>[0-9]{1,10})\.[0-9a-f]{16}\.project\.json$"
)


@dataclass(frozen=True)
class SnapshotInfo:
    """What a snapshot holds and where it came from (all plain values)."""

    session: str
    title: str
    entry_count: int
    saved_at: float
    original_path: str | None
    original_mtime: float | None
    pid: int
    #: The project file this record commits to, its SHA-256 and size ("" and -1 in
    #: snapshots of earlier versions, whose project file is ``<session>.project.json``).
    project_file: str = ""
    sha256: str = ""
    size: int = -1


@dataclass(frozen=True)
class Snapshot:
    """A snapshot found on disk."""

    info: SnapshotInfo
    project_path: Path
    meta_path: Path

    def original_is_newer(self) -> bool:
        """True when the original file changed on disk after this snapshot's base.

        That is: it was modified after the snapshot was taken, or differs from the
        version the session had opened.
        """
        if not self.info.original_path:
            return False
        try:
            mtime = Path(self.info.original_path).stat().st_mtime
        except OSError:
            return False
        if mtime > self.info.saved_at:
            return True
        base = self.info.original_mtime
        return base is not None and abs(mtime - base) > 1e-3

    def is_intact(self) -> bool:
        """True when the project file is exactly the one the meta file committed to."""
        if not self.info.sha256:
            return self.project_path.is_file()
        try:
            data = read_file(self.project_path, max(self.info.size, 0))
        except ReadRefusedError:
            return False
        return hashlib.sha256(data).hexdigest() == self.info.sha256

    def load(self) -> Project:
        """The snapshot's project; ProjectFileError when it is damaged or unreadable."""
        if not self.is_intact():
            raise ProjectFileError(
                self.project_path, ["the snapshot does not match its record; it is damaged"]
            )
        return load_project(self.project_path)


class AutosaveStore:
    """Snapshots in one folder (default: the platformdirs state folder)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else state_dir() / "autosave"

    @staticmethod
    def new_session() -> str:
        """A fresh session name for a window."""
        return uuid.uuid4().hex

    def write(
        self,
        session: str,
        project: Project,
        original_path: Path | None,
        original_mtime: float | None,
    ) -> Snapshot:
        """Write (or overwrite) the session's snapshot; raises OSError (the old one stays)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        # Refuses, before anything is written, what a recovery could not load (infinity).
        data = file_bytes(project, self.folder / (session + PROJECT_SUFFIX))
        digest = hashlib.sha256(data).hexdigest()
        name = f"{session}.{os.getpid()}.{digest[:16]}{PROJECT_SUFFIX}"
        project_path = self.folder / name
        atomic_write_bytes(project_path, data)
        info = SnapshotInfo(
            session=session,
            title=project.title,
            entry_count=len(project.entries),
            saved_at=time.time(),
            original_path=str(original_path) if original_path else None,
            original_mtime=original_mtime,
            pid=os.getpid(),
            project_file=name,
            sha256=digest,
            size=len(data),
        )
        meta_path = self.folder / (session + META_SUFFIX)
        atomic_write_bytes(meta_path, json.dumps(asdict(info), indent=2).encode("utf-8"))
        self._remove_projects(session, keep=name)
        return Snapshot(info, project_path, meta_path)

    def snapshots(self) -> list[Snapshot]:
        """Every complete snapshot in the folder, newest first."""
        found: list[Snapshot] = []
        if not self.folder.is_dir():
            return found
        for meta_path in self.folder.glob("*" + META_SUFFIX):
            info = _read_info(meta_path)
            if info is None:
                continue
            project_path = meta_path.with_name(info.project_file or info.session + PROJECT_SUFFIX)
            if _committed(project_path, info):
                found.append(Snapshot(info, project_path, meta_path))
        return sorted(found, key=lambda s: s.info.saved_at, reverse=True)

    def recoverable(self, live_sessions: frozenset[str] = frozenset()) -> list[Snapshot]:
        """Snapshots left behind by sessions that ended without saving or discarding.

        A snapshot of another running process belongs to that process; one of this
        process counts unless its session is still open (``live_sessions``). Leftover
        files of dead processes are removed first (:meth:`remove_leftovers`).
        """
        self.remove_leftovers()
        own = os.getpid()
        return [
            s
            for s in self.snapshots()
            if s.info.session not in live_sessions
            and (s.info.pid == own or not pid_alive(s.info.pid))
        ]

    def remove_leftovers(self) -> list[Path]:
        """Remove temporary and uncommitted project files of dead processes; the removed."""
        removed = remove_stale_temporaries(self.folder)
        committed = {s.project_path.name for s in self.snapshots()}
        with contextlib.suppress(OSError):
            for path in self.folder.glob("*" + PROJECT_SUFFIX):
                match = _PROJECT_FILE.match(path.name)
                if match is None or path.name in committed or pid_alive(int(match["pid"])):
                    continue
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed.append(path)
        return removed

    def discard(self, session: str) -> None:
        """Delete a session's snapshot (after a save, a discard or a recovery)."""
        # The record first: a discard cut short leaves leftovers, never a broken record.
        with contextlib.suppress(OSError):
            (self.folder / (session + META_SUFFIX)).unlink()
        self._remove_projects(session, keep=None)

    def _remove_projects(self, session: str, keep: str | None) -> None:
        """Remove the session's project files other than ``keep``."""
        names = [session + PROJECT_SUFFIX]
        with contextlib.suppress(OSError):
            names += [p.name for p in self.folder.glob(f"{session}.*{PROJECT_SUFFIX}")]
        for name in names:
            if name != keep:
                with contextlib.suppress(OSError):
                    (self.folder / name).unlink()


def _committed(project_path: Path, info: SnapshotInfo) -> bool:
    """True when the record's project file is there with the size it committed to."""
    try:
        size = project_path.stat().st_size
    except OSError:
        return False
    return info.size < 0 or size == info.size


#: The type each field of a meta file must have (bool is refused where int is asked).
_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "session": (str,),
    "title": (str,),
    "entry_count": (int,),
    "saved_at": (int, float),
    "original_path": (str, type(None)),
    "original_mtime": (int, float, type(None)),
    "pid": (int,),
    "project_file": (str,),
    "sha256": (str,),
    "size": (int,),
}


def _read_info(meta_path: Path) -> SnapshotInfo | None:
    try:
        data = json.loads(read_file(meta_path, MAX_META_BYTES))
        if not isinstance(data, dict) or not all(
            isinstance(value, _FIELD_TYPES.get(key, ())) and not isinstance(value, bool)
            for key, value in data.items()
        ):
            return None
        info = SnapshotInfo(**data)
    except (ReadRefusedError, ValueError, TypeError, RecursionError):
        return None
    # The session names a file: refuse anything that could point elsewhere.
    if not info.session.isalnum() or meta_path.name != info.session + META_SUFFIX:
        return None
    match = _PROJECT_FILE.match(info.project_file)
    if info.project_file and (match is None or match["session"] != info.session):
        return None
    return info
