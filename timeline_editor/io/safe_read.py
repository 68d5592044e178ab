"""The one guarded way to read a file given by the user: never block, never read without end.

Every reader (project files, every importer, settings, autosave) reads through
:func:`read_file`. It looks at the path with ``stat`` before opening anything, so a
named pipe (which would block ``open`` until a writer comes), a device such as
``/dev/zero`` (which never ends), a folder, a socket, a symbolic-link loop or a missing
file is refused with a sentence saying what the path is. A regular file is then opened
non-blocking, checked again through the open descriptor (the path may have been
swapped in between), and read up to one byte past the limit, so a file that grows
while it is read is still refused instead of filling the memory.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

#: What a path is, for the modes that are not regular files.
_KINDS = (
    (stat.S_ISDIR, "a folder, not a file"),
    (stat.S_ISFIFO, "a named pipe (FIFO), not a regular file"),
    (stat.S_ISCHR, "a character device (such as /dev/zero), not a regular file"),
    (stat.S_ISBLK, "a block device (a disk), not a regular file"),
    (stat.S_ISSOCK, "a socket, not a regular file"),
)

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


class ReadRefusedError(Exception):
    """A path that is not read: ``reason`` says what it is, ``str()`` names the path too."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def size_words(count: int) -> str:
    """'200 MB', '2 GB' or '512 bytes': a limit in words."""
    for unit, size in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if count >= size and count % size == 0:
            return f"{count // size} {unit}"
    return f"{count:,} bytes"


def _stat_failure(path: Path, exc: OSError) -> ReadRefusedError:
    if exc.errno == errno.ELOOP:
        return ReadRefusedError(path, "is a symbolic link loop (links that lead to each other)")
    if exc.errno == errno.ENOENT:
        if os.path.lexists(path):
            return ReadRefusedError(path, "is a symbolic link to a file that does not exist")
        return ReadRefusedError(path, "no such file")
    if exc.errno == errno.ENOTDIR:
        return ReadRefusedError(path, "no such file (a part of the path is not a folder)")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return ReadRefusedError(path, "no permission to read it")
    if exc.errno == errno.ENAMETOOLONG:
        return ReadRefusedError(path, "the file name is too long")
    return ReadRefusedError(path, f"cannot read the file: {(exc.strerror or str(exc)).lower()}")


def check_readable(path: Path, limit: int) -> os.stat_result:
    """The path's status if it is a regular file within ``limit`` bytes; else ReadRefusedError."""
    try:
        info = path.stat()
    except OSError as exc:
        raise _stat_failure(path, exc) from None
    except ValueError:  # a NUL byte in the name
        raise ReadRefusedError(path, "the file name contains a NUL character") from None
    if not stat.S_ISREG(info.st_mode):
        kind = next((words for test, words in _KINDS if test(info.st_mode)), None)
        raise ReadRefusedError(path, f"is {kind or 'not a regular file'}")
    if info.st_size > limit:
        raise ReadRefusedError(
            path, f"is {info.st_size:,} bytes; the limit is {size_words(limit)} ({limit:,} bytes)"
        )
    return info


def read_file(path: Path, limit: int, head: int | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; raises :class:`ReadRefusedError`.

    With ``head``, only the first ``head`` bytes are read (the size limit still applies).
    """
    path = Path(path)
    info = check_readable(path, limit)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise _stat_failure(path, exc) from None
    with os.fdopen(fd, "rb") as stream:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode) or (opened.st_dev, opened.st_ino) != (
            info.st_dev,
            info.st_ino,
        ):
            raise ReadRefusedError(path, "was replaced while being opened; try again")
        try:
            return _read_stream(stream, path, min(opened.st_size, limit), limit, head)
        except OSError as exc:
            raise _stat_failure(path, exc) from None


def _read_stream(stream: BinaryIO, path: Path, size: int, limit: int, head: int | None) -> bytes:
    if head is not None:
        return stream.read(head)
    # One byte past the announced size: files in /proc announce 0, others may grow.
    data = stream.read(size + 1)
    if len(data) > size:
        data += stream.read(limit + 1 - len(data))
    if len(data) > limit:
        raise ReadRefusedError(path, f"grew past the limit of {size_words(limit)} while being read")
    return data
