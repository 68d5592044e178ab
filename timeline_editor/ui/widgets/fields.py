"""Small helpers the inspector and dialogs share: quiet setters and field error marks.

A refresh after an undo must not disturb the field the researcher is typing in, so the
setters change a widget only when the model's value differs from what the widget last
showed; and they block signals so that showing a value never reads as an edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from timeline_editor.model.integrity import format_loc

ERROR_STYLE = "border: 1px solid #c0392b; border-radius: 3px; background: #fdf0ef;"
_SHOWN = "te_shown"
M = TypeVar("M", bound=BaseModel)


def set_text(widget: QLineEdit | QPlainTextEdit, value: str, force: bool = False) -> None:
    """Show ``value`` unless the widget already shows it or holds the user's pending edit."""
    if not force and widget.property(_SHOWN) == value:
        return
    widget.setProperty(_SHOWN, value)
    current = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
    if current != value:
        with QSignalBlocker(widget):
            if isinstance(widget, QLineEdit):
                widget.setText(value)
                widget.setCursorPosition(0)
            else:
                widget.setPlainText(value)
    mark_error(widget, None, "")


def fill_combo(combo: QComboBox, choices: Sequence[tuple[str, Any]], current: Any) -> None:
    """Give ``combo`` these (label, data) choices and select ``current``, quietly.

    Qt hands string enums back as plain ``str``; convert with the enum when reading.
    """
    wanted = list(choices)
    with QSignalBlocker(combo):
        # Compare with the Python-side copy: reading a thousand items back from Qt on
        # every refresh would cost milliseconds per combo.
        if getattr(combo, "_te_choices", None) != wanted or combo.count() != len(wanted):
            combo.clear()
            for label, data in wanted:
                combo.addItem(label, data)
            setattr(combo, "_te_choices", wanted)  # noqa: B010
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))


def mark_error(widget: QWidget, label: QLabel | None, message: str) -> None:
    """Show (or clear, when ``message`` is empty) an error at a field."""
    widget.setStyleSheet(ERROR_STYLE if message else "")
    widget.setToolTip(message)
    widget.setProperty("te_error", message)
    if label is not None:
        label.setText(message)
        label.setVisible(bool(message))


def error_label() -> QLabel:
    """A red, word-wrapped, initially hidden message label for a field or form."""
    label = QLabel()
    label.setStyleSheet("color: #c0392b;")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def validation_message(exc: ValidationError) -> tuple[str, str]:
    """(field path, message) of the first problem in a pydantic error."""
    first = exc.errors()[0]
    message = str(first["msg"]).removeprefix("Value error, ")
    return format_loc(first["loc"]), message


def updated(item: M, **changes: Any) -> M:
    """A validated copy of a frozen model with some fields changed (unknown fields kept)."""
    return type(item).model_validate(item.model_dump(by_alias=False) | changes)


def split_list(text: str) -> tuple[str, ...]:
    """Comma- or semicolon-separated words as a tuple, trimmed, empty ones dropped."""
    return tuple(w.strip() for w in text.replace(";", ",").split(",") if w.strip())


def align_labels(forms: Sequence[QFormLayout]) -> None:
    """Give the label columns of several stacked forms one width, so fields line up."""
    labels = [
        item.widget()
        for form in forms
        for row in range(form.rowCount())
        if (item := form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None
        and item.widget() is not None
    ]
    width = max((label.sizeHint().width() for label in labels if label), default=0)
    for label in labels:
        if label is not None:
            label.setMinimumWidth(width)


class PlainTextField(QPlainTextEdit):
    """A multi-line text field that reports when the user leaves it, like editingFinished.

    Tab and Shift+Tab move to the next and previous field, as in a one-line field: a
    form is walked with the keyboard, and a tab character has no place in a title,
    a description or a quote.
    """

    editing_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Report the end of an edit when focus leaves."""
        super().focusOutEvent(event)
        self.editing_finished.emit()
