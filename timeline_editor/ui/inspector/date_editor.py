"""The date editor: pick a case (exact, between A and B, from-to...) or type EDTF; both agree.

Picking a case and typing dates rewrites the EDTF text; typing EDTF picks the case and
fills the dates. The EDTF field also takes a date as written ("late November 2021",
"14 or 15 December 2021", "by the end of the year"): when the text is not EDTF it is
read by :func:`timeline_editor.model.written_dates.read_written_date`, the field then
shows the EDTF it read, and the words go into "As stated" unless that already holds
the source's wording. "The year" counts from :attr:`DateEditor.reference` (the entry
form passes the project's as-of date, else today). The "?" beside the field, and its
tooltip, list the conventions. A ``~``, ``?`` or ``%`` typed into a single date switches the case
(exact to approximate, and so on) instead of being refused. A finished, valid edit is
reported through :attr:`DateEditor.committed`; an invalid one is marked at its field
and reported nowhere, so nothing is applied half-way.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QToolTip,
    QWidget,
)

from timeline_editor.model.date_cases import (
    CASE_FIELDS,
    CASE_LABELS,
    DateCase,
    DateCaseError,
    DateParts,
    from_edtf,
    requalified,
    to_edtf,
)
from timeline_editor.model.date_reading import reading
from timeline_editor.model.edtf_time import canonical_edtf
from timeline_editor.model.entities import DateValue
from timeline_editor.model.written_dates import WrittenDate, WrittenDateError, read_written_date
from timeline_editor.ui.widgets import clock
from timeline_editor.ui.widgets.date_help import WRITTEN_DATE_HELP
from timeline_editor.ui.widgets.fields import error_label, fill_combo, mark_error, set_text

_LABELS: dict[DateCase, tuple[str, str]] = {
    DateCase.BETWEEN: ("Earliest:", "Latest:"),
    DateCase.FROM_TO: ("From:", "To:"),
    DateCase.BEFORE: ("", "On or before:"),
    DateCase.AFTER: ("On or after:", ""),
    DateCase.ONE_OF: ("One of:", ""),
    DateCase.ALL_OF: ("Each of:", ""),
}
_HINT = "YYYY-MM-DD, YYYY-MM or YYYY"


class DateEditor(QWidget):
    """Edits a :class:`DateValue`: case + dates, EDTF text and the source's wording."""

    committed = Signal(object)  # the new DateValue

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value = DateValue()
        self.case_combo = QComboBox()
        fill_combo(self.case_combo, [(CASE_LABELS[c], c) for c in DateCase], DateCase.UNDATED)
        self.start_edit = QLineEdit(placeholderText=_HINT)
        self.end_edit = QLineEdit(placeholderText=_HINT)
        self.edtf_edit = QLineEdit(placeholderText="EDTF or words: 2021-12-15T17:00, spring 2022")
        self.edtf_edit.setToolTip(WRITTEN_DATE_HELP)
        self.help_button = QToolButton()
        self.help_button.setText("?")
        self.help_button.setToolTip(WRITTEN_DATE_HELP)
        self.help_button.setAccessibleName("Ways to write a date")
        #: The day number "the year" and "the coming weeks" count from.
        self.reference: Callable[[], int | None] = clock.today
        self.as_stated_edit = QLineEdit(placeholderText="the source's own words")
        self.reading = QLabel()
        self.reading.setStyleSheet("color: #555;")
        self.reading.setWordWrap(True)
        self.message = error_label()
        self._form = QFormLayout(self)
        self._lay_out()
        self.case_combo.activated.connect(self._on_case_chosen)
        for edit in (self.start_edit, self.end_edit):
            edit.textEdited.connect(self._on_date_typed)
            edit.editingFinished.connect(self._on_dates_finished)
        self.edtf_edit.textEdited.connect(self._on_edtf_typed)
        self.edtf_edit.editingFinished.connect(self._on_edtf_finished)
        self.as_stated_edit.editingFinished.connect(self._on_as_stated_finished)
        self.help_button.clicked.connect(self.show_help)
        self._show_parts(DateParts(DateCase.UNDATED), force=True)

    def _lay_out(self) -> None:
        self._form.setContentsMargins(0, 0, 0, 0)
        self._form.addRow("Case:", self.case_combo)
        self._form.addRow("Date:", self.start_edit)
        self._form.addRow("To:", self.end_edit)
        edtf_row = QHBoxLayout()
        edtf_row.addWidget(self.edtf_edit, 1)
        edtf_row.addWidget(self.help_button)
        edtf_label = QLabel("EDTF:")
        edtf_label.setBuddy(self.edtf_edit)
        self._form.addRow(edtf_label, edtf_row)
        self._form.addRow("As stated:", self.as_stated_edit)
        self._form.addRow("", self.reading)
        self._form.addRow("", self.message)

    def set_value(self, value: DateValue, force: bool = False) -> None:
        """Show a value; fields the user has not touched follow it, their edits stay."""
        changed = force or value != self._value
        self._value = value
        if changed:
            set_text(self.edtf_edit, value.edtf, force)
            self._show_parts(from_edtf(value.edtf), force)
        set_text(self.as_stated_edit, value.as_stated, force)

    def show_help(self) -> None:
        """Show the ways to write a date beside the "?" button."""
        corner = self.help_button.mapToGlobal(QPoint(0, self.help_button.height()))
        QToolTip.showText(corner, WRITTEN_DATE_HELP, self.help_button)

    def value(self) -> DateValue:
        """The last value shown or committed."""
        return self._value

    def parts(self) -> DateParts:
        """The case and dates as the fields hold them now."""
        case = DateCase(self.case_combo.currentData())
        return DateParts(case, self.start_edit.text().strip(), self.end_edit.text().strip())

    def _show_parts(self, parts: DateParts, force: bool = False) -> None:
        fill_combo(self.case_combo, [(CASE_LABELS[c], c) for c in DateCase], parts.case)
        set_text(self.start_edit, parts.start, force=True)
        set_text(self.end_edit, parts.end, force=True)
        self._layout_case(parts.case)
        self.reading.setText(reading(parts))
        self._clear_errors()

    def _layout_case(self, case: DateCase) -> None:
        uses_start, uses_end = CASE_FIELDS[case]
        start_label, end_label = _LABELS.get(case, ("Date:", ""))
        self._form.setRowVisible(self.start_edit, uses_start)
        self._form.setRowVisible(self.end_edit, uses_end)
        for edit, text in ((self.start_edit, start_label), (self.end_edit, end_label)):
            label = self._form.labelForField(edit)
            if isinstance(label, QLabel):
                label.setText(text)
        if case is DateCase.FROM_TO:
            self.end_edit.setPlaceholderText(_HINT + "; .. = still going; empty = unknown")
        else:
            self.end_edit.setPlaceholderText(_HINT)

    def _clear_errors(self) -> None:
        for edit in (self.start_edit, self.end_edit, self.edtf_edit):
            mark_error(edit, None, "")
        self.edtf_edit.setToolTip(WRITTEN_DATE_HELP)  # an error's tooltip gives way to help
        self.message.setText("")
        self._form.setRowVisible(self.message, False)

    def _show_error(self, exc: DateCaseError) -> None:
        field = {"start": self.start_edit, "end": self.end_edit}.get(exc.field, self.edtf_edit)
        self._clear_errors()
        mark_error(field, self.message, str(exc))
        self._form.setRowVisible(self.message, True)

    def _on_case_chosen(self) -> None:
        case = DateCase(self.case_combo.currentData())
        uses_start, uses_end = CASE_FIELDS[case]
        start, end = self.start_edit.text().strip(), self.end_edit.text().strip()
        # Carry the one known date across when the new case wants it in the other field.
        with QSignalBlocker(self.start_edit), QSignalBlocker(self.end_edit):
            if uses_end and not uses_start and not end:
                self.end_edit.setText(start)
            if uses_start and not uses_end and not start:
                self.start_edit.setText(end)
        self._layout_case(case)
        self._apply_parts(commit=True)

    def _on_date_typed(self) -> None:
        self._apply_parts(commit=False)

    def _on_dates_finished(self) -> None:
        self._apply_parts(commit=True)

    def _apply_parts(self, commit: bool) -> None:
        """Rewrite the EDTF text from the case fields; commit when finished and valid."""
        parts = self._requalify()
        try:
            text = to_edtf(parts)
        except DateCaseError as exc:
            if commit:
                self._show_error(exc)
            return
        self._clear_errors()
        with QSignalBlocker(self.edtf_edit):
            self.edtf_edit.setText(text)
        self.reading.setText(reading(parts))
        if commit:
            self._commit(text)

    def _requalify(self) -> DateParts:
        """The fields' parts, a ``~``/``?``/``%`` typed into a single date made its case."""
        typed = self.parts()
        parts = requalified(typed)
        if parts != typed:
            fill_combo(self.case_combo, [(CASE_LABELS[c], c) for c in DateCase], parts.case)
            with QSignalBlocker(self.start_edit):
                self.start_edit.setText(parts.start)
            self._layout_case(parts.case)
        return parts

    def _on_edtf_typed(self, text: str) -> None:
        try:
            parts = from_edtf(text.strip())
        except DateCaseError:
            return  # not yet a date; judged when the edit finishes
        self._clear_errors()
        fill_combo(self.case_combo, [(CASE_LABELS[c], c) for c in DateCase], parts.case)
        with QSignalBlocker(self.start_edit), QSignalBlocker(self.end_edit):
            self.start_edit.setText(parts.start)
            self.end_edit.setText(parts.end)
        self._layout_case(parts.case)
        self.reading.setText(reading(parts))

    def _on_edtf_finished(self) -> None:
        text = self.edtf_edit.text().strip()
        try:
            from_edtf(text)
        except DateCaseError as exc:
            self._read_written(text, exc)
            return
        text = canonical_edtf(text)  # a time is kept as EDTF writes it: T17:00 → T17:00:00
        with QSignalBlocker(self.edtf_edit):
            self.edtf_edit.setText(text)
        self._on_edtf_typed(text)
        self._commit(text)

    def _read_written(self, text: str, not_edtf: DateCaseError) -> None:
        """Take ``text`` as a written date: show the EDTF read and commit it, or say why not."""
        try:
            written = read_written_date(text, reference=self.reference())
        except WrittenDateError as exc:
            # Words get the written-date reason; digits and signs the EDTF one.
            wordy = any(c.isalpha() for c in text.replace("X", "").replace("Y", ""))
            self._show_error(DateCaseError("edtf", str(exc)) if wordy else not_edtf)
            return
        try:
            from_edtf(written.edtf)
        except DateCaseError as exc:
            self._show_error(DateCaseError("edtf", f"read as {written.edtf}, but {exc}"))
            return
        self._show_written(written)

    def _show_written(self, written: WrittenDate) -> None:
        """Show the EDTF a written date gave, keep its words as stated, and commit."""
        with QSignalBlocker(self.edtf_edit):
            self.edtf_edit.setText(written.edtf)
        if not self.as_stated_edit.text().strip():
            with QSignalBlocker(self.as_stated_edit):
                self.as_stated_edit.setText(written.as_stated)
        self._on_edtf_typed(written.edtf)
        self.reading.setText(f"“{written.as_stated}” read as {written.edtf}: {self.reading.text()}")
        self._commit(written.edtf)

    def _on_as_stated_finished(self) -> None:
        self._emit(DateValue(edtf=self._value.edtf, as_stated=self.as_stated_edit.text()))

    def _commit(self, edtf: str) -> None:
        self._emit(DateValue(edtf=edtf, as_stated=self.as_stated_edit.text()))

    def _emit(self, value: DateValue) -> None:
        if value != self._value:
            self._value = value
            self.edtf_edit.setProperty("te_shown", value.edtf)
            self.as_stated_edit.setProperty("te_shown", value.as_stated)
            self.committed.emit(value)
