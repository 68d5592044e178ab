"""Help: keyboard shortcuts, the legend of the marks, about."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from timeline_editor import __version__
from timeline_editor.ui.canvas_edit import CANVAS_GESTURES

#: The visual language of the chart (see DESIGN.md), as the legend explains it.
LEGEND: tuple[tuple[str, str], ...] = (
    ("Exact date", "solid marker or bar"),
    ("Month or year precision", "bar across the whole period, lighter fill"),
    ("Approximate (~)", "feathered, fading ends"),
    ("Uncertain (?)", "dashed outline and a small “?”"),
    ("One unknown day in a window", "bracket across the window with a hollow marker"),
    ("Open or unknown end", "bar fading out toward the edge, with an arrow"),
    ("Planned (after the as-of date)", "hollow, outlined; status shown on hover"),
    ("Cancelled or lapsed", "struck through and greyed"),
    ("Disputed (claims disagree)", "split or hatched marker with a “disputed” badge"),
    ("Undated", "listed in the “undated” strip, not on the axis"),
)


def _closable(dialog: QDialog, layout: QVBoxLayout) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)


#: Keys of special keyboards ("New", "Copy", "Zoom In" keys) that the standard
#: bindings include: listing them beside Ctrl+N reads as noise.
_DEVICE_KEYS = [
    QKeySequence(key)
    for key in (
        *(Qt.Key.Key_New, Qt.Key.Key_Open, Qt.Key.Key_Save, Qt.Key.Key_Close, Qt.Key.Key_Cut),
        *(Qt.Key.Key_Copy, Qt.Key.Key_Paste, Qt.Key.Key_Find, Qt.Key.Key_ZoomIn),
        *(Qt.Key.Key_ZoomOut, Qt.Key.Key_Undo, Qt.Key.Key_Redo, Qt.Key.Key_Help),
    )
]


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(command, keys) for every action that has a shortcut."""
    rows = []
    for action in actions:
        keys = ", ".join(
            k.toString(QKeySequence.SequenceFormat.NativeText)
            for k in action.shortcuts()
            if not k.isEmpty() and k not in _DEVICE_KEYS
        )
        if keys:
            rows.append((action.text().replace("&", ""), keys))
    return rows


def shortcuts_dialog(parent: QWidget | None, actions: Iterable[QAction]) -> QDialog:
    """A table of the window's keyboard shortcuts (not yet shown)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Keyboard shortcuts")
    layout = QVBoxLayout(dialog)
    rows = shortcut_rows(actions) + [(f"Timeline: {what}", keys) for what, keys in CANVAS_GESTURES]
    table = QTableWidget(len(rows), 2, dialog)
    table.setObjectName("shortcutsTable")
    table.setHorizontalHeaderLabels(["Command", "Keys"])
    for row, (text, keys) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(text))
        table.setItem(row, 1, QTableWidgetItem(keys))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    # The keys are what the reader looks for: they always show whole, and the long
    # gesture descriptions wrap in the room that is left instead of pushing them aside.
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideNone)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.verticalHeader().hide()
    layout.addWidget(table)
    _closable(dialog, layout)
    dialog.resize(680, 620)
    return dialog


def legend_html() -> str:
    """The legend of the marks as an HTML table."""
    rows = "".join(f"<tr><td><b>{case}</b></td><td>{mark}</td></tr>" for case, mark in LEGEND)
    return f"<h3>Legend of the marks</h3><table cellpadding='4'>{rows}</table>"


def legend_dialog(parent: QWidget | None) -> QDialog:
    """A window explaining how each kind of date and status is drawn (not yet shown)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Legend of the marks")
    layout = QVBoxLayout(dialog)
    browser = QTextBrowser(dialog)
    browser.setHtml(legend_html())
    layout.addWidget(browser)
    _closable(dialog, layout)
    dialog.resize(560, 420)
    return dialog


def show_about(parent: QWidget | None) -> None:
    """The About box."""
    QMessageBox.about(
        parent,
        "About Timeline Editor",
        f"<h3>Timeline Editor {__version__}</h3>"
        "<p>Diplomatic chronologies with uncertain dates, disputed claims and graded "
        "sources. Works offline; projects are plain JSON files.</p>",
    )
