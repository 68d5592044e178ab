"""Qt widgets: main window, timeline canvas, inspector, source library, dialogs."""

from __future__ import annotations

from pathlib import Path

from timeline_editor.ui.window.main_window import MainWindow

__all__ = ["MainWindow", "open_window"]


def open_window(path: Path | None = None) -> MainWindow:
    """A shown main window on ``path`` (or an empty project), built as the program builds it.

    For tests and for embedding the editor; a QApplication must exist. A file that cannot
    be opened is reported in a message box and leaves the window on an empty project.
    Unlike ``timeline-editor`` itself, no recovery of unsaved work is offered.
    """
    window = MainWindow()
    window.show()
    if path is not None:
        window.files.load(path)
    return window
