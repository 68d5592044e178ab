"""The inspector's list sections: citations, claims and the status/date history."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from timeline_editor.model.datewords import date_words
from timeline_editor.model.edtf import EdtfError, parse_edtf
from timeline_editor.model.entities import Citation, Claim, DateValue, HistoryItem, Project
from timeline_editor.model.vocab import CREDIBILITY_LABELS, Stance
from timeline_editor.ui.inspector.list_section import FieldError, ListSection, source_choices
from timeline_editor.ui.widgets.fields import PlainTextField, fill_combo, set_text

_NO_GRADE = "— not graded —"


def _source_title(project: Project, source_id: str | None) -> str:
    for source in project.sources:
        if source.id == source_id:
            return source.container_title or source.title
    return ""


class CitationsSection(ListSection[Citation]):
    """The entry's citations: source, verbatim quote, locator, credibility 1-6."""

    FIELD = "citations"
    NOUN = "citation"
    HEADERS = ("Source", "Quote", "Locator", "Cred.")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Citations", parent)
        self.source_combo = QComboBox()
        self.quote_edit = PlainTextField()
        self.quote_edit.setPlaceholderText("verbatim quote from the source")
        self.quote_edit.setFixedHeight(56)
        self.locator_edit = QLineEdit(placeholderText="paragraph, page or timestamp")
        self.credibility_combo = QComboBox()
        fill_combo(self.credibility_combo, self._grades(), None)
        self.form.addRow("Source:", self.source_combo)
        self.form.addRow("Quote:", self.quote_edit)
        self.form.addRow("Locator:", self.locator_edit)
        self.form.addRow("Credibility:", self.credibility_combo)
        self._order_tabs()

    def _refresh_choices(self, project: Project) -> None:
        current = self.source_combo.currentData()
        fill_combo(self.source_combo, source_choices(project, "— pick a source —"), current)

    def _row(self, item: Citation) -> list[str]:
        grade = "" if item.credibility is None else str(item.credibility)
        return [_source_title(self._project, item.source_id), item.quote, item.locator, grade]

    def _show(self, item: Citation | None) -> None:
        item = item or Citation(source_id="new")
        choices = source_choices(self._project, "— pick a source —")
        fill_combo(self.source_combo, choices, item.source_id)
        set_text(self.quote_edit, item.quote, force=True)
        set_text(self.locator_edit, item.locator, force=True)
        fill_combo(self.credibility_combo, self._grades(), item.credibility)

    def _grades(self) -> list[tuple[str, int | None]]:
        return [(_NO_GRADE, None)] + [(f"{n} — {t}", n) for n, t in CREDIBILITY_LABELS.items()]

    def _build(self, old: Citation | None) -> Citation:
        source_id = self.source_combo.currentData()
        if source_id is None:
            raise FieldError(self.source_combo, "Pick the source this citation rests on.")
        fields = {
            "source_id": source_id,
            "quote": self.quote_edit.toPlainText().strip(),
            "locator": self.locator_edit.text().strip(),
            "credibility": self.credibility_combo.currentData(),
        }
        return Citation.model_validate(fields if old is None else old.model_dump() | fields)


