"""The merge dialog: conflicts of a colleague's copy side by side, one choice each.

The dialog gets a finished :class:`MergeResult` (the merge itself is pure, in
``io/merge.py``), lists the changes applied automatically, and shows each
conflict as a row: the item and field, our value, their value, and a choice.
``resolved_project`` is the project to put into the document, as one undoable
``Document.reset``, after the dialog was accepted.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QPaintEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from timeline_editor.io.diff import SINGULAR, show_value
from timeline_editor.io.merge import Conflict, MergeError, MergeResult, Side, merge_projects
from timeline_editor.model.entities import Project
from timeline_editor.ui.dialogs import messages
from timeline_editor.ui.widgets.mnemonics import give_mnemonics
from timeline_editor.ui.widgets.wording import counted


def _value_text(conflict: Conflict, side: Side, limit: int = 90) -> str:
    value = conflict.ours if side == "ours" else conflict.theirs
    if not conflict.field:
        return "(removed)" if value is None else "(kept and edited)"
    return show_value(value, limit=limit)


_WRAP = Qt.TextFlag.TextWordWrap


class WrappingRadio(QRadioButton):
    """A radio button whose text wraps to its width instead of widening the dialog."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _text_rect(self, width: int) -> QRect:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.rect = QRect(0, 0, width, self.height())
        contents = self.style().subElementRect(
            QStyle.SubElement.SE_RadioButtonContents, option, self
        )
        return QRect(contents.left(), 0, max(contents.width(), 20), 100_000)

    def heightForWidth(self, width: int) -> int:
        """Tall enough for the wrapped text, never shorter than one line."""
        bound = self.fontMetrics().boundingRect(self._text_rect(width), _WRAP, self.text())
        return max(bound.height() + 4, super().sizeHint().height())

    def hasHeightForWidth(self) -> bool:
        """The height follows the width because the text wraps."""
        return True

    def sizeHint(self) -> QSize:
        """Narrow: the layout decides the width, the height follows it."""
        width = min(super().sizeHint().width(), 240)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        """Room for the indicator and a few characters."""
        return QSize(80, super().sizeHint().height())

    def hitButton(self, pos: QPoint) -> bool:
        """Clicking anywhere on the wrapped text chooses the value."""
        return self.rect().contains(pos)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The style's indicator and focus, then the text wrapped into the rest."""
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        text = option.text
        option.text = ""
        painter.drawControl(QStyle.ControlElement.CE_RadioButton, option)
        rect = self._text_rect(self.width())
        rect.setHeight(self.height())
        painter.drawText(rect, int(_WRAP | Qt.AlignmentFlag.AlignTop), text)


