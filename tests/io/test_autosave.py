"""Autosave snapshots: write, list, recover, discard."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.samples import small_project
from timeline_editor.io import autosave
from timeline_editor.io.autosave import AutosaveStore
from timeline_editor.io.project_file import load_project


def test_snapshot_round_trip(tmp_path: Path) -> None:
    store = AutosaveStore(tmp_path)
    project = small_project()
    original = tmp_path / "brussels.json"
    snapshot = store.write("abc123", project, original, 12.5)
    [found] = store.snapshots()
    assert found.info == snapshot.info
    assert found.info.title == "Brussels meeting"
    assert found.info.entry_count == 5
    assert found.info.original_path == str(original)
    assert found.info.pid == os.getpid()
    assert load_project(found.project_path) == project


def test_incomplete_or_bogus_snapshots_are_ignored(tmp_path: Path) -> None:
    store = AutosaveStore(tmp_path)
    store.write("good", small_project(), None, None)
    (tmp_path / "half.project.json").write_text("{}", encoding="utf-8")
    (tmp_path / "bad.meta.json").write_text("[1, 2]", encoding="utf-8")
    (tmp_path / "evil.meta.json").write_text(
        '{"session": "../x", "title": "", "entry_count": 0, "saved_at": 0,'
        ' "original_path": null, "original_mtime": null, "pid": 1}',
        encoding="utf-8",
    )
    assert [s.info.session for s in store.snapshots()] == ["good"]


def test_recoverable_skips_live_sessions_and_other_live_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = AutosaveStore(tmp_path)
    store.write("mine", small_project(), None, None)
    assert [s.info.session for s in store.recoverable()] == ["mine"]
    assert store.recoverable(frozenset({"mine"})) == []
    monkeypatch.setattr(os, "getpid", lambda: 999_999_999)
    # Written by a process that is still running (this one): not ours to recover.
    assert store.recoverable() == []
    monkeypatch.setattr(autosave, "pid_alive", lambda pid: False)
    assert len(store.recoverable()) == 1


def test_discard_removes_both_files(tmp_path: Path) -> None:
    store = AutosaveStore(tmp_path)
    store.write("gone", small_project(), None, None)
    store.discard("gone")
    assert list(tmp_path.iterdir()) == []
    store.discard("gone")  # twice is harmless


def test_original_newer_than_snapshot(tmp_path: Path) -> None:
    original = tmp_path / "p.json"
    original.write_text("{}", encoding="utf-8")
    mtime = original.stat().st_mtime
    store = AutosaveStore(tmp_path / "auto")
    snapshot = store.write("s1", small_project(), original, mtime)
    assert not snapshot.original_is_newer()
    later = time.time() + 60
    os.utime(original, (later, later))
    assert snapshot.original_is_newer()
    original.unlink()
    assert not snapshot.original_is_newer()


def test_pid_alive() -> None:
    assert autosave.pid_alive(os.getpid())
    assert not autosave.pid_alive(0)
