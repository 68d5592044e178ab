"""Help: keyboard shortcuts, the legend of the marks, about."""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QImage, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from timeline_editor import __version__
from timeline_editor.layout.visual import Mark
from timeline_editor.render import legend
from timeline_editor.render.style import ChartStyle
from timeline_editor.ui.canvas.editor import CANVAS_GESTURES
from timeline_editor.ui.widgets.mnemonics import give_mnemonics


def _closable(dialog: QDialog, layout: QVBoxLayout) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    give_mnemonics(dialog)


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


def _typable(key: QKeySequence) -> bool:
    """True for keys on an ordinary keyboard (not Qt's extra "Save", "Exit", F13-F35)."""
    if key.isEmpty() or key in _DEVICE_KEYS:
        return False
    text = key.toString(QKeySequence.SequenceFormat.PortableText)
    base = text.split("+")[-1] if not text.endswith("++") else "+"
    if base.startswith("F") and base[1:].isdigit():
        return int(base[1:]) <= 12
    named = {"Save", "Exit", "Quit", "Close", "Open", "New", "Help", "Find", "Undo", "Redo"}
    return base not in named


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(command, keys) for every action that has a shortcut."""
    rows = []
    for action in actions:
        keys = ", ".join(
            k.toString(QKeySequence.SequenceFormat.NativeText)
            for k in action.shortcuts()
            if _typable(k)
        )
        if keys:
            rows.append((action.text().replace("&", ""), keys))
    return rows


#: Keys of the forms and the quick-add line, which no menu entry carries.
FORM_KEYS: tuple[tuple[str, str], ...] = (
    ("Next or previous field (Description and Quote too)", "Tab, Shift+Tab"),
    ("Open a list of choices; type a letter to jump in it", "Alt+Down, Space"),
    ("Quick add: add the entry typed as DATE | TITLE | AS STATED", "Enter"),
    ("Quick add: back to the chart", "Esc"),
)


def shortcuts_dialog(parent: QWidget | None, actions: Iterable[QAction]) -> QDialog:
    """A table of the window's keyboard shortcuts (not yet shown)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Keyboard shortcuts")
    layout = QVBoxLayout(dialog)
    rows = shortcut_rows(actions) + [(f"Forms: {what}", keys) for what, keys in FORM_KEYS]
    rows += [(f"Timeline: {what}", keys) for what, keys in CANVAS_GESTURES]
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


#: One line per mark of the drawn legend (keyed by the words the legend prints).
EXPLANATIONS: dict[str, str] = {
    "exact date": "Known to the day: a solid diamond.",
    "period (exact ends)": "Something that lasts, with a known start and end: a solid bar.",
    "month or year precision": "Known only to the month or year: a lighter bar across all of it.",
    "approximate (~): feathered": "About then (~): the ends fade; a little earlier or later.",
    "uncertain (?): dashed": "The source is unsure (?): a dashed outline and a small “?”.",
    "one unknown day in a window": "One day somewhere in a window (“within three years”): "
    "a bracket over the window with a hollow marker.",
    "open or unknown end": "Still going, or its end unknown: the bar ends in an arrow.",
    "planned (after the as-of date)": "After the as-of date, so planned or expected: hollow, "
    "outlined; hover for its status.",
    "cancelled or lapsed": "Cancelled or lapsed: struck through and greyed.",
    "disputed (conflicting claims)": "Claims about it disagree: hatched, with a “!” badge; "
    "the inspector lists who said what.",
    "either/or: one of these dates": "One of several dates ([a,b]: “on 14 or 15 December”): "
    "a small hollow marker at each candidate, joined by a thin dashed line.",
    "all of these dates (one entry)": "Several dates of one entry ({a,b}): a solid mark at "
    "each, joined by a thin line.",
    "as-of date (knowledge stops)": "The day the project's knowledge stops; marks to its "
    "right are planned or expected.",
    "many entries: density": "Too many entries to draw one by one at this zoom: a band, "
    "darker where denser. Zoom in to see them.",
    "undated: in the Undated strip": "No date at all: a chip in the Undated strip, off the axis.",
}


def legend_names() -> list[str]:
    """The marks of the drawn legend, in its order."""
    sets = [sample[0] for sample in legend.SET_SAMPLES]
    return [sample[0] for sample in legend.SAMPLES] + sets + list(legend.EXTRA)


def legend_image(columns: int = 2, ratio: float = 1.0) -> QImage:
    """The legend exactly as the canvas and the exports draw it, on white."""
    every_set = Mark.SET_ONE | Mark.SET_ALL  # the help shows the rare set marks too
    width, height = legend.legend_size(columns * legend.ITEM_W, every_set)
    margin = 12
    image = QImage(
        int((width + 2 * margin) * ratio),
        int((height + 2 * margin) * ratio),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.setDevicePixelRatio(ratio)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    legend.paint_legend(painter, margin, margin, width, ChartStyle(), sets=every_set)
    painter.end()
    return image


def legend_html() -> str:
    """One line of explanation per mark of the legend, as an HTML table."""
    rows = "".join(
        f"<tr><td><b>{html.escape(name)}</b></td>"
        f"<td>{html.escape(EXPLANATIONS.get(name, ''))}</td></tr>"
        for name in legend_names()
    )
    return f"<table cellpadding='3'>{rows}</table>"


def legend_dialog(parent: QWidget | None) -> QDialog:
    """The drawn legend of the chart, with what each mark means (not yet shown)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Legend of the marks")
    layout = QVBoxLayout(dialog)
    picture = QLabel(dialog)
    picture.setObjectName("legendPicture")
    picture.setPixmap(QPixmap.fromImage(legend_image(ratio=dialog.devicePixelRatioF())))
    picture.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    layout.addWidget(picture)
    browser = QTextBrowser(dialog)
    browser.setTabChangesFocus(True)  # Tab reaches Close, not the links of the text
    browser.setHtml(legend_html())
    layout.addWidget(browser, 1)
    note = QLabel(
        "The same legend is drawn over the chart (View → Legend, or its × to close it) "
        "and in every exported chart.",
        dialog,
    )
    note.setWordWrap(True)
    layout.addWidget(note)
    _closable(dialog, layout)
    dialog.resize(picture.sizeHint().width() + 40, 760)
    return dialog


def about_box(parent: QWidget | None) -> QMessageBox:
    """The About box (not yet shown)."""
    box = QMessageBox(parent)
    box.setWindowTitle("About Timeline Editor")
    box.setIconPixmap(parent.windowIcon().pixmap(64) if parent is not None else QPixmap())
    box.setText(
        f"<h3>Timeline Editor {__version__}</h3>"
        "<p>Diplomatic chronologies with uncertain dates, disputed claims and graded "
        "sources. Works offline; projects are plain JSON files.</p>"
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    give_mnemonics(box)
    return box


def show_about(parent: QWidget | None) -> None:
    """Show the About box."""
    about_box(parent).exec()
