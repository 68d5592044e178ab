"""The hand-built example project is valid and faithful to the article it quotes.

The article itself is not in the repository (see tests/seed.py); the tests that compare
quotes with it skip when no copy is found.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.seed import missing_seed_reason, seed_article_path
from timeline_editor.model import queries
from timeline_editor.model.daynum import day_number
from timeline_editor.model.edtf import Shape, parse_edtf
from timeline_editor.model.entities import Citation, Entry, Project
from timeline_editor.model.integrity import project_problems
from timeline_editor.model.vocab import EntryKind, Stance, Status

REPOSITORY = Path(__file__).resolve().parents[2]
EXAMPLES = REPOSITORY / "resources" / "examples"
PROJECT_FILE = EXAMPLES / "brussels-2021.timeline.json"


@pytest.fixture(scope="module")
def project() -> Project:
    """The example, loaded the way the app loads it."""
    return Project.model_validate_json(PROJECT_FILE.read_bytes())


@pytest.fixture(scope="module")
def article() -> str:
    """The seed article's text; the test is skipped when no copy is found."""
    reason = missing_seed_reason()
    if reason is not None:
        pytest.skip(reason)
    return seed_article_path().read_text(encoding="utf-8")


def _entry(project: Project, words: str) -> Entry:
    found = [e for e in project.entries if words in e.title]
    assert len(found) == 1, f"expected one entry titled with {words!r}, found {len(found)}"
    return found[0]


def _citations(project: Project) -> list[Citation]:
    cites = [c for e in project.entries for c in e.citations]
    cites += [cl.citation for e in project.entries for cl in e.claims if cl.citation]
    return cites


def test_loads_without_problems(project: Project) -> None:
    assert project_problems(project) == []
    assert len(project.entries) >= 12
    assert project.as_of == "2021-11-20"


def test_every_entry_is_cited_to_the_one_source(project: Project) -> None:
    (source,) = project.sources
    assert source.container_title.startswith("Radio Free Europe")
    assert source.reliability == "B"
    for entry in project.entries:
        assert entry.citations, entry.title
        assert queries.cited_source_ids(entry) == {source.id}


def test_every_quote_occurs_verbatim_in_the_article(project: Project, article: str) -> None:
    cites = _citations(project)
    assert len(cites) >= 20
    missing = [c.quote for c in cites if not c.quote or c.quote not in article]
    assert missing == []


def test_curly_quotes_survive(project: Project) -> None:
    quotes = " ".join(c.quote for c in _citations(project))
    assert "’" in quotes
    assert "“" in quotes
    assert "”" in quotes


def test_article_copy_is_the_seed_text(article: str) -> None:
    assert article.startswith("A senior EU official, speaking on condition of anonymity")
    assert "“urgent de-escalation and full respect of the ceasefire.”" in article


def test_the_article_is_not_shipped(article: str) -> None:
    # Quotes are short; a paragraph longer than any quote in a shipped file means a copy.
    longest_quote = 200
    paragraphs = [p for p in article.split("\n") if len(p) > longest_quote]
    shipped = [REPOSITORY / "README.md", *(REPOSITORY / "resources").rglob("*")]
    texts = [p for p in shipped if p.suffix in {".txt", ".json", ".md", ".py", ".csv"}]
    copies = [p.name for p in texts for para in paragraphs if para in p.read_text("utf-8")]
    assert paragraphs and texts
    assert copies == []


def test_trilateral_is_disputed_and_undated(project: Project) -> None:
    trilateral = _entry(project, "trilateral")
    assert queries.is_disputed(trilateral)
    assert queries.is_undated(trilateral)
    stances = {c.stance for c in trilateral.claims}
    assert stances == {Stance.ASSERTS, Stance.DENIES}
    names = {a.id: a.name for a in project.actors}
    speakers = {names[c.speaker_id] for c in trilateral.claims if c.speaker_id}
    assert speakers == {"Dmitry Peskov", "Nikol Pashinian"}


def test_hotline_is_undated_and_planned(project: Project) -> None:
    hotline = _entry(project, "communication line")
    assert hotline.when.edtf == ""
    assert queries.is_undated(hotline)
    assert hotline.status in (Status.PROPOSED, Status.SCHEDULED)
    assert hotline.when.as_stated


def test_brussels_meeting_is_scheduled_after_as_of(project: Project) -> None:
    meeting = _entry(project, "meeting in Brussels")
    assert meeting.kind is EntryKind.MEETING
    assert meeting.status is Status.SCHEDULED
    assert meeting.when.edtf == "2021-12-15"
    assert queries.is_planned(meeting, queries.as_of_day(project))
    assert not queries.is_disputed(meeting)


def test_route_is_a_three_year_window(project: Project) -> None:
    route = _entry(project, "New route")
    assert route.kind is EntryKind.DEADLINE
    parsed = parse_edtf(route.when.edtf)
    assert parsed.shape is Shape.ONE_OF
    assert parsed.earliest == day_number(2020, 11, 10)
    assert parsed.latest == day_number(2023, 11, 10)
    assert "three years" in route.when.as_stated


def test_war_is_a_period_with_approximate_ends(project: Project) -> None:
    war = _entry(project, "Six weeks")
    parsed = parse_edtf(war.when.edtf)
    assert war.kind is EntryKind.PERIOD
    assert parsed.shape is Shape.INTERVAL
    assert parsed.start is not None and parsed.start.approximate
    assert parsed.end is not None and parsed.end.approximate


def test_inferred_dates_are_said_to_be_inferred(project: Project) -> None:
    assert "inferred" in project.description
    assert "2021-11-20" in project.description
    spokesman = _entry(project, "spokesman")
    assert spokesman.when.as_stated == "yesterday"
    assert parse_edtf(spokesman.when.edtf).uncertain
    ceasefire = _entry(project, "ceasefire")
    assert "inferred" in ceasefire.description.lower()


def test_nothing_before_as_of_is_marked_planned_except_plans(project: Project) -> None:
    as_of = queries.as_of_day(project)
    planned = {e.title for e in project.entries if queries.is_planned(e, as_of)}
    assert planned == {
        "Pashinian–Aliyev meeting in Brussels, with Michel",
        "EU Eastern Partnership summit",
    }
    for entry in project.entries:
        if entry.status is Status.OCCURRED:
            latest = parse_edtf(entry.when.edtf).latest
            assert latest is not None and as_of is not None and latest <= as_of, entry.title


def test_lanes_and_era(project: Project) -> None:
    assert {lane.title for lane in project.lanes} == {
        "Armenia–Azerbaijan",
        "EU track",
        "Russia track",
    }
    assert [era.title for era in project.eras] == ["2020 war"]
    assert all(e.lane_id for e in project.entries)
