"""The View menu's check marks, kept equal to what the window really shows.

A check mark that disagrees with the screen makes the first click do nothing visible, so
the marks are read from the widgets (never assumed) after every change. The legend and
overview choices are remembered in the settings; on first start the legend is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline_editor.model.vocab import LaneMode

if TYPE_CHECKING:
    from timeline_editor.ui.window.main_window import MainWindow

LEGEND_KEY = "view/legend"
OVERVIEW_KEY = "view/overview"
#: The legend over the chart is on until the researcher closes it: a new user needs
#: the key to the marks most, and one click on its × (or View → Legend) hides it.
LEGEND_DEFAULT = True


def restore_view_toggles(window: MainWindow) -> None:
    """Show or hide the legend and overview as last time, then set the check marks."""
    settings = window.settings
    window.timeline.set_legend_visible(bool(settings.get(LEGEND_KEY, LEGEND_DEFAULT)))
    window.timeline.set_overview_visible(bool(settings.get(OVERVIEW_KEY, True)))
    window.timeline.legend_toggled.connect(lambda shown: _remember(window, LEGEND_KEY, shown))
    window.stack.currentChanged.connect(lambda _index: sync_view_actions(window))
    sync_view_actions(window)


def _remember(window: MainWindow, key: str, shown: bool) -> None:
    if window.settings.get(key) != shown:
        window.settings.set(key, shown)
    sync_view_actions(window)


def set_overview(window: MainWindow, shown: bool) -> None:
    """Show or hide the overview strip, and remember the choice."""
    window.timeline.set_overview_visible(shown)
    _remember(window, OVERVIEW_KEY, shown)


def sync_view_actions(window: MainWindow) -> None:
    """Check each checkable View action exactly when what it toggles is on screen."""
    actions = window.actions_by_name
    timeline = window.timeline
    actions["view_overview"].setChecked(timeline.overview_visible())
    actions["view_legend"].setChecked(timeline.legend_visible())
    showing_list = window.stack.currentWidget() is window.list_view
    actions["view_timeline"].setChecked(not showing_list)
    actions["view_list"].setChecked(showing_list)
    mode = timeline.view.lane_mode
    for name in LaneMode:
        actions[f"view_lanes_{name}"].setChecked(mode == name)
