"""The inspector, driven as a researcher would: type, pick, press Enter, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from tests.samples import detailed_project
from tests.stacks import new_stack
from tests.ui.helpers import QtBot, choose, click_row, retype, row_text
from timeline_editor.model.date_cases import DateCase
from timeline_editor.model.daynum import day_number
from timeline_editor.model.document import Document
from timeline_editor.model.entities import Entry
from timeline_editor.model.queries import is_disputed
from timeline_editor.model.vocab import Likelihood, Stance, Status
from timeline_editor.ui.inspector.dock import InspectorDock
from timeline_editor.ui.widgets import clock


@pytest.fixture
def dock(qtbot: QtBot) -> InspectorDock:
    """An inspector on the sample project, shown."""
    widget = InspectorDock(Document(detailed_project()), new_stack())
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _doc(dock: InspectorDock) -> Document:
    return dock._document


def _stack(dock: InspectorDock) -> QUndoStack:
    return dock._undo_stack


def _entry(dock: InspectorDock, ident: str) -> Entry:
    return _doc(dock).entry(ident)


def test_between_dates_become_a_window_and_undo_restores(qtbot: QtBot, dock: InspectorDock) -> None:
    dock.show_entries(["e-hotline"])
    editor = dock.entry_form.date_editor
    choose(qtbot, editor.case_combo, DateCase.BETWEEN)
    assert not editor.message.isHidden()  # asks for the dates, applies nothing yet
    retype(qtbot, editor.start_edit, "2020-11-10")
    retype(qtbot, editor.end_edit, "2023-11-10")
    assert _stack(dock).count() == 1
    entry = _entry(dock, "e-hotline")
    assert entry.when.edtf == "[2020-11-10..2023-11-10]"
    assert entry.when.as_stated == "to be set up; no date given"
    assert editor.edtf_edit.text() == "[2020-11-10..2023-11-10]"
    change = entry.history[-1]
    assert (change.field, change.old, change.new, change.at) == (
        "when",
        "",
        "[2020-11-10..2023-11-10]",
        "2021-11-26",
    )
    _stack(dock).undo()
    assert _entry(dock, "e-hotline").when.edtf == ""
    assert editor.case_combo.currentData() == DateCase.UNDATED
    assert editor.edtf_edit.text() == ""


def test_typing_edtf_picks_the_case(qtbot: QtBot, dock: InspectorDock) -> None:
    dock.show_entries(["e-hotline"])
    editor = dock.entry_form.date_editor
    retype(qtbot, editor.edtf_edit, "2021-11-19/..")
    assert editor.case_combo.currentData() == DateCase.FROM_TO
    assert (editor.start_edit.text(), editor.end_edit.text()) == ("2021-11-19", "..")
    assert _entry(dock, "e-hotline").when.edtf == "2021-11-19/.."


def test_typing_a_qualifier_in_the_exact_case_switches_the_case(
    qtbot: QtBot, dock: InspectorDock
) -> None:
    dock.show_entries(["e-hotline"])
    editor = dock.entry_form.date_editor
    choose(qtbot, editor.case_combo, DateCase.EXACT)
    editor.start_edit.setFocus()
    qtbot.keyClicks(editor.start_edit, "2021-12~")
    # Switched as the "~" is typed, before anything is committed.
    assert editor.case_combo.currentData() == DateCase.APPROXIMATE
    assert editor.start_edit.text() == "2021-12"
    assert not editor.start_edit.property("te_error")
    qtbot.keyClicks(editor.start_edit, "?")
    assert editor.case_combo.currentData() == DateCase.APPROXIMATE_UNCERTAIN
    assert _stack(dock).count() == 0
    qtbot.keyClick(editor.start_edit, Qt.Key.Key_Return)
    assert _entry(dock, "e-hotline").when.edtf == "2021-12%"
    assert _stack(dock).count() == 1


def test_invalid_edtf_is_marked_and_changes_nothing(qtbot: QtBot, dock: InspectorDock) -> None:
    dock.show_entries(["e-route"])
    before = _doc(dock).project
    editor = dock.entry_form.date_editor
    retype(qtbot, editor.edtf_edit, "2021-13-45")
    assert "month 13" in editor.message.text()
    assert editor.edtf_edit.property("te_error")
    assert _doc(dock).project == before
    assert _stack(dock).count() == 0
    # The rest of the form stays editable.
    retype(qtbot, dock.entry_form.title_edit, "Route agreed")
    assert _entry(dock, "e-route").title == "Route agreed"
    assert _entry(dock, "e-route").when.edtf == "[2020-11-10..2023-11-10]"


def test_an_impossible_window_is_refused_at_the_end_field(
    qtbot: QtBot, dock: InspectorDock
) -> None:
    dock.show_entries(["e-route"])
    editor = dock.entry_form.date_editor
    retype(qtbot, editor.end_edit, "2019-01-01")
    assert editor.end_edit.property("te_error")
    assert _stack(dock).count() == 0


def test_status_change_records_history(qtbot: QtBot, dock: InspectorDock) -> None:
    dock.show_entries(["e-moscow"])
    choose(qtbot, dock.entry_form.status_combo, Status.SCHEDULED)
    entry = _entry(dock, "e-moscow")
    assert entry.status is Status.SCHEDULED
    assert [(h.field, h.old, h.new, h.at) for h in entry.history] == [
        ("status", "proposed", "scheduled", "2021-11-26")
    ]
    history = dock.entry_form.history
    assert history.tree.topLevelItemCount() == 1
    assert row_text(history.tree, 0, 1) == "proposed → scheduled"
    # The researcher then names the source and the real day of the change.
    click_row(qtbot, history.tree, 0)
    retype(qtbot, history.at_edit, "2021-11-19")
    choose(qtbot, history.source_combo, "s-eu")
    qtbot.mouseClick(history.save_button, Qt.MouseButton.LeftButton)
    change = _entry(dock, "e-moscow").history[0]
    assert (change.at, change.source_id) == ("2021-11-19", "s-eu")
    _stack(dock).undo()
    _stack(dock).undo()
    assert _entry(dock, "e-moscow").history == ()
    assert dock.entry_form.status_combo.currentData() == Status.PROPOSED


def test_without_an_as_of_date_a_change_is_recorded_on_the_clock_day(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clock, "today", lambda: day_number(2030, 1, 2))
    project = detailed_project().model_copy(update={"as_of": ""})
    dock = InspectorDock(Document(project), new_stack())
    qtbot.addWidget(dock)
    dock.show_entries(["e-moscow"])
    choose(qtbot, dock.entry_form.status_combo, Status.SCHEDULED)
    retype(qtbot, dock.entry_form.date_editor.edtf_edit, "2021-12-20")
    history = _entry(dock, "e-moscow").history
    assert [(h.field, h.at) for h in history] == [("status", "2030-01-02"), ("when", "2030-01-02")]


def test_denying_claim_makes_the_entry_disputed(qtbot: QtBot) -> None:
    dock = InspectorDock(Document(detailed_project(disputed=False)), new_stack())
    qtbot.addWidget(dock)
    dock.show()
    dock.show_entries(["e-moscow"])
    form = dock.entry_form
    assert form.disputed_badge.isHidden()
    claims = form.claims
    qtbot.mouseClick(claims.new_button, Qt.MouseButton.LeftButton)
    choose(qtbot, claims.speaker_combo, "a-pashinian")
    choose(qtbot, claims.stance_combo, Stance.DENIES)
    qtbot.keyClicks(claims.text_edit, "No agreement about any such meeting yet")
    qtbot.keyClicks(claims.said_edit, "2021-11~")
    choose(qtbot, claims.source_combo, "s-rferl")
    qtbot.mouseClick(claims.save_button, Qt.MouseButton.LeftButton)
    entry = _entry(dock, "e-moscow")
    assert [c.stance for c in entry.claims] == [Stance.ASSERTS, Stance.DENIES]
    assert entry.claims[1].citation is not None
    assert is_disputed(entry)
    assert not form.disputed_badge.isHidden()
    # Retracting the denial ends the dispute.
    click_row(qtbot, claims.tree, 1)
    claims.retracted_check.setChecked(True)
    qtbot.mouseClick(claims.save_button, Qt.MouseButton.LeftButton)
    assert form.disputed_badge.isHidden()
    _stack(dock).undo()
    assert not form.disputed_badge.isHidden()


def test_claim_with_bad_date_is_marked_and_not_saved(qtbot: QtBot, dock: InspectorDock) -> None:
    dock.show_entries(["e-moscow"])
    claims = dock.entry_form.claims
    qtbot.keyClicks(claims.said_edit, "early November")
    qtbot.mouseClick(claims.save_button, Qt.MouseButton.LeftButton)
    assert claims.said_edit.property("te_error")
    assert not claims.message.isHidden()
    assert _stack(dock).count() == 0


def test_cite_a_source_with_a_quote(qtbot: QtBot, dock: InspectorDock) -> None:
    dock.show_entries(["e-hotline"])
    citations = dock.entry_form.citations
    qtbot.mouseClick(citations.save_button, Qt.MouseButton.LeftButton)
    assert "Pick the source" in citations.message.text()  # no source chosen yet
    choose(qtbot, citations.source_combo, "s-rferl")
    qtbot.keyClicks(citations.quote_edit, "to serve as an incident prevention mechanism")
    qtbot.keyClicks(citations.locator_edit, "para 5")
    choose(qtbot, citations.credibility_combo, 2)
    qtbot.mouseClick(citations.save_button, Qt.MouseButton.LeftButton)
    cited = _entry(dock, "e-hotline").citations[-1]
    assert (cited.source_id, cited.locator, cited.credibility) == ("s-rferl", "para 5", 2)
    assert cited.quote == "to serve as an incident prevention mechanism"
    assert citations.tree.topLevelItemCount() == 2
    assert citations.save_button.text() == "Save citation"  # the new one stays selected


def test_judgement_actors_and_tags(qtbot: QtBot, dock: InspectorDock) -> None:
    dock.show_entries(["e-route"])
    form = dock.entry_form
    choose(qtbot, form.likelihood_combo, Likelihood.UNLIKELY)
    assert "20-45%" in form.likelihood_combo.currentText()
    form.actors_list.item(2).setCheckState(Qt.CheckState.Checked)
    retype(qtbot, form.tags_edit, "route, ceasefire;  lachin ")
    entry = _entry(dock, "e-route")
    assert entry.likelihood is Likelihood.UNLIKELY
    assert entry.confidence is None  # kept apart
    assert entry.actor_ids == ("a-aliyev",)
    assert entry.tags == ("route", "ceasefire", "lachin")
    _stack(dock).undo()
    assert _entry(dock, "e-route").tags == ()
    assert form.tags_edit.text() == ""


def test_undo_refreshes_fields_without_losing_focus(qtbot: QtBot, dock: InspectorDock) -> None:
    dock.show_entries(["e-route"])
    form = dock.entry_form
    retype(qtbot, form.title_edit, "Route (renamed)")
    form.tags_edit.setFocus()
    qtbot.keyClicks(form.tags_edit, "half-typed")
    _stack(dock).undo()
    assert form.title_edit.text() == "New route agreed (within three years)"
    assert form.tags_edit.text() == "half-typed"  # the pending edit survives the refresh


def test_project_info_when_nothing_is_selected(qtbot: QtBot, dock: InspectorDock) -> None:
    dock.show_entries([])
    info = dock.project_form
    assert info.title_edit.text() == "Brussels meeting, November 2021"
    retype(qtbot, info.as_of_edit, "2021-11")
    assert "one day" in info.message.text()
    assert _stack(dock).count() == 0
    retype(qtbot, info.as_of_edit, "2021-12-01")
    retype(qtbot, info.title_edit, "Brussels, 2021")
    assert (_doc(dock).project.as_of, _doc(dock).project.title) == ("2021-12-01", "Brussels, 2021")
    _stack(dock).undo()
    assert info.title_edit.text() == "Brussels meeting, November 2021"


def test_several_entries_show_a_summary(dock: InspectorDock) -> None:
    dock.show_entries(["e-moscow", "e-route", "e-hotline"])
    text = dock.summary.text()
    assert "3 entries selected" in text
    assert "1 disputed" in text
    assert "from 2020-11-10 to 2023-11-10" in text


def test_deleted_entry_falls_back_to_project_info(dock: InspectorDock) -> None:
    dock.show_entries(["e-hotline"])
    _doc(dock).remove("entries", ["e-hotline"])
    assert dock.shown_ids() == []
    assert dock.stack.currentIndex() == 0
    assert dock.project_form.isVisible()


def test_claims_table_says_when_in_words(qtbot: QtBot) -> None:
    from timeline_editor.io.project_file import load_project
    from timeline_editor.ui.inspector.sections import ClaimsSection

    example = Path(__file__).resolve().parents[2] / "resources/examples/brussels-2021.timeline.json"
    project = load_project(example)
    trilateral = next(e for e in project.entries if "trilateral" in e.title)
    section = ClaimsSection()
    qtbot.addWidget(section)
    section.set_entry(trilateral, project)
    rows = [section.tree.topLevelItem(i) for i in range(section.tree.topLevelItemCount())]
    said = [row.text(2) for row in rows if row is not None]
    assert said == ["between 1 and 10 Nov 2021", "between 1 and 20 Nov 2021"]
