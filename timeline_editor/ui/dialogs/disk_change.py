"""Questions about the file on disk: it changed since we read it, or someone holds its lock.

Each prompt is a function (tests answer it by replacing the function, or
``QMessageBox.exec``); the box itself is built by a ``*_box`` function so its text can be
checked. :func:`merge_disk_version` runs the three-way merge of the window's project
(ours) with the file on disk (theirs) against the version last opened or saved (base).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton, QWidget

from timeline_editor.io.file_lock import LockOwner
from timeline_editor.io.merge import MergeError, merge_projects
from timeline_editor.model.entities import Project
from timeline_editor.ui.dialogs import messages
from timeline_editor.ui.dialogs.merge import MergeDialog
from timeline_editor.ui.widgets.mnemonics import give_mnemonics

MERGE, SAVE_AS, OVERWRITE, CANCEL = "merge", "save-as", "overwrite", "cancel"
READ_ONLY, OPEN_ANYWAY = "read-only", "open-anyway"


def _choice(box: QMessageBox, buttons: dict[str, QPushButton]) -> str:
    box.exec()
    clicked = box.clickedButton()
    return next((name for name, button in buttons.items() if button is clicked), CANCEL)


def changed_box(parent: QWidget | None, name: str) -> tuple[QMessageBox, dict[str, QPushButton]]:
    """The question what to do with a file changed on disk (not yet shown), and its buttons."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("File changed on disk")
    box.setText(f"“{name}” was changed on disk after you opened or last saved it.")
    box.setInformativeText(
        "Another window or program (or a colleague's copy arriving in a shared folder) "
        "wrote it. Saving now would replace that version.\n\n"
        "Compare and Merge shows what changed on both sides and takes both. Overwrite "
        f"replaces their version (it is kept as “{name}.bak” until the next save)."
    )
    role = QMessageBox.ButtonRole
    buttons: dict[str, QPushButton] = {
        MERGE: box.addButton("Compare and &Merge…", role.AcceptRole),
        SAVE_AS: box.addButton("Save &As…", role.ActionRole),
        OVERWRITE: box.addButton("&Overwrite", role.DestructiveRole),
        CANCEL: box.addButton(QMessageBox.StandardButton.Cancel),
    }
    box.setDefaultButton(buttons[MERGE])
    give_mnemonics(box)
    return box, buttons


def ask_disk_changed(parent: QWidget | None, name: str) -> str:
    """Ask before saving over a changed file: MERGE, SAVE_AS, OVERWRITE or CANCEL."""
    return _choice(*changed_box(parent, name))


def locked_box(
    parent: QWidget | None, name: str, owner: LockOwner
) -> tuple[QMessageBox, dict[str, QPushButton]]:
    """The question what to do with a file someone holds (not yet shown), and its buttons."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("File in use")
    box.setText(f"“{name}” is open in Timeline Editor elsewhere.")
    box.setInformativeText(
        f"Opened by {owner.user} on {owner.host} (process {owner.pid}) since {owner.since()}.\n\n"
        "Open it read-only to look without saving over their work (Save As still works), "
        "or open it anyway if you know they are not editing it: then whoever saves second "
        "is asked before replacing the other's changes."
    )
    role = QMessageBox.ButtonRole
    buttons: dict[str, QPushButton] = {
        READ_ONLY: box.addButton("Open &Read-Only", role.AcceptRole),
        OPEN_ANYWAY: box.addButton("Open &Anyway", role.DestructiveRole),
        CANCEL: box.addButton(QMessageBox.StandardButton.Cancel),
    }
    box.setDefaultButton(buttons[READ_ONLY])
    give_mnemonics(box)
    return box, buttons


def ask_locked(parent: QWidget | None, name: str, owner: LockOwner) -> str:
    """Ask how to open a file someone holds: READ_ONLY, OPEN_ANYWAY or CANCEL."""
    return _choice(*locked_box(parent, name, owner))


def merge_disk_version(
    parent: QWidget | None, ours: Project, theirs: Project, base: Project | None, name: str
) -> Project | None:
    """Merge the file on disk into the window's project; the result, or None when not merged.

    ``ours`` itself comes back when the file on disk adds nothing to it.
    """
    if theirs.id != ours.id:
        messages.show_error(
            parent,
            "Cannot merge",
            f"“{name}” on disk now holds a different project (“{theirs.title}”), not a copy "
            "of yours. Save As… keeps yours under another name; Overwrite replaces it.",
        )
        return None
    try:
        result = merge_projects(ours, theirs, base)
    except MergeError as exc:
        messages.show_error(parent, "Cannot merge", str(exc))
        return None
    if not result.conflicts and not result.applied:
        return ours
    note = "the version you last opened or saved" if base is not None else "none: two-way merge"
    dialog = MergeDialog(result, parent, f"{name} on disk", note)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.resolved_project
