"""The status bar's counts stay right when edits adjust them entry by entry."""

from __future__ import annotations

from timeline_editor.model.document import Document
from timeline_editor.model.entities import Claim, DateValue, Entry, Project
from timeline_editor.model.vocab import Stance
from timeline_editor.ui.window.status import Tally, count_text


def test_counts_follow_edits_entry_by_entry() -> None:
    document = Document(
        Project(entries=(Entry(id="a", when=DateValue(edtf="2021")), Entry(id="b")))
    )
    tally = Tally(document, None)
    assert tally.text() == "2 entries · 0 disputed · 1 undated"
    claims = (Claim(stance=Stance.ASSERTS), Claim(stance=Stance.DENIES))
    first = document.project.entries[0]
    document.replace("entries", [first.model_copy(update={"claims": claims})])
    tally.update(("a",))
    assert tally.text() == "2 entries · 1 disputed · 1 undated"
    assert tally.text() == count_text(document, None)
    dated = document.entry("b").model_copy(update={"when": DateValue(edtf="2020")})
    document.replace("entries", [dated])
    tally.update(("b",))
    assert tally.text() == "2 entries · 1 disputed · 0 undated" == count_text(document, None)


def test_a_filter_counts_only_what_it_shows() -> None:
    document = Document(Project(entries=(Entry(id="a", title="x"), Entry(id="b", title="y"))))
    tally = Tally(document, lambda entry: entry.title == "x")
    assert tally.text() == "1 of 2 entries · 0 disputed · 1 undated"
    renamed = document.entry("b").model_copy(update={"title": "x"})
    document.replace("entries", [renamed])
    tally.update(("b",))
    assert tally.text() == "2 of 2 entries · 0 disputed · 2 undated"
