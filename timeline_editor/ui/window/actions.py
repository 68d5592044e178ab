"""The window's commands: one table of actions, and the menus and toolbar built from it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar

Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    """One command: its object name, menu text, slot name on the window and keys."""

    name: str
    text: str
    slot: str
    keys: Key | str | None = None
    tip: str = ""
    checkable: bool = False


SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("file_new", "&New", "on_new", Key.New, "Start an empty project"),
    ActionSpec("file_open", "&Open…", "on_open", Key.Open, "Open a project file"),
    ActionSpec("file_save", "&Save", "on_save", Key.Save, "Save the project"),
    ActionSpec("file_save_as", "Save &As…", "on_save_as", Key.SaveAs, "Save under a new name"),
    ActionSpec(
        "file_import", "&Import…", "on_import", "Ctrl+Shift+I", "Import another tool's file"
    ),
    ActionSpec("file_export", "&Export…", "on_export", "Ctrl+Shift+X", "Export a chart or file"),
    ActionSpec("file_merge", "&Merge…", "on_merge", None, "Merge a colleague's copy"),
    ActionSpec("file_close", "&Close", "on_close_project", Key.Close, "Close the project"),
    ActionSpec("file_quit", "&Quit", "on_quit", Key.Quit, "Quit Timeline Editor"),
    ActionSpec("edit_cut", "Cu&t", "on_cut", Key.Cut, "Cut the selected entries"),
    ActionSpec("edit_copy", "&Copy", "on_copy", Key.Copy, "Copy the selected entries"),
    ActionSpec("edit_paste", "&Paste", "on_paste", Key.Paste, "Paste entries"),
    ActionSpec("edit_delete", "&Delete", "on_delete", Key.Delete, "Delete the selected entries"),
    ActionSpec("edit_select_all", "Select &All", "on_select_all", Key.SelectAll),
    ActionSpec("edit_find", "&Find…", "on_find", Key.Find, "Find entries by text"),
    ActionSpec("edit_find_next", "Find &Next", "on_find_next", "F3"),
    ActionSpec("edit_find_previous", "Find Pre&vious", "on_find_previous", "Shift+F3"),
    ActionSpec("insert_event", "&Event", "on_insert_event", "Ctrl+Shift+E"),
    ActionSpec("insert_meeting", "&Meeting", "on_insert_meeting", "Ctrl+Shift+M"),
    ActionSpec("insert_deadline", "&Deadline", "on_insert_deadline", "Ctrl+Shift+D"),
    ActionSpec("insert_period", "&Period", "on_insert_period", "Ctrl+Shift+P"),
    ActionSpec("insert_statement", "S&tatement", "on_insert_statement", "Ctrl+Shift+T"),
    ActionSpec("insert_source", "&Source…", "on_insert_source"),
    ActionSpec("insert_actor", "&Actor…", "on_insert_actor"),
    ActionSpec("insert_lane", "&Lane…", "on_insert_lane"),
    ActionSpec("insert_era", "E&ra…", "on_insert_era"),
    ActionSpec("view_zoom_in", "Zoom &In", "on_zoom_in", Key.ZoomIn),
    ActionSpec("view_zoom_out", "Zoom &Out", "on_zoom_out", Key.ZoomOut),
    ActionSpec("view_fit", "&Fit All", "on_fit_all", "Ctrl+0"),
    ActionSpec("view_zoom_selection", "Zoom to &Selection", "on_zoom_selection", "Ctrl+Shift+0"),
    ActionSpec("view_go_to_date", "&Go to Date…", "on_go_to_date", "Ctrl+G"),
    ActionSpec("view_lanes_lane", "Rows by &Lane", "on_lanes_lane", "Ctrl+Alt+1", checkable=True),
    ActionSpec(
        "view_lanes_actor", "Rows by &Actor", "on_lanes_actor", "Ctrl+Alt+2", checkable=True
    ),
    ActionSpec("view_lanes_kind", "Rows by &Kind", "on_lanes_kind", "Ctrl+Alt+3", checkable=True),
    ActionSpec("view_timeline", "&Timeline", "on_show_timeline", "Ctrl+1", checkable=True),
    ActionSpec("view_list", "Li&st", "on_show_list", "Ctrl+2", checkable=True),
    ActionSpec("view_overview", "&Overview", "on_toggle_overview", checkable=True),
    ActionSpec("view_legend", "L&egend", "on_toggle_legend", checkable=True),
    ActionSpec("help_shortcuts", "&Keyboard Shortcuts", "on_help_shortcuts", Key.HelpContents),
    ActionSpec("help_legend", "&Legend of the Marks", "on_help_legend"),
    ActionSpec("help_about", "&About Timeline Editor", "on_help_about"),
)

MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    ("&File", ("file_new", "file_open", "@recent", "file_save", "file_save_as", None,
               "file_import", "file_export", "file_merge", None, "file_close", "file_quit")),
    ("&Edit", ("edit_undo", "edit_redo", None, "edit_cut", "edit_copy", "edit_paste",
               "edit_delete", "edit_select_all", None, "edit_find", "edit_find_next",
               "edit_find_previous")),
    ("&Insert", ("insert_event", "insert_meeting", "insert_deadline", "insert_period",
                 "insert_statement", None, "insert_source", "insert_actor", "insert_lane",
                 "insert_era")),
    ("&View", ("view_timeline", "view_list", None, "view_zoom_in", "view_zoom_out",
               "view_fit", "view_zoom_selection", "view_go_to_date", None, "view_lanes_lane",
               "view_lanes_actor", "view_lanes_kind", None, "view_overview", "view_legend",
               "@docks")),
    ("&Help", ("help_shortcuts", "help_legend", None, "help_about")),
)  # fmt: skip

TOOLBAR: tuple[str | None, ...] = (
    "file_new", "file_open", "file_save", None, "edit_undo", "edit_redo", None,
    "insert_event", "insert_meeting", None, "view_zoom_in", "view_zoom_out", "view_fit",
    None, "edit_find",
)  # fmt: skip

ICONS: dict[str, QStyle.StandardPixmap] = {
    "file_new": QStyle.StandardPixmap.SP_FileIcon,
    "file_open": QStyle.StandardPixmap.SP_DialogOpenButton,
    "file_save": QStyle.StandardPixmap.SP_DialogSaveButton,
    "edit_undo": QStyle.StandardPixmap.SP_ArrowBack,
    "edit_redo": QStyle.StandardPixmap.SP_ArrowForward,
}


def build_actions(
    window: QMainWindow, resolve: Callable[[str], Callable[[], object]]
) -> dict[str, QAction]:
    """Create the window's actions, each connected to the slot ``resolve`` finds."""
    actions: dict[str, QAction] = {}
    for spec in SPECS:
        action = QAction(spec.text, window)
        action.setObjectName(spec.name)
        if spec.keys is not None:
            action.setShortcuts(
                QKeySequence.keyBindings(spec.keys)
                if isinstance(spec.keys, Key)
                else [QKeySequence(spec.keys)]
            )
        if spec.tip:
            action.setStatusTip(spec.tip)
        action.setCheckable(spec.checkable)
        if spec.name in ICONS:
            action.setIcon(window.style().standardIcon(ICONS[spec.name]))
        slot = resolve(spec.slot)
        action.triggered.connect(lambda _checked=False, slot=slot: slot())
        actions[spec.name] = action
    _exclusive(window, actions, ("view_lanes_lane", "view_lanes_actor", "view_lanes_kind"))
    _exclusive(window, actions, ("view_timeline", "view_list"))
    return actions


def _exclusive(window: QMainWindow, actions: dict[str, QAction], names: tuple[str, ...]) -> None:
    group = QActionGroup(window)
    for name in names:
        if name in actions:
            group.addAction(actions[name])
    if names[0] in actions:
        actions[names[0]].setChecked(True)


def build_menus(
    window: QMainWindow,
    actions: dict[str, QAction],
    specials: Mapping[str, Callable[[QMenu], object]],
) -> dict[str, QMenu]:
    """Fill the menu bar; ``specials`` fill the "@…" places (recent files, docks)."""
    menus: dict[str, QMenu] = {}
    for title, names in MENUS:
        menu = window.menuBar().addMenu(title)
        menus[title.replace("&", "")] = menu
        for name in names:
            if name is None:
                menu.addSeparator()
            elif name.startswith("@"):
                specials[name](menu)
            elif name in actions:
                menu.addAction(actions[name])
    return menus


def build_toolbar(window: QMainWindow, actions: dict[str, QAction]) -> QToolBar:
    """The main toolbar."""
    bar = window.addToolBar("Toolbar")
    bar.setObjectName("mainToolBar")
    for name in TOOLBAR:
        if name is None:
            bar.addSeparator()
        elif name in actions:
            bar.addAction(actions[name])
    return bar
