"""Temporary files of killed writers are found and removed; autosave records never lie."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.samples import small_project
from timeline_editor.io import atomic
from timeline_editor.io.atomic import (
    atomic_write_bytes,
    remove_stale_temporaries,
    temporary_name,
)
from timeline_editor.io.autosave import AutosaveStore
from timeline_editor.io.project_file import ProjectFileError, ProjectSaveError
from timeline_editor.model.entities import Project


def _dead_pid() -> int:
    """The id of a process that has just ended (and been reaped)."""
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(child.stdout)


def _stale(folder: Path, name: str, pid: int) -> Path:
    path = folder / temporary_name(folder / name).replace(f".te{os.getpid()}-", f".te{pid}-")
    path.write_bytes(b"x" * 1000)
    return path


def test_temporary_names_carry_the_process_and_the_host() -> None:
    name = temporary_name(Path("/x/report.timeline.json"))
    assert name.startswith(f".report.timeline.json.te{os.getpid()}-")
    assert name.endswith(".tmp")
    assert temporary_name(Path("a")) != temporary_name(Path("a"))


def test_only_our_temporaries_of_dead_processes_are_removed(tmp_path: Path) -> None:
    dead = _dead_pid()
    stale = _stale(tmp_path, "a.json", dead)
    live = _stale(tmp_path, "a.json", os.getpid())
    other_host = tmp_path / f".a.json.te{dead}-00000000-abcd.tmp"
    other_host.write_bytes(b"x")
    unrelated = [tmp_path / ".a.json.tmp", tmp_path / "notes.tmp", tmp_path / "a.json"]
    for path in unrelated:
        path.write_bytes(b"x")
    assert remove_stale_temporaries(tmp_path) == [stale]
    assert all(p.exists() for p in (live, other_host, *unrelated))


def test_only_the_named_destination_is_cleaned_when_asked(tmp_path: Path) -> None:
    dead = _dead_pid()
    mine, other = _stale(tmp_path, "a.json", dead), _stale(tmp_path, "b.json", dead)
    assert remove_stale_temporaries(tmp_path, "a.json") == [mine]
    assert other.exists()


def test_a_write_first_removes_the_stale_temporaries_of_its_file(tmp_path: Path) -> None:
    dead = _dead_pid()
    stale = _stale(tmp_path, "a.json", dead)
    atomic_write_bytes(tmp_path / "a.json", b"new")
    assert not stale.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]


def test_a_failed_write_leaves_no_temporary(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), atomic.atomic_writer(tmp_path / "a.json") as stream:
        stream.write(b"half")
        raise RuntimeError("disk gone")
    assert list(tmp_path.iterdir()) == []


def test_autosave_keeps_one_project_file_named_by_its_record(tmp_path: Path) -> None:
    store = AutosaveStore(tmp_path)
    store.write("s1", small_project(), None, None)
    changed = small_project().model_copy(update={"title": "Changed"})
    snapshot = store.write("s1", changed, None, None)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["s1.meta.json", snapshot.project_path.name]
    )
    record = json.loads((tmp_path / "s1.meta.json").read_text(encoding="utf-8"))
    assert record["project_file"] == snapshot.project_path.name
    assert record["size"] == snapshot.project_path.stat().st_size
    assert snapshot.load().title == "Changed"


def test_uncommitted_project_files_of_dead_writers_are_leftovers(tmp_path: Path) -> None:
    store = AutosaveStore(tmp_path)
    snapshot = store.write("s1", small_project(), None, None)
    dead = _dead_pid()
    orphan = tmp_path / f"s1.{dead}.{'0' * 16}.project.json"
    orphan.write_bytes(b"{}")
    running = tmp_path / f"s2.{os.getpid()}.{'1' * 16}.project.json"
    running.write_bytes(b"{}")
    stale = _stale(tmp_path, orphan.name, dead)
    assert sorted(store.remove_leftovers()) == sorted([orphan, stale])
    assert snapshot.project_path.exists() and running.exists()
    assert [s.info.session for s in store.recoverable()] == ["s1"]


def test_a_record_that_disagrees_with_its_file_is_not_offered(tmp_path: Path) -> None:
    store = AutosaveStore(tmp_path)
    snapshot = store.write("s1", small_project(), None, None)
    data = snapshot.project_path.read_bytes()
    snapshot.project_path.write_bytes(data.replace(b"Brussels", b"Bruxelles"))
    assert store.snapshots() == []  # another size than recorded
    snapshot.project_path.write_bytes(data.replace(b"Brussels", b"Brussolo"))
    [same_size] = store.snapshots()
    assert not same_size.is_intact()
    with pytest.raises(ProjectFileError, match="does not match its record"):
        same_size.load()


def test_snapshots_of_the_earlier_layout_are_still_found(tmp_path: Path) -> None:
    store = AutosaveStore(tmp_path)
    project = small_project()
    (tmp_path / "old.project.json").write_bytes(
        json.dumps(project.model_dump(mode="json", by_alias=True)).encode()
    )
    record = {
        "session": "old",
        "title": "Brussels meeting",
        "entry_count": 5,
        "saved_at": 1.0,
        "original_path": None,
        "original_mtime": None,
        "pid": _dead_pid(),
    }
    (tmp_path / "old.meta.json").write_text(json.dumps(record), encoding="utf-8")
    [snapshot] = store.recoverable()
    assert snapshot.load() == project
    store.discard("old")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "record",
    [
        {"size": "12"},
        {"pid": True},
        {"project_file": "../../etc/passwd"},
        {"project_file": "other.1.0000000000000000.project.json"},
        {"title": 5},
    ],
)
def test_malformed_records_are_ignored(tmp_path: Path, record: dict[str, object]) -> None:
    store = AutosaveStore(tmp_path)
    store.write("s1", small_project(), None, None)
    path = tmp_path / "s1.meta.json"
    path.write_text(json.dumps(json.loads(path.read_text("utf-8")) | record), "utf-8")
    assert store.snapshots() == []


def test_an_unsavable_project_is_not_autosaved_and_the_last_snapshot_stays(
    tmp_path: Path,
) -> None:
    store = AutosaveStore(tmp_path)
    project = small_project()
    good = store.write("s1", project, None, None)
    infinite = Project.model_validate({"title": "x", "weight": float("inf")})
    with pytest.raises(ProjectSaveError, match="NaN or infinite"):
        store.write("s1", infinite, None, None)
    [kept] = store.snapshots()
    assert kept.project_path == good.project_path
    assert kept.load() == project
