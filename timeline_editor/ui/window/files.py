"""New, open, save, close — and never losing work: prompts, autosave, recovery.

Saving never silently replaces a file that changed on disk since this window read or
saved it: the save itself checks (:func:`timeline_editor.io.versions.save_checked`) and
the window asks — Compare and Merge, Save As, Overwrite or Cancel. The file's lock,
stamp and watcher live in :mod:`.disk_guard`; opening a file another window of this
program has open brings that window forward instead.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from timeline_editor.commands.project import ReplaceProject
from timeline_editor.io.atomic import remove_stale_temporaries, write_failure
from timeline_editor.io.autosave import AutosaveStore, Snapshot
from timeline_editor.io.file_stamp import ChangedOnDiskError, FileStamp, current_stamp
from timeline_editor.io.project_file import ProjectFileError, read_project
from timeline_editor.io.settings import Settings
from timeline_editor.io.versions import VersionStore, content_hash, merged_lineage, save_checked
from timeline_editor.model.changes import ChangeSet
from timeline_editor.model.document import Document
from timeline_editor.model.entities import Entry, Project
from timeline_editor.ui.dialogs import disk_change, messages, recovery
from timeline_editor.ui.window.actions import Slot
from timeline_editor.ui.window.disk_guard import WRITE, DiskGuard, focus, window_with

AUTOSAVE_MS = 60_000

#: Sessions of windows open in this process: their snapshots are not leftovers.
LIVE_SESSIONS: set[str] = set()


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
        # The entries of the project as last opened or saved, and their ids once asked.
        self._saved_entries: tuple[Entry, ...] = document.project.entries
        self._saved_ids: frozenset[str] | None = None
        # Counts document changes: an undo index can come back with different content.
        self._changes = 0
        self._autosaved_changes: int | None = None
        document.subscribe(self._count_change)
        self.session = store.new_session()
        LIVE_SESSIONS.add(session := self.session)
        # A window that vanishes without closing (a crash, in tests) leaves its snapshot.
        self.destroyed.connect(lambda *_: LIVE_SESSIONS.discard(session))
        self.guard = DiskGuard(window, session, self.review_disk_changes)
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

    def is_unsaved_entry(self, ident: str) -> bool:
        """True for an entry the file does not hold yet: added since it was opened or saved.

        Such an entry is still being entered, so its date and status changes are not
        history yet. Its history starts with the first save that includes it; entries
        pasted, imported, merged or recovered count as new until then too.
        """
        if self._saved_ids is None:
            self._saved_ids = frozenset(e.id for e in self._saved_entries)
        return ident not in self._saved_ids

    def _mark_saved(self, project: Project) -> None:
        self._saved_entries = project.entries
        self._saved_ids = None

    @property
    def display_name(self) -> str:
        """The file name, or "Untitled"."""
        return self.path.name if self.path is not None else "Untitled"

    @property
    def read_only(self) -> bool:
        """True when the file was opened read-only (someone else holds it): Save is off."""
        return self.guard.read_only

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
        return path is not None and (self._focus_other(path) or self.load(path))

    def open(self, path: Path) -> bool:
        """Open ``path`` after asking about unsaved changes.

        A file another window of this program has open brings that window forward.
        """
        return self._focus_other(path) or (self.maybe_save() and self.load(path))

    def _focus_other(self, path: Path) -> bool:
        other = window_with(Path(path), besides=self.guard)
        if other is not None:
            focus(other)
        return other is not None

    def load(self, path: Path) -> bool:
        """Open ``path`` now; a bad file shows its problems and changes nothing.

        A file someone else holds (a live lock beside it) is asked about first: read-only,
        anyway, or not at all. Our leftover temporary files beside it are removed.
        """
        path = Path(path)
        remove_stale_temporaries(path.parent)
        mode = self.guard.claim(path)
        if mode is None:
            return False
        try:
            project, stamp = read_project(path)
        except ProjectFileError as exc:
            messages.show_problems(self._window, path, exc.problems or [str(exc)])
            return False
        self._install(project, path, stamp, mode)
        self.settings.add_recent(path)
        return True

    def close_project(self) -> bool:
        """Close the project, leaving an empty one."""
        return self.new()

    # -- saving ------------------------------------------------------------------------

    def save(self) -> bool:
        """Save to the current file, asking for one if there is none (or it is read-only)."""
        return self.save_as() if self.path is None or self.read_only else self._write(self.path)

    def save_as(self) -> bool:
        """Ask for a file name and save there."""
        title = self.document.project.title or "Untitled"
        suggested = self.path or Path.home() / f"{title}.timeline.json"
        path = messages.ask_save_path(self._window, suggested)
        return path is not None and self._write(path)

    def _write(self, path: Path) -> bool:
        """Save to ``path``; if it changed on disk since, ask first (never overwrite unasked)."""
        expected = self.guard.expected(path)
        while True:
            try:
                saved = save_checked(
                    self.document.project, path, self.versions, expected, later=True
                )
                break
            except ChangedOnDiskError:
                choice = disk_change.ask_disk_changed(self._window, path.name)
                if choice == disk_change.SAVE_AS:
                    return self.save_as()
                if choice == disk_change.OVERWRITE:
                    expected = None
                elif choice == disk_change.MERGE and self.review_disk_changes():
                    expected = self.guard.stamp
                else:
                    return False
            except OSError as exc:
                messages.show_error(self._window, "Cannot save", write_failure(path, exc) + ".")
                return False
            except ValueError as exc:
                messages.show_error(self._window, "Cannot save", f"“{path}” was not saved: {exc}")
                return False
        if saved.project.lineage != self.document.project.lineage:
            # Not an edit: the saved-version record must not enter the undo history.
            self.document.set_lineage(saved.project.lineage)
        self._mark_saved(self.document.project)
        self.path = path
        self.guard.track(path, saved.stamp, self.document.project)
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

    def _install(
        self,
        project: Project,
        path: Path | None,
        stamp: FileStamp | None = None,
        mode: str | None = WRITE,
    ) -> None:
        self._mark_saved(project)
        self.document.reset(project)
        self.undo_stack.clear()
        self.path = path
        self.guard.track(path, stamp, project, mode)
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
            mtime = self.guard.stamp.mtime if self.guard.stamp is not None else None
            self.store.write(self.session, self.document.project, self.path, mtime)
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
        The snapshot is read through :meth:`Snapshot.load`, which refuses one that does
        not match its record; an original someone else holds is asked about as on open.
        """
        try:
            recovered = snapshot.load()
        except ProjectFileError as exc:
            messages.show_problems(self._window, snapshot.project_path, exc.problems)
            return False
        original = Path(snapshot.info.original_path) if snapshot.info.original_path else None
        mode = self.guard.claim(original) if original is not None else WRITE
        if mode is None:
            return False
        base, stamp = Project(), None
        if original is not None:
            try:
                base, stamp = read_project(original)
            except ProjectFileError:
                stamp = current_stamp(original)  # whatever is there is not replaced unasked
        self._install(base, original, stamp, mode)
        self.undo_stack.push(ReplaceProject(self.document, recovered, "Recover autosaved work"))
        self.store.discard(snapshot.info.session)
        self.autosave_now()
        return True

    # -- the file on disk changed ---------------------------------------------------

    def review_disk_changes(self) -> bool:
        """Compare and merge the file on disk into the window, as one undoable step.

        Three-way: ours is the window's project, theirs the file on disk, the base the
        project as last opened or saved. Afterwards the disk version counts as read (a
        save no longer asks), and a window that now holds exactly it is unmodified.
        """
        if self.path is None:
            return False
        try:
            theirs, stamp = read_project(self.path)
        except ProjectFileError as exc:
            messages.show_problems(self._window, self.path, exc.problems or [str(exc)])
            return False
        ours = self.document.project
        merged = disk_change.merge_disk_version(
            self._window, ours, theirs, self.guard.base, self.path.name
        )
        if merged is None:
            return False
        same = content_hash(merged) == content_hash(theirs)
        merged = (
            theirs if same else merged.model_copy(update={"lineage": merged_lineage(ours, theirs)})
        )
        with contextlib.suppress(OSError):  # without it a later merge only asks for its base
            self.versions.put(theirs)
        if merged != ours:
            text = f"Merge changes on disk to {self.path.name}"
            self.undo_stack.push(ReplaceProject(self.document, merged, text))
        self._mark_saved(theirs)
        self.guard.track(self.path, stamp, theirs)
        if same:
            self.undo_stack.setClean()
        return True

    def shutdown(self) -> None:
        """The window closes normally: stop autosaving, drop the snapshot, free the lock."""
        self.timer.stop()
        self.guard.shutdown()
        self.store.discard(self.session)
        LIVE_SESSIONS.discard(self.session)
