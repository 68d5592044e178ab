"""One window's watch over its file: what it last read or wrote, its lock, and changes on disk.

The :class:`DiskGuard` remembers the file's stamp and the project as last opened or
saved (the base of a merge with the disk), holds the lock beside the file
(:mod:`timeline_editor.io.file_lock`), and watches the file with
``QFileSystemWatcher``. A save replaces the file by a rename, after which the watcher
follows the old file (now the ``.bak``) or nothing; so every event re-adds the path,
and the folder is watched too, to find the file again when it reappears. Events are
gathered for a moment, then the file is compared with the stamp; a real change shows
the notice bar above the chart, with "Review Changes…".

All guards of this process are listed, so that opening a file already open in another
window focuses that window (:func:`window_with`), and a lock left by a window of this
process that is gone counts as stale.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

from timeline_editor.io.file_lock import (
    REFRESH_SECONDS,
    LockOwner,
    live_holder,
    refresh_lock,
    release_lock,
    take_lock,
)
from timeline_editor.io.file_stamp import DiskState, FileStamp, disk_state
from timeline_editor.model.entities import Project
from timeline_editor.ui.dialogs import disk_change
from timeline_editor.ui.widgets.notice_bar import NoticeBar

#: How long events are gathered before the file is compared (a save is several events).
SETTLE_MS = 250

#: Every guard of this process, by window session.
_GUARDS: dict[str, DiskGuard] = {}

#: How to open a file: "write" (taking a free lock), "open-anyway" (taking it over),
#: "read-only" (leaving it), or None (the user cancelled).
WRITE = "write"
OPEN_ANYWAY = disk_change.OPEN_ANYWAY
READ_ONLY = disk_change.READ_ONLY


def same_file(a: Path, b: Path) -> bool:
    """True when two paths name one file (after links), or are equal if neither exists."""
    try:
        return Path(a).samefile(b)
    except (OSError, ValueError):
        return os.path.realpath(a) == os.path.realpath(b)


def window_with(path: Path, besides: DiskGuard | None = None) -> QWidget | None:
    """The window of this process that has ``path`` open (other than ``besides``'s)."""
    for guard in list(_GUARDS.values()):
        if guard is not besides and guard.path is not None and same_file(guard.path, path):
            return guard.window
    return None


def _held_here(owner: LockOwner) -> bool:
    """True when a window of this process holds the lock ``owner`` names."""
    return any(g.owner is not None and g.owner.same_holder(owner) for g in _GUARDS.values())


def focus(window: QWidget) -> None:
    """Bring a window to the front, restored if it was minimised."""
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


class DiskGuard(QObject):
    """Stamp, base, lock and watcher of the file one window has open."""

    def __init__(self, window: QWidget, session: str, review: Callable[[], object]) -> None:
        super().__init__(window)
        self.window = window
        self.path: Path | None = None
        self.stamp: FileStamp | None = None
        self.base: Project | None = None
        self.read_only = False
        self.owner: LockOwner | None = None
        #: The last change the bar announced: (state, stamp on disk then).
        self._announced: tuple[DiskState, FileStamp | None] | None = None
        self._session = session
        self._review = review
        self.bar = NoticeBar(window)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._on_event)
        self.watcher.directoryChanged.connect(self._on_event)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self.check)
        self._refresh = QTimer(self, interval=REFRESH_SECONDS * 1000)
        self._refresh.timeout.connect(self.renew_lock)
        _GUARDS[session] = self
        self.destroyed.connect(lambda *_: _GUARDS.pop(session, None))

    # -- which file, and the lock ---------------------------------------------------

    def claim(self, path: Path) -> str | None:
        """How ``path`` may be opened: WRITE, OPEN_ANYWAY, READ_ONLY, or None (cancelled).

        Only a live lock of another process is asked about. Windows of this process do
        not ask each other: opening through the menus brings the window that has the
        file forward instead, and two windows opened on one file share its lock.
        """
        holder = live_holder(path)
        if holder is None or holder.is_this_process():
            return WRITE
        answer = disk_change.ask_locked(self.window, Path(path).name, holder)
        return None if answer == disk_change.CANCEL else answer

    def track(
        self,
        path: Path | None,
        stamp: FileStamp | None,
        base: Project,
        mode: str | None = None,
    ) -> None:
        """The window now holds ``path`` as ``base`` (read or saved with ``stamp``).

        ``mode`` (WRITE, OPEN_ANYWAY, READ_ONLY) is given when a file is opened; None
        after a save or a merge keeps the window's mode and lock for the same file (a
        lock someone took over stays theirs) and takes a free lock for a new one.
        """
        same = path is not None and self.path is not None and same_file(self.path, path)
        if not same:
            self.release()
        self.path, self.stamp, self.base = path, stamp, base
        self._announced = None
        self.bar.hide()
        self._watch()
        if same and mode is None:
            self.renew_lock()
            return
        self.read_only = mode == READ_ONLY
        if path is not None and not self.read_only:
            self._take(path, force=mode == OPEN_ANYWAY)

    def _take(self, path: Path, force: bool) -> None:
        owner = LockOwner.me(self._session)
        holder = take_lock(path, owner, force=force)
        if holder is not None and holder.is_this_process() and not _held_here(holder):
            holder = take_lock(path, owner, force=True)  # left by a window that is gone
        if holder is None:
            self.owner = owner
            self._refresh.start()
        elif not holder.is_this_process():  # someone opened it in the same moment
            self.read_only = True
            text = (
                f"{holder.user} on {holder.host} opened “{path.name}” at the same moment; "
                "this window is read-only (Save As still works)."
            )
            self.bar.show_notice(text, [])

    def renew_lock(self) -> None:
        """Renew the lock's time (every hour and on save); a lock taken over stays theirs."""
        if self.path is not None and self.owner is not None:
            self.owner = refresh_lock(self.path, self.owner) or self.owner

    def release(self) -> None:
        """Remove our lock (if it is still ours) and stop watching.

        Another window of this process on the same file takes the lock over.
        """
        self._refresh.stop()
        path, owner = self.path, self.owner
        self.owner = None
        self.path = None
        self._watch()
        if path is None or owner is None or not release_lock(path, owner):
            return
        for guard in list(_GUARDS.values()):
            if guard.path is not None and same_file(guard.path, path) and not guard.read_only:
                guard._take(guard.path, force=False)
                return

    def shutdown(self) -> None:
        """The window closes: release the lock and leave the list of guards."""
        self.release()
        _GUARDS.pop(self._session, None)

    def expected(self, path: Path) -> FileStamp | None:
        """The stamp a save to ``path`` must find on disk: ours when it is our file."""
        if self.path is None or self.stamp is None or not same_file(self.path, path):
            return None
        return self.stamp

    # -- watching -------------------------------------------------------------------

    def _watch(self) -> None:
        watched = self.watcher.files() + self.watcher.directories()
        if watched:
            self.watcher.removePaths(watched)
        if self.path is None:
            return
        paths = [str(self.path.parent or Path())]
        if self.path.exists():
            paths.append(str(self.path))
        self.watcher.addPaths(paths)

    def _on_event(self, _path: str) -> None:
        # Follow the file to whatever now has its name (see the module docstring).
        if self.path is not None:
            name = str(self.path)
            if name in self.watcher.files():
                self.watcher.removePath(name)
            if self.path.exists():
                self.watcher.addPath(name)
        self._settle.start()

    def check(self) -> DiskState:
        """Compare the file with what the window knows; show the bar for a new change.

        A change already announced (and perhaps dismissed) is not announced again; a
        further change is.
        """
        if self.path is None or self.stamp is None:
            return DiskState.SAME
        state, now = disk_state(self.path, self.stamp)
        seen = (state, now)
        if state is DiskState.SAME or seen == self._announced:
            return state
        self._announced = seen
        name = self.path.name
        if state is DiskState.CHANGED:
            text = (
                f"“{name}” was changed on disk by another window or program; this window "
                "still shows the earlier version."
            )
            if not self.read_only:
                text += " Saving asks before replacing theirs."
            self.bar.show_notice(text, [("&Review Changes…", self._review)])
        else:
            text = f"“{name}” was deleted or moved on disk. Saving writes it again."
            self.bar.show_notice(text, [])
        return state
