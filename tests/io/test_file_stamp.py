"""Stamps of project files: what was read or written, and whether the disk changed since."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.samples import small_project
from timeline_editor.io.file_stamp import ChangedOnDiskError, DiskState, current_stamp, disk_state
from timeline_editor.io.project_file import read_project, save_project


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "p.timeline.json"
    save_project(small_project(), path)
    return path


def _others_version(path: Path) -> bytes:
    """Another writer's save: the same project retitled, renamed into place."""
    other = small_project().model_copy(update={"title": "Anna's version"})
    save_project(other, path.with_name("elsewhere.json"))
    path.with_name("elsewhere.json").replace(path)
    return path.read_bytes()


def test_the_stamp_of_a_load_and_of_a_save_describe_the_file(saved: Path) -> None:
    _project, stamp = read_project(saved)
    assert stamp == current_stamp(saved)
    assert disk_state(saved, stamp) == (DiskState.SAME, stamp)
    written = save_project(small_project(), saved, expected=stamp)
    info = saved.stat()
    assert (written.size, written.mtime_ns, written.inode) == (
        info.st_size,
        info.st_mtime_ns,
        info.st_ino,
    )
    assert written == current_stamp(saved)


def test_touched_or_copied_back_is_not_a_change(saved: Path) -> None:
    _project, stamp = read_project(saved)
    os.utime(saved, ns=(1, 1))
    state, now = disk_state(saved, stamp)
    assert state is DiskState.SAME and now is not None and now.mtime_ns == 1
    copy = saved.with_name("copy.json")
    copy.write_bytes(saved.read_bytes())
    copy.replace(saved)  # same bytes, another file
    assert disk_state(saved, stamp)[0] is DiskState.SAME


def test_other_bytes_a_missing_file_and_a_fifo(saved: Path) -> None:
    _project, stamp = read_project(saved)
    _others_version(saved)
    assert disk_state(saved, stamp)[0] is DiskState.CHANGED
    saved.unlink()
    assert disk_state(saved, stamp) == (DiskState.MISSING, None)
    os.mkfifo(saved)
    assert disk_state(saved, stamp) == (DiskState.CHANGED, None)  # and returns at once


def test_save_refuses_when_the_file_changed_and_writes_nothing(saved: Path) -> None:
    _project, stamp = read_project(saved)
    theirs = _others_version(saved)
    mine = small_project().model_copy(update={"title": "Mine"})
    with pytest.raises(ChangedOnDiskError) as caught:
        save_project(mine, saved, expected=stamp)
    assert saved.read_bytes() == theirs
    assert caught.value.now == current_stamp(saved)
    assert [p.name for p in saved.parent.iterdir()] == ["p.timeline.json"]  # no temporary
    # Without an expectation (Overwrite), or against the new stamp, it is written.
    save_project(mine, saved, expected=caught.value.now)
    assert read_project(saved)[0].title == "Mine"


def test_save_over_a_deleted_file_writes_it_again(saved: Path) -> None:
    _project, stamp = read_project(saved)
    saved.unlink()
    save_project(small_project(), saved, expected=stamp)
    assert saved.is_file()
