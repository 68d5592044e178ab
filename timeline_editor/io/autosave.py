"""Autosave snapshots of unsaved work, and finding them again after a crash.

Each editing session owns one snapshot, two files in the state folder:
``<session>.project.json`` (the project) and ``<session>.meta.json`` (where it came
from, when it was taken, which process wrote it). The meta file is written last, so a
snapshot without one is incomplete and ignored. A snapshot whose process is no longer
running is left over from a crash and can be recovered.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from timeline_editor.model.entities import Project

from .atomic import atomic_write_bytes
from .settings import state_dir

META_SUFFIX = ".meta.json"
PROJECT_SUFFIX = ".project.json"


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


def pid_alive(pid: int) -> bool:
    """True when a process with this id is running (POSIX; assumed dead elsewhere)."""
    if os.name != "posix" or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


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
        """Write (or overwrite) the session's snapshot atomically."""
        self.folder.mkdir(parents=True, exist_ok=True)
        project_path = self.folder / (session + PROJECT_SUFFIX)
        meta_path = self.folder / (session + META_SUFFIX)
        atomic_write_bytes(project_path, project.model_dump_json(indent=2).encode("utf-8"))
        info = SnapshotInfo(
            session=session,
            title=project.title,
            entry_count=len(project.entries),
            saved_at=time.time(),
            original_path=str(original_path) if original_path else None,
            original_mtime=original_mtime,
            pid=os.getpid(),
        )
        atomic_write_bytes(meta_path, json.dumps(asdict(info), indent=2).encode("utf-8"))
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
            project_path = meta_path.with_name(info.session + PROJECT_SUFFIX)
            if project_path.is_file():
                found.append(Snapshot(info, project_path, meta_path))
        return sorted(found, key=lambda s: s.info.saved_at, reverse=True)

    def recoverable(self, live_sessions: frozenset[str] = frozenset()) -> list[Snapshot]:
        """Snapshots left behind by sessions that ended without saving or discarding.

        A snapshot of another running process belongs to that process; one of this
        process counts unless its session is still open (``live_sessions``).
        """
        own = os.getpid()
        return [
            s
            for s in self.snapshots()
            if s.info.session not in live_sessions
            and (s.info.pid == own or not pid_alive(s.info.pid))
        ]

    def discard(self, session: str) -> None:
        """Delete a session's snapshot (after a save, a discard or a recovery)."""
        for suffix in (META_SUFFIX, PROJECT_SUFFIX):
            with contextlib.suppress(OSError):
                (self.folder / (session + suffix)).unlink()


def _read_info(meta_path: Path) -> SnapshotInfo | None:
    try:
        data = json.loads(meta_path.read_text(encoding="utf-8"))
        info = SnapshotInfo(**data)
    except (OSError, ValueError, TypeError):
        return None
    # The session names a file: refuse anything that could point elsewhere.
    if not info.session.isalnum() or meta_path.name != info.session + META_SUFFIX:
        return None
    return info
