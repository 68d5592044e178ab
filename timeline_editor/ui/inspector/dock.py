"""The inspector dock: edits the selected entry, sums up several, or edits project info.

Every edit is pushed on the undo stack as a command; the dock only shows the document
and follows its change notifications (an undo refreshes it like any other change).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from timeline_editor.commands.items import EditItems, SetProjectInfo
from timeline_editor.model.changes import ChangeSet
from timeline_editor.model.daynum import civil
from timeline_editor.model.document import Document
from timeline_editor.model.entities import CollectionName, Entry, check_day
from timeline_editor.model.queries import is_disputed, parsed_when
from timeline_editor.ui.inspector.entry_form import EntryForm
from timeline_editor.ui.widgets.fields import PlainTextField, error_label, mark_error, set_text
from timeline_editor.ui.widgets.wheel_guard import WheelGuard
from timeline_editor.ui.widgets.wording import counted

_REFERENCED: tuple[CollectionName, ...] = ("sources", "actors", "lanes", "places")


class ProjectInfoForm(QWidget):
    """Title, description and as-of date of the project (shown when nothing is selected)."""

    def __init__(self, document: Document, undo_stack: QUndoStack) -> None:
        super().__init__()
        self._document = document
        self._undo_stack = undo_stack
        self.title_edit = QLineEdit()
        self.description_edit = PlainTextField()
        self.description_edit.setFixedHeight(90)
        self.as_of_edit = QLineEdit(placeholderText="YYYY-MM-DD: the day knowledge stops")
        self.counts = QLabel()
        self.counts.setStyleSheet("color: #555;")
        self.message = error_label()
        heading = QLabel("Project")
        heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        form = QFormLayout(self)
        form.addRow(heading)
        form.addRow("Title:", self.title_edit)
        form.addRow("Description:", self.description_edit)
        form.addRow("As of:", self.as_of_edit)
        form.addRow("", self.message)
        form.addRow("", self.counts)
        self.title_edit.editingFinished.connect(
            lambda: self._set(self.title_edit, title=self.title_edit.text().strip())
        )
        self.description_edit.editing_finished.connect(
            lambda: self._set(
                self.description_edit, description=self.description_edit.toPlainText()
            )
        )
        self.as_of_edit.editingFinished.connect(self._on_as_of_finished)

    def refresh(self, force: bool = False) -> None:
        """Show the project's current info."""
        project = self._document.project
        set_text(self.title_edit, project.title, force)
        set_text(self.description_edit, project.description, force)
        set_text(self.as_of_edit, project.as_of, force)
        self.counts.setText(
            " · ".join(
                counted(len(items), noun)
                for items, noun in (
                    (project.entries, "entry"),
                    (project.sources, "source"),
                    (project.actors, "actor"),
                    (project.lanes, "lane"),
                )
            )
        )

    def _on_as_of_finished(self) -> None:
        text = self.as_of_edit.text().strip()
        try:
            check_day(text)
        except ValueError as exc:
            mark_error(self.as_of_edit, self.message, f"As of: {exc}")
            return
        self._set(self.as_of_edit, as_of=text)

    def _set(self, widget: QWidget, **fields: str) -> None:
        mark_error(widget, self.message, "")
        project = self._document.project
        if any(getattr(project, name) != value for name, value in fields.items()):
            self._undo_stack.push(SetProjectInfo(self._document, **fields))


def _span(entries: list[Entry]) -> str:
    lows = [d.earliest for d in map(parsed_when, entries) if d.earliest is not None]
    highs = [d.latest for d in map(parsed_when, entries) if d.latest is not None]
    if not lows or not highs:
        return "no dated entries"
    first, last = civil(min(lows)), civil(max(highs))
    return "from {:04d}-{:02d}-{:02d} to {:04d}-{:02d}-{:02d}".format(*first, *last)


def summary_text(entries: list[Entry]) -> str:
    """A short summary of several selected entries."""
    kinds = Counter(e.kind.value for e in entries)
    disputed = sum(is_disputed(e) for e in entries)
    lines = [
        f"<b>{counted(len(entries), 'entry')} selected</b>",
        ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())),
        _span(entries),
    ]
    if disputed:
        lines.append(f"{disputed} disputed")
    titles = "".join(f"<li>{(e.title or '(untitled)')[:60]}</li>" for e in entries[:8])
    more = f"<li>… and {len(entries) - 8} more</li>" if len(entries) > 8 else ""
    return "<br>".join(lines) + f"<ul>{titles}{more}</ul>"


def _top_aligned(widget: QWidget) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)
    layout.addStretch(1)
    return page


