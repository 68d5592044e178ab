"""The merge dialog: choices per conflict, bulk buttons, the resolved project."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QRadioButton
from pytestqt.qtbot import QtBot

from tests.io.sample import sample_project
from timeline_editor.io.merge import merge_projects
from timeline_editor.model.entities import DateValue, Project
from timeline_editor.model.vocab import Status
from timeline_editor.ui.merge_dialog import MergeDialog


def _edit(project: Project, ident: str, **changes: object) -> Project:
    entries = tuple(e.model_copy(update=changes) if e.id == ident else e for e in project.entries)
    return project.model_copy(update={"entries": entries})


def _two_conflicts() -> MergeDialog:
    base = sample_project()
    ours = _edit(base, "ent-moscow", when=DateValue(edtf="2021-12-20"), status=Status.SCHEDULED)
    theirs = _edit(base, "ent-moscow", when=DateValue(edtf="2022-01"), status=Status.CANCELLED)
    theirs = _edit(theirs, "ent-war", title="Second Karabakh war")
    return MergeDialog(merge_projects(ours, theirs, base), theirs_name="Anna's copy")


def _moscow(project: Project | None) -> tuple[str, str]:
    assert project is not None
    entry = next(e for e in project.entries if e.id == "ent-moscow")
    return entry.when.edtf, entry.status.value


def test_choices_per_conflict(qtbot: QtBot) -> None:
    dialog = _two_conflicts()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.choices() == ["ours", "ours"]
    theirs_when = dialog.findChild(QRadioButton, "conflict0_theirs")
    assert theirs_when is not None and theirs_when.text() == "2022-01"
    indicator = QPoint(8, theirs_when.height() // 2)
    QTest.mouseClick(
        theirs_when, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, indicator
    )
    assert dialog.choices() == ["theirs", "ours"]
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    QTest.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert _moscow(dialog.resolved_project) == ("2022-01", "scheduled")
    war = next(e for e in dialog.resolved_project.entries if e.id == "ent-war")  # type: ignore[union-attr]
    assert war.title == "Second Karabakh war"


def test_take_all_theirs_then_cancel(qtbot: QtBot) -> None:
    dialog = _two_conflicts()
    qtbot.addWidget(dialog)
    dialog.show()
    button = dialog.findChild(QPushButton, "all_theirs")
    assert button is not None
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog.choices() == ["theirs", "theirs"]
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == dialog.DialogCode.Rejected
    assert dialog.resolved_project is None
