"""``relative_to`` in project files: kept with the resolved date, checked by ``validate``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline_editor.app import main
from timeline_editor.io.diff import diff_projects
from timeline_editor.io.merge import merge_projects
from timeline_editor.io.project_file import ProjectFileError, load_project, save_project
from timeline_editor.model.entities import SCHEMA_VERSION, DateValue, Entry, Project, RelativeDate

EXAMPLE = Path(__file__).resolve().parents[2] / "resources/examples/brussels-2021.timeline.json"
ROUTE = "f929bb56-f5b2-5af5-9e32-89373b2ef5af"
CEASEFIRE = "8f0d3ec8-2ed4-5360-859a-15c8064eb6ed"


def _project(
    anchor_date: str = "2020-11-10", route_date: str = "[2020-11-10..2023-11-10]"
) -> Project:
    return Project(
        id="p",
        entries=(
            Entry(id="cf", title="Ceasefire", when=DateValue(edtf=anchor_date)),
            Entry(
                id="route",
                title="Route",
                when=DateValue(edtf=route_date),
                relative_to=RelativeDate(anchor="cf", amount=3),
            ),
        ),
    )


def test_the_relation_and_the_date_are_written_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "p.timeline.json"
    save_project(_project(), path)
    saved = json.loads(path.read_bytes())
    assert saved["schema_version"] == SCHEMA_VERSION == 1
    route = saved["entries"][1]
    assert route["when"]["edtf"] == "[2020-11-10..2023-11-10]"
    assert route["relative_to"] == {
        "anchor": "cf",
        "relation": "within_after",
        "amount": 3,
        "unit": "year",
    }
    assert "relative_to" not in saved["entries"][0]
    assert load_project(path) == _project()


def test_an_older_style_file_without_the_field_opens_and_saves_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "old.timeline.json"
    data = json.loads(EXAMPLE.read_bytes())
    for entry in data["entries"]:
        entry.pop("relative_to", None)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    project = load_project(path)
    assert all(e.relative_to is None for e in project.entries)
    route = next(e for e in project.entries if e.id == ROUTE)
    assert route.when.edtf == "[2020-11-10..2023-11-10]"
    save_project(project, path)
    assert b"relative_to" not in path.read_bytes()


def test_the_example_route_counts_from_the_ceasefire() -> None:
    project = load_project(EXAMPLE)
    route = next(e for e in project.entries if e.id == ROUTE)
    assert route.when.edtf == "[2020-11-10..2023-11-10]"
    assert route.relative_to == RelativeDate(anchor=CEASEFIRE, amount=3)


def test_a_bad_relation_is_refused_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "p.timeline.json"
    save_project(_project(), path)
    path.write_text(path.read_text(encoding="utf-8").replace('"year"', '"fortnight"'))
    with pytest.raises(ProjectFileError) as caught:
        load_project(path)
    assert any(p.startswith("entries[1].relative_to.unit") for p in caught.value.problems)


def _validate(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    status = main(["validate", str(path)])
    return status, capsys.readouterr().out.splitlines()


def test_validate_warns_of_a_gone_or_moved_anchor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.timeline.json"
    save_project(_project(anchor_date="2020-11-12"), path)
    status, lines = _validate(path, capsys)
    assert status == 0
    assert lines[1] == (
        f"{path}: warning: entries[1].relative_to: 'Route' (up to 3 years after: Ceasefire): "
        "the relation gives [2020-11-12..2023-11-12] now, not [2020-11-10..2023-11-10]"
    )
    gone = _project().model_copy(update={"entries": _project().entries[1:]})
    save_project(gone, path)
    status, lines = _validate(path, capsys)
    assert status == 0 and "(up to 3 years after: anchor gone): anchor gone" in lines[1]


def test_validate_refuses_a_circle(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.timeline.json"
    project = _project()
    ceasefire = project.entries[0].model_copy(
        update={"relative_to": RelativeDate(anchor="route", relation="before", amount=1)}
    )
    save_project(project.model_copy(update={"entries": (ceasefire, project.entries[1])}), path)
    status, lines = _validate(path, capsys)
    assert status == 1
    assert lines == [
        f"{path}: entries[0].relative_to.anchor: dates count in a circle: "
        "'Ceasefire' → 'Route' → 'Ceasefire'"
    ]
    # The file still opens, with its dates as written.
    assert load_project(path).entries[0].when.edtf == "2020-11-10"


def test_merge_and_diff_treat_the_relation_as_a_field() -> None:
    base = _project()
    route = base.entries[1]
    theirs_route = route.model_copy(update={"relative_to": None})
    theirs = base.model_copy(update={"entries": (base.entries[0], theirs_route)})
    [change] = diff_projects(base, theirs).items
    assert [f.field for f in change.fields] == ["relative_to"]
    merged, _notes = merge_projects(base, theirs, base).resolve([])
    assert merged.entries[1].relative_to is None


def test_pasted_with_its_anchor_a_dependent_counts_from_the_copy() -> None:
    from timeline_editor.io.clipboard import entries_from_json, entries_to_json

    project = _project()
    anchor, route = entries_from_json(entries_to_json(project.entries), project)
    assert anchor.id != "cf" and route.relative_to is not None
    assert route.relative_to.anchor == anchor.id
    [alone] = entries_from_json(entries_to_json(project.entries[1:]), project)
    assert alone.relative_to is not None and alone.relative_to.anchor == "cf"
