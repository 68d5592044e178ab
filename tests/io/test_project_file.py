"""Project files: round trips, stable bytes, unknown fields, atomic saves, versions."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.samples import raw_file_dict, raw_file_project, write_json
from timeline_editor.io import project_file
from timeline_editor.io.project_file import (
    ProjectFileError,
    ProjectSaveError,
    load_project,
    save_project,
)
from timeline_editor.model.entities import Entry, Place, Project


def test_load_save_load_gives_the_same_project(tmp_path: Path) -> None:
    source = write_json(tmp_path / "a.timeline.json", raw_file_dict())
    first = load_project(source)
    save_project(first, tmp_path / "b.timeline.json")
    assert load_project(tmp_path / "b.timeline.json") == first


def test_save_of_an_unchanged_project_is_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "p.timeline.json"
    save_project(raw_file_project(), path)
    before = path.read_bytes()
    save_project(load_project(path), path)
    assert path.read_bytes() == before


def test_output_is_pretty_utf8_and_newline_terminated(tmp_path: Path) -> None:
    path = tmp_path / "p.timeline.json"
    save_project(raw_file_project(), path)
    data = path.read_bytes()
    assert data.endswith(b"}\n")
    assert data.startswith(b'{\n  "format": "timeline-editor",\n  "schema_version": 1,\n')
    assert "Ереван · Bakı".encode() in data  # not \u-escaped
    document = json.loads(data)
    assert data.decode() == json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def test_nested_unknown_fields_survive_a_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "p.timeline.json"
    save_project(load_project(write_json(tmp_path / "in.json", raw_file_dict())), path)
    saved = json.loads(path.read_bytes())
    assert saved["x_project_note"] == {"nested": [1, 2, {"deep": True}]}
    first, second = saved["entries"][0], saved["entries"][1]
    assert first["x_colour_hint"] == "blue"
    assert first["when"]["x_tz"] == "CET"
    assert second["claims"][0]["citation"]["x_page"] == 2
    assert second["claims"][1]["x_tone"] == "firm"


def test_save_keeps_the_previous_file_as_bak(tmp_path: Path) -> None:
    path = tmp_path / "p.timeline.json"
    save_project(raw_file_project(), path)
    old = path.read_bytes()
    save_project(raw_file_project().model_copy(update={"title": "New"}), path)
    assert (tmp_path / "p.timeline.json.bak").read_bytes() == old
    assert load_project(path).title == "New"


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_serialisation_error_leaves_the_old_file_intact(tmp_path: Path) -> None:
    path = tmp_path / "p.timeline.json"
    save_project(raw_file_project(), path)
    before = _listing(tmp_path)
    broken = Project.model_validate({"x_thing": object()})
    with pytest.raises(ProjectSaveError, match="cannot be written as JSON") as caught:
        save_project(broken, path)
    assert isinstance(caught.value, OSError)  # callers guarding saves with OSError catch it
    assert _listing(tmp_path) == before


def test_nan_is_refused_on_save_not_written_as_null(tmp_path: Path) -> None:
    path = tmp_path / "p.timeline.json"
    save_project(raw_file_project(), path)
    before = _listing(tmp_path)
    place = Place(name="Nowhere").model_copy(update={"latitude": float("nan")})
    with pytest.raises(ProjectSaveError, match="NaN or infinite"):
        save_project(Project(places=(place,)), path)
    assert _listing(tmp_path) == before


def test_a_lone_surrogate_is_refused_on_save(tmp_path: Path) -> None:
    path = tmp_path / "p.timeline.json"
    save_project(raw_file_project(), path)
    before = _listing(tmp_path)
    entry = Entry(title="x").model_copy(update={"title": "bad \ud800"})
    with pytest.raises(ProjectSaveError):
        save_project(Project(entries=(entry,)), path)
    assert _listing(tmp_path) == before


def test_a_disk_error_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "p.timeline.json"
    save_project(raw_file_project(), path)
    before = _listing(tmp_path)

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(ProjectSaveError, match="the disk is full"):
        save_project(raw_file_project().model_copy(update={"title": "Lost"}), path)
    assert _listing(tmp_path) == before


def test_control_characters_are_kept_and_escaped(tmp_path: Path) -> None:
    path = tmp_path / "p.timeline.json"
    title = "bell\x07 nul\x00 tab\t line\u2028sep"
    save_project(Project(title=title), path)
    assert b"\\u0007" in path.read_bytes()
    assert load_project(path).title == title


def test_a_newer_file_that_promises_compatibility_opens_and_keeps_its_version(
    tmp_path: Path,
) -> None:
    document = raw_file_dict() | {"schema_version": 2, "min_reader_version": 1, "x_v2": [1]}
    path = write_json(tmp_path / "new.timeline.json", document)
    project = load_project(path)
    save_project(project, tmp_path / "out.timeline.json")
    saved = json.loads((tmp_path / "out.timeline.json").read_bytes())
    assert (saved["schema_version"], saved["min_reader_version"], saved["x_v2"]) == (2, 1, [1])


def test_a_newer_file_with_unknown_values_names_the_version_and_the_place(
    tmp_path: Path,
) -> None:
    document = raw_file_dict() | {"schema_version": 2, "min_reader_version": 1}
    document["entries"][0]["kind"] = "summit"
    with pytest.raises(ProjectFileError) as caught:
        load_project(write_json(tmp_path / "new.timeline.json", document))
    assert "newer Timeline Editor" in caught.value.problems[0]
    assert caught.value.problems[1].startswith("entries[0].kind: Input should be")


def test_fast_and_diagnostic_paths_agree_on_a_valid_file(tmp_path: Path) -> None:
    data = json.dumps(raw_file_dict()).encode()
    fast = project_file._fast_load(data)
    assert fast is not None
    assert fast == project_file._diagnostic_load(data)


def test_the_fast_path_declines_what_it_cannot_vouch_for() -> None:
    no_version = {k: v for k, v in raw_file_dict().items() if k != "schema_version"}
    for document in (no_version, raw_file_dict() | {"schema_version": 0}):
        assert project_file._fast_load(json.dumps(document).encode()) is None
    valid = json.dumps(raw_file_dict()).encode()
    for sneaked in (b'{"x": 1e400, ', b'{"x": NaN, ', b'{"title": "a", '):
        assert project_file._fast_load(sneaked + valid[1:]) is None


def test_the_fast_path_takes_nan_and_infinity_as_words() -> None:
    with_words = raw_file_dict() | {"title": "NaN and Infinity as words"}
    loaded = project_file._fast_load(json.dumps(with_words).encode())
    assert loaded is not None
    assert loaded.title == "NaN and Infinity as words"


def test_a_title_that_mentions_nan_still_loads(tmp_path: Path) -> None:
    path = write_json(tmp_path / "p.timeline.json", raw_file_dict() | {"title": "NaN bread"})
    assert load_project(path).title == "NaN bread"


def test_the_backup_is_copied_where_hard_links_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "p.timeline.json"
    save_project(raw_file_project(), path)
    old = path.read_bytes()

    def no_links(source: object, target: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    save_project(raw_file_project().model_copy(update={"title": "New"}), path)
    assert (tmp_path / "p.timeline.json.bak").read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.timeline.json", "p.timeline.json.bak"]
