"""The "Known on" toolbar and its menu: a day field, play, and the keys that step the day.

Keys (the canvas already takes Alt+Left/Right and Ctrl+Left/Right to nudge entries):
Alt+PgUp / Alt+PgDown step the day back / forward by one day, Alt+Shift+PgUp /
Alt+Shift+PgDown by a week, Alt+Home goes to the first knowledge date, Alt+End shows
everything again, Alt+P plays or stops (Space stops too, while playing).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QLineEdit, QMainWindow, QMenu, QToolBar, QWidget

#: What the empty field means.
EVERYTHING_TEXT = "today"
PLACEHOLDER = "today — everything"


@dataclass(frozen=True)
class KnownAction:
    """One entry of View ▸ Known on."""

    name: str
    text: str
    keys: str
    tip: str
    short: str = ""


KNOWN_ACTIONS: tuple[KnownAction, ...] = (
    KnownAction(
        "known_day_back", "A Day &Earlier", "Alt+PgUp", "Known on: one day earlier", "−1 d"
    ),
    KnownAction(
        "known_day_forward", "A Day &Later", "Alt+PgDown", "Known on: one day later", "+1 d"
    ),
    KnownAction(
        "known_week_back",
        "A &Week Earlier",
        "Alt+Shift+PgUp",
        "Known on: seven days earlier",
        "−7 d",
    ),
    KnownAction(
        "known_week_forward",
        "A Wee&k Later",
        "Alt+Shift+PgDown",
        "Known on: seven days later",
        "+7 d",
    ),
    KnownAction("known_first", "&First Knowledge Date", "Alt+Home", "Known on: the first day"),
    KnownAction(
        "known_play", "&Play", "Alt+P", "Step through every knowledge date (Space stops)", "▶ Play"
    ),
    KnownAction(
        "known_everything",
        "Show &Everything",
        "Alt+End",
        "The whole project, editable",
        "Everything",
    ),
)


class KnownOnBar(QToolBar):
    """A toolbar with the "Known on" field, the play button and "Show everything"."""

    #: The text typed in the field, when Enter is pressed or the field is left.
    day_entered = Signal(str)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__("Known on", window)
        self.setObjectName("knownOnToolBar")
        self.actions_by_name = {spec.name: _action(window, spec) for spec in KNOWN_ACTIONS}
        label = QLabel(" Known on: ", self)
        self.field = QLineEdit(self)
        self.field.setObjectName("knownOnField")
        self.field.setAccessibleName("Known on")
        self.field.setPlaceholderText(PLACEHOLDER)
        self.field.setToolTip(
            "Show the chronology as it stood on a day (YYYY-MM-DD); empty or "
            f"“{EVERYTHING_TEXT}”: everything. Edits wait until everything is shown."
        )
        self.field.setMaximumWidth(170)
        label.setBuddy(self.field)
        self.addWidget(label)
        self.addWidget(self.field)
        for name in ("known_week_back", "known_day_back", "known_play"):
            self.addAction(self.actions_by_name[name])
        for name in ("known_day_forward", "known_week_forward", "known_everything"):
            self.addAction(self.actions_by_name[name])
        self.field.editingFinished.connect(lambda: self.day_entered.emit(self.field.text()))
        self.stop_key = QShortcut(QKeySequence(Qt.Key.Key_Space), window)
        self.stop_key.setEnabled(False)

    def show_day(self, text: str) -> None:
        """Put a day's text in the field without reporting it."""
        self.field.blockSignals(True)
        self.field.setText(text)
        self.field.blockSignals(False)

    def set_playing(self, playing: bool) -> None:
        """The play button says what pressing it does; Space stops while playing."""
        play = self.actions_by_name["known_play"]
        play.setText("&Stop" if playing else "&Play")
        play.setIconText("■ Stop" if playing else "▶ Play")
        self.stop_key.setEnabled(playing)

    def fill_menu(self, menu: QMenu) -> QMenu:
        """Add View ▸ Known on to ``menu``."""
        sub = menu.addMenu("&Known on")
        sub.setObjectName("knownOnMenu")
        for number, spec in enumerate(KNOWN_ACTIONS):
            if number in (4, 6):
                sub.addSeparator()
            sub.addAction(self.actions_by_name[spec.name])
        return sub


def _action(parent: QWidget, spec: KnownAction) -> QAction:
    action = QAction(spec.text, parent)
    action.setObjectName(spec.name)
    action.setShortcut(QKeySequence(spec.keys))
    action.setStatusTip(spec.tip)
    if spec.short:
        action.setIconText(spec.short)
    action.setToolTip(f"{spec.tip} ({spec.keys})")
    return action
