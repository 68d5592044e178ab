"""The source library dock: a sortable, filterable table of the project's sources.

Adding, editing and deleting push commands on the undo stack; the table follows the
document. Links open in the browser only for http, https and mailto, after a
confirmation that names where they lead (:mod:`.links`).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from timeline_editor.commands.items import AddItems, DeleteItems, EditItems
from timeline_editor.model.document import Document
from timeline_editor.model.entities import Entry, Source
from timeline_editor.model.queries import entries_citing
from timeline_editor.ui.sources.dialog import SourceDialog
from timeline_editor.ui.sources.links import open_link
from timeline_editor.ui.sources.table_model import (
    COLUMNS,
    ID_ROLE,
    SourceFilterProxy,
    SourceTableModel,
)
from timeline_editor.ui.widgets.column_fit import MainColumn
from timeline_editor.ui.widgets.wording import counted


class SourceTableView(QTableView):
    """The table; Ctrl+V on it reports the clipboard text to start a new source."""

    paste_requested = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Catch Paste; everything else as usual."""
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_requested.emit(QGuiApplication.clipboard().text())
            return
        super().keyPressEvent(event)


def delete_message(source: Source, entries: list[Entry]) -> str:
    """What deleting a source takes with it, e.g. "removes 11 citations from 9 entries"."""
    name = source.title or source.container_title or source.id
    if not entries:
        return f"Delete '{name}'? No entry cites it."
    citations = sum(
        sum(c.source_id == source.id for c in e.citations)
        + sum(k.citation is not None and k.citation.source_id == source.id for k in e.claims)
        for e in entries
    )
    history = sum(h.source_id == source.id for e in entries for h in e.history)
    text = f"Deleting '{name}' removes {counted(citations, 'citation')}"
    text += f" from {counted(len(entries), 'entry')}"
    if history:
        text += f" and unlinks {counted(history, 'history record')}"
    titles = "\n".join(f"• {e.title or '(untitled)'}" for e in entries[:10])
    more = f"\n… and {len(entries) - 10} more" if len(entries) > 10 else ""
    return f"{text}:\n\n{titles}{more}\n\nYou can undo this."


#: Outlet and author names can be long; past this they are elided (full text on hover).
MAX_COLUMN_WIDTH = 180


def _looks_like_link(text: str) -> bool:
    return "://" in text[:20] or text.lower().startswith("mailto:")


