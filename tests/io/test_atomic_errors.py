"""Write failures name the real destination and the reason, never the temporary file."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from timeline_editor.io.atomic import WriteError, atomic_write_bytes, atomic_writer, write_failure
from timeline_editor.io.project_file import save_project
from timeline_editor.model.entities import Project


def test_missing_folder_names_destination_and_folder(tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "z.png"
    with pytest.raises(WriteError) as caught:
        atomic_write_bytes(target, b"x")
    assert str(caught.value) == f"cannot write {target}: folder {target.parent} does not exist"
    assert caught.value.errno == errno.ENOENT
    assert caught.value.filename == str(target)
    assert isinstance(caught.value, OSError)  # callers guarding OSError still catch it
    assert ".tmp" not in str(caught.value)


def test_parent_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(WriteError, match=r"file is not a folder$"):
        atomic_write_bytes(tmp_path / "file" / "out.md", b"x")


def test_destination_is_a_folder_keeps_it_and_leaves_no_temp(tmp_path: Path) -> None:
    (tmp_path / "out.md").mkdir()
    with pytest.raises(WriteError, match="a folder of that name is in the way"):
        atomic_write_bytes(tmp_path / "out.md", b"x")
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]
    assert (tmp_path / "out.md").is_dir()


def test_error_inside_the_block_passes_through(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    with pytest.raises(FileNotFoundError), atomic_writer(target) as stream:
        stream.write(b"partial")
        (tmp_path / "missing").read_bytes()  # the caller's own OSError, not a write failure
    assert list(tmp_path.iterdir()) == []


def test_project_save_error_reads_cleanly(tmp_path: Path) -> None:
    target = tmp_path / "gone" / "p.timeline.json"
    with pytest.raises(OSError) as caught:
        save_project(Project(title="t"), target)
    message = write_failure(target, caught.value)
    assert message == f"cannot write {target}: folder {target.parent} does not exist"


def test_write_failure_of_a_plain_os_error() -> None:
    error = PermissionError(errno.EACCES, "Permission denied", "/x/.y.tmp")
    assert write_failure(Path("/x/y"), error) == "cannot write /x/y: Permission denied"
