"""The status bar's counts stay right when remembered flags meet edited entries."""

from __future__ import annotations

from timeline_editor.model.document import Document
from timeline_editor.model.entities import Claim, DateValue, Entry, Project
from timeline_editor.model.vocab import Stance
from timeline_editor.ui.status import EntryFlags, count_text


def test_counts_follow_edits_with_remembered_flags() -> None:
    document = Document(
        Project(entries=(Entry(id="a", when=DateValue(edtf="2021")), Entry(id="b")))
    )
    flags = EntryFlags()
    assert count_text(document, None, flags) == "2 entries · 0 disputed · 1 undated"
    claims = (Claim(stance=Stance.ASSERTS), Claim(stance=Stance.DENIES))
    document.replace("entries", [document.project.entries[0].model_copy(update={"claims": claims})])
    assert count_text(document, None, flags) == "2 entries · 1 disputed · 1 undated"
    document.remove("entries", ["b"])
    assert count_text(document, None, flags) == "1 entry · 1 disputed · 0 undated"
