"""The Edit, Insert, View and Help menu slots of the main window.

Each is a thin forward to the edit controller, the current view or a dialog; they live
here to keep ``main_window.py`` short. Each takes the window as its only argument.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline_editor.model.vocab import EntryKind, LaneMode
from timeline_editor.ui.dialogs import help_pages, messages
from timeline_editor.ui.window import interchange, view_state

if TYPE_CHECKING:
    from timeline_editor.ui.window.main_window import MainWindow


def on_import(window: MainWindow) -> None:
    """File → Import…"""
    interchange.import_into_window(window)


def on_merge(window: MainWindow) -> None:
    """File → Merge…"""
    interchange.merge_into_window(window)


def on_cut(window: MainWindow) -> None:
    """Edit → Cut."""
    window.edits.cut()


def on_copy(window: MainWindow) -> None:
    """Edit → Copy."""
    window.edits.copy()


def on_paste(window: MainWindow) -> None:
    """Edit → Paste."""
    window.edits.paste()


def on_delete(window: MainWindow) -> None:
    """Edit → Delete."""
    window.edits.delete()


def on_select_all(window: MainWindow) -> None:
    """Edit → Select All (the entries that pass the filter)."""
    predicate = window.filter_predicate()
    entries = window.document.project.entries
    window.select([e.id for e in entries if predicate is None or predicate(e)])


def on_find(window: MainWindow) -> None:
    """Edit → Find."""
    window.find_bar.activate()


def on_find_next(window: MainWindow) -> None:
    """Edit → Find Next."""
    if window.find_bar.isHidden() or not window.find_bar.edit.text():
        window.find_bar.activate()
    else:
        window.find_bar.find_next()


def on_find_previous(window: MainWindow) -> None:
    """Edit → Find Previous."""
    if window.find_bar.isHidden() or not window.find_bar.edit.text():
        window.find_bar.activate()
    else:
        window.find_bar.find_previous()


def _insert(window: MainWindow, kind: EntryKind) -> None:
    if window.edits.insert_entry(kind) is not None:
        window.inspector.edit_title()


def on_insert_event(window: MainWindow) -> None:
    """Insert → Event."""
    _insert(window, EntryKind.EVENT)


def on_insert_meeting(window: MainWindow) -> None:
    """Insert → Meeting."""
    _insert(window, EntryKind.MEETING)


def on_insert_deadline(window: MainWindow) -> None:
    """Insert → Deadline."""
    _insert(window, EntryKind.DEADLINE)


def on_insert_period(window: MainWindow) -> None:
    """Insert → Period."""
    _insert(window, EntryKind.PERIOD)


def on_insert_statement(window: MainWindow) -> None:
    """Insert → Statement."""
    _insert(window, EntryKind.STATEMENT)


def on_insert_source(window: MainWindow) -> None:
    """Insert → Source, then show the source library to edit it."""
    if window.edits.insert_source() is not None and window.source_library is not None:
        window.source_library.show()
        window.source_library.raise_()


def on_insert_actor(window: MainWindow) -> None:
    """Insert → Actor."""
    window.edits.insert_actor()


def on_insert_lane(window: MainWindow) -> None:
    """Insert → Lane."""
    window.edits.insert_lane()


def on_insert_era(window: MainWindow) -> None:
    """Insert → Era."""
    window.edits.insert_era()


def on_zoom_in(window: MainWindow) -> None:
    """View → Zoom In."""
    window.current_view().zoom_in()


def on_zoom_out(window: MainWindow) -> None:
    """View → Zoom Out."""
    window.current_view().zoom_out()


def on_fit_all(window: MainWindow) -> None:
    """View → Fit All."""
    window.current_view().fit_all()


def on_zoom_selection(window: MainWindow) -> None:
    """View → Zoom to Selection."""
    window.current_view().zoom_to_selection()


def on_go_to_date(window: MainWindow) -> None:
    """View → Go to Date…"""
    day = messages.ask_day(window)
    if day is not None:
        window.current_view().go_to_day(day)


def _lane_mode(window: MainWindow, mode: LaneMode) -> None:
    for view in window.views:
        view.set_lane_mode(mode)
    view_state.sync_view_actions(window)


def on_lanes_lane(window: MainWindow) -> None:
    """View → Rows by Lane."""
    _lane_mode(window, LaneMode.LANE)


def on_lanes_actor(window: MainWindow) -> None:
    """View → Rows by Actor."""
    _lane_mode(window, LaneMode.ACTOR)


def on_lanes_kind(window: MainWindow) -> None:
    """View → Rows by Kind."""
    _lane_mode(window, LaneMode.KIND)


def on_show_timeline(window: MainWindow) -> None:
    """View → Timeline."""
    window.stack.setCurrentWidget(window.timeline)


def on_show_list(window: MainWindow) -> None:
    """View → List."""
    window.stack.setCurrentWidget(window.list_view)


def on_toggle_overview(window: MainWindow) -> None:
    """View → Overview: show or hide the strip, remembered for the next start."""
    view_state.set_overview(window, window.actions_by_name["view_overview"].isChecked())


def on_toggle_legend(window: MainWindow) -> None:
    """View → Legend: the key to the marks over the chart, remembered for the next start."""
    window.timeline.set_legend_visible(window.actions_by_name["view_legend"].isChecked())


def on_help_shortcuts(window: MainWindow) -> None:
    """Help → Keyboard Shortcuts."""
    help_pages.shortcuts_dialog(window, window.actions_by_name.values()).exec()


def on_help_legend(window: MainWindow) -> None:
    """Help → Legend of the Marks."""
    help_pages.legend_dialog(window).exec()


def on_help_about(window: MainWindow) -> None:
    """Help → About."""
    help_pages.show_about(window)
