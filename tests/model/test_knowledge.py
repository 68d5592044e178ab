"""Knowledge time: the rule, the chronology as of a day, and what changed between days."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from timeline_editor.model.daynum import day_number
from timeline_editor.model.entities import (
    Actor,
    Citation,
    Claim,
    DateValue,
    Entry,
    HistoryItem,
    Project,
    Source,
)
from timeline_editor.model.integrity import project_problems
from timeline_editor.model.knowledge import (
    ALWAYS,
    NEVER,
    Known,
    KnownDays,
    knowledge,
    knowledge_dates,
)
from timeline_editor.model.knowledge_changes import ChangeKind, changes_between, entry_changes
from timeline_editor.model.knowledge_view import as_known_on
from timeline_editor.model.queries import is_disputed
from timeline_editor.model.vocab import EntryKind, Stance, Status


def nov(day: int) -> int:
    """A day of November 2021 as a day number."""
    return day_number(2021, 11, day)


def said(edtf: str, stance: Stance = Stance.ASSERTS, claim_id: str = "c", **more: object) -> Claim:
    return Claim.model_validate(
        {"id": claim_id, "stance": stance, "said": DateValue(edtf=edtf), **more}
    )


def proposed(*claims: Claim, **more: object) -> Entry:
    """A planned meeting: its own date is no evidence, only what it holds is."""
    fields = {"id": "m", "kind": EntryKind.MEETING, "status": Status.PROPOSED, "title": "Meeting"}
    return Entry.model_validate(fields | {"claims": claims} | more)


def state(project: Project, day: int, number: int = 0) -> Known:
    return knowledge(project).entry_state(number, day)


def test_certain_when_the_latest_bound_has_passed_possible_when_only_the_earliest() -> None:
    project = Project(entries=(proposed(said("[2021-11-01..2021-11-10]")),))
    assert knowledge(project).entries == (KnownDays(nov(10), nov(1)),)
    assert state(project, nov(1) - 1) is Known.UNKNOWN
    assert state(project, nov(1)) is Known.POSSIBLY
    assert state(project, nov(9)) is Known.POSSIBLY
    assert state(project, nov(10)) is Known.KNOWN
    known = as_known_on(project, nov(5))
    assert known.possible == {"m"}
    assert [e.id for e in known.project.entries] == ["m"]
    assert known.certain_project().entries == ()


def test_an_entry_is_known_from_its_earliest_evidence() -> None:
    entry = proposed(said("2021-11-20", claim_id="late"), said("2021-11-05", claim_id="early"))
    project = Project(entries=(entry,))
    assert knowledge(project).entries[0] == KnownDays(nov(5), nov(5))
    claims = as_known_on(project, nov(6)).project.entries[0].claims
    assert [c.id for c in claims] == ["early"]


def test_evidence_without_a_date_is_always_known() -> None:
    undated_claim = proposed(said(""))
    nothing = proposed(id="n")
    project = Project(entries=(undated_claim, nothing))
    facts = knowledge(project)
    assert facts.entries == (KnownDays(ALWAYS, ALWAYS), KnownDays(ALWAYS, ALWAYS))
    assert facts.entry_state(1, day_number(-3000, 1, 1)) is Known.KNOWN
    assert knowledge_dates(project) == []


def test_a_claim_said_on_no_date_is_known_when_its_source_appeared() -> None:
    source = Source(id="s", issued="2021-11-12")
    claim = said("", citation=Citation(id="ci", source_id="s"))
    project = Project(entries=(proposed(claim),), sources=(source,))
    assert knowledge(project).entries[0] == KnownDays(nov(12), nov(12))


def test_statements_and_public_events_are_known_from_their_own_date() -> None:
    entries = (
        Entry(id="st", kind=EntryKind.STATEMENT, when=DateValue(edtf="2021-11-19")),
        Entry(
            id="ev", kind=EntryKind.EVENT, status=Status.OCCURRED, when=DateValue(edtf="2021-11")
        ),
        Entry(id="war", kind=EntryKind.PERIOD, when=DateValue(edtf="2020-09-27/2020-11-10")),
        Entry(id="gone", kind=EntryKind.PERIOD, when=DateValue(edtf="../2021-11-03")),
        Entry(
            id="plan",
            kind=EntryKind.MEETING,
            status=Status.OCCURRED,
            when=DateValue(edtf="2021-11-15"),
        ),
        Entry(
            id="later",
            kind=EntryKind.EVENT,
            status=Status.SCHEDULED,
            when=DateValue(edtf="2021-12-15"),
        ),
    )
    days = knowledge(Project(entries=entries)).entries
    assert days[0] == KnownDays(nov(19), nov(19))
    assert days[1] == KnownDays(nov(30), nov(1))
    assert days[2] == KnownDays(day_number(2020, 9, 27), day_number(2020, 9, 27))
    assert days[3] == KnownDays(nov(3), ALWAYS)
    # A meeting is no public event: only its evidence counts (here none: always known).
    assert days[4] == days[5] == KnownDays(ALWAYS, ALWAYS)


def test_known_since_overrides_the_evidence_but_not_what_the_entry_holds() -> None:
    revealed = Entry(
        id="secret",
        kind=EntryKind.EVENT,
        when=DateValue(edtf="2021-01-10"),
        known_since="2021-06-01",
        claims=(said("2021-07-01"),),
    )
    project = Project(entries=(revealed,))
    assert state(project, day_number(2021, 3, 1)) is Known.UNKNOWN
    assert state(project, day_number(2021, 6, 1)) is Known.KNOWN
    assert as_known_on(project, day_number(2021, 6, 1)).project.entries[0].claims == ()
    early = revealed.model_copy(update={"known_since": "2020"})
    assert state(Project(entries=(early,)), day_number(2020, 12, 31)) is Known.KNOWN


def test_known_since_must_be_a_date_and_is_not_written_when_unset() -> None:
    assert "known_since" not in Entry().model_dump_json()
    assert '"known_since":"2021-06"' in Entry(known_since="2021-06").model_dump_json()
    for bad in ("", "2021-13", "soon"):
        with pytest.raises(ValidationError, match="known_since"):
            Entry(known_since=bad)


def test_status_and_date_are_those_of_the_history_as_of_the_day() -> None:
    history = (
        HistoryItem(field="status", old="proposed", new="scheduled", at="2021-11-10"),
        HistoryItem(field="when", old="2021-12", new="2021-12-15", at="2021-11-15"),
        HistoryItem(field="status", old="scheduled", new="postponed", at="2021-11-20"),
    )
    entry = proposed(
        said("2021-11-01"),
        status=Status.POSTPONED,
        when=DateValue(edtf="2021-12-15", as_stated="on 15 December"),
        history=history,
    )
    project = Project(entries=(entry,))

    def on(day: int) -> Entry:
        return as_known_on(project, day).project.entries[0]

    assert (on(nov(5)).status, on(nov(5)).when.edtf, on(nov(5)).history) == (
        Status.PROPOSED,
        "2021-12",
        (),
    )
    assert on(nov(5)).when.as_stated == ""  # the wording was that of the later date
    assert (on(nov(12)).status, on(nov(12)).when.edtf) == (Status.SCHEDULED, "2021-12")
    assert on(nov(12)).history == history[:1]
    assert (on(nov(16)).status, on(nov(16)).when.edtf) == (Status.SCHEDULED, "2021-12-15")
    assert on(nov(20)) is entry


def test_a_first_recorded_status_is_kept_before_it_was_recorded() -> None:
    first = HistoryItem(field="status", old="", new="scheduled", at="2021-11-19")
    entry = proposed(said("2021-11-01"), status=Status.SCHEDULED, history=(first,))
    known = as_known_on(Project(entries=(entry,)), nov(5)).project.entries[0]
    assert (known.status, known.history) == (Status.SCHEDULED, ())


def test_disputed_appears_only_when_both_sides_have_spoken() -> None:
    entry = proposed(
        said("2021-11-01", Stance.ASSERTS, "yes"),
        said("[2021-11-03..2021-11-08]", Stance.DENIES, "no"),
    )
    project = Project(entries=(entry,))
    assert is_disputed(entry)
    assert not is_disputed(as_known_on(project, nov(2)).project.entries[0])
    middle = as_known_on(project, nov(5))
    assert not is_disputed(middle.project.entries[0])
    assert middle.possible_claims == {"no"}
    assert is_disputed(as_known_on(project, nov(8)).project.entries[0])


def test_sources_not_yet_issued_are_absent_with_every_reference_to_them() -> None:
    source = Source(id="s", title="Article", issued="2021-11-10")
    old = Source(id="o", issued="2021-10")
    cite = Citation(id="ci", source_id="s")
    entry = proposed(
        said("2021-11-01", citation=Citation(id="cc", source_id="s")),
        citations=(cite, Citation(id="co", source_id="o")),
        history=(
            HistoryItem(field="status", old="", new="proposed", at="2021-11-02", source_id="s"),
        ),
    )
    project = Project(entries=(entry,), sources=(source, old))
    before = as_known_on(project, nov(9)).project
    assert [s.id for s in before.sources] == ["o"]
    known = before.entries[0]
    assert [c.id for c in known.citations] == ["co"]
    assert known.claims[0].citation is None
    assert known.history[0].source_id is None
    assert project_problems(before) == []
    after = as_known_on(project, nov(10)).project
    assert after.sources == project.sources
    assert after.entries[0] is entry


def test_a_possibly_issued_source_is_absent_and_named_apart() -> None:
    project = Project(sources=(Source(id="s", issued="2021-11-20?"),))
    known = as_known_on(project, nov(20))
    assert known.project.sources == ()
    assert known.possible_sources == {"s"}


def test_evidence_with_no_latest_day_is_known_at_the_end_of_knowledge() -> None:
    vague = proposed(said("[2021-11-01..]"))
    project = Project(entries=(vague,), as_of="2021-11-25")
    facts = knowledge(project)
    assert facts.entries[0] == KnownDays(NEVER, nov(1))
    assert facts.end == nov(25)
    assert facts.entry_state(0, nov(24)) is Known.POSSIBLY
    assert facts.entry_state(0, nov(25)) is Known.KNOWN
    assert knowledge_dates(project) == [nov(1), nov(25)]


def test_the_as_of_day_follows_the_day_only_before_the_projects_own() -> None:
    project = Project(as_of="2021-11-20")
    assert as_known_on(project, nov(12)).project.as_of == "2021-11-12"
    assert as_known_on(project, nov(25)).project.as_of == "2021-11-20"
    assert as_known_on(Project(), nov(25)).project.as_of == "2021-11-25"


def test_changes_between_two_days() -> None:
    history = (HistoryItem(field="status", old="proposed", new="scheduled", at="2021-11-14"),)
    entry = proposed(
        said("2021-11-01", claim_id="first"),
        said("2021-11-12", Stance.DENIES, "second", speaker_id="pm"),
        status=Status.SCHEDULED,
        history=history,
    )
    late = Entry(
        id="late", kind=EntryKind.STATEMENT, title="Late", when=DateValue(edtf="2021-11-13")
    )
    project = Project(entries=(entry, late), actors=(Actor(id="pm", name="Prime Minister"),))
    changes = changes_between(project, nov(10), nov(15))
    assert [(c.kind, c.entry_id, c.day) for c in changes] == [
        (ChangeKind.CLAIM_MADE, "m", nov(12)),
        (ChangeKind.ADDED, "late", nov(13)),
        (ChangeKind.STATUS, "m", nov(14)),
    ]
    assert changes[0].text() == "2021-11-12  claim made       Meeting: Prime Minister denies"
    assert changes[2].text().endswith("Meeting: proposed → scheduled")
    assert changes_between(project, nov(15), nov(15)) == []
    with pytest.raises(ValueError, match="after the last"):
        changes_between(project, nov(15), nov(10))


def test_entry_changes_sees_a_retraction_between_two_versions() -> None:
    before = proposed(said("2021-11-01"))
    after = proposed(said("2021-11-01", retracted=True))
    (change,) = entry_changes(before, after, {})
    assert change.kind is ChangeKind.CLAIM_RETRACTED
    assert change.claim == "someone asserts (retracted)"
