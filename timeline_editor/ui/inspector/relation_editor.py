"""The inspector's "Counted from" row: a date relative to another entry, in words.

It shows the relation as a researcher says it ("up to 3 years after: Russia-brokered
ceasefire") and what is wrong with it now (the anchor gone). **Count from an entry…**
(or **Change counting…**) opens the choices: relation, amount, unit and the anchor
among the project's entries by title (filled only then: a project may hold 100,000
entries). **Count from it** and **Remove link** each report one edit through
:attr:`RelationEditor.chosen`; the form turns it into one undoable command. A date typed
into the date editor replaces the relation.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from timeline_editor.model.entities import Entry, Project, RelativeDate
from timeline_editor.model.relative_checks import anchor_note
from timeline_editor.model.relative_dates import RELATION_LABELS, relation_words
from timeline_editor.model.vocab import Relation, TimeUnit
from timeline_editor.ui.widgets.fields import error_label, fill_combo, mark_error

HAND_SET = "A date set by hand replaces the relation."


def _anchor_choices(project: Project, entry: Entry) -> list[tuple[str, str]]:
    """(label, id) of every other entry with a date, by title."""
    choices = [
        (f"{(e.title or '(untitled)')[:70]} — {e.when.edtf}", e.id)
        for e in project.entries
        if e.id != entry.id and e.when.edtf
    ]
    return sorted(choices, key=lambda choice: choice[0].casefold())


class RelationEditor(QWidget):
    """Shows and sets the entry's date relative to another entry."""

    chosen = Signal(object)  # a RelativeDate, or None to remove the relation

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entry = Entry()
        self._project = Project()
        self.find_entry: Callable[[str], Entry | None] = lambda _ident: None
        self.words = QLabel()
        self.words.setObjectName("relationWords")
        self.words.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        self.change_button = QPushButton("Co&unt from an entry…")
        self.remove_button = QPushButton("Remove lin&k")
        self.relation_combo = QComboBox()
        fill_combo(
            self.relation_combo, [(RELATION_LABELS[r], r) for r in Relation], Relation.WITHIN_AFTER
        )
        self.amount_spin = QSpinBox(minimum=0, maximum=10_000, value=1)
        self.unit_combo = QComboBox()
        fill_combo(self.unit_combo, [(f"{u.value}(s)", u) for u in TimeUnit], TimeUnit.YEAR)
        self.anchor_combo = QComboBox()
        self.anchor_combo.setAccessibleName("Counted from entry")
        # Long titles must not widen the inspector past its dock.
        self.anchor_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.anchor_combo.setMinimumContentsLength(16)
        self.apply_button = QPushButton("Coun&t from it")
        self.message = error_label()
        self.choices = self._choices_panel()
        self.choices.setVisible(False)
        self._lay_out()
        self.change_button.clicked.connect(self.open_choices)
        self.remove_button.clicked.connect(lambda: self.chosen.emit(None))
        self.apply_button.clicked.connect(self._on_apply)

    def _choices_panel(self) -> QWidget:
        panel = QWidget()
        grid = QGridLayout(panel)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel("Relation:"), 0, 0)
        grid.addWidget(self.relation_combo, 0, 1, 1, 2)
        grid.addWidget(QLabel("N:"), 1, 0)
        grid.addWidget(self.amount_spin, 1, 1)
        grid.addWidget(self.unit_combo, 1, 2)
        grid.addWidget(QLabel("Entry:"), 2, 0)
        grid.addWidget(self.anchor_combo, 2, 1, 1, 2)
        grid.addWidget(self.apply_button, 3, 1, 1, 2)
        return panel

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.words)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addWidget(self.choices)
        layout.addWidget(self.message)

    def set_entry(self, entry: Entry, project: Project) -> None:
        """Show ``entry``'s relation (and close the choices when another entry comes)."""
        if entry.id != self._entry.id:
            self.choices.setVisible(False)
            mark_error(self.anchor_combo, self.message, "")
        self._entry, self._project = entry, project
        relative = entry.relative_to
        anchor = self.find_entry(relative.anchor) if relative is not None else None
        if relative is None:
            self.words.setText("Not counted from another entry.")
            self.note.setText("")
        else:
            self.words.setText(f"<b>{html.escape(relation_words(relative, anchor))}</b>")
            note = anchor_note(entry, anchor)
            problem = f"<span style='color: #a04000;'>{html.escape(note)}.</span> " if note else ""
            self.note.setText(problem + HAND_SET)
        self.remove_button.setEnabled(relative is not None)
        counted = relative is not None
        self.change_button.setText("Change co&unting…" if counted else "Co&unt from an entry…")

    def open_choices(self) -> None:
        """Show the choices, set to the entry's relation, with the anchors filled in."""
        relative = self._entry.relative_to or RelativeDate(anchor="-", amount=1)
        fill_combo(
            self.relation_combo, [(RELATION_LABELS[r], r) for r in Relation], relative.relation
        )
        fill_combo(self.unit_combo, [(f"{u.value}(s)", u) for u in TimeUnit], relative.unit)
        self.amount_spin.setValue(relative.amount)
        fill_combo(self.anchor_combo, _anchor_choices(self._project, self._entry), relative.anchor)
        self.choices.setVisible(True)
        self.relation_combo.setFocus()

    def show_error(self, message: str) -> None:
        """Mark the anchor choice with why the relation was refused ("" clears it)."""
        mark_error(self.anchor_combo, self.message, message)

    def _on_apply(self) -> None:
        anchor = self.anchor_combo.currentData()
        if not anchor:
            self.show_error("Choose the entry to count from.")
            return
        relative = RelativeDate(
            anchor=anchor,
            relation=Relation(self.relation_combo.currentData()),
            amount=self.amount_spin.value(),
            unit=TimeUnit(self.unit_combo.currentData()),
        )
        self.chosen.emit(relative)
