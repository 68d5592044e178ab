"""The column-mapping step of a generic CSV import (or of rows pasted from a spreadsheet).

Also the order of numeric dates: "as the column shows" (the importer's rule: a date
such as 15/12/2021 settles day-first for the whole column, see
:mod:`timeline_editor.io.importers.csv_dates`), day first or month first. What the
date column shows is said beside the choice, so the user sees why 09/11/2021 will be
read one way, or why it would be left undated.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from timeline_editor.io.importers import CsvMapping, ImportFileError, ImportReport
from timeline_editor.io.importers._text import decode, read_bytes, read_rows
from timeline_editor.io.importers.csv_dates import decide_order
from timeline_editor.io.importers.csv_import import GUESSES, table_delimiter
from timeline_editor.ui.widgets.mnemonics import give_mnemonics

#: The mapping's fields and their labels, in the order the dialog shows them: what
#: happened in the left column, who, where and how sure in the right one.
FIELDS = (
    ("date", "Date:"),
    ("end", "End date:"),
    ("wording", "Date as stated:"),
    ("title", "Title:"),
    ("description", "Description:"),
    ("kind", "Kind:"),
    ("status", "Status:"),
    ("id", "Id:"),
    ("lane", "Lane:"),
    ("actors", "Actors:"),
    ("place", "Place:"),
    ("tags", "Tags:"),
    ("url", "Source URL:"),
    ("sources", "Source titles:"),
    ("likelihood", "Likelihood:"),
    ("confidence", "Confidence:"),
)
LEFT_FIELDS = 8
NONE = "(none)"
ENCODINGS = (("Detect", ""), ("UTF-8", "utf-8"), ("Windows-1252", "cp1252"), ("Latin-1", "latin-1"))
DELIMITERS = (("Detect", ""), ("Comma", ","), ("Semicolon", ";"), ("Tab", "\t"), ("Bar", "|"))
#: The order of numeric dates: None = as the date column shows.
ORDERS: tuple[tuple[str, bool | None], ...] = (
    ("As the date column shows", None),
    ("Day first: 09/11/2021 is 9 November", True),
    ("Month first: 09/11/2021 is 11 September", False),
)


@dataclass(frozen=True)
class CsvChoice:
    """The mapping and reading options chosen in the dialog."""

    mapping: CsvMapping
    encoding: str | None
    delimiter: str | None
    day_first: bool | None = None


@dataclass(frozen=True)
class CsvTable:
    """A CSV file as the dialog reads it: its columns, its rows and how it was read."""

    header: list[str]
    rows: list[tuple[int, dict[str, str]]]
    notes: str


def read_table(path: Path, encoding: str | None, delimiter: str | None) -> CsvTable:
    """The file's column names and rows, and how it was read; raises ImportFileError."""
    report = ImportReport()
    text = decode(read_bytes(path), encoding, report)
    found = table_delimiter(text, delimiter, report)
    try:
        first = list(csv.reader(text.splitlines()[:1], delimiter=found))
    except csv.Error as exc:
        raise ImportFileError(f"line 1: {exc}") from None
    header = [h.strip() for h in first[0]] if first else []
    if not header:
        raise ImportFileError("the file is empty")
    try:
        rows = read_rows(text, found)
    except ImportFileError:
        rows = []  # the import itself says what is wrong with the rows
    return CsvTable(header, rows, "; ".join(report.notes))


def guess_column(field: str, header: list[str], taken: set[str]) -> str | None:
    """The column the importer would pick for ``field`` without a mapping."""
    by_fold = {h.casefold(): h for h in header if h}
    for guess in GUESSES[field]:
        if guess in by_fold and by_fold[guess] not in taken:
            return by_fold[guess]
    return None


