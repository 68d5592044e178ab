"""The View menu and what the window shows: zoom, rows, which view, filter, legend, overview.

A check mark that disagrees with the screen makes the first click do nothing visible, so
the marks are read from the widgets (never assumed) after every change. The legend and
overview choices are remembered in the settings; on first start the legend is shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStackedWidget, QWidget

from timeline_editor.io.settings import Settings
from timeline_editor.model.document import Document
from timeline_editor.model.filters import EntryFilter, EntryPredicate
from timeline_editor.model.vocab import LaneMode
from timeline_editor.ui.canvas.timeline import TimelineCanvas
from timeline_editor.ui.dialogs import messages
from timeline_editor.ui.table.entry_list import EntryListView
from timeline_editor.ui.window.actions import Slot
from timeline_editor.ui.window.status import StatusLine
from timeline_editor.ui.window.views import ChronologyView

LEGEND_KEY = "view/legend"
OVERVIEW_KEY = "view/overview"
#: The legend over the chart is on until the researcher closes it: a new user needs
#: the key to the marks most, and one click on its × (or View → Legend) hides it.
LEGEND_DEFAULT = True


class ViewController(QObject):
    """Carries out the View menu on the timeline and the list, and keeps its marks true."""

    def __init__(
        self,
        parent: QWidget,
        document: Document,
        settings: Settings,
        *,
        timeline: TimelineCanvas,
        list_view: EntryListView,
        stack: QStackedWidget,
        actions: Mapping[str, QAction],
        status: StatusLine,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._document = document
        self._settings = settings
        self._timeline = timeline
        self._list_view = list_view
        self._views: list[ChronologyView] = [timeline, list_view]
        self._stack = stack
        self._actions = actions
        self._status = status
        self._predicate: EntryPredicate | None = None
        #: The days the view on screen shows (None until it has said).
        self.visible_range: tuple[int, int] | None = None
        for view in self._views:
            view.visible_range_changed.connect(partial(self._on_visible_range, view))

    def slots(self) -> dict[str, Slot]:
        """The View menu entries this controller answers."""
        return {
            "view_zoom_in": self.zoom_in,
            "view_zoom_out": self.zoom_out,
            "view_fit": self.fit_all,
            "view_zoom_selection": self.zoom_to_selection,
            "view_go_to_date": self.go_to_date,
            "view_lanes_lane": partial(self.set_lane_mode, LaneMode.LANE),
            "view_lanes_actor": partial(self.set_lane_mode, LaneMode.ACTOR),
            "view_lanes_kind": partial(self.set_lane_mode, LaneMode.KIND),
            "view_timeline": partial(self._stack.setCurrentWidget, self._timeline),
            "view_list": partial(self._stack.setCurrentWidget, self._list_view),
            "view_overview": self.toggle_overview,
            "view_legend": self.toggle_legend,
        }

    # -- the view on screen ---------------------------------------------------------

    def current_view(self) -> ChronologyView:
        """The view on screen (the timeline, or the list)."""
        showing_list = self._stack.currentWidget() is self._list_view
        return self._list_view if showing_list else self._timeline

    def zoom_in(self) -> None:
        """View → Zoom In."""
        self.current_view().zoom_in()

    def zoom_out(self) -> None:
        """View → Zoom Out."""
        self.current_view().zoom_out()

    def fit_all(self) -> None:
        """View → Fit All."""
        self.current_view().fit_all()

    def zoom_to_selection(self) -> None:
        """View → Zoom to Selection (also where a find hit is shown)."""
        self.current_view().zoom_to_selection()

    def go_to_date(self) -> None:
        """View → Go to Date…"""
        day = messages.ask_day(self._parent)
        if day is not None:
            self.current_view().go_to_day(day)

    def centre_day(self) -> int | None:
        """The day in the middle of the chart on screen; None while the list is shown."""
        # The list's "range" is the span of its entries, no place the user looks at.
        if self.visible_range is None or self._stack.currentWidget() is self._list_view:
            return None
        return (self.visible_range[0] + self.visible_range[1]) // 2

    def _on_visible_range(self, view: ChronologyView, start: int, end: int) -> None:
        if view is self.current_view():
            self.visible_range = (start, end)
            self._status.set_visible_range(start, end)

    # -- rows and filter ------------------------------------------------------------

    def set_lane_mode(self, mode: LaneMode) -> None:
        """Rows by lane, actor or kind, in every view."""
        for view in self._views:
            view.set_lane_mode(mode)
        self.sync_actions()

    def lane_mode(self) -> LaneMode:
        """The row mode in force."""
        return self._timeline.view.lane_mode

    def apply_filter(self, entry_filter: EntryFilter) -> None:
        """Show only entries that pass ``entry_filter`` (in every view and export)."""
        getter = lambda: self._document.project  # noqa: E731
        self._predicate = None if entry_filter.is_empty() else entry_filter.bind(getter)
        for view in self._views:
            view.set_filter(self._predicate)
        self._status.set_predicate(self._predicate)

    def predicate(self) -> EntryPredicate | None:
        """The filter in force, or None."""
        return self._predicate

    # -- legend, overview and the check marks ---------------------------------------

    def restore_toggles(self) -> None:
        """Show or hide the legend and overview as last time, then keep the marks true."""
        self._timeline.set_legend_visible(bool(self._settings.get(LEGEND_KEY, LEGEND_DEFAULT)))
        self._timeline.set_overview_visible(bool(self._settings.get(OVERVIEW_KEY, True)))
        # Connected after restoring, so that a start-up writes no settings.
        self._timeline.legend_toggled.connect(partial(self._remember, LEGEND_KEY))
        self._stack.currentChanged.connect(lambda _index: self.sync_actions())
        self.sync_actions()

    def toggle_overview(self) -> None:
        """View → Overview: show or hide the strip, remembered for the next start."""
        shown = self._actions["view_overview"].isChecked()
        self._timeline.set_overview_visible(shown)
        self._remember(OVERVIEW_KEY, shown)

    def toggle_legend(self) -> None:
        """View → Legend: the key to the marks over the chart, remembered for the next start."""
        self._timeline.set_legend_visible(self._actions["view_legend"].isChecked())

    def _remember(self, key: str, shown: bool) -> None:
        if self._settings.get(key) != shown:
            self._settings.set(key, shown)
        self.sync_actions()

    def sync_actions(self) -> None:
        """Check each checkable View action exactly when what it toggles is on screen."""
        actions = self._actions
        actions["view_overview"].setChecked(self._timeline.overview_visible())
        actions["view_legend"].setChecked(self._timeline.legend_visible())
        showing_list = self._stack.currentWidget() is self._list_view
        actions["view_timeline"].setChecked(not showing_list)
        actions["view_list"].setChecked(showing_list)
        mode = self.lane_mode()
        for name in LaneMode:
            actions[f"view_lanes_{name}"].setChecked(mode == name)
