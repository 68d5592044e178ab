"""Entries through the clipboard: fresh ids, references fitted to the target."""

from __future__ import annotations

import pytest

from tests.samples import small_project
from timeline_editor.io.clipboard import ClipboardError, entries_from_json, entries_to_json
from timeline_editor.model.entities import Project


def test_paste_into_same_project_gives_fresh_ids() -> None:
    project = small_project()
    text = entries_to_json(project.entries[:2])
    pasted = entries_from_json(text, project)
    assert [e.title for e in pasted] == [e.title for e in project.entries[:2]]
    old_ids = {e.id for e in project.entries}
    assert not old_ids & {e.id for e in pasted}
    assert pasted[0].citations[0].id != project.entries[0].citations[0].id
    assert pasted[1].claims[0].id != project.entries[1].claims[0].id
    assert pasted[0].lane_id == "l-eu"  # known references are kept
    assert pasted[0].actor_ids == ("a-pash", "a-aliyev")


def test_paste_into_other_project_drops_unknown_references() -> None:
    text = entries_to_json(small_project().entries[:2])
    [brussels, moscow] = entries_from_json(text, Project())
    assert brussels.lane_id is None
    assert brussels.place_id is None
    assert brussels.actor_ids == ()
    assert brussels.citations == ()
    assert [c.speaker_id for c in moscow.claims] == [None, None]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("hello", "no timeline entries"),
        ('{"format": "other"}', "no timeline entries"),
        ('{"format": "timeline-editor/entries"}', "missing"),
        (
            '{"format": "timeline-editor/entries", "entries": [{"when": {"edtf": "x"}}]}',
            "entries[0].when.edtf",
        ),
    ],
)
def test_bad_clipboard_text(text: str, message: str) -> None:
    with pytest.raises(ClipboardError, match=message.replace("[", r"\[").replace("]", r"\]")):
        entries_from_json(text, Project())


def test_deeply_nested_clipboard_text_is_not_our_data() -> None:
    with pytest.raises(ClipboardError, match="no timeline entries"):
        entries_from_json("[" * 100_000 + "]" * 100_000, Project())
