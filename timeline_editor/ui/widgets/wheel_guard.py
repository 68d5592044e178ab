"""Wheel over a long form scrolls the form, not the list or combo under the pointer.

Inside a scrolling form, an unfocused list, combo box or text box would otherwise
swallow the wheel (a combo even changes its value), and the form stops moving halfway.
Such a field takes the wheel only once the user has clicked or tabbed into it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QScrollArea,
    QWidget,
)


class WheelGuard(QObject):
    """Sends wheel events over unfocused fields inside ``area`` to the area's scroll bar."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self._area = area
        self._owners: dict[QObject, QWidget] = {}

    def guard(self, root: QWidget) -> None:
        """Guard every combo box, list and text box under ``root``."""
        fields: list[QWidget] = [*root.findChildren(QComboBox)]
        fields += [w for w in root.findChildren(QAbstractScrollArea) if w is not self._area]
        for field in fields:
            # Strong focus: a wheel alone must not focus the field and start editing it.
            # A part that takes no focus (a list's header) must not become a Tab stop.
            if field.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            target = field.viewport() if isinstance(field, QAbstractScrollArea) else field
            self._owners[target] = field
            target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Redirect the wheel while the field under the pointer has no focus."""
        owner = self._owners.get(watched)
        if event.type() != QEvent.Type.Wheel or owner is None or owner.hasFocus():
            return False
        QApplication.sendEvent(self._area.verticalScrollBar(), event)
        return True
