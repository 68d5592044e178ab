"""The "What changed" panel: what became known between two days, grouped by kind.

Two day fields, From and To, and below them the changes
(:func:`~timeline_editor.model.knowledge_changes.changes_between`): entries added
(and possibly added), status changes, date changes, claims made and claims retracted,
each row naming its entry and the day it became known. Enter or a double-click on a row
selects its entry in the window. Tab walks From, To and the list; the arrow keys move in
the list.

A day is read as EDTF or as people write it (``2021-11-20``, ``20 Nov 2021``); it must
be one day. A field that holds no day says why under it and the list empties; From after
To is said the same way under To. The fields start on the last week of what the project
knows (From seven days before its last knowledge day, To that day: the change of the
latest days, found in the same pass that lists the changes) and go back to it when
another project is opened; days typed by the researcher stay while the project is edited.

Edits patch the list entry by entry (:class:`~timeline_editor.model.knowledge_changes_live.
LiveChanges`, about 2 ms at 100k entries) and the view is refilled, not rebuilt row by
row from the project (about 8 ms more with 800 changes listed); while the panel is hidden
nothing is computed, and showing it computes once (about 0.8 s at 100k entries).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from timeline_editor.model.changes import ChangeSet
from timeline_editor.model.datewords import date_words
from timeline_editor.model.daynum import format_day
from timeline_editor.model.document import Document
from timeline_editor.model.knowledge import Knowledge, knowledge
from timeline_editor.model.knowledge_changes_live import LiveChanges
from timeline_editor.model.one_day import DAY_HINT, read_day
from timeline_editor.ui.widgets.fields import error_label, mark_error
from timeline_editor.ui.window.changes_model import ChangesModel

#: The panel's width when first shown beside the chart: a day, a title and some words.
WIDTH = 520
#: The starting width of the "What changed" column.
DETAIL_WIDTH = 190
#: Room either side of the day in its column.
DAY_PADDING = 8
#: Below this a title no longer fits beside its day.
MIN_WIDTH = 280
#: The fields start on the seven days up to the last knowledge day: the same span the
#: chart marks as newly learnt before its "known on" day.
WEEK = 7


def default_days(facts: Knowledge) -> tuple[int, int] | None:
    """From and To to start with: the week up to the last knowledge day (None: undated)."""
    return None if facts.end is None else (facts.end - WEEK, facts.end)


class WhatChangedDock(QDockWidget):
    """What became known after one day up to another; activating a row names its entry."""

    #: The id of the entry of a row the researcher activated (Enter or double-click).
    entry_activated = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__("What changed", parent)
        self.setObjectName("whatChangedDock")
        self._document = document
        self._live: LiveChanges | None = None
        self._typed = False  # the researcher typed a day: keep it across edits
        self._project_id = document.project.id
        self._build()
        self._unsubscribe = document.subscribe(self._on_document_changed)
        self.destroyed.connect(lambda *_: self._unsubscribe())

    def _build(self) -> None:
        body = QWidget(self)
        self.from_edit = QLineEdit(placeholderText=DAY_HINT)
        self.from_edit.setObjectName("changesFrom")
        self.from_edit.setAccessibleName("What changed: from day")
        self.to_edit = QLineEdit(placeholderText=DAY_HINT)
        self.to_edit.setObjectName("changesTo")
        self.to_edit.setAccessibleName("What changed: to day")
        self.from_error, self.to_error = error_label(), error_label()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("changesSummary")
        self.model = ChangesModel(self)
        self.tree = self._make_tree()
        form = QFormLayout()
        form.addRow("F&rom:", self.from_edit)
        form.addRow("", self.from_error)
        form.addRow("T&o:", self.to_edit)
        form.addRow("", self.to_error)
        layout = QVBoxLayout(body)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.setWidget(body)
        QWidget.setTabOrder(self.from_edit, self.to_edit)
        QWidget.setTabOrder(self.to_edit, self.tree)
        for edit in (self.from_edit, self.to_edit):
            edit.editingFinished.connect(self._on_day_typed)

    def _make_tree(self) -> QTreeView:
        tree = QTreeView(self)
        tree.setObjectName("changesList")
        tree.setAccessibleName("What changed: the changes")
        tree.setModel(self.model)
        tree.setUniformRowHeights(True)
        tree.setIndentation(12)
        tree.setMinimumWidth(MIN_WIDTH)
        tree.setAllColumnsShowFocus(True)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # The title takes the room; what changed keeps a fixed share (its whole text is
        # in the row's tooltip, and the divider can be dragged).
        header = tree.header()
        header.setStretchLastSection(False)
        # Widths come from a sample day, not the rows: sizing to contents would ask every
        # row for its text on every edit (40 ms with 800 changes at 100k entries).
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        day = tree.fontMetrics().horizontalAdvance("0000-00-00")
        # The day sits one level in, after the branch marks: two indentations.
        header.resizeSection(0, day + 2 * tree.indentation() + 2 * DAY_PADDING)
        header.resizeSection(2, DETAIL_WIDTH)
        tree.activated.connect(self._on_activated)
        return tree

    # -- showing and toggling -------------------------------------------------------

    def keep_mark(self, action: QAction) -> None:
        """Keep the check mark of ``action`` (View ▸ What Changed) true to the panel."""
        action.setChecked(not self.isHidden())
        self.visibilityChanged.connect(lambda _visible: action.setChecked(not self.isHidden()))

    def toggle(self) -> None:
        """Show the panel when hidden, hide it when shown (View ▸ What Changed)."""
        self.set_shown(self.isHidden())

    def set_shown(self, shown: bool) -> None:
        """Show the panel with the keyboard in its list, or hide it."""
        if not shown:
            self.hide()
            return
        self.show()
        self.raise_()
        window = self.parentWidget()
        if isinstance(window, QMainWindow) and not self.isFloating() and self.width() < WIDTH:
            # A dock first shown gets the least room its area allows: too little for titles.
            window.resizeDocks([self], [WIDTH], Qt.Orientation.Horizontal)
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.tree.currentIndex().isValid() and self.model.rowCount() > 0:
            self.tree.setCurrentIndex(self.model.index(0, 0))

    def showEvent(self, event: QShowEvent) -> None:
        """Compute the list now if edits came while the panel was hidden."""
        super().showEvent(event)
        if self._live is None:
            self.refresh()

    # -- the days ---------------------------------------------------------------------

    def set_days(self, first: int, last: int) -> None:
        """Compare these two days (as if typed)."""
        self.from_edit.setText(format_day(first))
        self.to_edit.setText(format_day(last))
        self._typed = True
        self.refresh()

    def _on_day_typed(self) -> None:
        self._typed = True
        self.refresh()

    def _fill_defaults(self, facts: Knowledge) -> None:
        days = default_days(facts)
        texts = ("", "") if days is None else (format_day(days[0]), format_day(days[1]))
        self.from_edit.setText(texts[0])
        self.to_edit.setText(texts[1])

    def _read_days(self) -> tuple[int, int] | None:
        """Both days, or None with the reason shown at the field concerned."""
        days: list[int] = []
        for edit, label, name in (
            (self.from_edit, self.from_error, "From"),
            (self.to_edit, self.to_error, "To"),
        ):
            try:
                days.append(read_day(edit.text()))
                mark_error(edit, label, "")
            except ValueError as exc:
                mark_error(edit, label, f"{name}: {exc}")
        if len(days) < 2:
            return None
        first, last = days
        if first > last:
            message = (
                f"To ({format_day(last)}) is before From ({format_day(first)}): "
                "the days are the wrong way round; nothing is listed."
            )
            mark_error(self.to_edit, self.to_error, message)
            return None
        return first, last

    # -- the list ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Read both days and list the changes between them afresh."""
        facts = None
        if not self._typed and not (self.from_edit.text() or self.to_edit.text()):
            facts = knowledge(self._document.project)  # its last day gives the defaults
            self._fill_defaults(facts)
            if not self.from_edit.text():
                self._live = None
                self._show_list("Nothing in the project is dated yet: type two days to compare.")
                return
        days = self._read_days()
        if days is None:
            self._live = None
            self._show_list("Type a day in each field to see what changed between them.")
            return
        self._live = LiveChanges(self._document.project, *days, facts=facts)
        self._show_list()

    def _show_list(self, message: str = "") -> None:
        """Show the live changes (or none, with ``message``), keeping the current row."""
        current = self.model.change_at(self.tree.currentIndex())
        live = self._live
        self.model.set_changes(live.by_kind() if live is not None else {})
        for row in range(self.model.rowCount()):  # the group headings: at most six
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
            self.tree.expand(self.model.index(row, 0))
        if current is not None:
            found = self.model.find(current.entry_id, current.kind, current.claim_id)
            if found.isValid():
                self.tree.setCurrentIndex(found)
        self.summary.setText(message or self._summary())

    def _summary(self) -> str:
        assert self._live is not None
        count = sum(len(changes) for _, changes in self.model.groups())
        span = (
            f"after {date_words(format_day(self._live.first))} "
            f"up to {date_words(format_day(self._live.last))}"
        )
        if not count:
            return f"Nothing became known {span}."
        return f"{count:,} change{'s' if count != 1 else ''} became known {span}."

    def _on_document_changed(self, changes: ChangeSet) -> None:
        if changes.reset and self._document.project.id != self._project_id:
            self._project_id = self._document.project.id
            self._typed = False
            self.from_edit.clear()
            self.to_edit.clear()
            self._live = None
        if self.isHidden():
            self._live = None  # computed when shown
        elif self._live is None:
            self.refresh()
        elif self._live.apply(self._document.project, changes, self._document.find_entry):
            self._show_list()

    def _on_activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        change = self.model.change_at(index)
        if change is not None:
            self.entry_activated.emit(change.entry_id)
        elif index.isValid():
            self.tree.setExpanded(index, not self.tree.isExpanded(index))
