"""The main window: it builds the views, docks and controllers and wires them together.

The work is done by controllers, each given what it needs when it is made: files
(:mod:`.files`), Edit and Insert (:mod:`.edits`), the View menu (:mod:`.view_control`),
import, export and merge (:mod:`.interchange`), Help (:mod:`.help_menu`) and the
selection (:mod:`.selection`). Each names the menu entries it answers, and
:func:`.actions.connect_actions` connects them to its bound methods.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from timeline_editor.io.autosave import AutosaveStore
from timeline_editor.io.settings import Settings, state_dir
from timeline_editor.model.document import Document
from timeline_editor.model.edits import current_day
from timeline_editor.model.edtf import parse_edtf
from timeline_editor.model.entities import Citation, DateValue, Entry
from timeline_editor.model.queries import as_of_day
from timeline_editor.model.vocab import EntryKind
from timeline_editor.ui.inspector.dock import InspectorDock
from timeline_editor.ui.inspector.entry_form import SECTIONS
from timeline_editor.ui.reader.dock import ReaderDock
from timeline_editor.ui.search.filter_panel import FilterPanel
from timeline_editor.ui.search.find_bar import FindBar
from timeline_editor.ui.sources.library import SourceLibraryDock
from timeline_editor.ui.widgets import clock
from timeline_editor.ui.window import actions as action_table
from timeline_editor.ui.window.actions import Slot
from timeline_editor.ui.window.changes_dock import WhatChangedDock
from timeline_editor.ui.window.edits import EditController
from timeline_editor.ui.window.files import FileController
from timeline_editor.ui.window.help_menu import HelpController
from timeline_editor.ui.window.interchange import InterchangeController
from timeline_editor.ui.window.known_on import GuardedUndoStack, KnownFollower, KnownOnController
from timeline_editor.ui.window.layout_memory import restore_layout, save_layout
from timeline_editor.ui.window.quick_add import QuickAddBar
from timeline_editor.ui.window.quick_line import QuickLine
from timeline_editor.ui.window.recent import RecentMenu
from timeline_editor.ui.window.selection import SelectionController
from timeline_editor.ui.window.status import StatusLine
from timeline_editor.ui.window.view_control import ViewController
from timeline_editor.ui.window.views import ChronologyView, make_table_view, make_timeline_view

APP_TITLE = "Timeline Editor"


class MainWindow(QMainWindow):
    """One window on one project."""

    def __init__(
        self, settings: Settings | None = None, store: AutosaveStore | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or Settings()
        self.document = Document()
        # Before any view subscribes: the knowledge arrays are current when views redraw.
        self.known_follower = KnownFollower(self.document)
        self.undo_stack = GuardedUndoStack(self, self.document)
        store = store or AutosaveStore(state_dir(self.settings.home) / "autosave")
        self.files = FileController(self, self.document, self.undo_stack, self.settings, store)
        self.actions_by_name = action_table.build_actions(self, self.undo_stack)
        self._build_views()
        self._build_docks()
        self.selection = SelectionController(self.document, self.views, self)
        self._build_controllers()
        self._build_menus()
        self._build_known_on()
        self._connect()
        self.setAcceptDrops(True)
        self.document.subscribe_refusals(
            lambda reason: self.statusBar().showMessage(f"Not done: {reason}", 10000)
        )
        self._default_layout()
        restore_layout(self, self.settings)
        self.viewing.restore_toggles()
        self._on_path_changed()

    # -- construction ---------------------------------------------------------------

    def _build_views(self) -> None:
        self.timeline = make_timeline_view(self.document, self.undo_stack)
        self.timeline.setObjectName("canvas")
        self.timeline.setAccessibleName("Timeline chart")
        self.timeline.editor.is_unsaved = self.files.is_unsaved_entry
        self.table = make_table_view(self.document, self.undo_stack)
        self.views: list[ChronologyView] = [self.timeline, self.table]
        # Chart above, table below; View ▸ Timeline / Table / Timeline and Table.
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("chartAndTable")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.timeline)
        self.splitter.addWidget(self.table)
        self.status = StatusLine(self.statusBar(), self.document)
        self.viewing = ViewController(
            self,
            self.document,
            self.settings,
            timeline=self.timeline,
            table=self.table,
            splitter=self.splitter,
            actions=self.actions_by_name,
            status=self.status,
        )
        self.find_bar = FindBar(self.document, self.viewing.predicate, self)
        self.find_bar.hide()
        self.quick_add = QuickAddBar(self._quick_add, self, reference=self._reference_day)
        self.quick_add.left.connect(self._focus_view)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.files.guard.bar)  # "changed on disk", above the chart
        layout.addWidget(self.quick_add)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)

    def _build_docks(self) -> None:
        self.filter_panel = FilterPanel(self.document, self)
        self.inspector = InspectorDock(self.document, self.undo_stack, self)
        self.inspector.entry_form.is_unsaved = self.files.is_unsaved_entry
        self.source_library = SourceLibraryDock(self.document, self.undo_stack, self)
        area = Qt.DockWidgetArea
        self.addDockWidget(area.LeftDockWidgetArea, self.filter_panel)
        self.addDockWidget(area.RightDockWidgetArea, self.inspector)
        self.source_library.setObjectName(self.source_library.objectName() or "sourceDock")
        self.addDockWidget(area.RightDockWidgetArea, self.source_library)
        self.reader = ReaderDock(self.document, self.undo_stack, self.selected_ids, self)
        self.addDockWidget(area.RightDockWidgetArea, self.reader)
        self.what_changed = WhatChangedDock(self.document, self)
        self.addDockWidget(area.LeftDockWidgetArea, self.what_changed)

    def _docks(self) -> list[QDockWidget]:
        return [self.filter_panel, self.inspector, self.source_library, self.reader]

    def _build_controllers(self) -> None:
        self.edits = EditController(
            self,
            self.document,
            self.undo_stack,
            selection=self.selection.ids,
            select=self.selection.select,
            centre_day=self.viewing.centre_day,
            predicate=self.viewing.predicate,
            edit_title=self.inspector.edit_title,
            show_sources=self._show_sources,
        )
        self.interchange = InterchangeController(
            self,
            self.document,
            self.undo_stack,
            files=self.files,
            viewing=self.viewing,
            say=self.statusBar().showMessage,
        )
        self.help = HelpController(self, self.actions_by_name)

    def _build_menus(self) -> None:
        window_slots: dict[str, Slot] = {
            "file_quit": QApplication.closeAllWindows,  # each window asks about its changes
            "edit_find": self.find_bar.activate,
            "edit_find_next": self.find_bar.next_or_open,
            "edit_find_previous": self.find_bar.previous_or_open,
            "insert_quick_add": self.quick_add.activate,
            "edit_cite_passage": partial(self._from_reader, self.reader.cite_selection),
            "insert_entry_from_passage": partial(
                self._from_reader, self.reader.new_entry_from_selection
            ),
            **{f"edit_entry_{part}": partial(self._edit_section, part) for part in SECTIONS},
            "view_what_changed": self.what_changed.toggle,
        }
        action_table.connect_actions(
            self.actions_by_name,
            self.files.slots(),
            self.edits.slots(),
            self.viewing.slots(),
            self.interchange.slots(),
            self.help.slots(),
            window_slots,
        )
        self.recent_menu = RecentMenu(self.settings, self.files.open, self)
        specials = {
            "@recent": lambda menu: menu.addMenu(self.recent_menu),
            "@docks": self._add_dock_toggles,
        }
        self.toolbar = action_table.build_toolbar(self, self.actions_by_name)
        self.menus = action_table.build_menus(self, self.actions_by_name, specials)
        self._update_actions()

    def _build_known_on(self) -> None:
        views = (self.timeline, self.table, self.inspector, self.status)
        self.known_on = KnownOnController(self, self.document, self.known_follower, views)
        self.known_on.fill_menu(self.menus["View"])
        self.actions_by_name.update(self.known_on.bar.actions_by_name)  # for Help ▸ Shortcuts
        self.interchange.known_project = self.known_on.export_project

    def _add_dock_toggles(self, menu: QMenu) -> None:
        menu.addSeparator()
        for dock in self._docks():
            menu.addAction(dock.toggleViewAction())
        menu.addAction(self.toolbar.toggleViewAction())

    def _connect(self) -> None:
        for view in (self.timeline, self.table):
            view.entry_activated.connect(self._activate)
            view.status_message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.find_bar.hit_selected.connect(self._on_find_hit)
        self.what_changed.keep_mark(self.actions_by_name["view_what_changed"])
        self.what_changed.entry_activated.connect(self._on_find_hit)
        self.filter_panel.filter_changed.connect(self.viewing.apply_filter)
        self.source_library.entries_requested.connect(self.selection.select)
        self.reader.new_entry_requested.connect(self._new_entry_from_passage)
        self.selection.changed.connect(self._on_selection)
        self.files.path_changed.connect(self._on_path_changed)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        QGuiApplication.clipboard().dataChanged.connect(self._update_actions)

    # -- the selection ----------------------------------------------------------------

    def select(self, ids: list[str]) -> None:
        """Select these entries in every view and show them in the inspector."""
        self.selection.select(ids)

    def selected_ids(self) -> list[str]:
        """The selected entries."""
        return self.selection.ids()

    def _on_selection(self, ids: list[str]) -> None:
        self.inspector.show_entries(ids)
        self.reader.follow_entries(ids)
        self._update_actions()

    def _activate(self, ident: str) -> None:
        # Typing after a double-click goes to the title, not to the chart's shortcuts.
        self.selection.select([ident])
        self.inspector.edit_title()

    def _on_find_hit(self, ident: str) -> None:
        self.selection.select([ident])
        self.viewing.zoom_to_selection()

    def _edit_section(self, section: str) -> None:
        # The keys work from anywhere in the window; without one entry there is no form.
        if not self.inspector.focus_section(section):
            self.statusBar().showMessage(f"Select one entry to edit its {section}.", 5000)

    def _reference_day(self) -> int:
        """The day written dates count from ("by the end of the year"): as-of, else today."""
        return current_day(as_of=as_of_day(self.document.project), today=clock.today())

    def _quick_add(self, kind: EntryKind, line: QuickLine) -> Entry | None:
        reasons: list[str] = []
        stop = self.document.subscribe_refusals(reasons.append)
        try:
            entry = self.edits.add_entry(kind, line.title, line.when)
        finally:
            stop()
        if entry is None:
            self.quick_add.refuse(reasons[-1] if reasons else "the edit was refused")
            return None
        day = parse_edtf(line.when.edtf).earliest if line.when.edtf else None
        shown = self.viewing.visible_range
        if day is not None and shown is not None and not shown[0] <= day <= shown[1]:
            self.viewing.current_view().go_to_day(day)  # show where it landed
        return entry

    def _from_reader(self, act: Callable[[], bool]) -> None:
        # The reader says why in its own pane; bring it forward so that it is read.
        if self.reader.isHidden():
            self.reader.show()
            self.statusBar().showMessage("Select the words to cite in the reader.", 5000)
            return
        self.reader.raise_()
        act()

    def _new_entry_from_passage(self, title: str, when: DateValue, citation: Citation) -> None:
        if self.edits.add_entry(EntryKind.EVENT, title, when, (citation,)) is not None:
            self.inspector.edit_title()

    def _focus_view(self) -> None:
        current = self.viewing.current_view()
        if isinstance(current, QWidget):
            current.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show_sources(self) -> None:
        self.source_library.show()
        self.source_library.raise_()

    # -- keeping the window up to date ----------------------------------------------

    def _on_path_changed(self) -> None:
        read_only = " (read-only)" if self.files.read_only else ""
        self.setWindowTitle(f"{self.files.display_name}{read_only}[*] — {APP_TITLE}")
        self.actions_by_name["file_save"].setEnabled(not self.files.read_only)
        self.setWindowModified(not self.undo_stack.isClean())
        self.recent_menu.refill()

    def _on_clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _update_actions(self) -> None:
        has_selection = bool(self.selection.ids())
        for name in ("edit_cut", "edit_copy", "edit_delete", "view_zoom_selection"):
            self.actions_by_name[name].setEnabled(has_selection)
        self.actions_by_name["edit_paste"].setEnabled(self.edits.can_paste())

    # -- layout, drops and closing --------------------------------------------------

    def _default_layout(self) -> None:
        # First start: the chart gets the room; the filter panel waits in View/Edit menus
        # and the inspector shares the right-hand side with the source library as tabs.
        screen = QGuiApplication.primaryScreen()
        available = screen.availableGeometry().size() if screen else None
        width = min(1600, int(available.width() * 0.92)) if available else 1400
        height = min(1000, int(available.height() * 0.9)) if available else 900
        self.resize(max(width, 900), max(height, 600))
        # The reader sits beside the inspector (left of it) when View ▸ Reader shows it.
        self.splitDockWidget(self.reader, self.inspector, Qt.Orientation.Horizontal)
        self.reader.hide()
        self.tabifyDockWidget(self.inspector, self.source_library)
        self.inspector.raise_()
        self.filter_panel.hide()
        self.what_changed.hide()  # View ▸ What Changed (Ctrl+Shift+W), left of the chart

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept a dragged local file."""
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Open the first dropped local file."""
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files.open(paths[0])

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask about unsaved changes; remember the layout; drop the autosave snapshot."""
        if not self.files.maybe_save():
            event.ignore()
            return
        save_layout(self, self.settings)
        self.viewing.remember_layout()
        self.files.shutdown()
        event.accept()
