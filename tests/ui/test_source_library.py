"""The source library, driven as a user would; dialogs and the browser are stood in for."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from tests.samples import RFERL_URL, detailed_project
from tests.stacks import new_stack
from tests.ui.helpers import QtBot, choose, retype
from timeline_editor.model.document import Document
from timeline_editor.model.entities import Source
from timeline_editor.model.vocab import Reliability
from timeline_editor.ui.inspector.dock import InspectorDock
from timeline_editor.ui.sources import links
from timeline_editor.ui.sources.dialog import SourceDialog
from timeline_editor.ui.sources.library import SourceLibraryDock
from timeline_editor.ui.sources.table_model import COLUMNS, ID_ROLE


@pytest.fixture
def library(qtbot: QtBot) -> SourceLibraryDock:
    """A library dock on the sample project, shown."""
    dock = SourceLibraryDock(Document(detailed_project()), new_stack())
    qtbot.addWidget(dock)
    dock.resize(900, 300)
    dock.show()
    return dock


def _ids_in_view(library: SourceLibraryDock) -> list[str]:
    proxy = library.proxy
    return [proxy.index(row, 0).data(ID_ROLE) for row in range(proxy.rowCount())]


def _fill_dialog(qtbot: QtBot, script: Callable[[SourceDialog], None]) -> Any:
    """An ``exec`` stand-in that runs ``script`` on the dialog, then clicks OK."""

    def fake_exec(dialog: SourceDialog) -> int:
        script(dialog)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        return int(dialog.result())

    return fake_exec


def test_columns_sorting_by_header_click_and_filtering(
    qtbot: QtBot, library: SourceLibraryDock
) -> None:
    assert _ids_in_view(library) == ["s-rferl", "s-eu", "s-tass"]  # newest first
    header = library.table.horizontalHeader()
    column = COLUMNS.index("Reliability")
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    first_order = _ids_in_view(library)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert {tuple(first_order), tuple(_ids_in_view(library))} == {
        ("s-eu", "s-rferl", "s-tass"),
        ("s-tass", "s-rferl", "s-eu"),
    }
    library.table.sortByColumn(COLUMNS.index("Cited by"), Qt.SortOrder.DescendingOrder)
    assert _ids_in_view(library)[0] == "s-rferl"
    assert library.proxy.index(0, COLUMNS.index("Cited by")).data() == "2"
    qtbot.keyClicks(library.filter_edit, "tass")
    assert _ids_in_view(library) == ["s-tass"]
    library.filter_edit.clear()
    qtbot.keyClicks(library.filter_edit, "COMPLETELY")  # matches the reliability words
    assert _ids_in_view(library) == ["s-eu"]


def test_add_source_with_dialog_and_undo(
    qtbot: QtBot, library: SourceLibraryDock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def script(dialog: SourceDialog) -> None:
        qtbot.keyClicks(dialog.title_edit, "Azerbaijani MFA comment")
        qtbot.keyClicks(dialog.author_edit, "Abdullayeva, Leyla")
        qtbot.keyClicks(dialog.issued_edit, "2021-11-27")
        choose(qtbot, dialog.reliability_combo, Reliability.B)

    monkeypatch.setattr(SourceDialog, "exec", _fill_dialog(qtbot, script))
    qtbot.mouseClick(library.add_button, Qt.MouseButton.LeftButton)
    project = library._document.project
    added = project.sources[-1]
    assert (added.title, added.author, added.issued) == (
        "Azerbaijani MFA comment",
        ("Abdullayeva, Leyla",),
        "2021-11-27",
    )
    assert added.reliability is Reliability.B
    assert library.selected_source() == added
    library._undo_stack.undo()
    assert len(library._document.project.sources) == 3


def test_dialog_refuses_a_bad_date_at_its_field(qtbot: QtBot) -> None:
    dialog = SourceDialog(Source(title="x"))
    qtbot.addWidget(dialog)
    retype(qtbot, dialog.issued_edit, "26/11/2021")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.source() is None
    assert dialog.issued_edit.property("te_error")
    assert "issued" in dialog.message.text()


def test_paste_url_on_table_starts_a_prefilled_source(
    qtbot: QtBot, library: SourceLibraryDock, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, str] = {}

    def script(dialog: SourceDialog) -> None:
        seen["url"], seen["title"] = dialog.url_edit.text(), dialog.title_edit.text()

    monkeypatch.setattr(SourceDialog, "exec", _fill_dialog(qtbot, script))
    url = "https://www.azernews.az/nation/talks-in-brussels-confirmed.html"
    QGuiApplication.clipboard().setText(url)
    library.table.setFocus()
    qtbot.keyClick(library.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert seen == {"url": url, "title": "Talks in brussels confirmed"}
    added = library._document.project.sources[-1]
    assert (added.url, added.container_title) == (url, "azernews.az")


def test_url_field_starts_a_source_and_plain_text_is_refused(
    qtbot: QtBot, library: SourceLibraryDock, monkeypatch: pytest.MonkeyPatch
) -> None:
    infos: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: infos.append(a[2]))
    monkeypatch.setattr(SourceDialog, "exec", _fill_dialog(qtbot, lambda d: None))
    retype(qtbot, library.url_edit, "not a link")
    assert infos and len(library._document.project.sources) == 3
    retype(qtbot, library.url_edit, "https://tass.com/politics/1")
    assert library._document.project.sources[-1].url == "https://tass.com/politics/1"
    assert library.url_edit.text() == ""


def _recorder(opened: list[QUrl]) -> Callable[[QUrl], bool]:
    def fake_open(url: QUrl) -> bool:
        opened.append(url)
        return True

    return fake_open


@pytest.mark.parametrize("url", ["file:///etc/passwd", "javascript:alert(1)", ""])
def test_refuses_unsafe_links(
    qtbot: QtBot, library: SourceLibraryDock, monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    opened: list[QUrl] = []
    warnings: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", _recorder(opened))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    bad = Source(id="s-bad", title="Bad link", url=url, issued="2030")
    library._document.append("sources", [bad])
    library.select_source("s-bad")
    qtbot.mouseClick(library.open_button, Qt.MouseButton.LeftButton)
    assert opened == []
    assert len(warnings) == 1


def test_opens_https_links_after_confirmation(
    qtbot: QtBot, library: SourceLibraryDock, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", _recorder(opened))
    library.select_source("s-rferl")
    qtbot.mouseClick(library.open_button, Qt.MouseButton.LeftButton)
    assert opened == []  # the confirmation was cancelled (the tests' default answer)
    monkeypatch.setattr(links, "ask_open", lambda parent, host, target: True)
    qtbot.mouseClick(library.open_button, Qt.MouseButton.LeftButton)
    assert [u.toString() for u in opened] == [RFERL_URL]


def test_cited_by_emits_entry_ids(qtbot: QtBot, library: SourceLibraryDock) -> None:
    library.select_source("s-rferl")
    assert library.citing_button.text() == "Citing entries (2)"
    with qtbot.waitSignal(library.entries_requested) as signal:
        qtbot.mouseClick(library.citing_button, Qt.MouseButton.LeftButton)
    assert signal.args == [["e-moscow", "e-route"]]


def test_cite_then_delete_source_says_what_it_affects_and_undo(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    document, stack = Document(detailed_project()), new_stack()
    library, inspector = SourceLibraryDock(document, stack), InspectorDock(document, stack)
    for widget in (library, inspector):
        qtbot.addWidget(widget)
        widget.show()
    monkeypatch.setattr(
        SourceDialog,
        "exec",
        _fill_dialog(qtbot, lambda d: qtbot.keyClicks(d.title_edit, "Hotline readout")),
    )
    new = library.add_source()
    assert new is not None
    inspector.show_entries(["e-hotline"])
    citations = inspector.entry_form.citations
    choose(qtbot, citations.source_combo, new.id)
    qtbot.keyClicks(citations.quote_edit, "at the level of defense ministers")
    qtbot.mouseClick(citations.save_button, Qt.MouseButton.LeftButton)
    assert document.entry("e-hotline").citations[-1].source_id == new.id
    asked: list[str] = []

    def confirm(*args: Any) -> QMessageBox.StandardButton:
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", confirm)
    library.select_source(new.id)
    qtbot.mouseClick(library.delete_button, Qt.MouseButton.LeftButton)
    assert asked[0].startswith(
        "Deleting 'Hotline readout' removes 1 citation from 1 entry:\n\n• Defence"
    )
    assert document.find_source(new.id) is None
    assert [c.source_id for c in document.entry("e-hotline").citations] == ["s-eu"]
    assert citations.tree.topLevelItemCount() == 1  # the inspector followed
    stack.undo()
    assert document.source(new.id) == new
    assert document.entry("e-hotline").citations[-1].quote == "at the level of defense ministers"
    assert citations.tree.topLevelItemCount() == 2


def test_delete_can_be_cancelled(
    qtbot: QtBot, library: SourceLibraryDock, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def decline(*args: Any) -> QMessageBox.StandardButton:
        asked.append(args[2])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", decline)
    library.select_source("s-rferl")
    qtbot.mouseClick(library.delete_button, Qt.MouseButton.LeftButton)
    assert "removes 3 citations from 2 entries" in asked[0]
    assert len(library._document.project.sources) == 3


def test_edit_source_keeps_selection_and_undoes(
    qtbot: QtBot, library: SourceLibraryDock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def script(dialog: SourceDialog) -> None:
        choose(qtbot, dialog.reliability_combo, Reliability.A)

    monkeypatch.setattr(SourceDialog, "exec", _fill_dialog(qtbot, script))
    library.select_source("s-tass")
    qtbot.mouseClick(library.edit_button, Qt.MouseButton.LeftButton)
    assert library._document.source("s-tass").reliability is Reliability.A
    assert library.selected_source().id == "s-tass"  # type: ignore[union-attr]
    library._undo_stack.undo()
    assert library._document.source("s-tass").reliability is Reliability.C
    assert library.selected_source().id == "s-tass"  # type: ignore[union-attr]
