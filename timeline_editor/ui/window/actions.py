"""The window's commands: one table of actions, and the menus and toolbar built from it.

Undo, Redo, Save and Delete (like New, Open, Copy, Paste, Find…) take the platform's
standard keys (``QKeySequence.StandardKey``). Our own keys were chosen not to clash with
them or with the menus' Alt+letter: Ctrl+L the quick-add line; F2 the selected entry's
title (except in the table, which claims F2 to edit its current cell); Alt+D, Alt+C and
Alt+M its date, citations and claims in the inspector;
Ctrl+Shift+C cites the passage selected in the reader, Ctrl+Shift+N makes an entry of it;
Ctrl+Shift+W shows or hides the "What changed" panel.

The actions are made here unconnected; each controller names the actions it answers
in a table of bound methods, and :func:`connect_actions` wires them up, refusing an
action with no slot, or with two.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar

Key = QKeySequence.StandardKey
#: What a menu entry calls (its return value, if any, is dropped).
Slot = Callable[[], object]


@dataclass(frozen=True)
class ActionSpec:
    """One command: its object name, menu text, keys and status-bar tip."""

    name: str
    text: str
    keys: Key | str | None = None
    tip: str = ""
    checkable: bool = False


SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("file_new", "&New", Key.New, "Start an empty project"),
    ActionSpec("file_open", "&Open…", Key.Open, "Open a project file"),
    ActionSpec("file_save", "&Save", Key.Save, "Save the project"),
    ActionSpec("file_save_as", "Save &As…", Key.SaveAs, "Save under a new name"),
    ActionSpec("file_import", "&Import…", "Ctrl+Shift+I", "Import another tool's file"),
    ActionSpec("file_export", "&Export…", "Ctrl+Shift+X", "Export a chart or file"),
    ActionSpec("file_merge", "&Merge…", None, "Merge a colleague's copy"),
    ActionSpec("file_close", "&Close", Key.Close, "Close the project"),
    ActionSpec("file_quit", "&Quit", Key.Quit, "Quit Timeline Editor"),
    ActionSpec("edit_cut", "Cu&t", Key.Cut, "Cut the selected entries"),
    ActionSpec("edit_copy", "&Copy", Key.Copy, "Copy the selected entries"),
    ActionSpec("edit_paste", "&Paste", Key.Paste, "Paste entries"),
    ActionSpec("edit_delete", "&Delete", Key.Delete, "Delete the selected entries"),
    ActionSpec("edit_select_all", "Select &All", Key.SelectAll),
    ActionSpec("edit_find", "&Find…", Key.Find, "Find entries by text"),
    ActionSpec("edit_find_next", "Find &Next", "F3"),
    ActionSpec("edit_find_previous", "Find Pre&vious", "Shift+F3"),
    ActionSpec("edit_entry_title", "Entry Tit&le", "F2", "Type the selected entry's title"),
    ActionSpec("edit_entry_date", "Entry Dat&e", "Alt+D", "Go to the selected entry's date"),
    ActionSpec("edit_entry_citations", "Entry Citation&s", "Alt+C", "Go to its citations"),
    ActionSpec("edit_entry_claims", "Entry Clai&ms", "Alt+M", "Go to its claims"),
    ActionSpec(
        "edit_cite_passage",
        "C&ite Selected Passage",
        "Ctrl+Shift+C",
        "Cite the words selected in the reader for the selected entry",
    ),
    ActionSpec("insert_quick_add", "&Quick Add", "Ctrl+L", "Type DATE | TITLE | AS STATED"),
    ActionSpec("insert_event", "&Event", "Ctrl+Shift+E"),
    ActionSpec("insert_meeting", "&Meeting", "Ctrl+Shift+M"),
    ActionSpec("insert_deadline", "&Deadline", "Ctrl+Shift+D"),
    ActionSpec("insert_period", "&Period", "Ctrl+Shift+P"),
    ActionSpec("insert_statement", "S&tatement", "Ctrl+Shift+T"),
    ActionSpec(
        "insert_entry_from_passage",
        "Entry from Reader Selectio&n",
        "Ctrl+Shift+N",
        "A new entry citing the words selected in the reader, dated by a date found there",
    ),
    ActionSpec("insert_source", "&Source…"),
    ActionSpec("insert_actor", "&Actor…"),
    ActionSpec("insert_lane", "&Lane…"),
    ActionSpec("insert_era", "E&ra…"),
    ActionSpec("view_zoom_in", "Zoom &In", Key.ZoomIn),
    ActionSpec("view_zoom_out", "Zoom &Out", Key.ZoomOut),
    ActionSpec("view_fit", "&Fit All", "Ctrl+0"),
    ActionSpec("view_zoom_selection", "Zoom to &Selection", "Ctrl+Shift+0"),
    ActionSpec("view_go_to_date", "&Go to Date…", "Ctrl+G"),
    ActionSpec("view_lanes_lane", "Rows by &Lane", "Ctrl+Alt+1", checkable=True),
    ActionSpec("view_lanes_actor", "Rows by &Actor", "Ctrl+Alt+2", checkable=True),
    ActionSpec("view_lanes_kind", "Rows by &Kind", "Ctrl+Alt+3", checkable=True),
    ActionSpec("view_timeline", "&Timeline", "Ctrl+1", checkable=True),
    ActionSpec("view_list", "Ta&ble", "Ctrl+2", "Show the chronology table", checkable=True),
    ActionSpec(
        "view_split", "Timeline a&nd Table", "Ctrl+3", "Chart above, table below", checkable=True
    ),
    ActionSpec("view_overview", "&Overview", checkable=True),
    ActionSpec("view_legend", "L&egend", checkable=True),
    ActionSpec(
        "view_what_changed",
        "&What Changed",
        "Ctrl+Shift+W",
        "What became known between two days",
        checkable=True,
    ),
    ActionSpec("help_shortcuts", "&Keyboard Shortcuts", Key.HelpContents),
    ActionSpec("help_legend", "&Legend of the Marks"),
    ActionSpec("help_about", "&About Timeline Editor"),
)

MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    ("&File", ("file_new", "file_open", "@recent", "file_save", "file_save_as", None,
               "file_import", "file_export", "file_merge", None, "file_close", "file_quit")),
    ("&Edit", ("edit_undo", "edit_redo", None, "edit_cut", "edit_copy", "edit_paste",
               "edit_delete", "edit_select_all", None, "edit_find", "edit_find_next",
               "edit_find_previous", None, "edit_entry_title", "edit_entry_date",
               "edit_entry_citations", "edit_entry_claims", "edit_cite_passage")),
    ("&Insert", ("insert_quick_add", None, "insert_event", "insert_meeting", "insert_deadline",
                 "insert_period", "insert_statement", "insert_entry_from_passage", None,
                 "insert_source", "insert_actor",
                 "insert_lane", "insert_era")),
    ("&View", ("view_timeline", "view_list", "view_split", None, "view_zoom_in", "view_zoom_out",
               "view_fit", "view_zoom_selection", "view_go_to_date", None, "view_lanes_lane",
               "view_lanes_actor", "view_lanes_kind", None, "view_overview", "view_legend",
               "view_what_changed", "@docks")),
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


def build_actions(window: QMainWindow, undo_stack: QUndoStack) -> dict[str, QAction]:
    """Create the window's actions, not yet connected; Undo and Redo follow ``undo_stack``."""
    actions = {spec.name: _action(window, spec) for spec in SPECS}
    for name, action, keys in (
        ("edit_undo", undo_stack.createUndoAction(window, "&Undo"), Key.Undo),
        ("edit_redo", undo_stack.createRedoAction(window, "&Redo"), Key.Redo),
    ):
        action.setObjectName(name)
        action.setShortcuts(keys)
        action.setIcon(window.style().standardIcon(ICONS[name]))
        actions[name] = action
    _exclusive(window, actions, ("view_lanes_lane", "view_lanes_actor", "view_lanes_kind"))
    _exclusive(window, actions, ("view_timeline", "view_list", "view_split"))
    return actions


