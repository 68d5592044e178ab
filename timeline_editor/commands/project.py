"""Undoable replacement of the whole project (merge with a colleague's copy, import)."""

from __future__ import annotations

from timeline_editor.commands.base import DocumentCommand
from timeline_editor.model.document import Document
from timeline_editor.model.entities import Project


class ReplaceProject(DocumentCommand):
    """Swap in a new version of the whole project as one undoable step."""

    def __init__(self, document: Document, project: Project, text: str) -> None:
        super().__init__(document, text)
        self._new = project
        self._old = document.project

    def apply(self) -> None:
        """Install the new project."""
        self._document.reset(self._new)

    def revert(self) -> None:
        """Restore the project as it was."""
        self._document.reset(self._old)
