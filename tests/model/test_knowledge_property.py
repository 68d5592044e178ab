"""Property: on the last knowledge date the chronology is the whole project.

"Equals" means: the same project, field for field (entries with every field, their
claims, citations and history, the sources and everything else), with no entry, claim
or source only possibly known; the one exception is the as-of day, which a project
without one gets (the day itself) in the chronology as it stood. On every earlier day
the chronology is a valid project, and what is known stays known on later days.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_editor.model.entities import (
    Citation,
    Claim,
    DateValue,
    Entry,
    HistoryItem,
    Project,
    Source,
)
from timeline_editor.model.integrity import project_problems
from timeline_editor.model.knowledge import Known, knowledge, knowledge_dates
from timeline_editor.model.knowledge_view import as_known_on
from timeline_editor.model.vocab import EntryKind, Stance, Status

DATES = st.sampled_from(
    [
        "",
        "2021-11-10",
        "2021-11-20?",
        "2021-11",
        "[2021-11-01..2021-11-10]",
        "[2021-11-01..]",
        "[..2021-11-05]",
        "2021-11-19/..",
        "../2021-11-05",
        "2021-10-30~/2021-11-30",
        "2022",
    ]
)
DAYS = st.sampled_from(["", "2021-11-02", "2021-11-12", "2021-11-21", "2021-12-01"])
STATUSES = st.sampled_from([""] + [s.value for s in Status])
SOURCE_IDS = ("s0", "s1", "s2")


@st.composite
def citations(draw: Any, key: str) -> Citation:
    return Citation(id=f"ci-{key}", source_id=draw(st.sampled_from(SOURCE_IDS)))


@st.composite
def claims(draw: Any, key: str) -> Claim:
    citation = draw(st.none() | citations(f"cl-{key}"))
    return Claim(
        id=f"cl-{key}",
        stance=draw(st.sampled_from(list(Stance))),
        said=DateValue(edtf=draw(DATES), as_stated="said"),
        citation=citation,
        retracted=draw(st.booleans()),
    )


@st.composite
def history_items(draw: Any) -> HistoryItem:
    field = draw(st.sampled_from(["status", "when"]))
    values = STATUSES if field == "status" else DATES
    return HistoryItem(
        field=field,
        old=draw(values),
        new=draw(values),
        at=draw(DAYS),
        source_id=draw(st.none() | st.sampled_from(SOURCE_IDS)),
    )


@st.composite
def entries(draw: Any, number: int) -> Entry:
    key = str(number)
    return Entry(
        id=f"e{key}",
        kind=draw(st.sampled_from(list(EntryKind))),
        status=draw(st.sampled_from(list(Status))),
        when=DateValue(edtf=draw(DATES), as_stated="words"),
        claims=tuple(draw(claims(f"{key}-{i}")) for i in range(draw(st.integers(0, 2)))),
        citations=tuple(draw(citations(f"{key}-{i}")) for i in range(draw(st.integers(0, 2)))),
        history=tuple(draw(st.lists(history_items(), max_size=3))),
        known_since=draw(st.none() | DATES.filter(bool)),
    )


@st.composite
def projects(draw: Any) -> Project:
    sources = tuple(Source(id=sid, issued=draw(DATES)) for sid in SOURCE_IDS)
    count = draw(st.integers(0, 5))
    return Project(
        as_of=draw(DAYS),
        sources=sources,
        entries=tuple(draw(entries(n)) for n in range(count)),
    )


@settings(max_examples=150, deadline=None)
@given(projects())
def test_on_the_last_knowledge_date_the_chronology_is_the_whole_project(project: Project) -> None:
    dates = knowledge_dates(project)
    last = dates[-1] if dates else 0
    assert knowledge(project).end == (dates[-1] if dates else None)
    known = as_known_on(project, last)
    assert not known.possible
    assert not known.possible_claims
    assert not known.possible_sources
    assert known.project.model_copy(update={"as_of": project.as_of}) == project
    if project.as_of:
        assert known.project == project


@settings(max_examples=100, deadline=None)
@given(projects())
def test_every_day_gives_a_valid_chronology_and_knowledge_only_grows(project: Project) -> None:
    facts = knowledge(project)
    dates = knowledge_dates(project)
    days = sorted({*dates, *(d - 1 for d in dates)})
    seen: set[str] = set()
    for day in days:
        known = as_known_on(project, day, facts)
        assert project_problems(known.project) == []
        ids = {e.id for e in known.project.entries}
        certain = ids - known.possible
        assert seen <= certain
        seen = certain
        for number, entry in enumerate(project.entries):
            assert (entry.id in certain) == (facts.entry_state(number, day) is Known.KNOWN)
