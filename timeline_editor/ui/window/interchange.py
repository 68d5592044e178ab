"""File → Import…, Export… and Merge…: other tools' files, exports and colleagues' copies.

Where an import goes (decision): a TimelineJS, Timeline Project, CSV or iCalendar file is
another chronology, with its own lanes and no sources of ours, so it opens as a **new untitled
document** with unsaved changes (after the usual question about the current one's
changes); entries can then be copied across. Adding it into the open project would mix
two chronologies in one undo step that is hard to review. A CSL-JSON file (a Zotero
export) holds only sources, so it goes **into the current project's source library** as
one undoable step ("Import sources from …"). A long import shows its progress with a
working Cancel (:mod:`timeline_editor.ui.dialogs.import_progress`); a cancelled import
changes nothing.

A merge finds its base by itself (see :mod:`timeline_editor.io.versions`), asks for a
base file or offers a two-way merge when it cannot, shows the merge dialog and puts the
result in as one undoable step ("Merge …") that also records the colleague's version.

An export writes what the window shows: its filter, its rows, and (when asked) its
visible range; after a failure the same dialog, with the same choices, reopens.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from timeline_editor.commands.project import ReplaceProject
from timeline_editor.io.atomic import write_failure
from timeline_editor.io.importers import (
    ImportCancelledError,
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
from timeline_editor.model.document import Document
from timeline_editor.model.entities import Project
from timeline_editor.ui.dialogs import messages
from timeline_editor.ui.dialogs.csv_mapping import CsvMappingDialog
from timeline_editor.ui.dialogs.export import ExportDialog, perform_export, suggested_export_path
from timeline_editor.ui.dialogs.import_progress import ImportProgress
from timeline_editor.ui.dialogs.merge import merge_with_dialog
from timeline_editor.ui.widgets.mnemonics import give_mnemonics
from timeline_editor.ui.widgets.wording import counted
from timeline_editor.ui.window.actions import Slot
from timeline_editor.ui.window.files import FileController
from timeline_editor.ui.window.status import StatusMessage
from timeline_editor.ui.window.view_control import ViewController

#: The open dialog's filters and the import format each stands for (None = guess).
IMPORT_FILTERS: tuple[tuple[str, str | None], ...] = (
    ("All importable files (*.json *.csv *.tsv *.txt *.timeline *.ics)", None),
    ("TimelineJS JSON (*.json)", "timelinejs"),
    ("TimelineJS spreadsheet CSV (*.csv)", "timelinejs-csv"),
    ("The Timeline Project (*.timeline)", "timeline-project"),
    ("CSV table (*.csv *.tsv *.txt)", "csv"),
    ("iCalendar, e.g. an invitation (*.ics)", "ics"),
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
    """A message box with what an import took and what it dropped or changed (not shown).

    One line per kind of thing dropped or changed, with a count and the first record
    (:meth:`ImportReport.summary`); every record's own line and the notes on how the
    file was read are under Show Details.
    """
    box = QMessageBox(parent)
    box.setWindowTitle("Import report")
    problems, kinds = report.problems, report.summary()
    box.setIcon(QMessageBox.Icon.Warning if problems or kinds else QMessageBox.Icon.Information)
    box.setText(f"“{path.name}”: {summary}.")
    if kinds:
        shown = "\n".join(f"• {line}" for line in kinds[:MAX_REPORT_LINES])
        more = len(kinds) - MAX_REPORT_LINES
        tail = f"\n… and {more} more (see Show Details)" if more > 0 else ""
        count = len(problems)
        head = (
            f"{count} record{'s' if count != 1 else ''} could not be taken as they were. "
            if count
            else ""
        )
        box.setInformativeText(f"{head}Dropped or changed:\n{shown}{tail}")
    else:
        box.setInformativeText("Everything in the file was taken.")
    box.setDetailedText("\n".join([*kinds[MAX_REPORT_LINES:], *problems, *report.notes]))
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
    give_mnemonics(box)
    box.exec()
    clicked = box.clickedButton()
    return PICK if clicked is pick else TWO_WAY if clicked is two_way else "cancel"


class InterchangeController(QObject):
    """Carries out File → Import…, Export… and Merge… on one window's document.

    ``viewing`` says what the window shows (filter, rows, visible range) for an export;
    ``say`` puts a message in the status bar for some milliseconds.
    """

    def __init__(
        self,
        window: QWidget,
        document: Document,
        undo_stack: QUndoStack,
        *,
        files: FileController,
        viewing: ViewController,
        say: StatusMessage,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._document = document
        self._stack = undo_stack
        self._files = files
        self._viewing = viewing
        self._say = say
        #: The chronology an export draws and its caption (the "known on" day's, if set).
        self.known_project: Callable[[], tuple[Project, str]] = lambda: (document.project, "")

    def slots(self) -> dict[str, Slot]:
        """The File menu entries this controller answers."""
        return {
            "file_import": self.import_file,
            "file_export": self.export,
            "file_merge": self.merge,
        }

    def _folder(self) -> Path:
        return self._files.path.parent if self._files.path else Path.home()

    # -- importing ------------------------------------------------------------------

    def import_file(self) -> bool:
        """File → Import…: pick, map (CSV), import, open or add, and show the report."""
        picked = ask_import_path(self._window, self._folder())
        if picked is None:
            return False
        path, fmt = picked
        read = self._read(path, fmt)
        if read is None:
            return False
        fmt, result = read
        project = result.project
        before = self._document.project if fmt == "csl" else None
        if before is not None:
            if project != before:
                text = f"Import sources from {path.name}"
                self._stack.push(ReplaceProject(self._document, project, text))
        elif not self._files.open_imported(project, f"Import {path.name}"):
            return False
        report_box(self._window, path, result.report, _summary(before, project)).exec()
        return True

    def _read(self, path: Path, fmt: str | None) -> tuple[str, ImportResult] | None:
        """Import ``path``; the format and result, or None when refused or cancelled."""
        try:
            fmt = fmt or guess_format(path)
            options: dict[str, object] = {}
            if fmt == "csv":
                dialog = CsvMappingDialog(path, self._window)
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return None
                choice = dialog.choice()
                options = {
                    "mapping": choice.mapping,
                    "encoding": choice.encoding,
                    "delimiter": choice.delimiter,
                    "day_first": choice.day_first,
                }
            into = self._document.project if fmt == "csl" else None
            with ImportProgress(self._window, path.name) as shown:
                result = import_file(
                    path, fmt, into=into, progress=shown.progress, cancelled=shown.cancelled,
                    **options,  # type: ignore[arg-type]
                )  # fmt: skip
        except ImportCancelledError:
            self._say(f"Import of {path.name} cancelled; nothing was imported", 10000)
            return None
        except ImportFileError as exc:
            messages.show_error(self._window, "Cannot import", str(exc))
            return None
        return fmt, result

    # -- exporting ------------------------------------------------------------------

    def export(self) -> None:
        """File → Export…; after a failure the same dialog, with the same choices, reopens."""
        viewing = self._viewing
        path = suggested_export_path(self._files.path)
        dialog = ExportDialog(self._window, path, viewing.predicate() is not None)
        while dialog.exec() == ExportDialog.DialogCode.Accepted:
            request = dialog.request()
            project, caption = self.known_project()
            try:
                notes = perform_export(
                    project,
                    request,
                    viewing.predicate(),
                    viewing.visible_range,
                    viewing.lane_mode(),
                    caption_suffix=caption,
                )
            except OSError as exc:
                failure = write_failure(request.path, exc) + "."
                messages.show_error(self._window, "Export failed", failure)
                continue
            except ValueError as exc:
                failure = f"“{request.path}” was not written: {exc}"
                messages.show_error(self._window, "Export failed", failure)
                continue
            self._say(f"Exported {request.path.name}", 10000)
            if notes:
                # Said in full in a box: a status message this long would be cut off.
                messages.show_info(self._window, "Exported with omissions", "\n".join(notes))
            return

    # -- merging --------------------------------------------------------------------

    def merge(self) -> bool:
        """File → Merge…: merge a colleague's copy into the open project as one undo step."""
        name, _ = QFileDialog.getOpenFileName(
            self._window, "Merge a colleague's copy", str(self._folder()), messages.PROJECT_FILTER
        )
        if not name:
            return False
        path = Path(name)
        theirs = self._load(path)
        if theirs is None:
            return False
        ours = self._document.project
        if theirs.id != ours.id:
            messages.show_error(
                self._window,
                "Cannot merge",
                f"“{path.name}” is a different project (“{theirs.title}”), not a copy of the open "
                f"one (“{ours.title}”); only copies of one project can be merged.",
            )
            return False
        base = self._choose_base(path, theirs)
        if base is None:
            return False
        merged = merge_with_dialog(
            self._window, ours, theirs, base.project, theirs_name=path.name,
            base_note=base.description,
        )  # fmt: skip
        if merged is None:
            return False
        merged = merged.model_copy(update={"lineage": merged_lineage(ours, theirs)})
        with contextlib.suppress(OSError):  # without it a later merge only asks for its base
            self._files.versions.put(theirs)
        self._stack.push(ReplaceProject(self._document, merged, f"Merge {path.name}"))
        version = content_hash(theirs)[:12]
        self._say(f"Merged {path.name} (base: {base.description}; their version {version})", 8000)
        return True

    def _load(self, path: Path) -> Project | None:
        try:
            return load_project(path)
        except ProjectFileError as exc:
            messages.show_problems(self._window, path, exc.problems or [str(exc)])
            return None

    def _choose_base(self, theirs_path: Path, theirs: Project) -> FoundBase | None:
        """The base to merge against (project None = two-way), or None when cancelled."""
        ours = self._document.project
        sidecars = sidecars_for(theirs_path, self._files.path)
        found = find_base(ours, theirs, self._files.versions, sidecars)
        if found.project is not None:
            return found
        answer = ask_no_base(self._window, found.description)
        if answer == TWO_WAY:
            return FoundBase(None, "none: two-way merge")
        if answer != PICK:
            return None
        name, _ = QFileDialog.getOpenFileName(
            self._window,
            "Base: the last common version",
            str(theirs_path.parent),
            messages.PROJECT_FILTER,
        )
        base = self._load(Path(name)) if name else None
        return FoundBase(base, f"the base file {Path(name).name}") if base is not None else None
