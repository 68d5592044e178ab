"""After a crash: show what autosave kept and let the user recover or discard it."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from timeline_editor.io.autosave import Snapshot
from timeline_editor.ui.widgets.mnemonics import give_mnemonics
from timeline_editor.ui.widgets.wording import counted

RECOVER, DISCARD, LATER = "recover", "discard", "later"


def describe_snapshot(snapshot: Snapshot) -> str:
    """Plain text: title, entry count, when taken, original file, and a newer-file warning."""
    info = snapshot.info
    when = dt.datetime.fromtimestamp(info.saved_at).strftime("%Y-%m-%d %H:%M")
    entries = counted(info.entry_count, "entry")
    lines = [f"“{info.title}” — {entries}, autosaved {when}"]
    lines.append(f"File: {info.original_path}" if info.original_path else "Never saved")
    if snapshot.original_is_newer():
        lines.append(
            "Warning: the file on disk changed after this snapshot. Recovering does not "
            "touch it; compare before you save over it."
        )
    return "\n".join(lines)


class RecoveryDialog(QDialog):
    """Lists recoverable snapshots; the choice is in :attr:`choice` after ``exec``."""

    def __init__(self, parent: QWidget | None, snapshots: list[Snapshot]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recover unsaved work")
        self.snapshots = snapshots
        self.choice = LATER
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Timeline Editor did not close normally. These changes were autosaved and "
            "never saved to their file. Recovering opens them as an unsaved project; "
            "nothing on disk is replaced until you save.",
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        for snapshot in snapshots:
            item = QListWidgetItem(describe_snapshot(snapshot))
            item.setToolTip(html.escape(describe_snapshot(snapshot)))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(self)
        recover = QPushButton("Recover", self)
        discard = QPushButton("Discard", self)
        later = QPushButton("Not now", self)
        buttons.addButton(recover, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(discard, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(later, QDialogButtonBox.ButtonRole.RejectRole)
        recover.clicked.connect(lambda: self._finish(RECOVER))
        discard.clicked.connect(lambda: self._finish(DISCARD))
        later.clicked.connect(lambda: self._finish(LATER))
        layout.addWidget(buttons)
        give_mnemonics(self)
        self.resize(620, 320)

    def selected(self) -> Snapshot | None:
        """The snapshot the user picked."""
        row = self.list.currentRow()
        return self.snapshots[row] if 0 <= row < len(self.snapshots) else None

    def _finish(self, choice: str) -> None:
        self.choice = choice
        self.accept() if choice != LATER else self.reject()


def choose_recovery(
    parent: QWidget | None, snapshots: list[Snapshot]
) -> tuple[str, Snapshot | None]:
    """Ask what to do with leftover snapshots: (choice, snapshot)."""
    dialog = RecoveryDialog(parent, snapshots)
    dialog.exec()
    return dialog.choice, dialog.selected()
