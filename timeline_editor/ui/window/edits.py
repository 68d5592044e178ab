"""Edit and Insert menus: clipboard, delete, and new entries, sources, actors, lanes, eras.

Every change is pushed as an undo command; nothing here assigns model fields.

Copy puts the selected entries on the clipboard three ways (our JSON, tab-separated
text, an HTML table: see :mod:`timeline_editor.ui.table.clipboard`), in the order of
the view they were selected in. Paste takes our JSON when the clipboard holds it, and
otherwise reads the text as rows from a spreadsheet (all rows or none; a header that is
not the table's own is mapped in the CSV import's column dialog).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import QDialog, QWidget

from timeline_editor.commands.items import AddItems, DeleteItems, delete_entries
from timeline_editor.io.clipboard import CLIP_FORMAT, MIME_TYPE, ClipboardError, entries_from_json
from timeline_editor.io.importers import CsvMapping
from timeline_editor.io.importers.table_rows import PasteError
from timeline_editor.model.daynum import format_day
from timeline_editor.model.document import Document
from timeline_editor.model.edits import current_day, initial_status
from timeline_editor.model.entities import (
    Actor,
    Citation,
    CollectionName,
    DateValue,
    Entry,
    Era,
    Item,
    Lane,
    Source,
)
from timeline_editor.model.filters import EntryPredicate
from timeline_editor.model.queries import as_of_day
from timeline_editor.model.vocab import EntryKind
from timeline_editor.ui.dialogs import messages
from timeline_editor.ui.dialogs.csv_mapping import CsvMappingDialog
from timeline_editor.ui.table.clipboard import clipboard_data
from timeline_editor.ui.table.paste import paste_rows, refusal_text
from timeline_editor.ui.widgets import clock
from timeline_editor.ui.window.actions import Slot

PERIOD_DAYS = 7


class EditController(QObject):
    """Carries out Edit and Insert commands on the selection.

    ``predicate`` is the filter in force (Select All takes what passes it);
    ``edit_title`` puts the cursor in a new entry's title; ``show_sources`` brings
    the source library up after Insert → Source.
    """

    def __init__(
        self,
        window: QWidget,
        document: Document,
        undo_stack: QUndoStack,
        *,
        selection: Callable[[], list[str]],
        select: Callable[[list[str]], None],
        centre_day: Callable[[], int | None],
        predicate: Callable[[], EntryPredicate | None],
        edit_title: Callable[[], None],
        show_sources: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._document = document
        self._stack = undo_stack
        self._selection = selection
        self._select = select
        self._centre_day = centre_day
        self._predicate = predicate
        self._edit_title = edit_title
        self._show_sources = show_sources

    def slots(self) -> dict[str, Slot]:
        """The Edit and Insert menu entries this controller answers."""
        return {
            "edit_cut": self.cut,
            "edit_copy": self.copy,
            "edit_paste": self.paste,
            "edit_delete": self.delete,
            "edit_select_all": self.select_all,
            "insert_event": partial(self.insert_and_title, EntryKind.EVENT),
            "insert_meeting": partial(self.insert_and_title, EntryKind.MEETING),
            "insert_deadline": partial(self.insert_and_title, EntryKind.DEADLINE),
            "insert_period": partial(self.insert_and_title, EntryKind.PERIOD),
            "insert_statement": partial(self.insert_and_title, EntryKind.STATEMENT),
            "insert_source": self.insert_and_show_source,
            "insert_actor": self.insert_actor,
            "insert_lane": self.insert_lane,
            "insert_era": self.insert_era,
        }

    def _push(self, command: AddItems | DeleteItems) -> bool:
        # A command can still be refused (the stack refuses all edits while View ▸
        # Known on shows a day, or the document says no): it then leaves the stack's
        # index where it was. The command itself may be gone by then, so the index
        # is what tells; nothing here merges, and the stack has no undo limit.
        before = self._stack.index()
        self._stack.push(command)
        return self._stack.index() > before

    # -- clipboard ------------------------------------------------------------------

    def selected_entries(self) -> list[Entry]:
        """The selected entries in project order."""
        chosen = set(self._selection())
        return [e for e in self._document.project.entries if e.id in chosen]

    def copy(self) -> None:
        """Put the selected entries on the clipboard: JSON, tab-separated text and HTML."""
        found = (self._document.find_entry(i) for i in self._selection())
        entries = [e for e in found if e is not None]
        if entries:
            data = clipboard_data(entries, self._document.project)
            QGuiApplication.clipboard().setMimeData(data)

    def cut(self) -> None:
        """Copy, then delete the selected entries."""
        entries = self.selected_entries()
        if entries:
            self.copy()
            self.delete(verb="Cut")

    @staticmethod
    def release_clipboard() -> None:
        """Take our entries off the clipboard before the interpreter shuts down.

        The clipboard, a static of QtGui, outlives Python: deleting our QMimeData at
        exit would call back into the finalised interpreter and crash the process.
        """
        clipboard = QGuiApplication.clipboard()
        data = clipboard.mimeData()
        if data is not None and data.hasFormat(MIME_TYPE):
            clipboard.clear()

    @staticmethod
    def can_paste() -> bool:
        """True when the clipboard holds entries, or text that may be rows of a table."""
        data = QGuiApplication.clipboard().mimeData()
        return data is not None and (data.hasFormat(MIME_TYPE) or bool(data.text().strip()))

    def paste(self) -> None:
        """Add copies of the clipboard's entries (fresh ids), or its rows, and select them."""
        data = QGuiApplication.clipboard().mimeData()
        if data is None:
            return
        raw = data.data(MIME_TYPE).data() if data.hasFormat(MIME_TYPE) else b""
        text = bytes(raw).decode("utf-8", "replace") if raw else data.text()
        if not raw and CLIP_FORMAT not in text[:200]:
            self.paste_rows(text)
            return
        try:
            entries = entries_from_json(text, self._document.project)
        except ClipboardError as exc:
            messages.show_error(self._window, "Paste", f"Nothing pasted: {exc}")
            return
        if entries:
            command = AddItems(self._document, "entries", entries)
            command.setText(command.text().replace("Add", "Paste", 1))
            if self._push(command):
                self._select([e.id for e in entries])

    def paste_rows(self, text: str) -> None:
        """Add rows of tab-separated text as new entries (one undo step) and select them."""
        # Thousands of rows take seconds to check: say so with the cursor.
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            ids = paste_rows(self._document, self._stack, text, self._ask_mapping)
        except PasteError as exc:
            ids, refusal = None, refusal_text(exc)
        else:
            refusal = ""
        finally:
            QGuiApplication.restoreOverrideCursor()
        if refusal:
            messages.show_error(self._window, "Paste", refusal)
        elif ids:
            self._select(ids)

    def _ask_mapping(self, header: list[str]) -> CsvMapping | None:
        """Which pasted column holds what (the CSV import's dialog); None when cancelled."""
        dialog = CsvMappingDialog(None, self._window, header=header)
        QGuiApplication.restoreOverrideCursor()
        answer = dialog.exec()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        return dialog.choice().mapping if answer == QDialog.DialogCode.Accepted else None

    def delete(self, verb: str = "Delete") -> None:
        """Delete the selected entries."""
        if delete_entries(self._document, self._stack, self._selection(), verb):
            self._select([])

    def select_all(self) -> None:
        """Select every entry that passes the filter."""
        predicate = self._predicate()
        entries = self._document.project.entries
        self._select([e.id for e in entries if predicate is None or predicate(e)])

    # -- inserting ------------------------------------------------------------------

    def _as_of(self) -> int:
        """The day the project's knowledge stops: its as-of date, else today."""
        return current_day(as_of=as_of_day(self._document.project), today=clock.today())

    def _default_day(self) -> int:
        """Where Insert puts a new entry: the middle of the chart on screen.

        That is where the researcher is looking (a double-click on the chart puts it
        on the clicked day instead). With the list shown, the as-of date, else today.
        The selected entry's date is no guide: it may be far off screen.
        """
        day = self._centre_day()
        return self._as_of() if day is None else day

    def _default_lane(self) -> str | None:
        for entry in self.selected_entries():
            if entry.lane_id:
                return entry.lane_id
        lanes = self._document.project.lanes
        return lanes[0].id if lanes else None

    def add_entry(
        self, kind: EntryKind, title: str, when: DateValue, citations: tuple[Citation, ...] = ()
    ) -> Entry | None:
        """Add an entry (one undo step) and select it; None if it was refused.

        It goes in the selected entry's lane, else the first lane; its status follows
        the as-of date (:func:`~timeline_editor.model.edits.initial_status`).
        """
        entry = Entry(
            kind=kind,
            title=title,
            when=when,
            status=initial_status(when=when.edtf, as_of=self._as_of(), kind=kind),
            lane_id=self._default_lane(),
            citations=citations,
        )
        if not self._push(AddItems(self._document, "entries", [entry])):
            return None
        self._select([entry.id])
        return entry

    def insert_entry(self, kind: EntryKind) -> Entry | None:
        """Add an entry of ``kind`` in view, select it, and return it."""
        day = self._default_day()
        edtf = format_day(day)
        if kind is EntryKind.PERIOD:
            edtf = f"{edtf}/{format_day(day + PERIOD_DAYS)}"
        return self.add_entry(kind, f"New {kind.value}", DateValue(edtf=edtf))

    def insert_and_title(self, kind: EntryKind) -> None:
        """Insert → Event, Meeting…: add the entry, then type its title in the inspector."""
        if self.insert_entry(kind) is not None:
            self._edit_title()

    def _add(self, collection: CollectionName, item: Item) -> Item | None:
        return item if self._push(AddItems(self._document, collection, [item])) else None

    def insert_source(self) -> Item | None:
        """Ask for a title (or URL) and add a source."""
        text = messages.ask_text(self._window, "New source", "Title or URL:")
        if text is None:
            return None
        is_url = text.startswith(("http://", "https://"))
        source = Source(title="" if is_url else text, url=text if is_url else "")
        return self._add("sources", source)

    def insert_and_show_source(self) -> None:
        """Insert → Source, then show the source library to edit it."""
        if self.insert_source() is not None:
            self._show_sources()

    def insert_actor(self) -> Item | None:
        """Ask for a name and add an actor."""
        name = messages.ask_text(self._window, "New actor", "Name:")
        return None if name is None else self._add("actors", Actor(name=name))

    def insert_lane(self) -> Item | None:
        """Ask for a title and add a lane."""
        title = messages.ask_text(self._window, "New lane", "Title:")
        return None if title is None else self._add("lanes", Lane(title=title))

    def insert_era(self) -> Item | None:
        """Ask for a title and a date and add an era."""
        answer = messages.ask_title_and_date(self._window, "New era")
        if answer is None:
            return None
        title, edtf = answer
        return self._add("eras", Era(title=title, when=DateValue(edtf=edtf)))
