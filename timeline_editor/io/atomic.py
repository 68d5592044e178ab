"""Atomic file writing: a temporary file in the same folder, fsync, then rename.

A failed write leaves whatever was at the destination byte for byte intact. A process
killed while writing leaves its temporary file behind, full size. Temporary files are
therefore named ``.<destination>.te<pid>-<host>-<random>.tmp``: the writer's process id
and a short hash of its host name. :func:`remove_stale_temporaries` removes those of
processes of this host that are no longer running, and every write does so for the
temporaries of its own destination first.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import shutil
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

#: Our temporary files: destination, process id, host, random part.
_TEMPORARY = re.compile(
    r"^\.(?P<name>.*)\.te(?P<pid>[0-9]{1,10})-(?P<host>[0-9a-f]{8})-[a-z0-9]+\.tmp$"
)

_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)

#: Room left for the rest of a temporary name within the usual 255-byte limit.
_NAME_ROOM = 150


def _host_tag() -> str:
    # A folder shared over the network may hold temporaries of live processes elsewhere;
    # a process id only means something on the host that wrote it.
    return hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]


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
    except OverflowError:
        return False
    return True


def temporary_name(path: Path, tag: str = "") -> str:
    """The name of a fresh temporary file for ``path`` (``tag`` replaces the random part)."""
    stem = path.name[:_NAME_ROOM]
    return f".{stem}.te{os.getpid()}-{_host_tag()}-{tag or secrets.token_hex(4)}.tmp"


def remove_stale_temporaries(folder: Path, name: str | None = None) -> list[Path]:
    """Remove our temporary files in ``folder`` whose writing process is gone; the removed.

    Only names made by :func:`temporary_name` on this host count, and only when their
    process is not running; with ``name``, only the temporaries of that destination.
    Files that cannot be listed or removed are left alone.
    """
    removed: list[Path] = []
    host = _host_tag()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMPORARY.match(entry.name)
        if match is None or match["host"] != host or pid_alive(int(match["pid"])):
            continue
        if name is not None and match["name"] != name[:_NAME_ROOM]:
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False):
                Path(entry.path).unlink()
                removed.append(Path(entry.path))
    return removed


class WriteError(OSError):
    """A file that could not be written, named with the reason in plain words.

    ``str()`` reads "cannot write /x/out.png: folder /x does not exist"; ``strerror``
    holds the reason alone and ``filename`` the destination (never the temporary file).
    """

    def __init__(self, path: Path, reason: str, code: int | None = None) -> None:
        super().__init__(code, reason, str(path))
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"cannot write {self.path}: {self.reason}"


def _reason(exc: OSError, path: Path, folder: Path) -> str:
    """Why writing ``path`` failed, in words that name the destination, not the temp file."""
    shown = folder
    if exc.errno == errno.ENOENT and not folder.exists():
        return f"folder {shown} does not exist"
    if exc.errno in (errno.ENOTDIR, errno.ENOENT) and not folder.is_dir():
        return f"{shown} is not a folder"
    if exc.errno in (errno.EISDIR, errno.ENOTEMPTY, errno.EEXIST) or path.is_dir():
        return "a folder of that name is in the way"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"no permission to write in folder {shown}"
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.EROFS:
        return "the file system is read-only"
    return (exc.strerror or str(exc)).lower()


@contextlib.contextmanager
def _wrapped(path: Path, folder: Path) -> Iterator[None]:
    """Turn an OSError of our own file operations into a :class:`WriteError`."""
    try:
        yield
    except WriteError:
        raise
    except OSError as exc:
        raise WriteError(path, _reason(exc, path, folder), exc.errno) from exc


@contextlib.contextmanager
def atomic_writer(
    path: Path,
    backup: bool = False,
    before_replace: Callable[[os.stat_result], None] | None = None,
) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces ``path`` only if the block succeeds.

    With ``backup`` the previous file, if any, is kept as ``<path>.bak``. A failure of
    the file system raises :class:`WriteError` naming ``path`` and the reason; an
    exception from the block itself passes through unchanged. ``before_replace`` gets
    the written file's status (what ``path`` will have) just before the rename; an
    exception it raises passes through unchanged and nothing is replaced.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path()
    remove_stale_temporaries(folder, path.name)
    temp = folder / temporary_name(path)
    with _wrapped(path, folder):
        handle = os.open(temp, _CREATE_FLAGS, 0o600)
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            with _wrapped(path, folder):
                stream.flush()
                os.fsync(stream.fileno())
                written = os.fstat(stream.fileno())
            if before_replace is not None:
                before_replace(written)
        with _wrapped(path, folder):
            _replace(temp, path, backup)
        _fsync_folder(folder)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def _replace(temp: Path, path: Path, backup: bool) -> None:
    """Give ``temp`` the old file's mode, keep the backup, and rename it over ``path``."""
    if path.exists():
        with contextlib.suppress(OSError):
            temp.chmod(path.stat().st_mode & 0o777)
        if backup:
            _keep_backup(path)
    else:
        temp.chmod(0o644)
    temp.replace(path)


def _keep_backup(path: Path) -> None:
    """Make ``<path>.bak`` the current file: a hard link (instant) or else a copy."""
    backup = path.with_name(path.name + ".bak")
    link = path.with_name(temporary_name(path, "bak"))
    try:
        link.unlink(missing_ok=True)
        os.link(path, link)
        link.replace(backup)
    except OSError:
        with contextlib.suppress(OSError):
            link.unlink()
        shutil.copy2(path, backup)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def atomic_write_bytes(path: Path, data: bytes, backup: bool = False) -> None:
    """Replace ``path`` with ``data`` atomically (see :func:`atomic_writer`)."""
    with atomic_writer(path, backup=backup) as stream:
        stream.write(data)


def write_failure(path: Path, exc: OSError) -> str:
    """'cannot write PATH: reason' for any error of a save or export, without temp names.

    Finds the :class:`WriteError` behind a wrapper (a project save error keeps it as
    its cause); other errors give their plain reason or their listed problems.
    """
    cause = exc if isinstance(exc, WriteError) else exc.__cause__
    if isinstance(cause, WriteError):
        return str(cause)
    problems = getattr(exc, "problems", None)
    if isinstance(problems, list) and problems:
        return f"cannot write {path}: {'; '.join(map(str, problems))}"
    return f"cannot write {path}: {exc.strerror or exc}"
