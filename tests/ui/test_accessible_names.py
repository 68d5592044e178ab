"""Every control that takes focus has a name a screen reader can say."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QWidget

from tests.ui.helpers import QtBot
from timeline_editor.ui import MainWindow, open_window

EXAMPLE = Path(__file__).parents[2] / "resources" / "examples" / "brussels-2021.timeline.json"


def spoken_name(widget: QWidget, labels: list[QLabel]) -> str:
    """The widget's accessible name, else its buddy label's text, else its own text."""
    if widget.accessibleName():
        return widget.accessibleName()
    buddies = [label.text() for label in labels if label.buddy() is widget]
    if buddies:
        return buddies[0].replace("&", "")
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "")
    if isinstance(widget, QTabBar):
        return widget.tabText(widget.currentIndex())
    if isinstance(widget, QGroupBox):
        return widget.title()
    return ""


def unnamed(window: MainWindow) -> list[str]:
    """The visible controls Tab can reach that have no name with a letter in it."""
    labels = window.findChildren(QLabel)
    missing = []
    for widget in window.findChildren(QWidget):
        takes_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if not (takes_tab and widget.isVisible() and widget.focusProxy() is None):
            continue
        name = spoken_name(widget, labels)
        if not any(c.isalnum() for c in name):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} {name!r}")
    return missing


def test_every_focusable_control_of_the_window_has_a_name(qtbot: QtBot) -> None:
    window = open_window(EXAMPLE)
    qtbot.addWidget(window)
    window.filter_panel.show()
    window.find_bar.activate()
    entry = next(e for e in window.document.project.entries if e.claims and e.citations)
    window.select([entry.id])
    window.inspector.raise_()
    assert window.inspector.entry_form.isVisible()
    checked = unnamed(window)
    window.source_library.raise_()
    assert window.source_library.table.isVisible()
    checked += unnamed(window)
    window.select([])  # the project's own form
    window.inspector.raise_()
    checked += unnamed(window)
    assert checked == []


def test_the_check_finds_a_nameless_control(qtbot: QtBot) -> None:
    window = open_window()
    qtbot.addWidget(window)
    stray = QWidget(window.centralWidget())
    stray.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    stray.show()
    assert unnamed(window) == ["QWidget '' ''"]
