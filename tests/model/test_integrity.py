"""The quick soundness pass agrees with the full problem list on every kind of defect."""

from __future__ import annotations

from typing import Any

import pytest

from timeline_editor.model.entities import (
    Actor,
    Citation,
    Claim,
    Entry,
    HistoryItem,
    Lane,
    Place,
    Project,
    Source,
)
from timeline_editor.model.integrity import project_is_sound, project_problems


def _entry(**fields: Any) -> Entry:
    base: dict[str, Any] = {"id": "e", "lane_id": "l", "place_id": "p", "actor_ids": ("a",)}
    return Entry.model_validate(base | fields)


def _project(*entries: Entry, **collections: Any) -> Project:
    base: dict[str, Any] = {
        "entries": entries or (_entry(),),
        "sources": [Source(id="s")],
        "actors": [Actor(id="a", name="Peskov"), Actor(id="b", name="x", affiliation_id="a")],
        "places": [Place(id="p", name="Brussels")],
        "lanes": [Lane(id="l", title="EU track")],
    }
    return Project.model_validate(base | collections)


CITED = Citation(id="c", source_id="s")
SOUND = [
    _project(),
    _project(_entry(citations=(CITED,), claims=(Claim(id="k", speaker_id="a", citation=CITED),))),
    _project(_entry(history=(HistoryItem(field="status", source_id="s"),))),
    _project(Entry(id="e1"), Entry(id="e2", lane_id=None, place_id=None)),
]
DEFECTIVE = [
    _project(_entry(lane_id="nowhere")),
    _project(_entry(place_id="nowhere")),
    _project(_entry(actor_ids=("a", "ghost"))),
    _project(_entry(citations=(CITED, Citation(id="c2", source_id="gone")))),
    _project(_entry(claims=(Claim(id="k", speaker_id="ghost"),))),
    _project(_entry(claims=(Claim(id="k", citation=Citation(id="c2", source_id="gone")),))),
    _project(_entry(history=(HistoryItem(field="when", source_id="gone"),))),
    _project(actors=[Actor(id="a", name="x", affiliation_id="ghost")]),
    _project(Entry(id="e"), Entry(id="e")),  # within the entries
    _project(Entry(id="l")),  # an entry with a lane's id
    _project(places=[Place(id="p", name="x")], eras=[{"id": "p", "title": "x", "when": {}}]),
]


@pytest.mark.parametrize("project", SOUND)
def test_sound_projects_pass_both_ways(project: Project) -> None:
    assert project_is_sound(project)
    assert project_problems(project) == []


@pytest.mark.parametrize("project", DEFECTIVE)
def test_every_defect_fails_the_quick_pass_and_is_named(project: Project) -> None:
    assert not project_is_sound(project)
    assert project_problems(project)


def test_a_late_defect_is_found_after_many_sound_entries() -> None:
    entries = [Entry(id=f"e{i}", lane_id="l") for i in range(2000)]
    entries.append(Entry(id="last", lane_id="l", citations=(Citation(source_id="gone"),)))
    project = _project(*entries)
    assert not project_is_sound(project)
    (problem,) = project_problems(project)
    assert problem.where == "entries[2000].citations[0].source_id"
