"""A QGuiApplication for headless drawing (no display needed)."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

_APP: list[QCoreApplication] = []


def ensure_gui_app() -> QCoreApplication:
    """The running application, or a new offscreen QGuiApplication when there is none."""
    app = QCoreApplication.instance()
    if app is not None:
        return app
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    created = QGuiApplication(sys.argv[:1])
    _APP.append(created)
    return created
