"""Lock files beside open projects: who holds a file, stale locks, take-over and release."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from timeline_editor.io.file_lock import (
    STALE_SECONDS,
    LockOwner,
    live_holder,
    lock_path,
    read_lock,
    refresh_lock,
    release_lock,
    take_lock,
)

HOST = socket.gethostname()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "brussels.timeline.json"
    path.write_text("{}\n")
    return path


def _dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True
    )
    return int(done.stdout)


def _lock(project: Path) -> LockOwner:
    """The owner the lock file names (it must name one)."""
    owner = read_lock(project)
    assert owner is not None
    return owner


def _other(host: str = "laptop-7", pid: int = 4242, age: float = 60.0) -> LockOwner:
    return LockOwner("anna", host, pid, time.time() - age, "s-anna")


def test_the_lock_file_says_who_where_and_since_when(project: Path) -> None:
    me = LockOwner.me("s1")
    assert take_lock(project, me) is None
    assert lock_path(project).name == ".~lock.brussels.timeline.json#"
    fields = json.loads(lock_path(project).read_text())
    assert fields["program"] == "timeline-editor"
    assert (fields["host"], fields["pid"], fields["session"]) == (HOST, os.getpid(), "s1")
    assert fields["user"] and fields["time"].endswith("Z")
    holder = live_holder(project)
    assert holder is not None and holder.same_holder(me) and holder.is_this_process()


def test_a_live_lock_is_kept_and_named_unless_forced(project: Path) -> None:
    anna = _other()
    assert take_lock(project, anna) is None
    me = LockOwner.me("s1")
    assert take_lock(project, me) == _lock(project)
    assert _lock(project).user == "anna"
    assert take_lock(project, me, force=True) is None  # "Open anyway"
    assert _lock(project).same_holder(me)
    # Anna closes her window: the lock is no longer hers, so it stays.
    assert not release_lock(project, anna)
    assert refresh_lock(project, anna) is None
    assert release_lock(project, me)
    assert not lock_path(project).exists()


def test_a_live_process_on_this_host_holds_its_lock(project: Path) -> None:
    parent = LockOwner("me", HOST, os.getppid(), time.time(), "s-parent")
    take_lock(project, parent)
    assert live_holder(project) == read_lock(project)


@pytest.mark.parametrize(
    "stale",
    [
        lambda: LockOwner("me", HOST, _dead_pid(), time.time(), "s-dead"),
        lambda: _other(age=STALE_SECONDS + 3600),
        lambda: _other(age=-(STALE_SECONDS + 3600)),  # dated well into the future
    ],
    ids=["this host, process gone", "other host, a day old", "other host, future"],
)
def test_stale_locks_are_replaced_without_asking(
    project: Path, stale: Callable[[], LockOwner]
) -> None:
    owner = stale()
    take_lock(project, owner)
    assert read_lock(project) is not None
    assert live_holder(project) is None
    me = LockOwner.me("s1")
    assert take_lock(project, me) is None
    assert _lock(project).same_holder(me)


def test_a_fresh_lock_of_another_host_is_live(project: Path) -> None:
    take_lock(project, _other(age=STALE_SECONDS - 3600))
    holder = live_holder(project)
    assert holder is not None and holder.host == "laptop-7" and not holder.is_this_process()


@pytest.mark.parametrize(
    "content",
    [b"", b"anna,laptop,;", b'{"program": "timeline-editor", "pid": true}', b"[" * 100_000],
)
def test_an_unreadable_lock_counts_as_stale(project: Path, content: bytes) -> None:
    lock_path(project).write_bytes(content)
    assert read_lock(project) is None and live_holder(project) is None
    assert take_lock(project, LockOwner.me("s1")) is None
    assert read_lock(project) is not None


def test_refresh_renews_only_our_own_lock(project: Path) -> None:
    me = LockOwner("me", HOST, os.getpid(), time.time() - 7200, "s1")
    take_lock(project, me)
    renewed = refresh_lock(project, me)
    assert renewed is not None and renewed.time > me.time + 3600
    assert _lock(project).time == pytest.approx(renewed.time, abs=1)


def test_a_folder_that_cannot_hold_a_lock_is_no_obstacle(tmp_path: Path) -> None:
    missing = tmp_path / "no such folder" / "p.json"
    assert take_lock(missing, LockOwner.me()) is None
    assert not release_lock(missing, LockOwner.me())
