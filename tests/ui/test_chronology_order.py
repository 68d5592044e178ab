"""The table sorted by date and the text exports list a chronology in the same order."""

from __future__ import annotations

import csv
import io

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.model.test_date_order import CHRONOLOGY
from tests.stacks import new_stack
from timeline_editor.io.exporters.csv_export import csv_text
from timeline_editor.model.document import Document
from timeline_editor.model.entities import DateValue, Entry, Project
from timeline_editor.ui.table.columns import Col
from timeline_editor.ui.table.view import ChronologyTable


def _project() -> Project:
    # Project order is not date order, so that neither can pass by keeping it.
    texts = ["", *reversed(CHRONOLOGY)]
    entries = tuple(
        Entry(id=f"e{n}", title=text or "undated", when=DateValue(edtf=text))
        for n, text in enumerate(texts)
    )
    return Project(title="order", entries=entries)


def test_the_table_and_the_csv_export_agree(qtbot: QtBot) -> None:
    project = _project()
    table = ChronologyTable(Document(project), new_stack())
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    table.sortByColumn(Col.DATE, Qt.SortOrder.AscendingOrder)
    rows = range(table.proxy.rowCount())
    shown = [table.proxy.index(row, Col.TITLE).data() for row in rows]
    assert shown == [*CHRONOLOGY, "undated"]
    exported = [row["title"] for row in csv.DictReader(io.StringIO(csv_text(project)))]
    assert exported == shown
