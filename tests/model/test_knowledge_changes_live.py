"""LiveChanges patched edit by edit equals a fresh changes_between after every edit."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_editor.model.changes import ChangeSet
from timeline_editor.model.daynum import day_number, format_day
from timeline_editor.model.document import Document
from timeline_editor.model.entities import Claim, DateValue, Entry, Project
from timeline_editor.model.knowledge import Knowledge
from timeline_editor.model.knowledge_changes import ChangeKind, KnowledgeChange, changes_between
from timeline_editor.model.knowledge_changes_live import LiveChanges
from timeline_editor.model.vocab import EntryKind

EXAMPLE = Path(__file__).resolve().parents[2] / "resources/examples/brussels-2021.timeline.json"
NOV_15, NOV_20 = day_number(2021, 11, 15), day_number(2021, 11, 20)
BRUSSELS = "Pashinian–Aliyev meeting in Brussels, with Michel"
_PROJECT = Project.model_validate_json(EXAMPLE.read_bytes())


def _fresh(project: Project, first: int, last: int) -> list[KnowledgeChange]:
    found = changes_between(project, first, last)
    return sorted(found, key=lambda c: (c.day is not None, c.day or 0, c.title.casefold()))


class Watched:
    """A document and a LiveChanges following it, counting patches and rebuilds."""

    def __init__(self, first: int = NOV_15, last: int = NOV_20) -> None:
        self.document = Document(_PROJECT)
        self.live = LiveChanges(self.document.project, first, last)
        self.rebuilds = 0
        rebuild = self.live.rebuild

        def counted(project: Project, facts: Knowledge | None = None) -> None:
            self.rebuilds += 1
            rebuild(project, facts)

        self.live.rebuild = counted  # type: ignore[method-assign]
        self.document.subscribe(self._on_change)

    def _on_change(self, changes: ChangeSet) -> None:
        self.live.apply(self.document.project, changes, self.document.find_entry)

    def check(self) -> None:
        live = self.live
        assert live.changes() == _fresh(self.document.project, live.first, live.last)


def _entry(title: str) -> Entry:
    return next(e for e in _PROJECT.entries if e.title == title)


def test_the_example_from_15_to_20_november_names_the_brussels_meeting() -> None:
    live = LiveChanges(_PROJECT, NOV_15, NOV_20)
    added = live.by_kind()[ChangeKind.ADDED]
    assert BRUSSELS in [change.title for change in added]
    assert live.changes() == _fresh(_PROJECT, NOV_15, NOV_20)


def test_first_after_last_is_refused_with_both_days() -> None:
    with pytest.raises(ValueError, match=r"2021-11-20\) is after the last \(2021-11-15"):
        LiveChanges(_PROJECT, NOV_20, NOV_15)


def test_a_claim_added_to_one_entry_is_patched_without_a_rebuild() -> None:
    watched = Watched()
    brussels = _entry(BRUSSELS)
    claim = Claim(id="new-claim", text="It will happen.", said=DateValue(edtf="2021-11-18"))
    watched.document.replace("entries", [brussels.model_copy(update={"claims": (claim,)})])
    watched.check()
    made = [c for c in watched.live.changes() if c.claim_id == "new-claim"]
    assert [(c.kind, c.day) for c in made] == [(ChangeKind.CLAIM_MADE, day_number(2021, 11, 18))]
    assert watched.rebuilds == 0


def test_an_edit_of_a_field_that_matters_to_no_change_is_ignored() -> None:
    watched = Watched()
    brussels = _entry(BRUSSELS)
    before = watched.live.changes()
    edited = brussels.model_copy(update={"description": "Other words."})
    assert not watched.live.apply(
        watched.document.project, _replace(watched.document, edited), None
    )
    assert watched.live.changes() == before


def _replace(document: Document, entry: Entry) -> ChangeSet:
    heard: list[ChangeSet] = []
    document.subscribe(heard.append)
    document.replace("entries", [entry])
    return heard[-1]


def test_a_new_latest_day_and_an_as_of_change_rebuild() -> None:
    watched = Watched()
    late = Entry(
        id="late", title="Late", when=DateValue(edtf="2022-03-01"), kind=EntryKind.STATEMENT
    )
    watched.document.append("entries", [late])
    watched.check()
    assert watched.rebuilds == 1
    watched.document.remove("entries", ["late"])
    watched.check()
    assert watched.rebuilds == 2  # the removed entry held the latest day
    watched.document.set_meta(as_of="2021-11-25")
    watched.check()
    assert watched.rebuilds == 3


_DAYS = st.integers(day_number(2021, 10, 25), day_number(2021, 11, 24))
_EDIT = st.sampled_from(["claim", "date", "remove", "add", "issued", "retract"])


@settings(max_examples=25, deadline=None)
@given(
    edits=st.lists(st.tuples(_EDIT, st.integers(0, 15), _DAYS), max_size=6),
    first=_DAYS,
    span=st.integers(0, 20),
)
def test_patched_equals_fresh_after_any_edits(
    edits: list[tuple[str, int, int]], first: int, span: int
) -> None:
    watched = Watched(first, first + span)
    for step, (kind, number, day) in enumerate(edits):
        _edit(watched.document, kind, number, day, f"{step}")
        watched.check()


def _edit(document: Document, kind: str, number: int, day: int, step: str) -> None:
    entries = document.project.entries
    entry = entries[number % len(entries)]
    # Now and then a whole year: its last day, 31 December, is a new latest day.
    date = DateValue(edtf=format_day(day) if day % 3 else "2021")
    if kind == "claim":
        claim = Claim(id=f"claim-{step}", said=date)
        document.replace("entries", [entry.model_copy(update={"claims": (*entry.claims, claim)})])
    elif kind == "date":
        document.replace("entries", [entry.model_copy(update={"when": date})])
    elif kind == "remove":
        document.remove("entries", [entry.id])
    elif kind == "add":
        new = Entry(id=f"new-{step}", title=f"New {day}", kind=EntryKind.STATEMENT, when=date)
        document.append("entries", [new])
    elif kind == "retract" and entry.claims:
        claims = (entry.claims[0].model_copy(update={"retracted": True}), *entry.claims[1:])
        document.replace("entries", [entry.model_copy(update={"claims": claims})])
    elif kind == "issued":
        source = document.project.sources[number % len(document.project.sources)]
        document.replace("sources", [source.model_copy(update={"issued": format_day(day)})])
