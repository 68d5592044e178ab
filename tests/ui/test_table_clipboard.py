"""Copy rows as TSV and HTML, and paste rows from a spreadsheet, through the Edit menu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from tests.ui.conftest import Shown
from tests.ui.helpers import QtBot
from tests.ui.table_helpers import click_cell
from timeline_editor.io.clipboard import MIME_TYPE
from timeline_editor.io.importers.table_rows import MAX_ROWS, TABLE_COLUMNS
from timeline_editor.model.entities import Entry
from timeline_editor.ui.dialogs.csv_mapping import CsvMappingDialog
from timeline_editor.ui.table.columns import HEADERS, Col
from timeline_editor.ui.window.main_window import MainWindow


def trigger(window: MainWindow, name: str) -> None:
    """Choose a menu entry."""
    window.actions_by_name[name].trigger()


def put_text(text: str) -> None:
    """Text on the clipboard, as a spreadsheet puts it there."""
    data = QMimeData()
    data.setText(text)
    QGuiApplication.clipboard().setMimeData(data)


def new_entries(window: MainWindow, before: set[str]) -> list[Entry]:
    """Entries added since ``before`` (ids), in table order."""
    return [window.document.entry(i) for i in window.table.shown_ids() if i not in before]


def test_copy_puts_tsv_html_and_entries_on_the_clipboard(loaded: MainWindow, qtbot: QtBot) -> None:
    war = loaded.document.entry("e-war")
    odd = war.model_copy(update={"title": 'Talks <b>"A & B"</b>\tsplit\nline', "tags": ("=1+1",)})
    loaded.document.replace("entries", [odd])
    trigger(loaded, "view_list")
    click_cell(qtbot, loaded.table, "e-brussels", Col.TITLE)
    click_cell(qtbot, loaded.table, "e-war", Col.TITLE, ctrl=True)
    trigger(loaded, "edit_copy")
    data = QGuiApplication.clipboard().mimeData()
    assert data.hasFormat(MIME_TYPE)
    lines = data.text().splitlines()
    assert lines[0].split("\t") == list(TABLE_COLUMNS)
    war_cells = lines[1].split("\t")  # table order: the war comes first
    assert war_cells[TABLE_COLUMNS.index("Title")] == 'Talks <b>"A & B"</b> split line'
    assert war_cells[TABLE_COLUMNS.index("Tags")] == "'=1+1"  # inert in a spreadsheet
    assert war_cells[:2] == ["27 Sep – 10 Nov 2020", "2020-09-27/2020-11-10"]
    brussels = lines[2].split("\t")
    assert brussels[TABLE_COLUMNS.index("Sources")] == "1 · B"
    html = data.html()
    assert "<th>As stated</th>" in html
    assert "Talks &lt;b&gt;&quot;A &amp; B&quot;&lt;/b&gt;" in html
    assert "<b>" not in html


def test_table_headers_are_the_copy_columns() -> None:
    assert set(HEADERS) <= set(TABLE_COLUMNS)
    assert [h for h in TABLE_COLUMNS if h not in HEADERS] == ["EDTF"]


def test_paste_of_our_own_rows_adds_entries_in_one_step(loaded: MainWindow, qtbot: QtBot) -> None:
    loaded.select(["e-brussels", "e-moscow"])
    trigger(loaded, "edit_copy")
    put_text(QGuiApplication.clipboard().text())  # as if back from a spreadsheet
    before = {e.id for e in loaded.document.project.entries}
    count = loaded.undo_stack.count()
    trigger(loaded, "edit_paste")
    pasted = new_entries(loaded, before)
    assert [e.title for e in pasted] == ["Trilateral meeting in Moscow", BRUSSELS]
    moscow, brussels = pasted
    assert (brussels.when.edtf, brussels.when.as_stated) == ("2021-12-15", "on 15 December")
    assert (brussels.kind.value, brussels.status.value, brussels.lane_id) == (
        "meeting",
        "scheduled",
        "l-eu",
    )
    assert brussels.actor_ids == ("a-pash", "a-aliyev") and brussels.place_id == "p-bru"
    assert brussels.tags == ("summit",) and brussels.citations == ()  # derived: not pasted
    assert (moscow.when.edtf, moscow.likelihood) == ("2021-12?", None)
    assert sorted(loaded.selected_ids()) == sorted(e.id for e in pasted)
    assert loaded.undo_stack.count() == count + 1
    assert loaded.undo_stack.text(count) == "Paste 2 entries"
    trigger(loaded, "edit_undo")
    assert {e.id for e in loaded.document.project.entries} == before


BRUSSELS = "Pashinian–Aliyev meeting in Brussels"


def test_paste_with_a_foreign_header_asks_for_the_columns(
    loaded: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[list[str]] = []

    def choose(dialog: CsvMappingDialog) -> int:
        asked.append(dialog.header)
        assert dialog.windowTitle() == "Paste rows: columns"
        for name, column in (("date", "Wann"), ("title", "Was"), ("lane", "Bereich")):
            dialog.combos[name].setCurrentIndex(dialog.combos[name].findData(column))
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(CsvMappingDialog, "exec", choose)
    put_text("Wann\tWas\tBereich\n15.12.2021\tGipfel\tEU track\n2021-11\tTreffen\tNeu\n")
    before = {e.id for e in loaded.document.project.entries}
    lanes = len(loaded.document.project.lanes)
    trigger(loaded, "edit_paste")
    assert asked == [["Wann", "Was", "Bereich"]]
    pasted = {e.title: e for e in new_entries(loaded, before)}
    assert pasted["Gipfel"].when.edtf == "2021-12-15" and pasted["Gipfel"].lane_id == "l-eu"
    assert pasted["Gipfel"].status.value == "proposed"  # an event after the as-of date
    assert [lane.title for lane in loaded.document.project.lanes[lanes:]] == ["Neu"]
    trigger(loaded, "edit_undo")  # entries and the new lane go together
    assert len(loaded.document.project.lanes) == lanes
    assert {e.id for e in loaded.document.project.entries} == before


def test_cancelled_mapping_pastes_nothing(loaded: MainWindow, shown: Shown) -> None:
    put_text("Wann\tWas\n15.12.2021\tGipfel\n")
    count = len(loaded.document.project.entries)
    trigger(loaded, "edit_paste")
    assert len(shown.dialogs) == 1 and not shown.boxes
    assert len(loaded.document.project.entries) == count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Date\tTitle\n2021-12-15\tGood\n2021-13-01\tBad month\nnot a date\tBad\n", "line 3"),
        ("Date\tTitle\tStatus\n2021-12-15\tOdd\tmaybe\n", "'maybe' is not one of"),
        ("Title\n", "no rows under it"),
        ("\x00\x01garbage", "no rows under it"),
    ],
    ids=["bad-dates", "bad-status", "header-only", "garbage"],
)
def test_bad_paste_names_the_rows_and_changes_nothing(
    loaded: MainWindow, shown: Shown, text: str, expected: str
) -> None:
    put_text(text)
    before = loaded.document.project
    trigger(loaded, "edit_paste")
    assert loaded.document.project is before
    assert QGuiApplication.overrideCursor() is None  # the wait cursor is gone
    [message] = shown.texts()
    assert message.startswith("Nothing was pasted: ") and expected in message
    if expected == "line 3":
        assert "line 4: 'not a date'" in message and "2 of 3 rows" in message


def test_paste_of_too_many_rows_is_refused_before_reading_them(
    loaded: MainWindow, shown: Shown
) -> None:
    put_text("Date\tTitle\n" + "2021-12-15\tx\n" * (MAX_ROWS + 1))
    trigger(loaded, "edit_paste")
    assert "100,001 rows: at most 100,000 can be pasted" in shown.texts()[0]
    assert len(loaded.document.project.entries) == 5
