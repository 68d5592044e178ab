"""Small prompts: save changes?, problems in a file, file names, names, dates.

Every prompt the window shows goes through a function here, so that tests can answer
it by replacing the function (or ``QMessageBox.exec``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QTextEdit,
    QWidget,
)

from timeline_editor.model.edtf import EdtfError, parse_edtf
from timeline_editor.ui.widgets.mnemonics import give_mnemonics

PROJECT_FILTER = "Timeline projects (*.json);;All files (*)"
MAX_PROBLEMS_SHOWN = 20


def save_changes_box(parent: QWidget | None, name: str) -> QMessageBox:
    """The question whether to save ``name`` first (not yet shown)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Unsaved changes")
    box.setText(f"Save the changes to “{name}” before closing it?")
    box.setInformativeText("Your changes will be lost if you don't save them.")
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
    box.setDefaultButton(buttons.Save)
    give_mnemonics(box)
    return box


def ask_save_changes(parent: QWidget | None, name: str) -> str:
    """Ask whether to save ``name`` first: "save", "discard" or "cancel"."""
    answer = save_changes_box(parent, name).exec()
    buttons = QMessageBox.StandardButton
    if answer == buttons.Save:
        return "save"
    if answer == buttons.Discard:
        return "discard"
    return "cancel"


def problems_box(parent: QWidget | None, path: Path, problems: list[str]) -> QMessageBox:
    """A message box naming the problems found in a file (not yet shown)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Cannot open project")
    count = len(problems)
    box.setText(f"“{path.name}” cannot be opened: {count} problem{'s' if count != 1 else ''}.")
    shown = problems[:MAX_PROBLEMS_SHOWN]
    more = count - len(shown)
    lines = "\n".join(f"• {p}" for p in shown) + (f"\n… and {more} more" if more > 0 else "")
    box.setInformativeText(lines + "\n\nThe project that was open stays open.")
    box.setDetailedText("\n".join(problems))
    for details in box.findChildren(QTextEdit):
        details.setTabChangesFocus(True)  # Tab goes on to the buttons
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    give_mnemonics(box)
    return box


def show_problems(parent: QWidget | None, path: Path, problems: list[str]) -> None:
    """Show the problems that stop a file from opening."""
    problems_box(parent, path, problems).exec()


def _message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    give_mnemonics(box)
    box.exec()


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something failed."""
    _message(parent, QMessageBox.Icon.Warning, title, text)


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something worth knowing that did not fail."""
    _message(parent, QMessageBox.Icon.Information, title, text)


def ask_open_path(parent: QWidget | None, folder: Path | None) -> Path | None:
    """A project file to open, or None."""
    name, _ = QFileDialog.getOpenFileName(
        parent, "Open project", str(folder or Path.home()), PROJECT_FILTER
    )
    return Path(name) if name else None


def ask_save_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """Where to save the project, or None; adds ``.json`` when no suffix is given."""
    name, _ = QFileDialog.getSaveFileName(parent, "Save project", str(suggested), PROJECT_FILTER)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".json")


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """One line of text, or None when cancelled or left blank."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    # Qt makes these buttons only when the dialog is laid out, so name them here.
    dialog.setOkButtonText("&OK")
    dialog.setCancelButtonText("&Cancel")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.textValue().strip() or None


def parse_day(text: str) -> int:
    """The first day of an ISO or EDTF date; raises ValueError naming the problem."""
    try:
        parsed = parse_edtf(text.strip())
    except EdtfError as exc:
        raise ValueError(str(exc)) from None
    if parsed.earliest is None:
        raise ValueError(f"'{text}' names no day")
    return parsed.earliest


def ask_day(parent: QWidget | None) -> int | None:
    """A day to go to, typed as ISO or EDTF (2021-12-15, 2021-12, 2021~); None if cancelled."""
    text = ask_text(parent, "Go to date", "Date (e.g. 2021-12-15, 2021-11, 2020):")
    if text is None:
        return None
    try:
        return parse_day(text)
    except ValueError as exc:
        show_error(parent, "Go to date", f"Not a date: {exc}")
        return None


class TitleDateDialog(QDialog):
    """A title and an EDTF date (for a new era); the date is checked before OK."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QFormLayout(self)
        self.title_edit = QLineEdit(self)
        self.date_edit = QLineEdit(self)
        self.date_edit.setPlaceholderText("2020-09-27/2020-11-10")
        layout.addRow("Title:", self.title_edit)
        layout.addRow("Date (EDTF):", self.date_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._check_and_accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        give_mnemonics(self)

    def _check_and_accept(self) -> None:
        try:
            parse_edtf(self.date_edit.text().strip())
        except EdtfError as exc:
            self.date_edit.setToolTip(str(exc))
            self.date_edit.setStyleSheet("background: #ffd7d7")
            return
        if not self.title_edit.text().strip():
            self.title_edit.setStyleSheet("background: #ffd7d7")
            return
        self.accept()


def ask_title_and_date(parent: QWidget | None, title: str) -> tuple[str, str] | None:
    """A (title, EDTF) pair, or None when cancelled."""
    dialog = TitleDateDialog(parent, title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.title_edit.text().strip(), dialog.date_edit.text().strip()
