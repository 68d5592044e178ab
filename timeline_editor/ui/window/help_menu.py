"""The Help menu: keyboard shortcuts, the legend of the marks, About."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from timeline_editor.ui.dialogs import help_pages
from timeline_editor.ui.window.actions import Slot


class HelpController(QObject):
    """Opens the help windows over ``window``; the shortcuts page lists ``actions``."""

    def __init__(self, window: QWidget, actions: Mapping[str, QAction]) -> None:
        super().__init__(window)
        self._window = window
        self._actions = actions

    def slots(self) -> dict[str, Slot]:
        """The Help menu entries this controller answers."""
        return {
            "help_shortcuts": self.shortcuts,
            "help_legend": self.legend,
            "help_about": self.about,
        }

    def shortcuts(self) -> None:
        """Help → Keyboard Shortcuts."""
        help_pages.shortcuts_dialog(self._window, self._actions.values()).exec()

    def legend(self) -> None:
        """Help → Legend of the Marks."""
        help_pages.legend_dialog(self._window).exec()

    def about(self) -> None:
        """Help → About."""
        help_pages.show_about(self._window)
