"""Add or edit a source: CSL-style fields and Admiralty reliability, checked before OK."""

from __future__ import annotations

from pydantic import ValidationError
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from timeline_editor.model.entities import Source
from timeline_editor.model.urls import outlet_from_url, title_from_url
from timeline_editor.model.vocab import RELIABILITY_LABELS, Reliability, SourceKind
from timeline_editor.ui.widgets.fields import PlainTextField, error_label, fill_combo, mark_error
from timeline_editor.ui.widgets.mnemonics import give_mnemonics


class SourceDialog(QDialog):
    """A form over one :class:`Source`; :meth:`source` gives the edited, validated copy."""

    def __init__(self, source: Source | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit source" if source else "New source")
        self._original = source or Source()
        self._result: Source | None = None
        self._build()
        self._show(self._original)
        self.setMinimumWidth(520)

    @classmethod
    def from_url(cls, url: str, parent: QWidget | None = None) -> SourceDialog:
        """A new-source dialog prefilled from a pasted URL (with a guessed title and outlet)."""
        guess = Source(
            url=url.strip(), title=title_from_url(url), container_title=outlet_from_url(url)
        )
        dialog = cls(None, parent)
        dialog._original = guess
        dialog._show(guess)
        return dialog

    def _build(self) -> None:
        self._make_fields()
        form = QFormLayout()
        for label, widget in (
            ("Kind:", self.kind_combo),
            ("Title:", self.title_edit),
            ("Outlet:", self.outlet_edit),
            ("Publisher:", self.publisher_edit),
            ("Author(s):", self.author_edit),
            ("Issued:", self.issued_edit),
            ("URL:", self.url_edit),
            ("Accessed:", self.accessed_edit),
            ("Language:", self.language_edit),
            ("Reliability:", self.reliability_combo),
            ("Note:", self.note_edit),
        ):
            form.addRow(label, widget)
        hint = QLabel(
            "Reliability grades the source (Admiralty A–F); each citation grades its"
            " information (1–6)."
        )
        hint.setStyleSheet("color: #555;")
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        give_mnemonics(self)

    def _make_fields(self) -> None:
        self.kind_combo = QComboBox()
        self.title_edit = QLineEdit()
        self.outlet_edit = QLineEdit(
            placeholderText="newspaper, agency, ministry (container-title)"
        )
        self.publisher_edit = QLineEdit()
        self.author_edit = QLineEdit(placeholderText="names separated by ;")
        self.issued_edit = QLineEdit(placeholderText="EDTF, e.g. 2021-11-26")
        self.url_edit = QLineEdit(placeholderText="https://…")
        self.accessed_edit = QLineEdit(placeholderText="EDTF day the link was read")
        self.language_edit = QLineEdit(placeholderText="e.g. en, ru, hy, az")
        self.reliability_combo = QComboBox()
        self.note_edit = PlainTextField()
        self.note_edit.setFixedHeight(60)
        self.message = error_label()
        # Where a validation error of each model field is shown (by name and by alias).
        self._fields = {
            "title": self.title_edit,
            "container_title": self.outlet_edit,
            "issued": self.issued_edit,
            "url": self.url_edit,
            "accessed": self.accessed_edit,
            "language": self.language_edit,
            "URL": self.url_edit,
            "container-title": self.outlet_edit,
        }

    def _show(self, source: Source) -> None:
        kinds = [(k.value.replace("_", " "), k) for k in SourceKind]
        fill_combo(self.kind_combo, kinds, source.kind)
        grades = [(f"{g.value} — {RELIABILITY_LABELS[g]}", g) for g in Reliability]
        fill_combo(self.reliability_combo, grades, source.reliability)
        self.title_edit.setText(source.title)
        self.outlet_edit.setText(source.container_title)
        self.publisher_edit.setText(source.publisher)
        self.author_edit.setText("; ".join(source.author))
        self.issued_edit.setText(source.issued)
        self.url_edit.setText(source.url)
        self.accessed_edit.setText(source.accessed)
        self.language_edit.setText(source.language)
        self.note_edit.setPlainText(source.note)
        for edit in (self.title_edit, self.url_edit):
            edit.setCursorPosition(0)  # show where a long title or link starts

    def _edited(self) -> Source:
        """The source as the form holds it; raises ValidationError."""
        changes = {
            "kind": self.kind_combo.currentData(),
            "title": self.title_edit.text().strip(),
            "container_title": self.outlet_edit.text().strip(),
            "publisher": self.publisher_edit.text().strip(),
            # Names may hold a comma ("Buniatian, Heghine"), so only ";" separates them.
            "author": tuple(a.strip() for a in self.author_edit.text().split(";") if a.strip()),
            "issued": self.issued_edit.text().strip(),
            "url": self.url_edit.text().strip(),
            "accessed": self.accessed_edit.text().strip(),
            "language": self.language_edit.text().strip(),
            "reliability": self.reliability_combo.currentData(),
            "note": self.note_edit.toPlainText(),
        }
        data = self._original.model_dump(by_alias=False) | changes
        return Source.model_validate(data)

    def accept(self) -> None:
        """Close only when every field is valid; otherwise mark the field at fault."""
        for widget in self._fields.values():
            mark_error(widget, None, "")
        if not self.title_edit.text().strip():
            mark_error(self.title_edit, self.message, "A source needs a title.")
            return
        try:
            self._result = self._edited()
        except ValidationError as exc:
            first = exc.errors()[0]
            name = str(first["loc"][0]) if first["loc"] else ""
            widget = self._fields.get(name, self.title_edit)
            text = str(first["msg"]).removeprefix("Value error, ")
            mark_error(widget, self.message, f"{name.replace('_', ' ')}: {text}")
            return
        super().accept()

    def source(self) -> Source | None:
        """The accepted source (None until OK succeeded)."""
        return self._result
