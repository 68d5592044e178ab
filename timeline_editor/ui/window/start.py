"""Application start-up for the window: recover unsaved work, then open the files given."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication

from timeline_editor.ui import open_window
from timeline_editor.ui.window.disk_guard import window_with
from timeline_editor.ui.window.edits import EditController
from timeline_editor.ui.window.main_window import MainWindow

#: Open windows; Qt does not keep Python wrappers alive by itself.
WINDOWS: list[MainWindow] = []


def open_windows(files: Sequence[str]) -> list[MainWindow]:
    """Show a window, offer crash recovery, then open each file (one window per file).

    Leftovers of processes that are gone are removed first: those in the autosave folder
    before recovery is offered, and the temporary files beside each file as it opens.
    A file named twice gets one window.
    """
    first = open_window()
    first.files.store.remove_leftovers()
    windows = [first]
    recovered = first.files.offer_recovery()
    paths = [Path(f) for f in files]
    if paths and not recovered:
        first.files.load(paths.pop(0))
    for path in paths:
        if window_with(path) is None:
            windows.append(open_window(path))
    WINDOWS.extend(windows)
    return windows


def run_gui(files: Sequence[str]) -> int:
    """Run the editor on the files given (or an empty project) until the last window closes."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Timeline Editor")
    app.setOrganizationName("timeline-editor")
    open_windows(files)
    app.aboutToQuit.connect(EditController.release_clipboard)
    return app.exec()
