"""Dialogs by keyboard: every button has an Alt+letter of its own; Tab leaves text boxes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QInputDialog,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from tests.samples import interchange_project
from tests.ui.conftest import Shown
from tests.ui.helpers import QtBot
from timeline_editor.io.merge import merge_projects
from timeline_editor.model.entities import DateValue
from timeline_editor.ui.dialogs import help_pages, messages
from timeline_editor.ui.dialogs.csv_mapping import CsvMappingDialog
from timeline_editor.ui.dialogs.export import ExportDialog
from timeline_editor.ui.dialogs.merge import MergeDialog
from timeline_editor.ui.dialogs.recovery import RecoveryDialog
from timeline_editor.ui.sources.dialog import SourceDialog
from timeline_editor.ui.widgets.mnemonics import mnemonic, with_mnemonic
from timeline_editor.ui.window.interchange import ask_no_base

CSV = Path(__file__).parent.parent / "io" / "fixtures" / "csv" / "events.csv"


def _merge_dialog() -> MergeDialog:
    base = interchange_project()
    entries = tuple(
        e.model_copy(update={"when": DateValue(edtf="2022-01")}) if e.id == "ent-moscow" else e
        for e in base.entries
    )
    theirs = base.model_copy(update={"entries": entries})
    mine = base.model_copy(update={"entries": entries[::-1]})
    return MergeDialog(merge_projects(mine, theirs, base))


DIALOGS: dict[str, Callable[[], QWidget]] = {
    "era": lambda: messages.TitleDateDialog(None, "New era"),
    "source": SourceDialog,
    "export": lambda: ExportDialog(None, Path("/tmp/x.png"), filter_active=False),
    "csv columns": lambda: CsvMappingDialog(CSV),
    "recovery": lambda: RecoveryDialog(None, []),
    "merge": _merge_dialog,
    "shortcuts": lambda: help_pages.shortcuts_dialog(None, []),
    "legend": lambda: help_pages.legend_dialog(None),
    "about": lambda: help_pages.about_box(None),
    "problems": lambda: messages.problems_box(None, Path("x.json"), ["a", "b"]),
}


def _check_buttons(dialog: QWidget, data: tuple[QAbstractButton, ...] = ()) -> None:
    buttons = [b for b in dialog.findChildren(QAbstractButton) if b.text() and b not in data]
    assert buttons
    letters = [mnemonic(b.text()) for b in buttons]
    assert all(letters), [b.text() for b in buttons]
    assert len(set(letters)) == len(letters), [b.text() for b in buttons]


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_every_button_of_the_dialog_has_its_own_mnemonic(qtbot: QtBot, name: str) -> None:
    dialog = DIALOGS[name]()
    qtbot.addWidget(dialog)
    # The values of merge conflicts are data: their text must stay exactly as it is.
    data = tuple(
        b for b in dialog.findChildren(QAbstractButton) if b.objectName().startswith("conflict")
    )
    assert all("&" not in b.text() for b in data)
    _check_buttons(dialog, data)


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_tab_leaves_every_text_box_of_the_dialog(qtbot: QtBot, name: str) -> None:
    dialog = DIALOGS[name]()
    qtbot.addWidget(dialog)
    boxes = dialog.findChildren(QPlainTextEdit) + dialog.findChildren(QTextEdit)
    assert all(box.tabChangesFocus() for box in boxes), name


def test_message_boxes_have_mnemonics(qtbot: QtBot, shown: Shown) -> None:
    _check_buttons(messages.save_changes_box(None, "a.json"))
    messages.show_error(None, "Title", "Something failed.")
    parent = QWidget()
    qtbot.addWidget(parent)
    ask_no_base(parent, "no shared version")
    assert len(shown.boxes) == 2
    for box in shown.boxes:
        _check_buttons(box)


def test_the_one_line_prompt_names_its_buttons(qtbot: QtBot, shown: Shown) -> None:
    assert messages.ask_text(None, "New actor", "Name:") is None  # answered "cancel"
    [dialog] = shown.dialogs
    assert isinstance(dialog, QInputDialog)
    assert (dialog.okButtonText(), dialog.cancelButtonText()) == ("&OK", "&Cancel")


def test_a_mnemonic_prefers_word_starts_and_never_repeats_a_letter() -> None:
    taken = {"o"}
    assert with_mnemonic("OK", taken) == "O&K"
    assert with_mnemonic("Open link", taken) == "Open &link"
    assert with_mnemonic("Keep all", taken) == "Keep &all"
    assert with_mnemonic("&Save", taken) == "&Save"  # has one already
    assert with_mnemonic("Tom && Jerry", taken) == "Tom && Jerry"  # a literal "&": left alone
    assert with_mnemonic("...", taken) == "..."
    assert taken == {"o", "k", "l", "a"}
    assert (mnemonic("Save &As…"), mnemonic("Tom && Jerry"), mnemonic("plain")) == ("a", "", "")
