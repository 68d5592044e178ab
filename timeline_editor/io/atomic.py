"""Atomic file writing: a temporary file in the same folder, fsync, then rename.

A failed write leaves whatever was at the destination byte for byte intact.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


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
def atomic_writer(path: Path, backup: bool = False) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces ``path`` only if the block succeeds.

    With ``backup`` the previous file, if any, is kept as ``<path>.bak``. A failure of
    the file system raises :class:`WriteError` naming ``path`` and the reason; an
    exception from the block itself passes through unchanged.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path()
    with _wrapped(path, folder):
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            with _wrapped(path, folder):
                stream.flush()
                os.fsync(stream.fileno())
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
    link = path.with_name(f".{path.name}.{os.getpid()}.bak.tmp")
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
