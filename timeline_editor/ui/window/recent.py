"""File → Open Recent: the recent files that still exist, and Clear List."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMenu, QWidget

from timeline_editor.io.settings import Settings


class RecentMenu(QMenu):
    """Lists the settings' recent files each time it opens; a click opens one."""

    def __init__(
        self, settings: Settings, open_path: Callable[[Path], object], parent: QWidget
    ) -> None:
        super().__init__("Open &Recent", parent)
        self._settings = settings
        self._open_path = open_path
        self.aboutToShow.connect(self.refill)
        self.refill()

    def refill(self) -> None:
        """List the recent files again (disabled when there are none)."""
        self.clear()
        recent = [p for p in self._settings.recent_files() if p.exists()]
        for index, path in enumerate(recent, start=1):
            action = self.addAction(f"&{index % 10} {path.name}")
            action.setToolTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: self._open_path(p))
        if recent:
            self.addSeparator()
            self.addAction("&Clear List", self._clear)
        self.setEnabled(bool(recent))

    def _clear(self) -> None:
        self._settings.clear_recent()
        self.refill()
