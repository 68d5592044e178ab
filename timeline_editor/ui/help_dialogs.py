"""Help: keyboard shortcuts, the legend of the marks, about."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
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


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(command, keys) for every action that has a shortcut."""
    rows = []
    for action in actions:
        keys = ", ".join(
            k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
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
    table.setHorizontalHeaderLabels(["Command", "Keys"])
    for row, (text, keys) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(text))
        table.setItem(row, 1, QTableWidgetItem(keys))
    table.resizeColumnsToContents()
    table.verticalHeader().hide()
    layout.addWidget(table)
    _closable(dialog, layout)
    dialog.resize(480, 560)
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
