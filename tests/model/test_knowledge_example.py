"""Knowledge time on the Brussels example: what an analyst knew in November 2021."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline_editor.model.daynum import day_number
from timeline_editor.model.entities import Entry, Project
from timeline_editor.model.knowledge import Knowledge, knowledge, knowledge_dates
from timeline_editor.model.knowledge_changes import ChangeKind, changes_between
from timeline_editor.model.knowledge_view import KnownChronology, as_known_on
from timeline_editor.model.queries import is_disputed

EXAMPLE = Path(__file__).resolve().parents[2] / "resources/examples/brussels-2021.timeline.json"
WAR = "Six weeks of fighting in Nagorno-Karabakh (2020 war)"
CEASEFIRE = "Russia-brokered ceasefire signed by Armenia and Azerbaijan"
TRILATERAL = "Putin–Aliyev–Pashinian trilateral meeting in Moscow"
BRUSSELS = "Pashinian–Aliyev meeting in Brussels, with Michel"


@pytest.fixture(scope="module")
def project() -> Project:
    return Project.model_validate_json(EXAMPLE.read_bytes())


@pytest.fixture(scope="module")
def facts(project: Project) -> Knowledge:
    return knowledge(project)


def on(project: Project, facts: Knowledge, day: str) -> KnownChronology:
    year, month, dom = (int(part) for part in day.split("-"))
    return as_known_on(project, day_number(year, month, dom), facts)


def entry(known: KnownChronology, title: str) -> Entry | None:
    return next((e for e in known.project.entries if e.title == title), None)


def test_on_25_october_the_war_and_ceasefire_are_known_not_the_meetings(
    project: Project, facts: Knowledge
) -> None:
    known = on(project, facts, "2021-10-25")
    titles = {e.title for e in known.project.entries}
    assert {WAR, CEASEFIRE} <= titles - {
        e.title for e in known.project.entries if e.id in known.possible
    }
    assert TRILATERAL not in titles
    assert BRUSSELS not in titles


def test_on_12_november_the_trilateral_is_known_and_not_yet_disputed(
    project: Project, facts: Knowledge
) -> None:
    known = on(project, facts, "2021-11-12")
    trilateral = entry(known, TRILATERAL)
    assert trilateral is not None
    assert trilateral.id not in known.possible
    assert not is_disputed(trilateral)
    full = next(e for e in project.entries if e.title == TRILATERAL)
    stances = {c.id: c.stance.value for c in full.claims}
    assert [stances[c.id] for c in trilateral.claims] == ["asserts"]  # Peskov has spoken
    denial = next(c.id for c in full.claims if c.stance.value == "denies")
    assert denial in known.possible_claims  # Pashinian's denial: only possibly said yet
    assert entry(known, BRUSSELS) is None


def test_on_20_november_it_is_disputed_and_the_brussels_meeting_is_known(
    project: Project, facts: Knowledge
) -> None:
    known = on(project, facts, "2021-11-20")
    trilateral = entry(known, TRILATERAL)
    brussels = entry(known, BRUSSELS)
    assert trilateral is not None and is_disputed(trilateral)
    assert brussels is not None and brussels.id not in known.possible
    assert brussels.status.value == "scheduled"


def test_changes_from_15_to_20_november_name_the_brussels_meeting(
    project: Project, facts: Knowledge
) -> None:
    changes = changes_between(project, day_number(2021, 11, 15), day_number(2021, 11, 20), facts)
    added = [c.title for c in changes if c.kind is ChangeKind.ADDED]
    assert BRUSSELS in added
    assert any(c.kind is ChangeKind.CLAIM_MADE and c.title == TRILATERAL for c in changes)
    assert WAR not in {c.title for c in changes}


def test_the_last_knowledge_date_gives_the_whole_example(project: Project) -> None:
    dates = knowledge_dates(project)
    assert dates[0] == day_number(2020, 9, 26)  # the war's approximate start
    known = as_known_on(project, dates[-1])
    assert known.project == project
