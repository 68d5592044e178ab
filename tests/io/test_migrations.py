"""Migrations: the registry and the real upgrade from the pre-release version 0 layout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.samples import write_json
from timeline_editor.io.migrations import MIGRATIONS, MigrationError, migrate, migration
from timeline_editor.io.project_file import ProjectFileError, load_project, save_project
from timeline_editor.model.entities import SCHEMA_VERSION

V0 = {
    "format": "timeline-editor",
    "schema_version": 0,
    "title": "Prototype chronology",
    "events": [
        {
            "id": "e-1",
            "kind": "meeting",
            "title": "Brussels meeting",
            "date": "2021-12-15",
            "date_text": "on 15 December",
            "lane": "l-1",
            "place": "pl-1",
            "sources": [{"source": "s-1", "quote": "on 15 December", "where": "para. 1"}],
            "x_legacy_flag": True,
        },
        {"id": "e-2", "title": "Hotline", "date_text": "no date given"},
    ],
    "sources": [{"id": "s-1", "url": "https://example.org/a", "outlet": "RFE/RL"}],
    "lanes": [{"id": "l-1", "title": "EU track"}],
    "places": [{"id": "pl-1", "name": "Brussels"}],
}


def test_every_version_below_the_current_one_has_a_migration() -> None:
    assert set(range(SCHEMA_VERSION)) <= set(MIGRATIONS)


def test_a_version_0_file_loads_as_the_current_version(tmp_path: Path) -> None:
    project = load_project(write_json(tmp_path / "old.timeline.json", V0))
    assert project.schema_version == SCHEMA_VERSION
    meeting, hotline = project.entries
    assert (meeting.when.edtf, meeting.when.as_stated) == ("2021-12-15", "on 15 December")
    assert (meeting.lane_id, meeting.place_id) == ("l-1", "pl-1")
    citation = meeting.citations[0]
    assert (citation.source_id, citation.quote, citation.locator) == (
        "s-1",
        "on 15 December",
        "para. 1",
    )
    assert (hotline.when.edtf, hotline.when.as_stated) == ("", "no date given")
    assert project.sources[0].url == "https://example.org/a"
    assert project.sources[0].container_title == "RFE/RL"
    assert meeting.model_extra == {"x_legacy_flag": True}


def test_a_migrated_file_is_saved_in_the_current_layout(tmp_path: Path) -> None:
    project = load_project(write_json(tmp_path / "old.timeline.json", V0))
    save_project(project, tmp_path / "new.timeline.json")
    saved = json.loads((tmp_path / "new.timeline.json").read_bytes())
    assert saved["schema_version"] == SCHEMA_VERSION
    assert "events" not in saved
    assert saved["entries"][0]["when"] == {"edtf": "2021-12-15", "as_stated": "on 15 December"}
    assert saved["sources"][0]["URL"] == "https://example.org/a"


def test_a_broken_version_0_file_names_the_place(tmp_path: Path) -> None:
    broken = json.loads(json.dumps(V0))
    del broken["events"][0]["sources"][0]["source"]
    with pytest.raises(ProjectFileError) as caught:
        load_project(write_json(tmp_path / "old.timeline.json", broken))
    assert caught.value.problems == ["events[0].sources[0].source: Field required"]


def test_a_version_0_date_that_is_not_edtf_is_reported_at_its_new_place(tmp_path: Path) -> None:
    broken = json.loads(json.dumps(V0))
    broken["events"][0]["date"] = "mid-December"
    with pytest.raises(ProjectFileError) as caught:
        load_project(write_json(tmp_path / "old.timeline.json", broken))
    assert caught.value.problems[0].startswith("entries[0].when.edtf: 'mid-December'")


def test_the_registry_refuses_two_migrations_from_one_version() -> None:
    with pytest.raises(ValueError, match="two migrations"):
        migration(0)(lambda document: document)


def test_a_gap_in_the_chain_is_reported() -> None:
    with pytest.raises(MigrationError, match="no migration from version 7"):
        migrate({}, 7, 8)


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        ({"lane_id": "l-2"}, "events[0].lane_id: both 'lane' (version 0) and 'lane_id'"),
        ({"place_id": "pl-2"}, "events[0].place_id: both 'place' (version 0) and 'place_id'"),
        ({"citations": []}, "events[0].citations: both 'sources' (version 0) and 'citations'"),
        ({"when": {"edtf": "2021"}}, "events[0].when: both 'date' (version 0) and 'when'"),
    ],
)
def test_a_version_0_event_with_old_and_new_names_is_refused(
    tmp_path: Path, extra: dict[str, object], problem: str
) -> None:
    clashing = json.loads(json.dumps(V0))
    clashing["events"][0].update(extra)
    with pytest.raises(ProjectFileError) as caught:
        load_project(write_json(tmp_path / "old.timeline.json", clashing))
    [message] = caught.value.problems
    assert message.startswith(problem)


def test_a_version_0_event_with_only_a_when_keeps_it(tmp_path: Path) -> None:
    old = json.loads(json.dumps(V0))
    # "when" before "title": the date the migration would build must not replace it.
    old["events"][1] = {"id": "e-2", "when": {"edtf": "2021-07", "as_stated": "July"}, "title": "H"}
    project = load_project(write_json(tmp_path / "old.timeline.json", old))
    assert (project.entries[1].when.edtf, project.entries[1].when.as_stated) == ("2021-07", "July")
