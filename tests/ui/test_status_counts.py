"""The status bar's counts stay right when edits adjust them by what changed."""

from __future__ import annotations

from timeline_editor.model.changes import ChangeSet
from timeline_editor.model.document import Document
from timeline_editor.model.entities import Citation, Claim, DateValue, Entry, Project, Source
from timeline_editor.model.filters import EntryFilter
from timeline_editor.model.vocab import Reliability, Stance
from timeline_editor.ui.window.status import Tally, count_text


def _tally(document: Document, tally: Tally) -> list[bool]:
    """Feed every change set to ``tally``; the list says whether each applied."""
    applied: list[bool] = []
    document.subscribe(lambda changes: applied.append(tally.apply(changes)))
    return applied


def test_counts_follow_edits_entry_by_entry() -> None:
    document = Document(
        Project(entries=(Entry(id="a", when=DateValue(edtf="2021")), Entry(id="b")))
    )
    tally = Tally(document, None)
    applied = _tally(document, tally)
    assert tally.text() == "2 entries · 0 disputed · 1 undated"
    claims = (Claim(stance=Stance.ASSERTS), Claim(stance=Stance.DENIES))
    first = document.project.entries[0]
    document.replace("entries", [first.model_copy(update={"claims": claims})])
    assert tally.text() == "2 entries · 1 disputed · 1 undated" == count_text(document, None)
    dated = document.entry("b").model_copy(update={"when": DateValue(edtf="2020")})
    document.replace("entries", [dated])
    assert tally.text() == "2 entries · 1 disputed · 0 undated" == count_text(document, None)
    document.append("entries", [Entry(id="c"), Entry(id="d", when=DateValue(edtf="2019"))])
    assert tally.text() == "4 entries · 1 disputed · 1 undated" == count_text(document, None)
    document.remove("entries", ["a", "c"])
    assert tally.text() == "2 entries · 0 disputed · 0 undated" == count_text(document, None)
    assert applied == [True, True, True, True]


def test_a_filter_counts_only_what_it_shows() -> None:
    document = Document(Project(entries=(Entry(id="a", title="x"), Entry(id="b", title="y"))))
    tally = Tally(document, lambda entry: entry.title == "x")
    _tally(document, tally)
    assert tally.text() == "1 of 2 entries · 0 disputed · 1 undated"
    renamed = document.entry("b").model_copy(update={"title": "x"})
    document.replace("entries", [renamed])
    assert tally.text() == "2 of 2 entries · 0 disputed · 2 undated"
    document.remove("entries", ["a"])
    assert tally.text() == "1 of 1 entry · 0 disputed · 1 undated"


def test_a_filter_on_sources_recounts_when_a_source_changes() -> None:
    source = Source(id="s", title="Wire", reliability=Reliability.A)
    cited = Entry(id="a", citations=(Citation(source_id="s"),))
    document = Document(Project(sources=(source,), entries=(cited, Entry(id="b"))))
    predicate = EntryFilter(min_reliability=Reliability.B).bind(lambda: document.project)
    tally = Tally(document, predicate)
    heard: list[ChangeSet] = []
    document.subscribe(heard.append)
    document.replace("sources", [source.model_copy(update={"reliability": Reliability.E})])
    assert not tally.apply(heard[0])
    assert count_text(document, predicate).startswith("0 of 2")
