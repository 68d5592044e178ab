"""The inspector's form for one entry: every field, grouped, each edit one undo step."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from timeline_editor.model.edits import change_day, current_day, redated, unrecorded, with_status
from timeline_editor.model.entities import DateValue, Entry, Project, RelativeDate
from timeline_editor.model.queries import as_of_day, is_disputed
from timeline_editor.model.relative_dates import RelationError, with_relation
from timeline_editor.model.short_text import shortened
from timeline_editor.model.vocab import (
    Confidence,
    EntryKind,
    Likelihood,
    Status,
    likelihood_label,
)
from timeline_editor.ui.inspector.date_editor import DateEditor
from timeline_editor.ui.inspector.relation_editor import RelationEditor
from timeline_editor.ui.inspector.sections import CitationsSection, ClaimsSection, HistorySection
from timeline_editor.ui.widgets import clock
from timeline_editor.ui.widgets.fields import (
    PlainTextField,
    align_labels,
    error_label,
    fill_combo,
    mark_error,
    set_text,
    split_list,
    updated,
    validation_message,
)

BADGE_STYLE = "color: white; background: {}; border-radius: 8px; padding: 1px 8px;"


def _group(title: str, layout: QFormLayout | QVBoxLayout) -> QGroupBox:
    box = QGroupBox(title)
    box.setLayout(layout)
    return box


#: The parts of the form a shortcut can jump to.
SECTIONS = ("title", "date", "citations", "claims")


class EntryForm(QWidget):
    """Shows one entry and reports each finished edit as a new Entry plus undo text.

    ``is_unsaved(id)`` says whether an entry has yet to be saved for the first time;
    its date and status changes are then not recorded in its history (the window,
    which knows what its file holds, sets it; by default every change is recorded).
    """

    entry_edited = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entry = Entry()
        self._project = Project()
        self.is_unsaved: Callable[[str], bool] = lambda _ident: False
        self._build_widgets()
        self.main_group = self._main_group()
        self.date_group = _group("Date", self._date_layout())
        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        layout.addWidget(self.main_group)
        layout.addWidget(self.date_group)
        layout.addWidget(self._judgement_group())
        layout.addWidget(_group("Actors", self._actors_layout()))
        for section in (self.history, self.citations, self.claims):
            layout.addWidget(section)
            section.entry_edited.connect(self.entry_edited)
        layout.addStretch(1)
        align_labels(self.findChildren(QFormLayout))
        self._connect()

    def _build_widgets(self) -> None:
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.disputed_badge = QLabel("disputed")
        self.disputed_badge.setStyleSheet(BADGE_STYLE.format("#c0392b"))
        self.status_badge = QLabel()
        self.status_badge.setStyleSheet(BADGE_STYLE.format("#5d6d7e"))
        self.kind_combo = QComboBox()
        self.title_edit = QLineEdit()
        self.status_combo = QComboBox()
        self.lane_combo = QComboBox()
        self.place_combo = QComboBox()
        self.tags_edit = QLineEdit(placeholderText="comma-separated tags")
        self.description_edit = PlainTextField()
        self.description_edit.setFixedHeight(70)
        self.date_editor = DateEditor()
        self.relation_editor = RelationEditor()
        self.date_editor.reference = self._reference_day
        self.likelihood_combo = QComboBox()
        self.confidence_combo = QComboBox()
        self.actors_list = QListWidget()
        self.actors_list.setAccessibleName("Actors")
        self.actors_list.setMaximumHeight(110)
        # The ticked actors may be far down a long list: name them above it.
        self.actors_summary = QLabel()
        self.actors_summary.setObjectName("actorsSummary")
        self.actors_summary.setWordWrap(True)
        self.actors_summary.setTextFormat(Qt.TextFormat.RichText)
        self.message = error_label()
        self.history = HistorySection()
        self.citations = CitationsSection()
        self.claims = ClaimsSection()

    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.heading, 1)
        row.addWidget(self.status_badge, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.disputed_badge, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _main_group(self) -> QGroupBox:
        form = QFormLayout()
        form.addRow("Title:", self.title_edit)
        form.addRow("Kind:", self.kind_combo)
        form.addRow("Status:", self.status_combo)
        form.addRow("Lane:", self.lane_combo)
        form.addRow("Place:", self.place_combo)
        form.addRow("Tags:", self.tags_edit)
        form.addRow("Description:", self.description_edit)
        form.addRow("", self.message)
        return _group("Entry", form)

    def _date_layout(self) -> QVBoxLayout:
        layout = QVBoxLayout()
        layout.addWidget(self.date_editor)
        layout.addWidget(QLabel("<b>Counted from another entry</b>"))
        layout.addWidget(self.relation_editor)
        return layout

    def _judgement_group(self) -> QGroupBox:
        form = QFormLayout()
        form.addRow("Likelihood:", self.likelihood_combo)
        form.addRow("Confidence:", self.confidence_combo)
        note = QLabel("Likelihood: how probable (ICD 203). Confidence: how sound the basis is.")
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        form.addRow(note)
        return _group("Analyst judgement", form)

    def _actors_layout(self) -> QVBoxLayout:
        layout = QVBoxLayout()
        layout.addWidget(self.actors_summary)
        layout.addWidget(self.actors_list)
        return layout

    def _connect(self) -> None:
        self.kind_combo.activated.connect(lambda: self._edit_combo(self.kind_combo, "kind"))
        self.lane_combo.activated.connect(lambda: self._edit_combo(self.lane_combo, "lane_id"))
        self.place_combo.activated.connect(lambda: self._edit_combo(self.place_combo, "place_id"))
        self.likelihood_combo.activated.connect(
            lambda: self._edit_combo(self.likelihood_combo, "likelihood")
        )
        self.confidence_combo.activated.connect(
            lambda: self._edit_combo(self.confidence_combo, "confidence")
        )
        self.status_combo.activated.connect(self._on_status_chosen)
        self.title_edit.editingFinished.connect(self._on_title_finished)
        self.tags_edit.editingFinished.connect(self._on_tags_finished)
        self.description_edit.editing_finished.connect(self._on_description_finished)
        self.date_editor.committed.connect(self._on_date_committed)
        self.relation_editor.chosen.connect(self._on_relation_chosen)
        self.actors_list.itemChanged.connect(self._on_actor_toggled)

    def focus_section(self, section: str) -> QWidget:
        """Put the keyboard in one of :data:`SECTIONS`; returns the box that holds it."""
        if section == "title":
            self.title_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.title_edit.selectAll()
            return self.main_group
        if section == "date":
            self.date_editor.case_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return self.date_group
        if section == "citations":
            self.citations.focus_first()
            return self.citations
        if section == "claims":
            self.claims.focus_first()
            return self.claims
        raise ValueError(f"no section {section!r} (one of {', '.join(SECTIONS)})")

    # -- showing -------------------------------------------------------------------------
    def entry(self) -> Entry:
        """The entry shown."""
        return self._entry

    def set_entry(self, entry: Entry, project: Project, force: bool = False) -> None:
        """Show an entry; fields the user is editing keep their text unless it changed."""
        force = force or entry.id != self._entry.id
        self._entry, self._project = entry, project
        self.heading.setText(entry.title or "(untitled)")
        self.status_badge.setText(entry.status.value)
        self.disputed_badge.setVisible(is_disputed(entry))
        set_text(self.title_edit, entry.title, force)
        set_text(self.tags_edit, ", ".join(entry.tags), force)
        set_text(self.description_edit, entry.description, force)
        self._fill_combos(entry, project)
        self._fill_actors(entry, project, force)
        self.date_editor.set_value(entry.when, force)
        self.relation_editor.set_entry(entry, project)
        for section in (self.history, self.citations, self.claims):
            section.set_entry(entry, project, force)
        self.message.setVisible(False)

    def _fill_combos(self, entry: Entry, project: Project) -> None:
        fill_combo(self.kind_combo, [(k.value, k) for k in EntryKind], entry.kind)
        fill_combo(self.status_combo, [(s.value, s) for s in Status], entry.status)
        lanes = [("— no lane —", None)] + [(lane.title, lane.id) for lane in project.lanes]
        fill_combo(self.lane_combo, lanes, entry.lane_id)
        places = [("— no place —", None)] + [(p.name, p.id) for p in project.places]
        fill_combo(self.place_combo, places, entry.place_id)
        terms = [("— not assessed —", None)] + [(likelihood_label(t), t) for t in Likelihood]
        fill_combo(self.likelihood_combo, terms, entry.likelihood)
        levels = [("— not assessed —", None)] + [(c.value, c) for c in Confidence]
        fill_combo(self.confidence_combo, levels, entry.confidence)

    def _fill_actors(self, entry: Entry, project: Project, force: bool = False) -> None:
        with QSignalBlocker(self.actors_list):
            if [
                self.actors_list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.actors_list.count())
            ] != [a.id for a in project.actors]:
                self.actors_list.clear()
                for actor in project.actors:
                    item = QListWidgetItem(f"{actor.name} ({actor.kind.value})")
                    item.setData(Qt.ItemDataRole.UserRole, actor.id)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    self.actors_list.addItem(item)
            chosen = set(entry.actor_ids)
            first: QListWidgetItem | None = None
            for i in range(self.actors_list.count()):
                item = self.actors_list.item(i)
                checked = item.data(Qt.ItemDataRole.UserRole) in chosen
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                first = first or (item if checked else None)
        names = {a.id: a.name for a in project.actors}
        picked = [names[i] for i in entry.actor_ids if i in names]
        self.actors_summary.setText(
            f"<b>Chosen:</b> {html.escape(', '.join(picked))}"
            if picked
            else "<i>None chosen: tick the actors involved below.</i>"
        )
        if force:
            # A new entry shows its first ticked actor rather than the top of the list.
            if first is not None:
                self.actors_list.scrollToItem(first, QListWidget.ScrollHint.PositionAtTop)
            else:
                self.actors_list.scrollToTop()

    # -- editing -------------------------------------------------------------------------
    def _push(self, widget: QWidget, text: str, **changes: Any) -> None:
        """Validate the changed entry; mark the field on failure, else report it."""
        try:
            entry = updated(self._entry, **changes)
        except ValidationError as exc:
            mark_error(widget, self.message, validation_message(exc)[1])
            return
        mark_error(widget, self.message, "")
        if entry != self._entry:
            self.entry_edited.emit(entry, f"{text} ('{shortened(self._entry.title)}')")

    def _edit_combo(self, combo: QComboBox, field: str) -> None:
        self._push(combo, f"Change {field.removesuffix('_id')}", **{field: combo.currentData()})

    def _on_title_finished(self) -> None:
        self._push(self.title_edit, "Rename", title=self.title_edit.text().strip())

    def _on_tags_finished(self) -> None:
        self._push(self.tags_edit, "Edit tags", tags=split_list(self.tags_edit.text()))

    def _on_description_finished(self) -> None:
        text = self.description_edit.toPlainText()
        self._push(self.description_edit, "Edit description", description=text)

    def _on_actor_toggled(self) -> None:
        ids = [
            self.actors_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.actors_list.count())
            if self.actors_list.item(i).checkState() == Qt.CheckState.Checked
        ]
        self._push(self.actors_list, "Edit actors", actor_ids=tuple(ids))

    def _reference_day(self) -> int:
        """The day written dates count from ("by the end of the year"): as-of, else today."""
        return current_day(as_of=as_of_day(self._project), today=clock.today())

    def _change_day(self) -> str:
        """The day a status or date change is recorded on in the entry's history."""
        return change_day(as_of=self._project.as_of, today=clock.today())

    def _unless_unsaved(self, changed: Entry) -> Entry:
        """``changed``, its new history line dropped while the entry is not yet saved."""
        return unrecorded(self._entry, changed) if self.is_unsaved(self._entry.id) else changed

    def _on_status_chosen(self) -> None:
        status = Status(self.status_combo.currentData())
        if status == self._entry.status:
            return
        new = self._unless_unsaved(with_status(self._entry, status=status, at=self._change_day()))
        text = f"Set status {status.value}"
        self._push(self.status_combo, text, status=new.status, history=new.history)

    def _on_date_committed(self, value: DateValue) -> None:
        new = self._unless_unsaved(redated(self._entry, when=value, at=self._change_day()))
        widget = self.date_editor.edtf_edit
        self._push(widget, "Change date", when=new.when, history=new.history)

    def _on_relation_chosen(self, relative: RelativeDate | None) -> None:
        """Count the date from another entry (or stop): one edit, the date resolved."""
        try:
            linked = with_relation(self._entry, relative, self.relation_editor.find_entry)
        except RelationError as exc:
            self.relation_editor.show_error(str(exc))
            return
        self.relation_editor.show_error("")
        # Setting a relation may change the date: recorded in the history like any date.
        relinked = self._entry.model_copy(update={"relative_to": linked.relative_to})
        new = self._unless_unsaved(redated(relinked, when=linked.when, at=self._change_day()))
        anchor = self.relation_editor.find_entry(relative.anchor) if relative else None
        text = f"Count date from '{shortened(anchor.title, 30)}'" if anchor else "Remove date link"
        if new != self._entry:
            self.entry_edited.emit(new, f"{text} ('{shortened(self._entry.title)}')")
