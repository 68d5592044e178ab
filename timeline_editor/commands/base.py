"""The base of every undo command: an edit the Document refuses leaves no trace.

``QUndoStack.push`` keeps a command even when its ``redo`` raised, so a later undo
would revert an edit that never happened (and delete what was there before). A
command whose edit is refused marks itself obsolete instead, which makes the stack
drop it, and tells the listeners in :data:`REFUSAL_LISTENERS` why.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from timeline_editor.model.document import DocumentError

#: Called with the reason whenever an edit is refused (the window shows it).
REFUSAL_LISTENERS: list[Callable[[str], None]] = []


class DocumentCommand(QUndoCommand):
    """An undoable edit: subclasses implement :meth:`apply` and :meth:`revert`."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.error = ""

    def apply(self) -> None:
        """Make the edit (raises DocumentError when the document refuses it)."""
        raise NotImplementedError

    def revert(self) -> None:
        """Undo the edit."""
        raise NotImplementedError

    def redo(self) -> None:
        """Apply the edit; a refused edit makes the command obsolete."""
        try:
            self.apply()
        except DocumentError as exc:
            self.error = f"{self.text()}: {exc}"
            self.setObsolete(True)
            for listener in list(REFUSAL_LISTENERS):
                listener(self.error)

    def undo(self) -> None:
        """Revert the edit."""
        self.revert()