class SourceLibraryDock(QDockWidget):
    """Dock listing the project's sources; emits the ids of entries citing one."""

    entries_requested = Signal(list)

    def __init__(
        self, document: Document, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__("Sources", parent)
        self.setObjectName("SourceLibraryDock")
        self._document = document
        self._undo_stack = undo_stack
        self.model = SourceTableModel(document)
        self.proxy = SourceFilterProxy()
        self.proxy.setSourceModel(self.model)
        self._build()
        self._kept: str | None = None
        self.model.modelAboutToBeReset.connect(self._on_about_to_reset)
        self.model.modelReset.connect(self._on_reset)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def _build(self) -> None:
        self.filter_edit = QLineEdit(placeholderText="Filter sources…", clearButtonEnabled=True)
        self.filter_edit.setAccessibleName("Filter sources")
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.url_edit = QLineEdit(placeholderText="Paste a link and press Enter to add a source")
        self.url_edit.setAccessibleName("Add a source from a link")
        self.url_edit.returnPressed.connect(lambda: self.start_from_text(self.url_edit.text()))
        self._build_table()
        self._build_buttons()
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.url_edit, 2)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.citing_button)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setWidget(body)

    def _build_table(self) -> None:
        self.table = SourceTableView()
        self.table.setAccessibleName("Sources")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMNS.index("Issued"), Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # Fitting columns to contents reads every cell on each change: fine for a few
        # hundred sources, far too slow for thousands, so it is done on demand then.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.title_column = MainColumn(self.table, header, COLUMNS.index("Title"), 0.45)
        self.model.modelReset.connect(self._fit_columns)
        self._fit_columns()
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_context_menu)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.paste_requested.connect(self.start_from_text)

    def _build_buttons(self) -> None:
        self.add_button = QPushButton("Add…")
        self.edit_button = QPushButton("Edit…")
        self.delete_button = QPushButton("Delete")
        self.open_button = QPushButton("Open link")
        self.citing_button = QPushButton("Citing entries")
        # As wide as its longest count, so the dock does not change width with the count.
        self.citing_button.setText(f"Citing entries ({'9' * 5})")
        self.citing_button.setMinimumWidth(self.citing_button.sizeHint().width())
        self.add_button.clicked.connect(self._on_add_clicked)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.open_button.clicked.connect(self.open_selected)
        self.citing_button.clicked.connect(self.request_citing_entries)

    # -- selection -----------------------------------------------------------------------
    def selected_source(self) -> Source | None:
        """The source of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        source_id = rows[0].data(ID_ROLE)
        return self._document.find_source(source_id)

    def select_source(self, source_id: str) -> None:
        """Select a source's row (e.g. the one just added)."""
        row = self.model.row_of(source_id)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.table.selectRow(index.row())

    def _fit_columns(self) -> None:
        if self.model.rowCount() <= 300:
            for column in range(len(COLUMNS)):
                if column != COLUMNS.index("Title"):
                    self.table.resizeColumnToContents(column)
                    width = min(self.table.columnWidth(column), MAX_COLUMN_WIDTH)
                    self.table.setColumnWidth(column, width)
        self.title_column.fit()

    def _on_about_to_reset(self) -> None:
        source = self.selected_source()
        self._kept = source.id if source else None

    def _on_reset(self) -> None:
        # A reset (any edit, an undo) clears the selection; keep the researcher's place.
        if self._kept is not None:
            self.select_source(self._kept)
        self._update_buttons()

    def _update_buttons(self) -> None:
        source = self.selected_source()
        for button in (self.edit_button, self.delete_button, self.open_button):
            button.setEnabled(source is not None)
        count = self.model.cited_by(source.id) if source else 0
        self.citing_button.setText(f"Citing entries ({count})")
        self.citing_button.setEnabled(count > 0)
        self.open_button.setToolTip(source.url if source else "")

    # -- actions -------------------------------------------------------------------------
    def _run_dialog(self, dialog: SourceDialog) -> Source | None:
        """Show the dialog modally; the edited source when accepted."""
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.source()
        return None

    def _on_add_clicked(self) -> None:
        self.add_source()

    def add_source(self, dialog: SourceDialog | None = None) -> Source | None:
        """Ask for a new source and add it (one undo step)."""
        source = self._run_dialog(dialog or SourceDialog(None, self))
        if source is None:
            return None
        self._undo_stack.push(AddItems(self._document, "sources", [source]))
        self.select_source(source.id)
        return source

    def start_from_text(self, text: str) -> Source | None:
        """Start a new source from a pasted link (prefilled URL and title guess)."""
        text = text.strip()
        if not _looks_like_link(text):
            QMessageBox.information(self, "No link", "Paste a link such as https://… to start.")
            return None
        self.url_edit.clear()
        return self.add_source(SourceDialog.from_url(text, self))

    def edit_selected(self) -> None:
        """Edit the selected source in the dialog (one undo step)."""
        source = self.selected_source()
        if source is None:
            return
        edited = self._run_dialog(SourceDialog(source, self))
        if edited is not None and edited != source:
            self._undo_stack.push(EditItems(self._document, "sources", [edited]))
            self.select_source(edited.id)

    def delete_selected(self) -> None:
        """Delete the selected source after saying what it affects (undoable)."""
        source = self.selected_source()
        if source is None:
            return
        entries = entries_citing(self._document.project, source.id)
        entries += [
            e
            for e in self._document.project.entries
            if e not in entries and any(h.source_id == source.id for h in e.history)
        ]
        answer = QMessageBox.question(self, "Delete source", delete_message(source, entries))
        if answer == QMessageBox.StandardButton.Yes:
            self._undo_stack.push(DeleteItems(self._document, "sources", [source.id]))

    def open_selected(self) -> bool:
        """Open the selected source's link after a confirmation naming its real host.

        Anything but plain http, https and mailto links is refused with the reason
        (see :mod:`.links`); what is opened is the normalised link, never the raw text.
        """
        source = self.selected_source()
        return source is not None and open_link(self, source.url)

    def request_citing_entries(self) -> None:
        """Emit the ids of the entries that cite the selected source."""
        source = self.selected_source()
        if source is not None:
            ids = [e.id for e in entries_citing(self._document.project, source.id)]
            self.entries_requested.emit(ids)

    def _on_context_menu(self, point: QPoint) -> None:
        index: QModelIndex = self.table.indexAt(point)
        if index.isValid():
            self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction("Add source…", self._on_add_clicked)
        if self.selected_source() is not None:
            menu.addAction("Edit…", self.edit_selected)
            menu.addAction("Open link", self.open_selected)
            menu.addAction(self.citing_button.text(), self.request_citing_entries)
            menu.addSeparator()
            menu.addAction("Delete…", self.delete_selected)
        menu.popup(self.table.viewport().mapToGlobal(point))
