"""The window's size, place, docks and toolbar, remembered in the settings between runs."""

from __future__ import annotations

import base64

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow

from timeline_editor.io.settings import Settings

# 2: the inspector dock is named "inspector" (was "InspectorDock"); a layout saved
# under the old name would leave it out, so such a layout is not restored.
STATE_VERSION = 2


def restore_layout(window: QMainWindow, settings: Settings) -> None:
    """Put docks, toolbar and geometry back as saved; a damaged value keeps the default."""
    # Docks first: restoring them after the geometry would resize the window.
    for key, restore in (
        ("window/state", lambda data: window.restoreState(data, STATE_VERSION)),
        ("window/geometry", window.restoreGeometry),
    ):
        value = settings.get(key)
        if not isinstance(value, str):
            continue
        try:
            data = base64.b64decode(value.encode("ascii"))
        except (ValueError, UnicodeError):
            continue  # a damaged value: keep the default layout
        restore(QByteArray(data))


def save_layout(window: QMainWindow, settings: Settings) -> None:
    """Remember the window's geometry, docks and toolbar."""
    geometry = bytes(window.saveGeometry().data())
    state = bytes(window.saveState(STATE_VERSION).data())
    settings.set("window/geometry", base64.b64encode(geometry).decode("ascii"))
    settings.set("window/state", base64.b64encode(state).decode("ascii"))
