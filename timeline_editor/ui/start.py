"""Application start-up for the window (a first, minimal window listing the entries)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QTreeWidget, QTreeWidgetItem

from timeline_editor.io.project_file import ProjectFileError, load_project
from timeline_editor.model.entities import Project
from timeline_editor.model.queries import is_disputed


class EntryListWindow(QMainWindow):
    """A window that lists a project's entries with their dates and status."""

    def __init__(self, project: Project, name: str) -> None:
        super().__init__()
        self.setWindowTitle(f"{name} — Timeline Editor")
        tree = QTreeWidget(self)
        tree.setHeaderLabels(["Date (EDTF)", "As stated", "Kind", "Status", "Title"])
        for entry in project.entries:
            status = entry.status.value + (" · disputed" if is_disputed(entry) else "")
            row = [
                entry.when.edtf or "undated",
                entry.when.as_stated,
                entry.kind.value,
                status,
                entry.title,
            ]
            tree.addTopLevelItem(QTreeWidgetItem(row))
        for column in range(5):
            tree.resizeColumnToContents(column)
        self.setCentralWidget(tree)
        self.resize(1200, 700)


def run_gui(files: Sequence[str]) -> int:
    """Open the window on the first file given (or an empty project)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    project, name = Project(), "Untitled"
    if files:
        try:
            project, name = load_project(Path(files[0])), Path(files[0]).name
        except ProjectFileError as exc:
            QMessageBox.critical(None, "Cannot open project", "\n".join(exc.problems[:20]))
    window = EntryListWindow(project, name)
    window.show()
    return app.exec()
