"""The main window: menus, toolbar, views, docks, status bar, and never losing work."""

from __future__ import annotations

import base64
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import shiboken6
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from timeline_editor.commands.base import REFUSAL_LISTENERS
from timeline_editor.io.atomic import write_failure
from timeline_editor.io.autosave import AutosaveStore
from timeline_editor.io.settings import Settings, state_dir
from timeline_editor.model.document import Change, Document
from timeline_editor.model.filters import EntryFilter, EntryPredicate
from timeline_editor.ui.dialogs import messages
from timeline_editor.ui.dialogs.export import (
    ExportDialog,
    perform_export,
    suggested_export_path,
)
from timeline_editor.ui.inspector.dock import InspectorDock
from timeline_editor.ui.search.filter_panel import FilterPanel
from timeline_editor.ui.search.find_bar import FindBar
from timeline_editor.ui.sources.library import SourceLibraryDock
from timeline_editor.ui.window import actions as action_table
from timeline_editor.ui.window import slots, view_state
from timeline_editor.ui.window.edits import EditController
from timeline_editor.ui.window.files import FileController
from timeline_editor.ui.window.status import StatusLine
from timeline_editor.ui.window.views import ChronologyView, make_list_view, make_timeline_view

APP_TITLE = "Timeline Editor"
STATE_VERSION = 1


def _show_refusals_in(window: QMainWindow) -> None:
    """Show an edit the document refused in the window's status bar."""
    ref = weakref.ref(window)

    def on_refused(message: str) -> None:
        alive = ref()
        if alive is not None and shiboken6.isValid(alive):
            alive.statusBar().showMessage(f"Not done: {message}", 10000)

    REFUSAL_LISTENERS.append(on_refused)