class CsvMappingDialog(QDialog):
    """Lists the file's columns with a combo per field; encoding and delimiter shown.

    Given a ``header`` instead (pasted rows, already read), it maps those columns and
    offers no encoding or delimiter.
    """

    def __init__(
        self, path: Path | None, parent: QWidget | None = None, *, header: list[str] | None = None
    ) -> None:
        super().__init__(parent)
        self._pasted = header
        name = path.name if path is not None else "pasted rows"
        self.setWindowTitle(f"Import {name}: columns" if header is None else "Paste rows: columns")
        self.path = path
        form = QFormLayout(self)
        form.addRow(QLabel("Which column holds what? Columns not chosen are not imported."))
        self.encoding = self._options(ENCODINGS, "encoding")
        self.delimiter = self._options(DELIMITERS, "delimiter")
        form.addRow("Encoding:", self.encoding)
        form.addRow("Delimiter:", self.delimiter)
        self.read_as = QLabel(self)
        self.read_as.setObjectName("read_as")
        self.read_as.setWordWrap(True)
        form.addRow("Read as:", self.read_as)
        form.addRow(self._field_combos())
        self._add_date_order(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Import" if header is None else "Paste")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        if header is not None:
            for row in (self.encoding, self.delimiter, self.read_as):
                form.setRowVisible(row, False)
        give_mnemonics(self)
        self.table = CsvTable([], [], "")
        self.reload()
        for combo in self.combos.values():
            combo.currentIndexChanged.connect(self._check)
        self.encoding.currentIndexChanged.connect(self.reload)
        self.delimiter.currentIndexChanged.connect(self.reload)

    def _add_date_order(self, form: QFormLayout) -> None:
        """The order of numeric dates, with what the date column shows beside it."""
        self.order = QComboBox(self)
        self.order.setObjectName("date_order")
        for label, value in ORDERS:
            self.order.addItem(label, value)
        form.addRow("Dates like 09/11/2021:", self.order)
        self.order_hint = QLabel(self)
        self.order_hint.setObjectName("order_hint")
        self.order_hint.setWordWrap(True)
        form.addRow("", self.order_hint)

    @property
    def header(self) -> list[str]:
        """The column names as read with the chosen encoding and delimiter."""
        return self.table.header

    def _field_combos(self) -> QHBoxLayout:
        """A combo per field, in two columns side by side (16 rows would be too tall)."""
        columns = QHBoxLayout()
        halves = (QFormLayout(), QFormLayout())
        self.combos: dict[str, QComboBox] = {}
        for index, (name, label) in enumerate(FIELDS):
            combo = QComboBox(self)
            combo.setObjectName(f"column_{name}")
            self.combos[name] = combo
            halves[index >= LEFT_FIELDS].addRow(label, combo)
        for half in halves:
            columns.addLayout(half)
        return columns

    def _options(self, options: tuple[tuple[str, str], ...], name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for label, value in options:
            combo.addItem(label, value)
        return combo

    def reload(self) -> None:
        """Read the file again with the chosen encoding and delimiter."""
        old_header = self.header
        chosen = {name: combo.currentData() for name, combo in self.combos.items()}
        try:
            if self._pasted is not None or self.path is None:
                self.table = CsvTable(list(self._pasted or []), [], "")
            else:
                self.table = read_table(
                    self.path, self.encoding.currentData(), self.delimiter.currentData()
                )
            notes = self.table.notes
        except ImportFileError as exc:
            self.table, notes = CsvTable([], [], ""), f"cannot read the header: {exc}"
        self.read_as.setText(notes)
        taken: set[str] = set()
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(NONE, "")
            for column in self.header:
                combo.addItem(column or "(unnamed)", column)
            # The same columns again (another encoding, say): keep what was chosen.
            guess = chosen[name] if self.header == old_header else None
            guess = guess if guess is not None else guess_column(name, self.header, taken)
            if guess is not None:
                taken.add(guess)
                combo.setCurrentIndex(combo.findData(guess))
            combo.blockSignals(False)
        self._check()

    def _check(self) -> None:
        usable = bool(self.combos["date"].currentData() or self.combos["title"].currentData())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(usable)
        ok.setToolTip("" if usable else "Choose a date or a title column")
        self.order_hint.setText(self._order_hint())

    def _order_hint(self) -> str:
        """What the chosen date columns show about the order of their numeric dates."""
        dated = [self.combos[n].currentData() for n in ("date", "end")]
        dated = [column for column in dated if column]
        cells = (
            (f"line {line}", row.get(column, ""))
            for line, row in self.table.rows
            for column in dated
        )
        note = decide_order(cells, None).note
        if not note:
            return "The date column holds no date such as 09/11/2021."
        return "The column shows: " + note.removeprefix("dates: ").removeprefix("warning: ")

    def choice(self) -> CsvChoice:
        """The mapping ("" = that field is not imported) and the reading options."""
        columns = {name: str(combo.currentData() or "") for name, combo in self.combos.items()}
        return CsvChoice(
            mapping=CsvMapping(**columns),
            encoding=self.encoding.currentData() or None,
            delimiter=self.delimiter.currentData() or None,
            day_first=self.order.currentData(),
        )
