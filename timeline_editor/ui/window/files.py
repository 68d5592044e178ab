"""New, open, save, close — and never losing work: prompts, autosave, recovery."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from timeline_editor.commands.project import ReplaceProject
from timeline_editor.io.atomic import write_failure
from timeline_editor.io.autosave import AutosaveStore, Snapshot
from timeline_editor.io.project_file import ProjectFileError, load_project
from timeline_editor.io.settings import Settings
from timeline_editor.io.versions import VersionStore, save_version
from timeline_editor.model.changes import ChangeSet
from timeline_editor.model.document import Document
from timeline_editor.model.entities import Project
from timeline_editor.ui.dialogs import messages, recovery
from timeline_editor.ui.window.actions import Slot

AUTOSAVE_MS = 60_000

#: Sessions of windows open in this process: their snapshots are not leftovers.
LIVE_SESSIONS: set[str] = set()


def _mtime(path: Path | None) -> float | None:
    if path is None:
        return None
    try:
        return path.stat().st_mtime
    except OSError:
        return None


class FileController(QObject):
    """Ties a window's document and undo stack to a file on disk."""

    path_changed = Signal()

    def __init__(
        self,
        window: QWidget,
        document: Document,
        undo_stack: QUndoStack,
        settings: Settings,
        store: AutosaveStore,
        *,
        versions: VersionStore | None = None,
    ) -> None:
        super().__init__(window)
        self.versions = versions or VersionStore.default(settings.home)
        self._window = window
        self.document = document
        self.undo_stack = undo_stack
        self.settings = settings
        self.store = store
        self.path: Path | None = None
        self._base_mtime: float | None = None
        # Counts document changes: an undo index can come back with different content.
        self._changes = 0
        self._autosaved_changes: int | None = None
        document.subscribe(self._count_change)
        self.session = store.new_session()
        LIVE_SESSIONS.add(session := self.session)
        # A window that vanishes without closing (a crash, in tests) leaves its snapshot.
        self.destroyed.connect(lambda *_: LIVE_SESSIONS.discard(session))
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.autosave_now)
        self.timer.start()

    def slots(self) -> dict[str, Slot]:
        """The File menu entries this controller answers."""
        return {
            "file_new": self.new,
            "file_open": self.open_dialog,
            "file_save": self.save,
            "file_save_as": self.save_as,
            "file_close": self.close_project,
        }

    @property
    def display_name(self) -> str:
        """The file name, or "Untitled"."""
        return self.path.name if self.path is not None else "Untitled"

    # -- asking before work is lost -------------------------------------------------

    def maybe_save(self) -> bool:
        """True when the current project may be closed (saved, discarded or clean)."""
        if self.undo_stack.isClean():
            return True
        answer = messages.ask_save_changes(self._window, self.display_name)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new(self) -> bool:
        """Start an empty project (after asking about unsaved changes)."""
        if not self.maybe_save():
            return False
        self._install(Project(), None)
        return True

    def open_dialog(self) -> bool:
        """Ask for a file and open it."""
        if not self.maybe_save():
            return False
        folder = self.path.parent if self.path else None
        path = messages.ask_open_path(self._window, folder)
        return path is not None and self.load(path)

    def open(self, path: Path) -> bool:
        """Open ``path`` after asking about unsaved changes."""
        return self.maybe_save() and self.load(path)

    def load(self, path: Path) -> bool:
        """Open ``path`` now; a bad file shows its problems and changes nothing."""
        path = Path(path)
        try:
            project = load_project(path)
        except ProjectFileError as exc:
            messages.show_problems(self._window, path, exc.problems or [str(exc)])
            return False
        self._install(project, path)
        self.settings.add_recent(path)
        return True

    def close_project(self) -> bool:
        """Close the project, leaving an empty one."""
        return self.new()

    # -- saving ------------------------------------------------------------------------

    def save(self) -> bool:
        """Save to the current file, asking for one if there is none."""
        return self.save_as() if self.path is None else self._write(self.path)

    def save_as(self) -> bool:
        """Ask for a file name and save there."""
        title = self.document.project.title or "Untitled"
        suggested = self.path or Path.home() / f"{title}.timeline.json"
        path = messages.ask_save_path(self._window, suggested)
        return path is not None and self._write(path)

    def _write(self, path: Path) -> bool:
        try:
            saved = save_version(self.document.project, path, self.versions, later=True)
        except OSError as exc:
            messages.show_error(self._window, "Cannot save", write_failure(path, exc) + ".")
            return False
        except ValueError as exc:
            messages.show_error(self._window, "Cannot save", f"“{path}” was not saved: {exc}")
            return False
        if saved.lineage != self.document.project.lineage:
            # Not an edit: the saved-version record must not enter the undo history.
            self.document.set_lineage(saved.lineage)
        self.path = path
        self._base_mtime = _mtime(path)
        self.undo_stack.setClean()
        self.store.discard(self.session)
        self._autosaved_changes = None
        self.settings.add_recent(path)
        self.path_changed.emit()
        return True

    def open_imported(self, project: Project, text: str) -> bool:
        """Open ``project`` as a new untitled document with unsaved changes.

        An empty project is the saved state and the import one undoable step on top,
        so the window shows it as modified and closing it asks to save.
        """
        if not self.maybe_save():
            return False
        self._install(Project(), None)
        self.undo_stack.push(ReplaceProject(self.document, project, text))
        return True

    def _install(self, project: Project, path: Path | None) -> None:
        self.document.reset(project)
        self.undo_stack.clear()
        self.path = path
        self._base_mtime = _mtime(path)
        self.store.discard(self.session)
        self._autosaved_changes = None
        self.path_changed.emit()

    # -- autosave and recovery ------------------------------------------------------

    def autosave_now(self) -> None:
        """Snapshot unsaved changes (nothing to do when the project is clean)."""
        if self.undo_stack.isClean():
            self.store.discard(self.session)
            self._autosaved_changes = None
            return
        if self._autosaved_changes == self._changes:
            return
        try:
            self.store.write(self.session, self.document.project, self.path, self._base_mtime)
        except OSError:
            return  # a full disk must not interrupt editing; the next tick tries again
        self._autosaved_changes = self._changes

    def _count_change(self, _changes: ChangeSet) -> None:
        self._changes += 1

    def recoverable(self) -> list[Snapshot]:
        """Snapshots left by sessions that ended without saving."""
        return self.store.recoverable(frozenset(LIVE_SESSIONS))

    def offer_recovery(self) -> bool:
        """Offer leftover snapshots; True when one was recovered into this window."""
        snapshots = self.recoverable()
        if not snapshots:
            return False
        choice, snapshot = recovery.choose_recovery(self._window, snapshots)
        if snapshot is None:
            return False
        if choice == recovery.DISCARD:
            self.store.discard(snapshot.info.session)
            return False
        return choice == recovery.RECOVER and self.recover(snapshot)

    def recover(self, snapshot: Snapshot) -> bool:
        """Open a snapshot as unsaved changes to its original file.

        The original file (or an empty project) becomes the saved state, and the
        snapshot is applied on top as one undoable step: the window shows the project
        as modified, Undo shows what is on disk, and nothing is written until a save.
        """
        try:
            recovered = load_project(snapshot.project_path)
        except ProjectFileError as exc:
            messages.show_problems(self._window, snapshot.project_path, exc.problems)
            return False
        original = Path(snapshot.info.original_path) if snapshot.info.original_path else None
        base = Project()
        if original is not None:
            with contextlib.suppress(ProjectFileError):
                base = load_project(original)
        self._install(base, original)
        self.undo_stack.push(ReplaceProject(self.document, recovered, "Recover autosaved work"))
        self.store.discard(snapshot.info.session)
        self.autosave_now()
        return True

    def shutdown(self) -> None:
        """The window closes normally: stop autosaving and drop the snapshot."""
        self.timer.stop()
        self.store.discard(self.session)
        LIVE_SESSIONS.discard(self.session)
