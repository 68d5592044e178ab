"""Saves and autosaves killed with SIGKILL at random moments: the old or the new version.

A helper process forks writers that save two versions in turn; each is killed after a
random delay. Afterwards the project file (and its backup) must be byte for byte one of
the two versions, the autosave record must describe exactly the project file it names,
and the temporary files the killed writers left must all be found and removed.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.io.hostile.kill_worker import SESSION, versions
from timeline_editor.io.atomic import remove_stale_temporaries
from timeline_editor.io.autosave import AutosaveStore
from timeline_editor.io.project_file import file_bytes

ROOT = Path(__file__).parents[3]
KILLS = 8

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")


class Helper:
    """The helper process: start writers, kill and reap them."""

    def __init__(self, folder: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.io.hostile.kill_worker", str(folder)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        assert self._read() == "ready"

    def _read(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def ask(self, line: str) -> str:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return self._read()

    def kill_writer(self, mode: str, delay: float) -> None:
        """Start a writer, let it run ``delay`` seconds, kill it and reap it."""
        pid = int(self.ask(mode))
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        assert self.ask(f"reap {pid}") == "reaped"

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


@pytest.fixture
def helper(tmp_path: Path) -> Iterator[Helper]:
    started = Helper(tmp_path)
    yield started
    started.close()


def _delays() -> tuple[int, list[float]]:
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    return seed, [rng.uniform(0.0, 0.12) for _ in range(KILLS)]


def test_a_killed_save_leaves_the_old_or_the_new_file(helper: Helper, tmp_path: Path) -> None:
    allowed = {file_bytes(p, tmp_path) for p in versions()}
    target = tmp_path / "project.timeline.json"
    seed, delays = _delays()
    for delay in delays:
        helper.kill_writer("save", delay)
        assert target.read_bytes() in allowed, f"seed {seed}"
        backup = target.with_name(target.name + ".bak")
        assert backup.read_bytes() in allowed, f"seed {seed}"
    remove_stale_temporaries(tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir() if p.name != "autosave")
    assert names == ["project.timeline.json", "project.timeline.json.bak"], f"seed {seed}"


def test_a_killed_autosave_leaves_a_record_that_matches_its_snapshot(
    helper: Helper, tmp_path: Path
) -> None:
    store = AutosaveStore(tmp_path / "autosave")
    titles = {p.title: len(p.entries) for p in versions()}
    seed, delays = _delays()
    for delay in delays:
        helper.kill_writer("autosave", delay)
        [snapshot] = store.snapshots()
        assert snapshot.info.session == SESSION
        data = snapshot.project_path.read_bytes()
        assert hashlib.sha256(data).hexdigest() == snapshot.info.sha256, f"seed {seed}"
        project = snapshot.load()
        assert (project.title, len(project.entries)) == (
            snapshot.info.title,
            snapshot.info.entry_count,
        ), f"seed {seed}"
        assert titles[project.title] == len(project.entries)
    store.remove_leftovers()
    names = sorted(p.name for p in store.folder.iterdir())
    assert names == sorted([f"{SESSION}.meta.json", snapshot.project_path.name]), f"seed {seed}"
