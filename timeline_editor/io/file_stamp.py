"""What a file was when the program last read or wrote it, and whether it changed since.

A :class:`FileStamp` holds a file's size, modification time (nanoseconds), identity
(device and inode) and the SHA-256 of the very bytes the program read or wrote. The
status is taken *before* reading and from the open descriptor *before* the rename of a
save, so a file replaced in between shows different metadata and gets hashed, never a
new file with an old hash.

:func:`disk_state` compares the file now with a stamp. When size, mtime and identity
are all as stamped, the file is taken as unchanged without reading it (as make, rsync
and git do). Otherwise its bytes are hashed: a file only touched, or copied back with
the same content, is unchanged; different bytes are a change. A file that is gone is
:attr:`DiskState.MISSING`; anything that is not a regular file counts as changed.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

_CHUNK = 1 << 20
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


@dataclass(frozen=True)
class FileStamp:
    """A file as the program last read or wrote it: metadata and content hash."""

    size: int
    mtime_ns: int
    device: int
    inode: int
    sha256: str

    @property
    def mtime(self) -> float:
        """The modification time in seconds, as ``os.stat`` gives ``st_mtime``."""
        return self.mtime_ns / 1e9

    def same_metadata(self, info: os.stat_result) -> bool:
        """True when size, mtime and identity are all as stamped."""
        return (info.st_size, info.st_mtime_ns, info.st_dev, info.st_ino) == (
            self.size,
            self.mtime_ns,
            self.device,
            self.inode,
        )


class DiskState(StrEnum):
    """How the file on disk compares with a stamp."""

    SAME = "same"
    CHANGED = "changed"
    MISSING = "missing"


def stamp_of(data: bytes, info: os.stat_result) -> FileStamp:
    """The stamp of a file whose status was ``info`` and whose bytes are ``data``."""
    return FileStamp(
        size=len(data),
        mtime_ns=info.st_mtime_ns,
        device=info.st_dev,
        inode=info.st_ino,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _hash_file(path: Path) -> tuple[os.stat_result, str] | None:
    """The open file's status and SHA-256, or None when it is not a regular file."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None
        digest = hashlib.sha256()
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return info, digest.hexdigest()


def current_stamp(path: Path) -> FileStamp | None:
    """The stamp of the file as it is now (reads it all), or None when it is not there."""
    hashed = _hash_file(Path(path))
    if hashed is None:
        return None
    info, digest = hashed
    return FileStamp(info.st_size, info.st_mtime_ns, info.st_dev, info.st_ino, digest)


def disk_state(path: Path, known: FileStamp) -> tuple[DiskState, FileStamp | None]:
    """How ``path`` compares with ``known``, and its stamp now (None when missing).

    Reads the file only when its metadata differ from the stamp.
    """
    try:
        info = Path(path).stat()
    except (OSError, ValueError):
        return DiskState.MISSING, None
    if not stat.S_ISREG(info.st_mode):
        return DiskState.CHANGED, None
    if known.same_metadata(info):
        return DiskState.SAME, known
    now = current_stamp(path)
    if now is None:
        return DiskState.MISSING, None
    return (DiskState.SAME if now.sha256 == known.sha256 else DiskState.CHANGED), now


class ChangedOnDiskError(Exception):
    """A save refused because the file changed on disk since it was read or saved.

    ``now`` is the file's stamp at the moment of the refusal (None for something that is
    not a regular file); nothing was written.
    """

    def __init__(self, path: Path, now: FileStamp | None) -> None:
        self.path = path
        self.now = now
        super().__init__(f"{path} changed on disk since it was opened or last saved")
