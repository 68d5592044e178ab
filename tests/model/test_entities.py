"""Field validation of the models and cross-reference checks of whole projects."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from timeline_editor.model.entities import (
    Actor,
    Citation,
    Claim,
    Entry,
    Lane,
    Project,
    Source,
)
from timeline_editor.model.integrity import format_loc, project_problems


def _first_error(data: dict[str, Any]) -> tuple[str, str]:
    with pytest.raises(ValidationError) as caught:
        Project.model_validate(data)
    error = caught.value.errors()[0]
    return format_loc(error["loc"]), error["msg"]


def _entries(n: int, **extra: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = [{"id": f"e{i}", "title": f"entry {i}"} for i in range(n)]
    items[-1].update(extra)
    return items


@pytest.mark.parametrize(
    ("edtf", "message"),
    [
        ("2021-13-45", "month 13 out of range"),
        ("2021-02-30", "day 30 does not exist"),
        ("abc", "'abc' is not an EDTF date"),
        ("2021-12-15/2021-11-01", "end 2021-11-01 is before start 2021-12-15"),
    ],
)
def test_bad_date_names_its_place(edtf: str, message: str) -> None:
    where, msg = _first_error({"entries": _entries(13, when={"edtf": edtf})})
    assert where == "entries[12].when.edtf"
    assert message in msg


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ({"entries": _entries(3, kind="party")}, "entries[2].kind"),
        ({"entries": _entries(1, status="maybe")}, "entries[0].status"),
        ({"entries": _entries(2, likelihood="probable")}, "entries[1].likelihood"),
        (
            {"entries": _entries(1, citations=[{"source_id": "s", "credibility": 7}])},
            "entries[0].citations[0].credibility",
        ),
        ({"entries": _entries(1, claims=[{"stance": "shrugs"}])}, "entries[0].claims[0].stance"),
        ({"entries": _entries(1, id="has space")}, "entries[0].id"),
        ({"entries": _entries(1, title=5)}, "entries[0].title"),
        ({"sources": [{"reliability": "G"}]}, "sources[0].reliability"),
        ({"sources": [{"issued": "2021-02-29"}]}, "sources[0].issued"),
        ({"actors": [{"id": "a"}]}, "actors[0].name"),
        ({"places": [{"name": "x", "latitude": 91}]}, "places[0].latitude"),
        ({"lanes": [{"title": "x", "colour": "red"}]}, "lanes[0].colour"),
        ({"eras": [{"title": "x"}]}, "eras[0].when"),
        ({"as_of": "2021-11"}, "as_of"),
        ({"as_of": "2021-11-2X"}, "as_of"),
        ({"as_of": "2021-11-20~"}, "as_of"),
        ({"format": "other"}, "format"),
    ],
)
def test_bad_field_names_its_place(data: dict[str, Any], where: str) -> None:
    assert _first_error(data)[0] == where


def test_csl_aliases_and_unknown_fields_survive() -> None:
    source = Source.model_validate(
        {"type": "report", "container-title": "RFE/RL", "URL": "https://x", "zotero_key": "K1"}
    )
    assert source.container_title == "RFE/RL"
    dumped = source.model_dump(mode="json")
    assert dumped["container-title"] == "RFE/RL"
    assert dumped["type"] == "report"
    assert dumped["zotero_key"] == "K1"


def test_models_are_frozen() -> None:
    entry = Entry(title="x")
    with pytest.raises(ValidationError):
        entry.title = "y"  # type: ignore[misc]


def test_ids_are_fresh_uuids() -> None:
    assert Entry().id != Entry().id
    assert len(Entry().id) == 36


def _project(**collections: Any) -> Project:
    base: dict[str, Any] = {
        "sources": [Source(id="src")],
        "actors": [Actor(id="act", name="Peskov")],
        "lanes": [Lane(id="lane", title="Russia track")],
    }
    base.update(collections)
    return Project.model_validate(base)


def test_clean_project_has_no_problems() -> None:
    claim = Claim(speaker_id="act", citation=Citation(source_id="src"))
    entry = Entry(lane_id="lane", citations=(Citation(source_id="src"),), claims=(claim,))
    assert project_problems(_project(entries=[entry])) == []


@pytest.mark.parametrize(
    ("entry", "where", "message"),
    [
        (
            Entry(citations=(Citation(source_id="gone"),)),
            "entries[0].citations[0].source_id",
            "no source with id 'gone'",
        ),
        (
            Entry(claims=(Claim(speaker_id="nobody"),)),
            "entries[0].claims[0].speaker_id",
            "no actor with id 'nobody'",
        ),
        (
            Entry(claims=(Claim(citation=Citation(source_id="gone")),)),
            "entries[0].claims[0].citation.source_id",
            "no source",
        ),
        (Entry(lane_id="nowhere"), "entries[0].lane_id", "no lane with id 'nowhere'"),
        (Entry(place_id="nowhere"), "entries[0].place_id", "no place"),
        (Entry(actor_ids=("act", "ghost")), "entries[0].actor_ids[1]", "no actor"),
    ],
)
def test_dangling_references(entry: Entry, where: str, message: str) -> None:
    (problem,) = project_problems(_project(entries=[entry]))
    assert problem.where == where
    assert message in problem.message
    assert str(problem) == f"{where}: {problem.message}"


def test_duplicate_ids_across_collections() -> None:
    project = _project(entries=[Entry(id="src")], eras=[])
    (problem,) = project_problems(project)
    assert problem.where == "sources[0].id"
    assert problem.message == "duplicate id 'src' (first used at entries[0].id)"


def test_dangling_affiliation_and_limit() -> None:
    actors = [Actor(id=f"a{i}", name="x", affiliation_id="none") for i in range(5)]
    project = _project(actors=actors)
    assert len(project_problems(project)) == 5
    assert len(project_problems(project, limit=2)) == 2
    assert project_problems(project)[0].where == "actors[0].affiliation_id"
