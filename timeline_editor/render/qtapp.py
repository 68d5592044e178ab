"""A QGuiApplication for headless drawing (no display needed)."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

from .fonts import load_chart_fonts

_APP: list[QCoreApplication] = []


def ensure_gui_app() -> QCoreApplication:
    """The running application (or a new offscreen one), with the chart font loaded."""
    app = QCoreApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(sys.argv[:1])
        _APP.append(app)
    load_chart_fonts()
    return app
