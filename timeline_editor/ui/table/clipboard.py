"""Entries on the clipboard three ways: our JSON, tab-separated text and an HTML table.

Another Timeline Editor pastes the JSON (every field, fresh ids); a spreadsheet takes
the tab-separated text; a word processor or mail program takes the HTML table. Both
tables carry the table's columns with the EDTF beside the date in words, under a
header row of the column names, so a spreadsheet's rows paste back as entries.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QMimeData

from timeline_editor.io.clipboard import MIME_TYPE, entries_to_json
from timeline_editor.io.exporters.csv_export import safe_cell
from timeline_editor.io.importers.table_rows import TABLE_COLUMNS
from timeline_editor.model.entities import Entry, Project
from timeline_editor.ui.table.columns import HEADERS, Col, Lookup, cell_text


def copy_rows(entries: Sequence[Entry], lookup: Lookup) -> list[list[str]]:
    """The cells of ``entries`` under :data:`TABLE_COLUMNS` (header not included)."""
    rows: list[list[str]] = []
    for entry in entries:
        cells = {HEADERS[col]: cell_text(entry, col, lookup) for col in Col}
        cells["EDTF"] = entry.when.edtf
        rows.append([cells[name] for name in TABLE_COLUMNS])
    return rows


def _flat(text: str) -> str:
    """One line: a tab or line break inside a cell would start a new cell or row."""
    return " ".join(text.split()) if any(c in text for c in "\t\r\n") else text


def to_tsv(rows: Sequence[Sequence[str]]) -> str:
    """Tab-separated text with the header row; formula-like cells made inert."""
    lines = ["\t".join(TABLE_COLUMNS)]
    lines += ["\t".join(safe_cell(_flat(cell)) for cell in row) for row in rows]
    return "\n".join(lines) + "\n"


def to_html(rows: Sequence[Sequence[str]]) -> str:
    """An HTML table with the header row; every cell escaped."""
    head = "".join(f"<th>{html.escape(name)}</th>" for name in TABLE_COLUMNS)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def clipboard_data(entries: Sequence[Entry], project: Project) -> QMimeData:
    """The clipboard contents for ``entries`` (in the order given)."""
    lookup = Lookup()
    lookup.refresh(project)
    rows = copy_rows(entries, lookup)
    data = QMimeData()
    data.setData(MIME_TYPE, entries_to_json(entries).encode("utf-8"))
    data.setText(to_tsv(rows))
    data.setHtml(to_html(rows))
    return data
