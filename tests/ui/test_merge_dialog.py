"""The merge dialog: choices per conflict, bulk buttons, the resolved project."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QRadioButton, QScrollArea
from pytestqt.qtbot import QtBot

from tests.samples import interchange_project
from timeline_editor.io.merge import merge_projects
from timeline_editor.model.entities import DateValue, Project
from timeline_editor.model.vocab import Status
from timeline_editor.ui.dialogs.merge import MergeDialog


def _edit(project: Project, ident: str, **changes: object) -> Project:
    entries = tuple(e.model_copy(update=changes) if e.id == ident else e for e in project.entries)
    return project.model_copy(update={"entries": entries})


def _two_conflicts() -> MergeDialog:
    base = interchange_project()
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


def _long_title_conflict() -> MergeDialog:
    base = interchange_project()
    long_title = "Follow-up meeting of the border commissions of Armenia and Azerbaijan"
    ours = _edit(base, "ent-war", title=long_title + " (mine, as reported by RFE/RL)")
    theirs = _edit(base, "ent-war", title=long_title + " (Anna, from the ministry statement)")
    return MergeDialog(merge_projects(ours, theirs, base), theirs_name="anna.timeline.json")


def test_long_values_wrap_inside_the_dialog(qtbot: QtBot) -> None:
    dialog = _long_title_conflict()
    qtbot.addWidget(dialog)
    dialog.resize(700, 480)
    dialog.show()
    qtbot.waitExposed(dialog)
    area = dialog.findChild(QScrollArea)
    assert area is not None
    assert not area.horizontalScrollBar().isVisible()
    ours = dialog.findChild(QRadioButton, "conflict0_ours")
    theirs = dialog.findChild(QRadioButton, "conflict0_theirs")
    assert ours is not None and theirs is not None
    assert theirs.text().endswith("(Anna, from the ministry statement)")
    assert "Anna, from the ministry" in theirs.toolTip()
    right_edge = theirs.mapTo(area.viewport(), QPoint(theirs.width(), 0)).x()
    assert right_edge <= area.viewport().width()
    # Wrapped onto several lines, and the two value columns get the same width.
    assert theirs.height() > 2 * theirs.fontMetrics().height()
    assert abs(ours.width() - theirs.width()) <= 2
    QTest.mouseClick(theirs, Qt.MouseButton.LeftButton, pos=QPoint(theirs.width() - 10, 5))
    assert dialog.choices() == ["theirs"]


def test_dialog_opens_at_most_most_of_the_screen(qtbot: QtBot) -> None:
    dialog = _long_title_conflict()
    qtbot.addWidget(dialog)
    available = dialog.screen().availableGeometry().width()
    assert dialog.width() <= max(int(available * 0.8), 600)
    assert dialog.width() >= min(int(available * 0.8), 1400, 600)