class MergeDialog(QDialog):
    """Shows a merge's automatic changes and lets the user settle each conflict."""

    def __init__(
        self,
        result: MergeResult,
        parent: QWidget | None = None,
        theirs_name: str = "Theirs",
        base_note: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Merge {theirs_name}")
        self._result = result
        self._groups: list[QButtonGroup] = []
        self.resolved_project: Project | None = None
        self.repairs: list[str] = []
        layout = QVBoxLayout(self)
        if base_note:
            base = QLabel(f"Compared against: {base_note}")
            base.setObjectName("base_note")
            base.setWordWrap(True)
            layout.addWidget(base)
        layout.addWidget(QLabel(f"{counted(len(result.applied), 'change')} applied automatically:"))
        applied = QPlainTextEdit("\n".join(result.applied) or "(none)")
        applied.setReadOnly(True)
        applied.setTabChangesFocus(True)  # Tab goes on to the conflicts
        applied.setMaximumHeight(110)
        layout.addWidget(applied)
        count = len(result.conflicts)
        layout.addWidget(
            QLabel(f"{counted(count, 'conflict')}: both copies changed the same thing.")
        )
        layout.addWidget(self._conflict_area(theirs_name), 1)
        bulk, buttons = self._bulk_buttons(), self._dialog_buttons()
        layout.addWidget(bulk)
        layout.addWidget(buttons)
        # The conflicts' values are data, not commands: their "&" must stay as typed.
        give_mnemonics(self, only=(bulk, buttons))
        self._fit_to_screen(parent)

    def _dialog_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Merge")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def _fit_to_screen(self, parent: QWidget | None) -> None:
        # Wide enough that both values of a long title show without scrolling.
        screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        width = min(int(available.width() * 0.8), 1400)
        height = min(max(520, int(available.height() * 0.6)), available.height())
        self.resize(max(width, 600), height)

    def _conflict_area(self, theirs_name: str) -> QScrollArea:
        grid = QGridLayout()
        for column, title in enumerate(("Item and field", "Yours", theirs_name)):
            header = QLabel(f"<b>{title}</b>")
            header.setWordWrap(True)
            grid.addWidget(header, 0, column)
        for row, conflict in enumerate(self._result.conflicts, start=1):
            noun = SINGULAR[conflict.collection]
            was = show_value(conflict.base, limit=60) if conflict.field else "present"
            where = QLabel(
                f"{noun} “{conflict.label}”\n{conflict.field or 'whole item'} (was {was})"
            )
            where.setWordWrap(True)
            grid.addWidget(where, row, 0, Qt.AlignmentFlag.AlignTop)
            group = QButtonGroup(self)
            sides: tuple[Side, Side] = ("ours", "theirs")
            for column, side in enumerate(sides, start=1):
                button = WrappingRadio(_value_text(conflict, side, limit=400))
                button.setObjectName(f"conflict{row - 1}_{side}")
                button.setToolTip(_value_text(conflict, side, limit=2000))
                button.setChecked(side == "ours")
                group.addButton(button, column - 1)
                grid.addWidget(button, row, column, Qt.AlignmentFlag.AlignTop)
            self._groups.append(group)
        grid.setRowStretch(len(self._result.conflicts) + 1, 1)
        # The values share the width equally; the item column gets a bit less.
        for column, stretch in enumerate((2, 3, 3)):
            grid.setColumnStretch(column, stretch)
        inner = QWidget()
        inner.setLayout(grid)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(inner)
        return area

    def _bulk_buttons(self) -> QWidget:
        bulk = QWidget()
        row = QGridLayout(bulk)
        row.setContentsMargins(0, 0, 0, 0)
        for column, (text, side) in enumerate((("&Keep all mine", 0), ("&Take all theirs", 1))):
            button = QPushButton(text)
            button.setObjectName("all_ours" if side == 0 else "all_theirs")
            button.clicked.connect(lambda _=False, s=side: self._choose_all(s))
            row.addWidget(button, 0, column)
        row.setColumnStretch(2, 1)
        return bulk

    def _choose_all(self, side: int) -> None:
        for group in self._groups:
            button = group.button(side)
            if button is not None:
                button.setChecked(True)

    def choices(self) -> list[Side]:
        """The chosen side of every conflict, in order."""
        return ["theirs" if g.checkedId() == 1 else "ours" for g in self._groups]

    def accept(self) -> None:
        """Apply the choices; stay open with a message if the result is invalid."""
        try:
            self.resolved_project, self.repairs = self._result.resolve(self.choices())
        except MergeError as exc:
            messages.show_error(self, "Cannot merge", str(exc))
            return
        super().accept()


def merge_with_dialog(
    parent: QWidget | None,
    ours: Project,
    theirs: Project,
    base: Project | None,
    *,
    theirs_name: str = "Theirs",
    base_note: str = "",
) -> Project | None:
    """Merge interactively; the merged project, or None when refused or cancelled."""
    try:
        result = merge_projects(ours, theirs, base)
    except MergeError as exc:
        messages.show_error(parent, "Cannot merge", str(exc))
        return None
    if not result.conflicts and not result.applied:
        messages.show_info(parent, "Merge", "The copies hold the same things.")
        return None
    dialog = MergeDialog(result, parent, theirs_name, base_note)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.resolved_project
