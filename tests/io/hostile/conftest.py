"""Hostile inputs shared by these tests: special files, and a watchdog against hangs."""

from __future__ import annotations

import os
import signal
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

import pytest

#: A call that has not returned after this many seconds counts as hanging.
HANG_SECONDS = 5.0

#: Each special kind of path and the words its refusal must contain.
SPECIAL_KINDS = {
    "fifo": "named pipe (FIFO)",
    "device": "character device",
    "folder": "is a folder",
    "socket": "is a socket",
    "loop": "symbolic link loop",
    "dangling": "symbolic link to a file that does not exist",
    "missing": "no such file",
}


class HangError(Exception):
    """A call under test blocked for longer than the watchdog allows."""


@pytest.fixture
def watchdog() -> Iterator[None]:
    """Fail (rather than hang the suite) when the test blocks for HANG_SECONDS."""

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise HangError(f"still blocked after {HANG_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def special(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[[str], Path]]:
    """Make a path of a kind in SPECIAL_KINDS (sockets are closed afterwards)."""
    sockets: list[socket.socket] = []

    def make(kind: str) -> Path:
        path = tmp_path / f"special-{kind}.json"
        if kind == "fifo":
            os.mkfifo(path)
        elif kind == "device":
            path = Path("/dev/zero")
        elif kind == "folder":
            path.mkdir()
        elif kind == "socket":
            # A socket's path must be short (108 bytes), and tmp_path may be deep.
            path = tmp_path_factory.mktemp("s") / "sock"
            server = socket.socket(socket.AF_UNIX)
            server.bind(str(path))
            sockets.append(server)
        elif kind == "loop":
            other = tmp_path / "special-loop-2.json"
            path.symlink_to(other)
            other.symlink_to(path)
        elif kind == "dangling":
            path.symlink_to(tmp_path / "not-there.json")
        return path

    yield make
    for server in sockets:
        name = server.getsockname()
        server.close()
        if isinstance(name, str):
            Path(name).unlink(missing_ok=True)
