"""Atomic file writing: a temporary file in the same folder, fsync, then rename.

A failed write leaves whatever was at the destination byte for byte intact.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def atomic_writer(path: Path, backup: bool = False) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces ``path`` only if the block succeeds.

    With ``backup`` the previous file, if any, is kept as ``<path>.bak``.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path()
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                temp.chmod(path.stat().st_mode & 0o777)
            if backup:
                _keep_backup(path)
        else:
            temp.chmod(0o644)
        temp.replace(path)
        _fsync_folder(folder)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


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
