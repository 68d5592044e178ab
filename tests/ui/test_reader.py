"""The reader: a stored text shown with numbers, cited in one key press, dates listed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.helpers import QtBot, row_text
from timeline_editor.model.entities import Source
from timeline_editor.ui.reader.dates import NOT_PLACED
from timeline_editor.ui.table.columns import QUOTE_MISMATCH, Col
from timeline_editor.ui.table.model import ID_ROLE
from timeline_editor.ui.window.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
STATEMENT = (
    "The two leaders will meet in Brussels on 15 December 2021.\n\n"
    "A hotline between the defence ministers is to be set up “soon”, officials said.\n\n"
    "Talks on the route resume within the next three years."
)


def _reader_on_statement(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.reader.show()
    window.reader.show_source("s-rfe")
    assert window.reader.paste_text(STATEMENT)
    qtbot.waitUntil(lambda: window.reader.view.paragraph_count() == 3)


def _select_words(qtbot: QtBot, window: MainWindow, paragraph: int, start: int, words: int) -> None:
    """Put the cursor in the text and select ``words`` words with Ctrl+Shift+Right."""
    view = window.reader.view
    view.select_words(paragraph, start, start)
    view.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(view.hasFocus)
    for _ in range(words):
        QTest.keyClick(view, Qt.Key.Key_Right, CTRL | SHIFT)


def test_a_selected_passage_is_cited_with_one_key_press(qtbot: QtBot, loaded: MainWindow) -> None:
    _reader_on_statement(qtbot, loaded)
    loaded.select(["e-hotline"])
    steps = loaded.undo_stack.count()
    _select_words(qtbot, loaded, 2, 0, 7)
    QTest.keyClick(loaded.reader.view, Qt.Key.Key_C, CTRL | SHIFT)
    entry = loaded.document.entry("e-hotline")
    (citation,) = entry.citations
    assert (citation.source_id, citation.locator) == ("s-rfe", "paragraph 2")
    assert citation.quote == "A hotline between the defence ministers is"
    assert loaded.undo_stack.count() == steps + 1
    # The passage is marked as cited, by that entry.
    qtbot.waitUntil(lambda: entry.title in loaded.reader.view.toPlainText())
    loaded.undo_stack.undo()
    assert loaded.document.entry("e-hotline").citations == ()
    qtbot.waitUntil(lambda: entry.title not in loaded.reader.view.toPlainText())


def test_without_one_selected_entry_nothing_is_cited(qtbot: QtBot, loaded: MainWindow) -> None:
    _reader_on_statement(qtbot, loaded)
    loaded.select([])
    steps = loaded.undo_stack.count()
    _select_words(qtbot, loaded, 1, 0, 3)
    loaded.actions_by_name["edit_cite_passage"].trigger()
    assert loaded.undo_stack.count() == steps
    assert "Select one entry" in loaded.reader.message.text()


def test_new_entry_from_selection_takes_the_date_found_there(
    qtbot: QtBot, loaded: MainWindow
) -> None:
    _reader_on_statement(qtbot, loaded)
    start = STATEMENT.index("Brussels")
    _select_words(qtbot, loaded, 1, start, 6)
    count = len(loaded.document.project.entries)
    loaded.actions_by_name["insert_entry_from_passage"].trigger()
    assert len(loaded.document.project.entries) == count + 1
    entry = loaded.document.project.entries[-1]
    assert (entry.when.edtf, entry.when.as_stated) == ("2021-12-15", "on 15 December 2021")
    assert entry.title == "Brussels on 15 December 2021."
    (citation,) = entry.citations
    assert (citation.quote, citation.locator) == ("Brussels on 15 December 2021.", "paragraph 1")
    assert loaded.selected_ids() == [entry.id]
    qtbot.waitUntil(loaded.inspector.entry_form.title_edit.hasFocus)


def test_found_dates_are_a_checklist_of_what_is_not_placed(
    qtbot: QtBot, loaded: MainWindow
) -> None:
    _reader_on_statement(qtbot, loaded)
    dates = loaded.reader.dates
    rows = [[row_text(dates, i, c) for c in range(4)] for i in range(dates.topLevelItemCount())]
    assert [rows[0][0], rows[0][2]] == ["1", "on 15 December 2021"]
    assert rows[1][2] == "within the next three years"
    # e-brussels quotes "will meet in Brussels": paragraph 1 is placed, 3 is not.
    assert rows[0][1] == "✓ cited by 1"
    assert rows[1][1] == NOT_PLACED
    assert rows[0][3] == "15 Dec 2021"
    assert rows[1][3] == "(not resolved)"  # the source gives no issued day to count from


def test_quotes_not_in_the_text_show_in_the_inspector_and_the_table(
    qtbot: QtBot, loaded: MainWindow
) -> None:
    loaded.select(["e-brussels"])
    badge = loaded.inspector.entry_form.citations.mismatch_badge
    _reader_on_statement(qtbot, loaded)
    assert badge.isHidden()  # "will meet in Brussels" is in the text
    loaded.reader.paste_text("A different statement altogether.")
    qtbot.waitUntil(lambda: not badge.isHidden())
    assert badge.text() == "1 quote not in the source's stored text"
    tree = loaded.inspector.entry_form.citations.tree
    assert row_text(tree, 0, 1).startswith("⚠ ")
    loaded.viewing.slots()["view_split"]()  # the table below the chart
    table = loaded.table.source
    row = next(
        r for r in range(table.rowCount()) if table.index(r, 0).data(ID_ROLE) == "e-brussels"
    )
    assert table.index(row, Col.SOURCES).data().endswith(QUOTE_MISMATCH)
    loaded.undo_stack.undo()
    qtbot.waitUntil(badge.isHidden)


def test_a_file_that_cannot_be_read_changes_nothing(
    qtbot: QtBot, loaded: MainWindow, tmp_path: Path
) -> None:
    loaded.reader.show()
    loaded.reader.show_source("s-rfe")
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4 nothing")
    steps = loaded.undo_stack.count()
    assert not loaded.reader.attach_from_file(bad)
    assert "Nothing attached: cannot read scan.pdf: is not a readable PDF" in (
        loaded.reader.message.text()
    )
    assert loaded.undo_stack.count() == steps
    source = loaded.document.source("s-rfe")
    assert isinstance(source, Source) and source.text is None
    good = tmp_path / "statement.txt"
    good.write_text(STATEMENT, encoding="utf-8")
    assert loaded.reader.attach_from_file(good)
    stored = loaded.document.source("s-rfe").text
    assert stored is not None and stored.origin == "statement.txt"
    assert loaded.undo_stack.undoText() == "Attach text to source 'RFE/RL article'"


def test_the_readmes_sample_shows_two_matching_quotes_and_one_not() -> None:
    from tests.desktop.reader_shot import sample_project
    from timeline_editor.model.quotes import QuoteState, check_quotes

    states = [c.state for c in check_quotes(sample_project())]
    assert states == [QuoteState.MATCHES, QuoteState.MATCHES, QuoteState.MISMATCH]