class InspectorDock(QDockWidget):
    """Dock that edits the selected entry, sums up several, or edits the project info."""

    def __init__(
        self, document: Document, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__("Inspector", parent)
        self.setObjectName("inspector")
        self._document = document
        self._undo_stack = undo_stack
        self._ids: list[str] = []
        #: Shows an entry as it stood on a "known on" day (None: as it is), read-only.
        self.lens: Callable[[Entry], Entry] | None = None
        self.entry_form = EntryForm()
        self.entry_form.entry_edited.connect(self._on_entry_edited)
        self.entry_form.relation_editor.find_entry = document.find_entry
        self.project_form = ProjectInfoForm(document, undo_stack)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.stack = QStackedWidget()
        self.stack.addWidget(_top_aligned(self.project_form))
        self.stack.addWidget(_top_aligned(self.summary))
        # Only the long entry form scrolls; the short pages stay put at the top.
        self._entry_scroll = QScrollArea()
        self._entry_scroll.setAccessibleName("Entry")
        self._entry_scroll.setWidgetResizable(True)
        self._entry_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._entry_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._entry_scroll.setWidget(self.entry_form)
        self.wheel_guard = WheelGuard(self._entry_scroll)
        self.wheel_guard.guard(self.entry_form)
        self.stack.addWidget(self._entry_scroll)
        self.setWidget(self.stack)
        self.setMinimumWidth(380)
        unsubscribe = document.subscribe(self._on_document_changed)
        self.destroyed.connect(lambda *_: unsubscribe())
        self.show_entries([])

    def shown_ids(self) -> list[str]:
        """Ids of the entries shown (those that still exist)."""
        return list(self._ids)

    def show_entries(self, ids: list[str]) -> None:
        """One id: edit it; several: a summary; none: the project's info."""
        entries = [e for e in (self._document.find_entry(i) for i in ids) if e is not None]
        if self.lens is not None:
            entries = [self.lens(e) for e in entries]
        # A day shown (View ▸ Known on) is read-only: the project's fields as well.
        self.entry_form.setEnabled(self.lens is None)
        self.project_form.setEnabled(self.lens is None)
        if [e.id for e in entries] != self._ids:
            # Another entry starts at its title and date, not where the last one was left.
            self._entry_scroll.verticalScrollBar().setValue(0)
        self._ids = [e.id for e in entries]
        if len(entries) == 1:
            self.entry_form.set_entry(entries[0], self._document.project, force=True)
            self.stack.setCurrentWidget(self._entry_scroll)
        elif entries:
            self.summary.setText(summary_text(entries))
            self.stack.setCurrentIndex(1)
        else:
            self.project_form.refresh(force=True)
            self.stack.setCurrentIndex(0)

    def edit_title(self) -> None:
        """Bring the inspector forward with the entry's title selected, ready to type."""
        self.show()
        self.raise_()
        self._entry_scroll.verticalScrollBar().setValue(0)
        edit = self.entry_form.title_edit
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        edit.selectAll()

    def focus_section(self, section: str) -> bool:
        """Bring the inspector forward with the keyboard in a section of the entry shown.

        ``section`` is one of :data:`~.entry_form.SECTIONS`; the section scrolls to the
        top. False, and nothing moves, when the inspector shows no single entry.
        """
        if self.stack.currentWidget() is not self._entry_scroll:
            return False
        self.show()
        self.raise_()
        box = self.entry_form.focus_section(section)
        layout = self.entry_form.layout()
        if layout is not None:
            layout.activate()  # the box's place, as laid out now
        top = box.mapTo(self.entry_form, box.rect().topLeft()).y()
        self._entry_scroll.verticalScrollBar().setValue(max(top - 4, 0))
        return True

    def _on_entry_edited(self, entry: Entry, text: str) -> None:
        self._undo_stack.push(EditItems(self._document, "entries", [entry], text))

    def _anchor_touched(self, changes: ChangeSet) -> bool:
        """Whether the entry shown counts its date from one this change added, removed or edited."""
        entry = self._document.find_entry(self._ids[0]) if len(self._ids) == 1 else None
        anchor = entry.relative_to.anchor if entry and entry.relative_to else None
        if anchor is None:
            return False
        touched = (changes.added_ids("entries"), changes.removed_ids("entries"))
        return anchor in changes.changed.get("entries", {}) or any(anchor in ids for ids in touched)

    def _on_document_changed(self, changes: ChangeSet) -> None:
        shown = self._ids
        removed = set(changes.removed_ids("entries"))
        if changes.reset or any(ident in removed for ident in shown):
            self.show_entries(shown)  # drops entries that are gone
            return
        if not shown:
            if changes.touches("project", "entries", *_REFERENCED):
                self.project_form.refresh()
            return
        edited = changes.changed.get("entries", {})
        hit = any(ident in edited for ident in shown) or self._anchor_touched(changes)
        if not (hit or changes.touches(*_REFERENCED, "project")):
            return
        if len(shown) == 1 and self.lens is None:
            entry = self._document.entry(shown[0])
            self.entry_form.set_entry(entry, self._document.project)
        else:
            self.show_entries(shown)