class ClaimsSection(ListSection[Claim]):
    """Who asserts, denies or hedges the entry, when they said it, on which source."""

    FIELD = "claims"
    NOUN = "claim"
    HEADERS = ("Speaker", "Stance", "Said", "Text")
    STRETCH = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Claims", parent)
        self.speaker_combo = QComboBox()
        self.stance_combo = QComboBox()
        fill_combo(self.stance_combo, [(s.value, s) for s in Stance], Stance.ASSERTS)
        self.text_edit = QLineEdit(placeholderText="what was said")
        self.said_edit = QLineEdit(placeholderText="EDTF, e.g. 2021-11~")
        self.source_combo = QComboBox()
        self.quote_edit = QLineEdit(placeholderText="verbatim quote (optional)")
        self.retracted_check = QCheckBox("retracted (no longer counts)")
        self.form.addRow("Speaker:", self.speaker_combo)
        self.form.addRow("Stance:", self.stance_combo)
        self.form.addRow("Text:", self.text_edit)
        self.form.addRow("Said on:", self.said_edit)
        self.form.addRow("Source:", self.source_combo)
        self.form.addRow("Quote:", self.quote_edit)
        self.form.addRow("", self.retracted_check)
        self._order_tabs()

    def _refresh_choices(self, project: Project) -> None:
        speakers = [("— unknown speaker —", None)] + [(a.name, a.id) for a in project.actors]
        fill_combo(self.speaker_combo, speakers, self.speaker_combo.currentData())
        choices = source_choices(project, "— no source —")
        fill_combo(self.source_combo, choices, self.source_combo.currentData())

    def _speaker(self, speaker_id: str | None) -> str:
        names = {a.id: a.name for a in self._project.actors}
        return names.get(speaker_id or "", "unknown")

    def _row(self, item: Claim) -> list[str]:
        return [
            self._speaker(item.speaker_id),
            item.stance.value,
            date_words(item.said.edtf) if item.said.edtf else "",
            item.text,
        ]

    def _row_is_dim(self, item: Claim) -> bool:
        return item.retracted

    def _show(self, item: Claim | None) -> None:
        item = item or Claim()
        fill_combo(self.speaker_combo, self._speakers(), item.speaker_id)
        fill_combo(self.stance_combo, [(s.value, s) for s in Stance], item.stance)
        set_text(self.text_edit, item.text, force=True)
        set_text(self.said_edit, item.said.edtf, force=True)
        citation = item.citation
        choices = source_choices(self._project, "— no source —")
        fill_combo(self.source_combo, choices, citation.source_id if citation else None)
        set_text(self.quote_edit, citation.quote if citation else "", force=True)
        self.retracted_check.setChecked(item.retracted)

    def _speakers(self) -> list[tuple[str, str | None]]:
        return [("— unknown speaker —", None)] + [(a.name, a.id) for a in self._project.actors]

    def _build(self, old: Claim | None) -> Claim:
        said = self.said_edit.text().strip()
        try:
            parse_edtf(said)
        except EdtfError as exc:
            raise FieldError(self.said_edit, str(exc)) from None
        source_id = self.source_combo.currentData()
        quote = self.quote_edit.text().strip()
        if quote and source_id is None:
            raise FieldError(self.source_combo, "A quote needs the source it comes from.")
        citation = None
        if source_id is not None:
            before = old.citation if old is not None and old.citation is not None else None
            base = before.model_dump() if before is not None else {}
            citation = Citation.model_validate(base | {"source_id": source_id, "quote": quote})
        fields = {
            "speaker_id": self.speaker_combo.currentData(),
            "stance": self.stance_combo.currentData(),
            "text": self.text_edit.text().strip(),
            "said": DateValue(edtf=said, as_stated=old.said.as_stated if old else ""),
            "citation": citation,
            "retracted": self.retracted_check.isChecked(),
        }
        return Claim.model_validate(fields if old is None else old.model_dump() | fields)


class HistorySection(ListSection[HistoryItem]):
    """Status and date changes: old, new, when, on which source (added by the inspector)."""

    FIELD = "history"
    NOUN = "change"
    HEADERS = ("What", "Change", "On", "Source", "Note")
    CAN_ADD = False
    STRETCH = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Status and date history", parent)
        self.at_edit = QLineEdit(placeholderText="YYYY-MM-DD the change was learnt")
        self.source_combo = QComboBox()
        self.note_edit = QLineEdit(placeholderText="note")
        self.form.addRow("On:", self.at_edit)
        self.form.addRow("Source:", self.source_combo)
        self.form.addRow("Note:", self.note_edit)
        self._order_tabs()

    def _refresh_choices(self, project: Project) -> None:
        choices = source_choices(project, "— no source —")
        fill_combo(self.source_combo, choices, self.source_combo.currentData())

    def _row(self, item: HistoryItem) -> list[str]:
        what = "status" if item.field == "status" else "date"
        change = f"{item.old or '—'} → {item.new or '—'}"
        source = _source_title(self._project, item.source_id)
        return [what, change, item.at, source, item.note]

    def _show(self, item: HistoryItem | None) -> None:
        enabled = item is not None
        for widget in (self.at_edit, self.source_combo, self.note_edit):
            widget.setEnabled(enabled)
        item = item or HistoryItem(field="status")
        set_text(self.at_edit, item.at, force=True)
        choices = source_choices(self._project, "— no source —")
        fill_combo(self.source_combo, choices, item.source_id)
        set_text(self.note_edit, item.note, force=True)

    def _build(self, old: HistoryItem | None) -> HistoryItem:
        assert old is not None  # history rows are only edited, never added by hand
        at = self.at_edit.text().strip()
        try:
            parse_edtf(at)
        except EdtfError as exc:
            raise FieldError(self.at_edit, str(exc)) from None
        fields = {"at": at, "source_id": self.source_combo.currentData()}
        return HistoryItem.model_validate(
            old.model_dump() | fields | {"note": self.note_edit.text()}
        )
