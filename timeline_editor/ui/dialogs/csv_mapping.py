"""The column-mapping step of a generic CSV import (or of rows pasted from a spreadsheet)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from timeline_editor.io.importers import CsvMapping, ImportFileError, ImportReport
from timeline_editor.io.importers._text import decode, read_bytes, sniff_delimiter
from timeline_editor.io.importers.csv_import import GUESSES
from timeline_editor.ui.widgets.mnemonics import give_mnemonics

#: The mapping's fields and their labels, in the order the dialog shows them.
FIELDS = (
    ("date", "Date:"),
    ("end", "End date:"),
    ("title", "Title:"),
    ("description", "Description:"),
    ("url", "Source URL:"),
    ("lane", "Lane:"),
    ("tags", "Tags:"),
)
NONE = "(none)"
ENCODINGS = (("Detect", ""), ("UTF-8", "utf-8"), ("Windows-1252", "cp1252"), ("Latin-1", "latin-1"))
DELIMITERS = (("Detect", ""), ("Comma", ","), ("Semicolon", ";"), ("Tab", "\t"), ("Bar", "|"))


@dataclass(frozen=True)
class CsvChoice:
    """The mapping and reading options chosen in the dialog."""

    mapping: CsvMapping
    encoding: str | None
    delimiter: str | None


def read_header(path: Path, encoding: str | None, delimiter: str | None) -> tuple[list[str], str]:
    """The file's column names and how it was read (notes); raises ImportFileError."""
    report = ImportReport()
    text = decode(read_bytes(path), encoding, report)
    found = sniff_delimiter(text, delimiter, report)
    try:
        rows = list(csv.reader(text.splitlines()[:1], delimiter=found))
    except csv.Error as exc:
        raise ImportFileError(f"line 1: {exc}") from None
    header = [h.strip() for h in rows[0]] if rows else []
    if not header:
        raise ImportFileError("the file is empty")
    return header, "; ".join(report.notes)


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
        form.addRow("Read as:", self.read_as)
        self.combos: dict[str, QComboBox] = {}
        for name, label in FIELDS:
            combo = QComboBox(self)
            combo.setObjectName(f"column_{name}")
            self.combos[name] = combo
            form.addRow(label, combo)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        if header is not None:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Paste")
            for row in (self.encoding, self.delimiter, self.read_as):
                form.setRowVisible(row, False)
        give_mnemonics(self)
        self.header: list[str] = []
        self.reload()
        for combo in self.combos.values():
            combo.currentIndexChanged.connect(self._check)
        self.encoding.currentIndexChanged.connect(self.reload)
        self.delimiter.currentIndexChanged.connect(self.reload)

    def _options(self, options: tuple[tuple[str, str], ...], name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for label, value in options:
            combo.addItem(label, value)
        return combo

    def reload(self) -> None:
        """Read the header again with the chosen encoding and delimiter."""
        old_header = self.header
        chosen = {name: combo.currentData() for name, combo in self.combos.items()}
        try:
            if self._pasted is not None or self.path is None:
                self.header, notes = list(self._pasted or []), ""
            else:
                self.header, notes = read_header(
                    self.path, self.encoding.currentData(), self.delimiter.currentData()
                )
        except ImportFileError as exc:
            self.header, notes = [], f"cannot read the header: {exc}"
        self.read_as.setText(notes)
        taken: set[str] = set()
        for name, combo in self.combos.items():
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
        self._check()

    def _check(self) -> None:
        usable = bool(self.combos["date"].currentData() or self.combos["title"].currentData())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(usable)
        ok.setToolTip("" if usable else "Choose a date or a title column")

    def choice(self) -> CsvChoice:
        """The mapping ("" = that field is not imported) and the reading options."""
        columns = {name: str(combo.currentData() or "") for name, combo in self.combos.items()}
        return CsvChoice(
            mapping=CsvMapping(**columns),
            encoding=self.encoding.currentData() or None,
            delimiter=self.delimiter.currentData() or None,
        )
