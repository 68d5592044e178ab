"""``known_since`` in project files: written only when set, so no new schema version."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline_editor.io.project_file import ProjectFileError, load_project, save_project
from timeline_editor.model.entities import SCHEMA_VERSION, Entry, Project

EXAMPLE = Path(__file__).resolve().parents[2] / "resources/examples/brussels-2021.timeline.json"


def test_a_file_without_it_saves_back_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "example.timeline.json"
    path.write_bytes(EXAMPLE.read_bytes())
    save_project(load_project(path), path)
    assert path.read_bytes() == EXAMPLE.read_bytes()
    assert b"known_since" not in path.read_bytes()


def test_a_set_value_is_written_read_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "p.timeline.json"
    project = Project(entries=(Entry(id="e", known_since="2023-05"), Entry(id="f")))
    save_project(project, path)
    saved = json.loads(path.read_bytes())
    assert saved["schema_version"] == SCHEMA_VERSION == 1
    assert [e.get("known_since") for e in saved["entries"]] == ["2023-05", None]
    assert "known_since" not in saved["entries"][1]
    assert load_project(path) == project


def test_a_bad_value_is_refused_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "p.timeline.json"
    save_project(Project(entries=(Entry(id="e", known_since="2023"),)), path)
    path.write_text(path.read_text(encoding="utf-8").replace('"2023"', '"2023-13"'))
    with pytest.raises(ProjectFileError) as caught:
        load_project(path)
    assert any(p.startswith("entries[0].known_since") for p in caught.value.problems)