class MainWindow(QMainWindow):
    """One window on one project."""

    def __init__(
        self, settings: Settings | None = None, store: AutosaveStore | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or Settings()
        self.document = Document()
        self.undo_stack = QUndoStack(self)
        store = store or AutosaveStore(state_dir(self.settings.home) / "autosave")
        self.files = FileController(self, self.document, self.undo_stack, self.settings, store)
        self._predicate: EntryPredicate | None = None
        self._selection: list[str] = []
        self._syncing = False
        self.visible_range: tuple[int, int] | None = None
        self._build_views()
        self._build_docks()
        self.edits = EditController(
            self,
            self.document,
            self.undo_stack,
            selection=lambda: self._selection,
            select=self.select,
            centre_day=self._centre_day,
        )
        self._build_actions()
        self.status = StatusLine(self.statusBar(), self.document)
        self.timeline.status_message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.files.path_changed.connect(self._on_path_changed)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.document.subscribe(self._on_document_changed)
        QGuiApplication.clipboard().dataChanged.connect(self._update_actions)
        self.setAcceptDrops(True)
        _show_refusals_in(self)
        self._default_layout()
        self._restore_layout()
        view_state.restore_view_toggles(self)
        self._on_path_changed()

    # -- construction ---------------------------------------------------------------

    def _build_views(self) -> None:
        self.timeline = make_timeline_view(self.document, self.undo_stack)
        self.list_view = make_list_view(self.document)
        self.views: list[Any] = [self.timeline, self.list_view]
        self.stack = QStackedWidget(self)
        for view in self.views:
            self.stack.addWidget(view)
            view.selection_changed.connect(self._on_view_selection)
            view.entry_activated.connect(self._activate)
            view.visible_range_changed.connect(self._on_visible_range)
        self.find_bar = FindBar(self.document, lambda: self._predicate, self)
        self.find_bar.hide()
        self.find_bar.hit_selected.connect(self._on_find_hit)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)

    def _build_docks(self) -> None:
        self.filter_panel = FilterPanel(self.document, self)
        self.filter_panel.filter_changed.connect(self.apply_filter)
        self.inspector = InspectorDock(self.document, self.undo_stack, self)
        self.source_library = SourceLibraryDock(self.document, self.undo_stack, self)
        area = Qt.DockWidgetArea
        self.addDockWidget(area.LeftDockWidgetArea, self.filter_panel)
        self.inspector.setObjectName(self.inspector.objectName() or "inspectorDock")
        self.addDockWidget(area.RightDockWidgetArea, self.inspector)
        self.source_library.setObjectName(self.source_library.objectName() or "sourceDock")
        self.addDockWidget(area.RightDockWidgetArea, self.source_library)
        self.source_library.entries_requested.connect(self.select)

    def _docks(self) -> list[QDockWidget]:
        return [self.filter_panel, self.inspector, self.source_library]

    def _build_actions(self) -> None:
        self.actions_by_name = action_table.build_actions(self, self._slot)
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        for name, action, keys in (("edit_undo", undo, "Undo"), ("edit_redo", redo, "Redo")):
            action.setObjectName(name)
            action.setShortcuts(getattr(action_table.Key, keys))
            self.actions_by_name[name] = action
        self.actions_by_name["edit_undo"].setIcon(
            self.style().standardIcon(action_table.ICONS["edit_undo"])
        )
        self.actions_by_name["edit_redo"].setIcon(
            self.style().standardIcon(action_table.ICONS["edit_redo"])
        )
        self.recent_menu = QMenu("Open &Recent", self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        specials = {
            "@recent": lambda menu: menu.addMenu(self.recent_menu),
            "@docks": self._add_dock_toggles,
        }
        self.toolbar = action_table.build_toolbar(self, self.actions_by_name)
        self.menus = action_table.build_menus(self, self.actions_by_name, specials)
        self._fill_recent_menu()
        self._update_actions()

    def _add_dock_toggles(self, menu: QMenu) -> None:
        menu.addSeparator()
        for dock in self._docks():
            menu.addAction(dock.toggleViewAction())
        menu.addAction(self.toolbar.toggleViewAction())

    # -- the current view and the selection -------------------------------------------

    def current_view(self) -> ChronologyView:
        """The view on screen (the timeline, or the list)."""
        return cast(ChronologyView, self.stack.currentWidget())

    def select(self, ids: list[str]) -> None:
        """Select these entries in every view and show them in the inspector."""
        self._syncing = True
        try:
            for view in self.views:
                view.set_selection(list(ids))
        finally:
            self._syncing = False
        self._on_selection(list(ids))

    def _activate(self, ident: str) -> None:
        # Typing after a double-click goes to the title, not to the chart's shortcuts.
        self.select([ident])
        self.inspector.edit_title()

    def _on_view_selection(self, ids: list[str]) -> None:
        if self._syncing:
            return
        sender = self.sender()
        self._syncing = True
        try:
            for view in self.views:
                if view is not sender:
                    view.set_selection(list(ids))
        finally:
            self._syncing = False
        self._on_selection(list(ids))

    def _on_selection(self, ids: list[str]) -> None:
        self._selection = ids
        self.inspector.show_entries(ids)
        self._update_actions()

    def selected_ids(self) -> list[str]:
        """The selected entries."""
        return list(self._selection)

    def apply_filter(self, entry_filter: EntryFilter) -> None:
        """Show only entries that pass ``entry_filter`` (in every view and export)."""
        getter = lambda: self.document.project  # noqa: E731
        self._predicate = None if entry_filter.is_empty() else entry_filter.bind(getter)
        for view in self.views:
            view.set_filter(self._predicate)
        self.status.set_predicate(self._predicate)

    def filter_predicate(self) -> EntryPredicate | None:
        """The filter in force, or None."""
        return self._predicate

    def _on_find_hit(self, ident: str) -> None:
        self.select([ident])
        self.current_view().zoom_to_selection()

    def _on_visible_range(self, start: int, end: int) -> None:
        if self.sender() is self.stack.currentWidget():
            self.visible_range = (start, end)
            self.status.set_visible_range(start, end)

    def _centre_day(self) -> int | None:
        # The list's "range" is the span of its entries, no place the user looks at.
        if self.visible_range is None or self.stack.currentWidget() is self.list_view:
            return None
        return (self.visible_range[0] + self.visible_range[1]) // 2

    # -- keeping the window up to date ----------------------------------------------

    def _on_path_changed(self) -> None:
        self.setWindowTitle(f"{self.files.display_name}[*] — {APP_TITLE}")
        self.setWindowModified(not self.undo_stack.isClean())
        self._fill_recent_menu()

    def _on_clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _on_document_changed(self, change: Change) -> None:
        # Look the selection up (a few ids) rather than listing every entry's id.
        kept = [i for i in self._selection if self.document.get("entries", i) is not None]
        if len(kept) != len(self._selection):
            self.select(kept)
        self._update_actions()

    def _update_actions(self) -> None:
        has_selection = bool(self._selection)
        for name in ("edit_cut", "edit_copy", "edit_delete", "view_zoom_selection"):
            self.actions_by_name[name].setEnabled(has_selection)
        self.actions_by_name["edit_paste"].setEnabled(self.edits.can_paste())

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in self.settings.recent_files() if p.exists()]
        for index, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{index % 10} {path.name}")
            action.setToolTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.files.open(p))
        if recent:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("&Clear List", self._clear_recent)
        self.recent_menu.setEnabled(bool(recent))

    def _clear_recent(self) -> None:
        self.settings.clear_recent()
        self._fill_recent_menu()

    # -- layout memory, drops and closing -------------------------------------------

    def _default_layout(self) -> None:
        # First start: the chart gets the room; the filter panel waits in View/Edit menus
        # and the inspector shares the right-hand side with the source library as tabs.
        screen = QGuiApplication.primaryScreen()
        available = screen.availableGeometry().size() if screen else None
        width = min(1600, int(available.width() * 0.92)) if available else 1400
        height = min(1000, int(available.height() * 0.9)) if available else 900
        self.resize(max(width, 900), max(height, 600))
        self.tabifyDockWidget(self.inspector, self.source_library)
        self.inspector.raise_()
        self.filter_panel.hide()

    def _restore_layout(self) -> None:
        # Docks first: restoring them after the geometry would resize the window.
        for key, restore in (
            ("window/state", lambda data: self.restoreState(data, STATE_VERSION)),
            ("window/geometry", self.restoreGeometry),
        ):
            value = self.settings.get(key)
            if not isinstance(value, str):
                continue
            try:
                data = base64.b64decode(value.encode("ascii"))
            except (ValueError, UnicodeError):
                continue  # a damaged value: keep the default layout
            restore(QByteArray(data))

    def _save_layout(self) -> None:
        geometry = bytes(self.saveGeometry().data())
        state = bytes(self.saveState(STATE_VERSION).data())
        self.settings.set("window/geometry", base64.b64encode(geometry).decode("ascii"))
        self.settings.set("window/state", base64.b64encode(state).decode("ascii"))

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
        self._save_layout()
        self.files.shutdown()
        event.accept()

    # -- menu slots (File, View, Help; Edit and Insert go to the edit controller) -----

    def on_new(self) -> None:
        """File → New."""
        self.files.new()

    def on_open(self) -> None:
        """File → Open."""
        self.files.open_dialog()

    def on_save(self) -> None:
        """File → Save."""
        self.files.save()

    def on_save_as(self) -> None:
        """File → Save As."""
        self.files.save_as()

    def on_close_project(self) -> None:
        """File → Close."""
        self.files.close_project()

    def on_quit(self) -> None:
        """File → Quit: close every window (each asks about its changes)."""
        QApplication.closeAllWindows()

    def on_export(self) -> None:
        """File → Export…; after a failure the same dialog, with the same choices, reopens."""
        path = suggested_export_path(self.files.path)
        dialog = ExportDialog(self, path, self._predicate is not None)
        while dialog.exec() == ExportDialog.DialogCode.Accepted:
            request = dialog.request()
            try:
                notes = perform_export(
                    self.document.project,
                    request,
                    self._predicate,
                    self.visible_range,
                    self._lane_mode(),
                )
            except OSError as exc:
                messages.show_error(self, "Export failed", write_failure(request.path, exc) + ".")
                continue
            except ValueError as exc:
                messages.show_error(
                    self, "Export failed", f"“{request.path}” was not written: {exc}"
                )
                continue
            self.statusBar().showMessage(f"Exported {request.path.name}", 10000)
            if notes:
                # Said in full in a box: a status message this long would be cut off.
                messages.show_info(self, "Exported with omissions", "\n".join(notes))
            return

    def _lane_mode(self) -> str:
        for mode in ("lane", "actor", "kind"):
            if self.actions_by_name[f"view_lanes_{mode}"].isChecked():
                return mode
        return "lane"

    def _slot(self, name: str) -> Callable[[], object]:
        """The window's own ``on_…`` method, or the forward in :mod:`.window_slots`."""
        method = getattr(self, name, None)
        if callable(method):
            return cast(Callable[[], object], method)
        forward = getattr(slots, name)
        return lambda: forward(self)
