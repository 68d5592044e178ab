"""Lock files beside open projects, so that nobody edits a file another person has open unawares.

Decisions:

- **Name.** ``.~lock.<file name>#`` in the project's folder: the name office suites
  (LibreOffice) use, which sync clients such as Nextcloud already leave out, and a
  researcher who has seen one knows what it is. It is hidden on Linux and macOS.
- **Content.** JSON: ``{"program": "timeline-editor", "user": ..., "host": ...,
  "pid": ..., "time": "2021-11-20T09:30:00Z", "session": ...}``. ``time`` (UTC) is when
  the lock was taken or last renewed; ``session`` tells two windows of one process apart.
- **Life.** A window writes the lock when it opens the file, renews its time on every
  save and every hour (:data:`REFRESH_SECONDS`), and removes it when it closes the file,
  but only while the lock still names that window: someone who chose "Open anyway" has
  taken it over and keeps it. A new lock is created exclusively, so two programs that
  open the file at the same moment cannot both believe they hold it.
- **Stale locks** are replaced without asking: one of this host whose process is no
  longer running; one of another host not renewed for a day (:data:`STALE_SECONDS`; a
  program that holds a file renews it hourly, so a day's silence means it crashed or
  lost the network, and a day covers clocks that disagree); one dated more than a day
  in the future; and one that cannot be read (cut short by a crash, or not ours).
- A folder where no lock can be written (a read-only share) does not stop anyone: the
  file opens without a lock. The lock protects a shared folder on a network drive; a
  sync service (Dropbox, Nextcloud) does not carry it, and there the check before every
  save and the watched file catch a colleague's copy instead.

The module is Qt-free; the window asks the user what to do with a live lock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import socket
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from .atomic import atomic_write_bytes, pid_alive
from .safe_read import ReadRefusedError, read_file

PROGRAM = "timeline-editor"
STALE_SECONDS = 24 * 3600
REFRESH_SECONDS = 3600
MAX_LOCK_BYTES = 64 * 1024
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def lock_path(path: Path) -> Path:
    """The lock file of ``path``: ``.~lock.<name>#`` beside it."""
    path = Path(path)
    return path.with_name(f".~lock.{path.name}#")


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name and no password entry
        return "unknown"


@dataclass(frozen=True)
class LockOwner:
    """Who holds a lock: user, host, process, since when (seconds, UTC) and session."""

    user: str
    host: str
    pid: int
    time: float
    session: str

    @classmethod
    def me(cls, session: str = "") -> LockOwner:
        """This process, now, for a window's ``session`` (a fresh one when not given)."""
        return cls(_user(), socket.gethostname(), os.getpid(), time.time(), session or _new())

    def is_this_process(self) -> bool:
        """True for a lock written by this very process."""
        return self.host == socket.gethostname() and self.pid == os.getpid()

    def same_holder(self, other: LockOwner) -> bool:
        """True when both name one window of one process (the time may differ)."""
        return (self.host, self.pid, self.session) == (other.host, other.pid, other.session)

    def is_stale(self, now: float | None = None) -> bool:
        """True for a lock nobody holds any more (see the module's rules)."""
        now = time.time() if now is None else now
        if self.host == socket.gethostname():
            return not pid_alive(self.pid)
        return not -STALE_SECONDS <= now - self.time <= STALE_SECONDS

    def since(self) -> str:
        """When the lock was taken or renewed, in local time: '2021-11-20 10:30'."""
        return dt.datetime.fromtimestamp(self.time).strftime("%Y-%m-%d %H:%M")

    def to_json(self) -> bytes:
        """The lock file's content."""
        stamp = dt.datetime.fromtimestamp(self.time, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        fields = {"program": PROGRAM, "user": self.user, "host": self.host, "pid": self.pid}
        fields |= {"time": stamp, "session": self.session}
        return json.dumps(fields, indent=2).encode("utf-8") + b"\n"


def _new() -> str:
    return uuid.uuid4().hex


def _parse(data: bytes) -> LockOwner | None:
    try:
        fields = json.loads(data)
        if not isinstance(fields, dict) or fields.get("program") != PROGRAM:
            return None
        user, host, pid = fields["user"], fields["host"], fields["pid"]
        when = dt.datetime.strptime(fields["time"], "%Y-%m-%dT%H:%M:%SZ")
        session = fields.get("session", "")
    except (ValueError, KeyError, TypeError, RecursionError):
        return None
    strings = all(isinstance(v, str) for v in (user, host, session))
    if not strings or not isinstance(pid, int) or isinstance(pid, bool):
        return None
    return LockOwner(user, host, pid, when.replace(tzinfo=dt.UTC).timestamp(), session)


def read_lock(path: Path) -> LockOwner | None:
    """The owner named by ``path``'s lock file; None when there is none or it is unreadable."""
    try:
        return _parse(read_file(lock_path(path), MAX_LOCK_BYTES))
    except ReadRefusedError:
        return None


def live_holder(path: Path, now: float | None = None) -> LockOwner | None:
    """Who holds ``path`` now: the owner of its lock unless there is none or it is stale."""
    owner = read_lock(path)
    return owner if owner is not None and not owner.is_stale(now) else None


def take_lock(path: Path, owner: LockOwner, force: bool = False) -> LockOwner | None:
    """Write ``owner``'s lock beside ``path``; the live holder that stops it, else None.

    A missing lock is created exclusively; a stale one (or any, with ``force``) is
    replaced. A folder that cannot be written is no obstacle: None, and no lock.
    """
    target = lock_path(path)
    try:
        fd = os.open(target, _CREATE, 0o644)
    except FileExistsError:
        holder = live_holder(path)
        if holder is not None and not force and not holder.same_holder(owner):
            return holder
        with contextlib.suppress(OSError):
            atomic_write_bytes(target, owner.to_json())
        return None
    except OSError:
        return None
    with os.fdopen(fd, "wb") as stream, contextlib.suppress(OSError):
        stream.write(owner.to_json())
    return None


def refresh_lock(path: Path, owner: LockOwner) -> LockOwner | None:
    """Renew the lock's time if it still names ``owner``; the renewed owner, else None."""
    current = read_lock(path)
    if current is None or not current.same_holder(owner):
        return None
    renewed = LockOwner(owner.user, owner.host, owner.pid, time.time(), owner.session)
    try:
        atomic_write_bytes(lock_path(path), renewed.to_json())
    except OSError:
        return None
    return renewed


def release_lock(path: Path, owner: LockOwner) -> bool:
    """Remove ``path``'s lock if it still names ``owner``; True when removed."""
    current = read_lock(path)
    if current is None or not current.same_holder(owner):
        return False
    try:
        lock_path(path).unlink()
    except OSError:
        return False
    return True