def _action(window: QMainWindow, spec: ActionSpec) -> QAction:
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
    return action


def _exclusive(window: QMainWindow, actions: dict[str, QAction], names: tuple[str, ...]) -> None:
    group = QActionGroup(window)
    for name in names:
        group.addAction(actions[name])
    actions[names[0]].setChecked(True)


def connect_actions(actions: Mapping[str, QAction], *tables: Mapping[str, Slot]) -> None:
    """Connect every action of :data:`SPECS` to the one slot the tables give it.

    Raises ValueError when an action has no slot or two, or a slot names no action:
    a menu entry that does nothing must fail at start-up, not when clicked.
    """
    slots: dict[str, Slot] = {}
    for table in tables:
        twice = slots.keys() & table.keys()
        if twice:
            raise ValueError(f"actions with two slots: {sorted(twice)}")
        slots.update(table)
    expected = {spec.name for spec in SPECS}
    if slots.keys() != expected:
        missing, unknown = sorted(expected - slots.keys()), sorted(slots.keys() - expected)
        raise ValueError(f"actions without a slot: {missing}; slots without an action: {unknown}")
    for name, slot in slots.items():
        actions[name].triggered.connect(lambda _checked=False, slot=slot: slot())


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
            else:
                menu.addAction(actions[name])
    return menus


def build_toolbar(window: QMainWindow, actions: dict[str, QAction]) -> QToolBar:
    """The main toolbar."""
    bar = window.addToolBar("Toolbar")
    bar.setObjectName("mainToolBar")
    for name in TOOLBAR:
        if name is None:
            bar.addSeparator()
        else:
            bar.addAction(actions[name])
    return bar
