"""The base of every undo command: an edit the Document refuses leaves no trace.

``QUndoStack.push`` keeps a command even when its ``redo`` raised, so a later undo
would revert an edit that never happened (and delete what was there before). A
command whose edit is refused marks itself obsolete instead, which makes the stack
drop it, and reports why to its document's refusal listeners (the window shows it).

Redo and undo each run inside one ``Document.batch()``: whatever document methods a
command calls, its views hear of it once, as one change set.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from timeline_editor.model.document import Document, DocumentError


class DocumentCommand(QUndoCommand):
    """An undoable edit of ``document``: subclasses implement :meth:`apply` and :meth:`revert`."""

    def __init__(self, document: Document, text: str) -> None:
        super().__init__(text)
        self._document = document
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
            with self._document.batch():
                self.apply()
        except DocumentError as exc:
            self.error = f"{self.text()}: {exc}"
            self.setObsolete(True)
            self._document.report_refusal(self.error)

    def undo(self) -> None:
        """Revert the edit."""
        with self._document.batch():
            self.revert()
