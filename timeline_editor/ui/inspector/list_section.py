"""A titled list of an entry's sub-items (citations, claims, history) with a form for one.

The section never changes the model: a save or remove builds a new :class:`Entry` and
reports it through :attr:`ListSection.entry_edited`; the inspector pushes the command.
"""

from __future__ import annotations

import itertools
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from timeline_editor.model.entities import Entry, Project, Source
from timeline_editor.model.short_text import shortened
from timeline_editor.ui.widgets.fields import error_label, mark_error, updated, validation_message

T = TypeVar("T", bound=BaseModel)


class FieldError(ValueError):
    """A form field whose content cannot be used; shown at that field."""

    def __init__(self, widget: QWidget, message: str) -> None:
        super().__init__(message)
        self.widget = widget


def source_choices(project: Project, none_label: str) -> list[tuple[str, Any]]:
    """(label, id) pairs for a source combo, led by a "none" choice."""

    def label(source: Source) -> str:
        text = f"{source.container_title} — {source.title}" if source.container_title else ""
        text = text or source.title or source.id
        return text if len(text) <= 70 else text[:69] + "…"

    return [(none_label, None), *((label(s), s.id) for s in project.sources)]


class ListSection(QGroupBox, Generic[T]):
    """Base of the citations, claims and history sections."""

    entry_edited = Signal(object, str)  # new Entry, undo-menu text

    FIELD = ""
    NOUN = ""
    HEADERS: tuple[str, ...] = ()
    CAN_ADD = True
    STRETCH = 1  # the column that takes the spare width (the long text)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._entry: Entry | None = None
        self._project = Project()
        self._editing: int | None = None
        self._select_after: int | None = None
        self.tree = self._make_tree()
        self.tree.setAccessibleName(title)
        self.form_box = QWidget()
        self.form = QFormLayout(self.form_box)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.message = error_label()
        self.new_button = QPushButton(f"New {self.NOUN}")
        self.remove_button = QPushButton("Remove")
        self.save_button = QPushButton(f"Add {self.NOUN}")
        self.new_button.clicked.connect(self._on_new)
        self.remove_button.clicked.connect(self._on_remove)
        self.save_button.clicked.connect(self._on_save)
        self.new_button.setVisible(self.CAN_ADD)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(self.form_box)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def _make_tree(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setHeaderLabels(list(self.HEADERS))
        tree.setRootIsDecorated(False)
        tree.setAlternatingRowColors(True)
        tree.setUniformRowHeights(True)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = tree.header()
        header.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop: the list is one
        header.setStretchLastSection(False)
        for column in range(len(self.HEADERS)):
            mode = QHeaderView.ResizeMode.ResizeToContents
            if column == self.STRETCH:
                mode = QHeaderView.ResizeMode.Stretch
            header.setSectionResizeMode(column, mode)
        tree.itemSelectionChanged.connect(self._on_selection_changed)
        return tree

    def _order_tabs(self) -> None:
        """Tab goes list, form fields top to bottom, then the buttons.

        Subclasses add their fields after this base made its buttons, and Qt's default
        order is the order of creation; each subclass calls this when its form is full.
        """
        chain: list[QWidget] = [self.tree]
        for row in range(self.form.rowCount()):
            field = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = field.widget() if field is not None else None
            if widget is not None:
                chain.append(widget)
        chain += [self.new_button, self.remove_button, self.save_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def focus_first(self) -> None:
        """Put the keyboard in this section: its list when it has rows, else its form.

        The list comes first when there is something to pick (arrows choose a row to
        edit; Tab goes on to the form, which adds a new one until a row is chosen); an
        empty list would only be one more Tab stop.
        """
        if self.tree.topLevelItemCount():
            self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        for row in range(self.form.rowCount()):
            field = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = field.widget() if field is not None else None
            if widget is not None and widget.isEnabled() and widget.isVisibleTo(self):
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- hooks for subclasses ------------------------------------------------------------
    def _row(self, item: T) -> list[str]:
        raise NotImplementedError

    def _show(self, item: T | None) -> None:
        raise NotImplementedError

    def _build(self, old: T | None) -> T:
        raise NotImplementedError

    def _refresh_choices(self, project: Project) -> None:
        """Refill combos that list the project's sources or actors."""

    def _row_is_dim(self, item: T) -> bool:
        return False

    # -- shared behaviour ----------------------------------------------------------------
    def items(self) -> tuple[T, ...]:
        """The shown entry's items of this section."""
        return () if self._entry is None else tuple(getattr(self._entry, self.FIELD))

    def set_entry(self, entry: Entry, project: Project, force: bool = False) -> None:
        """Show an entry's items; keep the selection and form when they did not change."""
        same = not force and self._entry is not None and self._entry.id == entry.id
        old_items = self.items()
        self._entry, self._project = entry, project
        self._refresh_choices(project)
        if same and old_items == self.items() and self._select_after is None:
            return
        keep = self._select_after if self._select_after is not None else self._editing
        self._select_after = None
        self._fill_tree()
        row = self.tree.topLevelItem(keep) if same and keep is not None else None
        if row is not None:
            self.tree.setCurrentItem(row)
        else:
            self._start_new()

    def _fill_tree(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        for item in self.items():
            row = QTreeWidgetItem([" ".join(t.split()) for t in self._row(item)])
            if self._row_is_dim(item):
                font = row.font(0)
                font.setStrikeOut(True)
                for column in range(len(self.HEADERS)):
                    row.setFont(column, font)
                    row.setForeground(column, Qt.GlobalColor.gray)
            self.tree.addTopLevelItem(row)
        self.tree.blockSignals(False)
        self._fit_tree()

    def _fit_tree(self) -> None:
        """Size the list to its rows (two to five visible), so empty lists stay small."""
        rows = min(max(self.tree.topLevelItemCount(), 1), 5)
        row_height = max(self.tree.sizeHintForRow(0), self.fontMetrics().height() + 4)
        header = self.tree.header().sizeHint().height()
        self.tree.setFixedHeight(header + rows * row_height + 6)

    def _start_new(self) -> None:
        self.tree.clearSelection()
        self._editing = None
        self._show(None)
        self._clear_message()
        self.form_box.setVisible(self.CAN_ADD)
        self.save_button.setVisible(self.CAN_ADD)
        self.remove_button.setVisible(self.CAN_ADD)
        self.save_button.setText(f"Add {self.NOUN}")
        self.save_button.setEnabled(self.CAN_ADD)
        self.remove_button.setEnabled(False)

    def _on_selection_changed(self) -> None:
        selected = self.tree.selectedItems()
        if not selected:
            return
        self._editing = self.tree.indexOfTopLevelItem(selected[0])
        self._show(self.items()[self._editing])
        self._clear_message()
        self.form_box.setVisible(True)
        self.save_button.setVisible(True)
        self.remove_button.setVisible(True)
        self.save_button.setText(f"Save {self.NOUN}")
        self.save_button.setEnabled(True)
        self.remove_button.setEnabled(True)

    def _on_new(self) -> None:
        self._start_new()

    def _clear_message(self) -> None:
        for index in range(self.form.rowCount()):
            field = self.form.itemAt(index, QFormLayout.ItemRole.FieldRole)
            widget = field.widget() if field is not None else None
            if widget is not None:
                mark_error(widget, None, "")
        self.message.setVisible(False)

    def _on_save(self) -> None:
        if self._entry is None:
            return
        items = list(self.items())
        old = None if self._editing is None else items[self._editing]
        self._clear_message()
        try:
            item = self._build(old)
        except FieldError as exc:
            mark_error(exc.widget, self.message, str(exc))
            return
        except ValidationError as exc:
            where, text = validation_message(exc)
            mark_error(self.tree, self.message, f"{where}: {text}")
            return
        if self._editing is None:
            items.append(item)
            verb = "Add"
        else:
            items[self._editing] = item
            verb = "Edit"
        self._select_after = len(items) - 1 if self._editing is None else self._editing
        self._emit(items, f"{verb} {self.NOUN} of '{shortened(self._entry.title)}'")

    def _on_remove(self) -> None:
        if self._entry is None or self._editing is None:
            return
        items = list(self.items())
        del items[self._editing]
        self._editing = None
        self._emit(items, f"Remove {self.NOUN} from '{shortened(self._entry.title)}'")

    def _emit(self, items: list[T], text: str) -> None:
        assert self._entry is not None
        self.entry_edited.emit(updated(self._entry, **{self.FIELD: tuple(items)}), text)
