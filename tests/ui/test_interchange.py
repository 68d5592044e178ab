"""File → Import… and File → Merge… driven through the window's menu actions."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Shown
from timeline_editor.commands.items import EditItems
from timeline_editor.io.project_file import load_project, save_project
from timeline_editor.io.versions import VersionStore, content_hash
from timeline_editor.model.entities import Project
from timeline_editor.model.vocab import EntryKind, LaneMode, Status
from timeline_editor.ui.dialogs.csv_mapping import CsvMappingDialog
from timeline_editor.ui.dialogs.export import ExportDialog, can_export, perform_export
from timeline_editor.ui.dialogs.merge import MergeDialog
from timeline_editor.ui.window import interchange
from timeline_editor.ui.window.main_window import MainWindow

FIXTURES = Path(__file__).parent.parent / "io" / "fixtures"


def answer_open(monkeypatch: pytest.MonkeyPatch, *answers: tuple[Path, str]) -> None:
    """The open-file dialogs return these (path, chosen filter) pairs in order."""
    queue = [(str(p), f) for p, f in answers]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: queue.pop(0))


def trigger(window: MainWindow, name: str) -> None:
    """Trigger a menu action the way a click does."""
    action = window.actions_by_name[name]
    assert action.isEnabled(), name
    action.trigger()


FILTER = {fmt: text for text, fmt in interchange.IMPORT_FILTERS}


@pytest.mark.parametrize(
    "case",
    [
        ("timelinejs/basic.json", "timelinejs", 7),
        ("timelinejs/template.csv", "timelinejs-csv", 5),
        ("timeline_project/basic.timeline", "timeline-project", 5),
        ("timeline_project/basic.timeline", None, 5),
    ],
)
def test_import_opens_a_new_modified_document(
    loaded: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    shown: Shown,
    case: tuple[str, str | None, int],
) -> None:
    fixture, fmt, entries = case
    asked: list[str] = []

    def ask(parent: object, name: str) -> str:
        asked.append(name)
        return "discard"

    monkeypatch.setattr("timeline_editor.ui.dialogs.messages.ask_save_changes", ask)
    loaded.edits.insert_entry(EntryKind.EVENT)
    answer_open(monkeypatch, (FIXTURES / fixture, FILTER[fmt]))
    trigger(loaded, "file_import")
    assert asked == ["brussels.json"]  # the unsaved changes of the open project were asked about
    project = loaded.document.project
    assert len(project.entries) == entries
    assert project.entries[0].title == "Brussels meeting"
    assert loaded.files.path is None and loaded.isWindowModified()
    assert loaded.undo_stack.undoText() == f"Import {Path(fixture).name}"
    assert "Import report" in [b.windowTitle() for b in shown.boxes]
    loaded.undo_stack.undo()
    assert loaded.document.project.entries == ()


def test_import_report_names_records_it_could_not_take(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, shown: Shown
) -> None:
    chosen: list[CsvMappingDialog] = []

    def accept(dialog: CsvMappingDialog) -> int:
        chosen.append(dialog)
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(CsvMappingDialog, "exec", accept)
    answer_open(monkeypatch, (FIXTURES / "csv" / "events.csv", FILTER["csv"]))
    trigger(window, "file_import")
    assert chosen[0].combos["title"].currentData() == "Title"
    box = shown.boxes[-1]
    text = box.informativeText()
    assert "1 record could not be taken" in text
    # One line per kind of thing dropped or changed, with its count and first record.
    assert "• end before start: the two ends swapped: 1 record (first: line 7: " in text
    assert "encoding: UTF-8" in box.detailedText()


def test_csv_mapping_dialog_maps_columns(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    table = tmp_path / "german.csv"
    table.write_bytes("Datum;Ereignis;Thema;Notiz\n2021-12-15;Treffen;EU;x\n".encode("cp1252"))

    def choose(dialog: CsvMappingDialog) -> int:
        assert "semicolon" in dialog.read_as.text()
        assert dialog.header == ["Datum", "Ereignis", "Thema", "Notiz"]
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        assert not ok.isEnabled()  # neither a date nor a title column was recognised
        for name, column in (("date", "Datum"), ("title", "Ereignis"), ("lane", "Thema")):
            combo = dialog.combos[name]
            combo.setCurrentIndex(combo.findData(column))
        assert ok.isEnabled()
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(CsvMappingDialog, "exec", choose)
    answer_open(monkeypatch, (table, FILTER["csv"]))
    trigger(window, "file_import")
    (entry,) = window.document.project.entries
    assert (entry.title, entry.when.edtf, entry.description) == ("Treffen", "2021-12-15", "")
    assert [lane.title for lane in window.document.project.lanes] == ["EU"]


def test_csv_mapping_none_means_not_imported(qtbot: QtBot) -> None:
    dialog = CsvMappingDialog(FIXTURES / "csv" / "events.csv")
    qtbot.addWidget(dialog)
    assert dialog.combos["lane"].currentData() == "Lane"
    dialog.combos["lane"].setCurrentIndex(0)
    dialog.delimiter.setCurrentIndex(dialog.delimiter.findData(";"))
    assert dialog.header == ["Date,End,Title,Description,URL,Lane,Tags"]
    dialog.delimiter.setCurrentIndex(0)
    assert dialog.choice().mapping.lane == "Lane"  # guessed again for the new columns
    dialog.combos["lane"].setCurrentIndex(0)
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("cp1252"))
    assert "Windows-1252" not in dialog.read_as.text() and "cp1252" in dialog.read_as.text()
    assert dialog.choice().mapping.lane == ""  # same columns: the choice is kept
    assert dialog.choice().encoding == "cp1252"
    assert dialog.choice().mapping.date == "Date"


def test_csl_goes_into_the_current_library_as_one_step(
    loaded: MainWindow, monkeypatch: pytest.MonkeyPatch, shown: Shown
) -> None:
    before = loaded.document.project
    answer_open(monkeypatch, (FIXTURES / "csl" / "zotero.json", FILTER["csl"]))
    trigger(loaded, "file_import")
    after = loaded.document.project
    assert after.entries == before.entries and after.id == before.id
    assert len(after.sources) > len(before.sources)
    assert loaded.files.path is not None  # still the same file, now modified
    assert loaded.undo_stack.undoText() == "Import sources from zotero.json"
    assert "new source" in shown.boxes[-1].text()
    loaded.undo_stack.undo()
    assert loaded.document.project == before


def test_broken_file_gives_a_message_and_changes_nothing(
    loaded: MainWindow, monkeypatch: pytest.MonkeyPatch, shown: Shown
) -> None:
    before = loaded.document.project
    answer_open(monkeypatch, (FIXTURES / "timeline_project" / "bomb.timeline", FILTER[None]))
    trigger(loaded, "file_import")
    assert loaded.document.project == before and loaded.undo_stack.count() == 0
    assert "Cannot import" in shown.boxes[-1].windowTitle()


# -- merge ------------------------------------------------------------------------------


def _accept_merge(monkeypatch: pytest.MonkeyPatch) -> list[MergeDialog]:
    seen: list[MergeDialog] = []

    def run(dialog: MergeDialog) -> int:
        seen.append(dialog)
        dialog.accept()
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(MergeDialog, "exec", run)
    return seen


def _edit_entry(window: MainWindow, ident: str, **changes: object) -> None:
    entry = window.document.entry(ident).model_copy(update=changes)
    window.undo_stack.push(EditItems(window.document, "entries", [entry]))


def _copy_edited_elsewhere(
    qtbot: QtBot, source: Path, target: Path, edit: Callable[..., None]
) -> None:
    shutil.copy(source, target)
    other = MainWindow()
    qtbot.addWidget(other)
    assert other.files.load(target)
    edit(other)
    assert other.files.save()


def test_merge_finds_the_base_by_itself(
    loaded: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    a = loaded.files.path
    assert a is not None and loaded.files.save()  # save A: the version both start from
    sent = loaded.document.project
    b = tmp_path / "colleague.json"
    _copy_edited_elsewhere(
        qtbot, a, b, lambda w: _edit_entry(w, "e-moscow", status=Status.CANCELLED)
    )
    _edit_entry(loaded, "e-moscow", title="Moscow trilateral (renamed)")
    _edit_entry(loaded, "e-brussels", status=Status.CONFIRMED)
    assert loaded.files.save()
    before = loaded.document.project
    seen = _accept_merge(monkeypatch)
    answer_open(monkeypatch, (b, ""))
    trigger(loaded, "file_merge")
    assert seen and seen[0]._result.conflicts == ()
    note = seen[0].findChild(QLabel, "base_note")
    assert note is not None and "last common version" in note.text()
    moscow = loaded.document.entry("e-moscow")
    assert (moscow.title, moscow.status) == ("Moscow trilateral (renamed)", Status.CANCELLED)
    assert loaded.document.entry("e-brussels").status == Status.CONFIRMED
    assert loaded.undo_stack.undoText() == "Merge colleague.json"
    theirs = load_project(b)
    assert content_hash(theirs) in loaded.document.project.lineage
    assert content_hash(sent) in loaded.document.project.lineage
    assert VersionStore.default().get(content_hash(theirs)) is not None
    loaded.undo_stack.undo()
    assert loaded.document.project == before


def test_merge_of_an_unrelated_project_is_refused(
    loaded: MainWindow, monkeypatch: pytest.MonkeyPatch, shown: Shown, tmp_path: Path
) -> None:
    other = tmp_path / "other.json"
    save_project(Project(id="someone-else", title="Another chronology"), other)
    answer_open(monkeypatch, (other, ""))
    trigger(loaded, "file_merge")
    assert "different project" in shown.texts()[-1]
    assert loaded.undo_stack.count() == 0


def test_merge_without_a_base_asks_and_can_go_two_way(
    loaded: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    a = loaded.files.path
    assert a is not None
    b = tmp_path / "colleague.json"  # A was never saved by us: no version to compare against
    _copy_edited_elsewhere(qtbot, a, b, lambda w: _edit_entry(w, "e-moscow", title="T"))
    _edit_entry(loaded, "e-moscow", title="O")
    asked: list[str] = []

    def two_way(parent: object, why: str) -> str:
        asked.append(why)
        return "two-way"

    monkeypatch.setattr(interchange, "ask_no_base", two_way)
    seen = _accept_merge(monkeypatch)
    answer_open(monkeypatch, (b, ""))
    trigger(loaded, "file_merge")
    assert asked and seen
    assert [c.field for c in seen[0]._result.conflicts] == ["title"]
    assert loaded.document.entry("e-moscow").title == "O"  # "ours" by default


def test_merge_base_picked_by_hand(
    loaded: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    a = loaded.files.path
    assert a is not None
    sent = tmp_path / "sent.json"
    shutil.copy(a, sent)
    b = tmp_path / "colleague.json"
    _copy_edited_elsewhere(qtbot, a, b, lambda w: _edit_entry(w, "e-moscow", title="T"))
    _edit_entry(loaded, "e-brussels", title="O")
    monkeypatch.setattr(interchange, "ask_no_base", lambda p, why: "pick")
    seen = _accept_merge(monkeypatch)
    answer_open(monkeypatch, (b, ""), (sent, ""))
    trigger(loaded, "file_merge")
    assert seen and seen[0]._result.conflicts == ()
    assert loaded.document.entry("e-moscow").title == "T"
    assert loaded.document.entry("e-brussels").title == "O"


def test_resave_through_the_window_is_byte_identical(loaded: MainWindow) -> None:
    path = loaded.files.path
    assert path is not None and loaded.files.save()
    first = path.read_bytes()
    lineage = loaded.document.project.lineage
    assert lineage == (content_hash(loaded.document.project),)
    assert loaded.undo_stack.count() == 0  # recording the version is no edit
    assert loaded.files.save()
    assert path.read_bytes() == first
    other = MainWindow()
    assert other.files.load(path) and other.files.save()
    assert path.read_bytes() == first
    other.deleteLater()


def test_export_dialog_writes_timelinejs_by_its_two_part_suffix(
    loaded: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    target = tmp_path / "web.timelinejs.json"
    dialog = ExportDialog(loaded, target, filter_active=False)
    qtbot.addWidget(dialog)
    dialog._check_and_accept()
    assert dialog.result() == QDialog.DialogCode.Accepted.value
    perform_export(loaded.document.project, dialog.request(), None, None, LaneMode.LANE)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert "events" in data and "Trilateral meeting in Moscow" in target.read_text("utf-8")
    assert not can_export(tmp_path / "plain.json")  # our own format is no export


def test_csv_dialog_says_what_the_column_shows_and_sets_the_date_order(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, shown: Shown
) -> None:
    table = FIXTURES / "csv" / "undecided.csv"

    def choose(dialog: CsvMappingDialog) -> int:
        assert "no date shows whether the day or the month" in dialog.order_hint.text()
        dialog.order.setCurrentIndex(
            dialog.order.findText("Month first", Qt.MatchFlag.MatchStartsWith)
        )
        assert dialog.choice().day_first is False
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(CsvMappingDialog, "exec", choose)
    answer_open(monkeypatch, (table, FILTER["csv"]))
    trigger(window, "file_import")
    days = [e.when.edtf for e in window.document.project.entries]
    assert days == ["2021-09-11", "2021-04-03"]
    assert "Everything in the file was taken." in shown.boxes[-1].informativeText()


def test_csv_dialog_hint_follows_the_date_column(qtbot: QtBot) -> None:
    dialog = CsvMappingDialog(FIXTURES / "csv" / "day_first.csv")
    qtbot.addWidget(dialog)
    assert dialog.order_hint.text() == "The column shows: day-first, as line 3 shows ('15/12/2021')"
    assert dialog.choice().day_first is None  # decided by the importer from the column
    dialog.combos["date"].setCurrentIndex(0)
    assert "holds no date such as 09/11/2021" in dialog.order_hint.text()


def test_an_invitation_opens_as_a_new_document_with_its_report(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, shown: Shown
) -> None:
    answer_open(monkeypatch, (FIXTURES / "ics" / "invitation.ics", FILTER[None]))
    trigger(window, "file_import")
    meeting = window.document.project.entries[0]
    assert (meeting.kind, meeting.status) == (EntryKind.MEETING, Status.CONFIRMED)
    text = shown.boxes[-1].informativeText()
    assert "• attendees not imported (the organiser is kept): 1 record" in text
    assert "could not be taken" not in text  # nothing refused, only things left out


def test_csv_dialog_reads_our_own_export_by_its_columns(qtbot: QtBot, tmp_path: Path) -> None:
    from timeline_editor.io.exporters.csv_export import export_csv
    from timeline_editor.model.entities import DateValue, Entry, Project

    titles = ("a;b;c;d", "e;f;g;h", "i;j;k;l")  # a delimiter guess would take the semicolon
    entries = tuple(Entry(title=t, when=DateValue(edtf="2021-12-15")) for t in titles)
    table = tmp_path / "ours.csv"
    export_csv(Project(entries=entries), table)
    dialog = CsvMappingDialog(table)
    qtbot.addWidget(dialog)
    assert "comma (a Timeline Editor export)" in dialog.read_as.text()
    assert dialog.combos["status"].currentData() == "status"
    assert dialog.combos["date"].currentData() == "edtf"
