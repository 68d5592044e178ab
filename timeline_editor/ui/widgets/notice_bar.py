"""A non-modal bar across the top of the work area: a message, its buttons and a close box.

It says something the user should know without stopping them (the file changed on
disk); nothing waits for an answer. The buttons are ordinary push buttons (Tab reaches
them, Alt+letter presses them); × (or Escape on the bar) hides it until the next notice.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

STYLE = (
    "QFrame#noticeBar { background: #fff4ce; border-bottom: 1px solid #d8b94a; }"
    " QFrame#noticeBar QLabel { color: #3b2f00; }"
)


class NoticeBar(QFrame):
    """A message with action buttons; hidden until :meth:`show_notice`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setStyleSheet(STYLE)
        self.setAccessibleName("Notice")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setToolTip("Hide this notice")
        self.close_button.setAccessibleName("Hide this notice")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 6, 6)
        self._layout.addWidget(self.label, 1)
        self._layout.addWidget(self.close_button)
        self.buttons: list[QPushButton] = []
        self.hide()

    def show_notice(self, text: str, actions: list[tuple[str, Callable[[], object]]]) -> None:
        """Show ``text`` with one button per (label, callback); replaces any earlier notice."""
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        self.label.setText(text)
        for index, (label, callback) in enumerate(actions):
            button = QPushButton(label, self)
            button.setObjectName(f"noticeAction{index}")
            button.clicked.connect(lambda _=False, call=callback: call())
            self._layout.insertWidget(1 + index, button)
            self.buttons.append(button)
        self.show()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape hides the bar."""
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)
