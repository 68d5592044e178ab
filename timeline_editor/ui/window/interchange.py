"""File → Import… and File → Merge…: other tools' files and colleagues' copies.

Where an import goes (decision): a TimelineJS, Timeline Project or CSV file is another
chronology, with its own lanes and no sources of ours, so it opens as a **new untitled
document** with unsaved changes (after the usual question about the current one's
changes); entries can then be copied across. Adding it into the open project would mix
two chronologies in one undo step that is hard to review. A CSL-JSON file (a Zotero
export) holds only sources, so it goes **into the current project's source library** as
one undoable step ("Import sources from …").

A merge finds its base by itself (see :mod:`timeline_editor.io.versions`), asks for a
base file or offers a two-way merge when it cannot, shows the merge dialog and puts the
result in as one undoable step ("Merge …") that also records the colleague's version.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from timeline_editor.commands.project import ReplaceProject
from timeline_editor.io.importers import (
    ImportFileError,
    ImportReport,
    ImportResult,
    guess_format,
    import_file,
)
from timeline_editor.io.project_file import ProjectFileError, load_project
from timeline_editor.io.versions import (
    FoundBase,
    content_hash,
    find_base,
    merged_lineage,
    sidecars_for,
)
from timeline_editor.model.entities import Project
from timeline_editor.ui.dialogs import messages
from timeline_editor.ui.dialogs.csv_mapping import CsvMappingDialog
from timeline_editor.ui.dialogs.merge import merge_with_dialog
from timeline_editor.ui.widgets.wording import counted

if TYPE_CHECKING:
    from timeline_editor.ui.window.main_window import MainWindow

#: The open dialog's filters and the import format each stands for (None = guess).
IMPORT_FILTERS: tuple[tuple[str, str | None], ...] = (
    ("All importable files (*.json *.csv *.tsv *.txt *.timeline)", None),
    ("TimelineJS JSON (*.json)", "timelinejs"),
    ("TimelineJS spreadsheet CSV (*.csv)", "timelinejs-csv"),
    ("The Timeline Project (*.timeline)", "timeline-project"),
    ("CSV table (*.csv *.tsv *.txt)", "csv"),
    ("CSL-JSON, e.g. from Zotero (*.json)", "csl"),
)
MAX_REPORT_LINES = 15


def ask_import_path(parent: QWidget, folder: Path) -> tuple[Path, str | None] | None:
    """A file to import and the format its filter names (None = guess), or None."""
    filters = [text for text, _ in IMPORT_FILTERS]
    name, chosen = QFileDialog.getOpenFileName(parent, "Import", str(folder), ";;".join(filters))
    if not name:
        return None
    formats = dict(IMPORT_FILTERS)
    return Path(name), formats.get(chosen)


def report_box(parent: QWidget, path: Path, report: ImportReport, summary: str) -> QMessageBox:
    """A message box with what an import took and what it could not take (not shown)."""
    box = QMessageBox(parent)
    box.setWindowTitle("Import report")
    problems = report.problems
    box.setIcon(QMessageBox.Icon.Warning if problems else QMessageBox.Icon.Information)
    box.setText(f"“{path.name}”: {summary}.")
    if problems:
        shown = "\n".join(f"• {p}" for p in problems[:MAX_REPORT_LINES])
        more = len(problems) - MAX_REPORT_LINES
        tail = f"\n… and {more} more (see Show Details)" if more > 0 else ""
        count = len(problems)
        box.setInformativeText(
            f"{count} record{'s' if count != 1 else ''} could not be taken as they were:\n"
            f"{shown}{tail}"
        )
    else:
        box.setInformativeText("Everything in the file was taken.")
    box.setDetailedText("\n".join([*problems, *report.notes]))
    return box


def _summary(before: Project | None, after: Project) -> str:
    if before is not None:
        added = len(after.sources) - len(before.sources)
        return f"{counted(added, 'new source')} added to the library"
    counts = (
        counted(len(after.entries), "entry"),
        counted(len(after.sources), "source"),
        counted(len(after.lanes), "lane"),
    )
    return ", ".join(counts) + " imported into a new untitled project"


def _read(window: MainWindow, path: Path, fmt: str | None) -> tuple[str, ImportResult] | None:
    """Import ``path``; the format and result, or None when refused or cancelled."""
    try:
        fmt = fmt or guess_format(path)
        options: dict[str, object] = {}
        if fmt == "csv":
            dialog = CsvMappingDialog(path, window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            choice = dialog.choice()
            options = {
                "mapping": choice.mapping,
                "encoding": choice.encoding,
                "delimiter": choice.delimiter,
            }
        into = window.document.project if fmt == "csl" else None
        result = import_file(path, fmt, into=into, **options)  # type: ignore[arg-type]
    except ImportFileError as exc:
        messages.show_error(window, "Cannot import", str(exc))
        return None
    return fmt, result


def import_into_window(window: MainWindow) -> bool:
    """File → Import…: pick, map (CSV), import, open or add, and show the report."""
    folder = window.files.path.parent if window.files.path else Path.home()
    picked = ask_import_path(window, folder)
    if picked is None:
        return False
    path, fmt = picked
    read = _read(window, path, fmt)
    if read is None:
        return False
    fmt, result = read
    project = result.project
    before = window.document.project if fmt == "csl" else None
    if before is not None:
        if project != before:
            text = f"Import sources from {path.name}"
            window.undo_stack.push(ReplaceProject(window.document, project, text))
    elif not window.files.open_imported(project, f"Import {path.name}"):
        return False
    report_box(window, path, result.report, _summary(before, project)).exec()
    return True


# -- merging a colleague's copy ------------------------------------------------------------

PICK, TWO_WAY = "pick", "two-way"


def ask_no_base(parent: QWidget, why: str) -> str:
    """No base was found: "pick" a base file, merge "two-way", or "cancel"."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("No common version found")
    box.setText(f"The last version both copies share was not found: {why}.")
    box.setInformativeText(
        "Pick the file you last sent or received (the base), or merge two-way: then every "
        "difference is shown as a conflict and nothing is removed."
    )
    pick = box.addButton("Pick Base File…", QMessageBox.ButtonRole.AcceptRole)
    two_way = box.addButton("Two-Way Merge", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return PICK if clicked is pick else TWO_WAY if clicked is two_way else "cancel"


def _load(window: MainWindow, path: Path) -> Project | None:
    try:
        return load_project(path)
    except ProjectFileError as exc:
        messages.show_problems(window, path, exc.problems or [str(exc)])
        return None


def _choose_base(window: MainWindow, theirs_path: Path, theirs: Project) -> FoundBase | None:
    """The base to merge against (project None = two-way), or None when cancelled."""
    ours = window.document.project
    sidecars = sidecars_for(theirs_path, window.files.path)
    found = find_base(ours, theirs, window.files.versions, sidecars)
    if found.project is not None:
        return found
    answer = ask_no_base(window, found.description)
    if answer == TWO_WAY:
        return FoundBase(None, "none: two-way merge")
    if answer != PICK:
        return None
    name, _ = QFileDialog.getOpenFileName(
        window, "Base: the last common version", str(theirs_path.parent), messages.PROJECT_FILTER
    )
    base = _load(window, Path(name)) if name else None
    return FoundBase(base, f"the base file {Path(name).name}") if base is not None else None


def merge_into_window(window: MainWindow) -> bool:
    """File → Merge…: merge a colleague's copy into the open project as one undo step."""
    folder = window.files.path.parent if window.files.path else Path.home()
    name, _ = QFileDialog.getOpenFileName(
        window, "Merge a colleague's copy", str(folder), messages.PROJECT_FILTER
    )
    if not name:
        return False
    path = Path(name)
    theirs = _load(window, path)
    if theirs is None:
        return False
    ours = window.document.project
    if theirs.id != ours.id:
        messages.show_error(
            window,
            "Cannot merge",
            f"“{path.name}” is a different project (“{theirs.title}”), not a copy of the open "
            f"one (“{ours.title}”); only copies of one project can be merged.",
        )
        return False
    base = _choose_base(window, path, theirs)
    if base is None:
        return False
    merged = merge_with_dialog(
        window, ours, theirs, base.project, theirs_name=path.name, base_note=base.description
    )
    if merged is None:
        return False
    merged = merged.model_copy(update={"lineage": merged_lineage(ours, theirs)})
    with contextlib.suppress(OSError):  # without it a later merge only asks for its base
        window.files.versions.put(theirs)
    window.undo_stack.push(ReplaceProject(window.document, merged, f"Merge {path.name}"))
    window.statusBar().showMessage(
        f"Merged {path.name} (base: {base.description}; their version {content_hash(theirs)[:12]})",
        8000,
    )
    return True
