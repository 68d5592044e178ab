"""The View menu and what the window shows: zoom, rows, which view, filter, legend, overview.

A check mark that disagrees with the screen makes the first click do nothing visible, so
the marks are read from the widgets (never assumed) after every change. The legend and
overview choices are remembered in the settings; on first start the legend is shown.

The chart and the chronology table share the middle of the window in a splitter, chart
above, table below: View ▸ Timeline shows the chart alone, View ▸ Table the table alone,
View ▸ Timeline and Table both. Which of the three, and where the splitter sits, are
remembered for the next start. With both shown, the View menu's zoom and Go to Date act
on the table while it has the keyboard focus and on the chart otherwise.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
from collections.abc import Mapping
from functools import partial

from PySide6.QtCore import QByteArray, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSplitter, QWidget

from timeline_editor.io.settings import Settings
from timeline_editor.model.document import Document
from timeline_editor.model.filters import EntryFilter, EntryPredicate
from timeline_editor.model.vocab import LaneMode
from timeline_editor.ui.canvas.timeline import TimelineCanvas
from timeline_editor.ui.dialogs import messages
from timeline_editor.ui.table.view import ChronologyTable
from timeline_editor.ui.window.actions import Slot
from timeline_editor.ui.window.status import StatusLine
from timeline_editor.ui.window.views import ChronologyView

LEGEND_KEY = "view/legend"
OVERVIEW_KEY = "view/overview"
CENTRAL_KEY = "view/central"
SPLITTER_KEY = "view/splitter"
#: What the middle of the window shows: the chart, the table, or both (chart above).
CENTRAL_MODES = ("timeline", "table", "both")
MODE_ACTIONS = {"timeline": "view_timeline", "table": "view_list", "both": "view_split"}
#: The legend over the chart is on until the researcher closes it: a new user needs
#: the key to the marks most, and one click on its × (or View → Legend) hides it.
LEGEND_DEFAULT = True


class ViewController(QObject):
    """Carries out the View menu on the timeline and the table, and keeps its marks true."""

    def __init__(
        self,
        parent: QWidget,
        document: Document,
        settings: Settings,
        *,
        timeline: TimelineCanvas,
        table: ChronologyTable,
        splitter: QSplitter,
        actions: Mapping[str, QAction],
        status: StatusLine,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._document = document
        self._settings = settings
        self._timeline = timeline
        self._table = table
        self._views: list[ChronologyView] = [timeline, table]
        self._splitter = splitter
        self._actions = actions
        self._status = status
        self._predicate: EntryPredicate | None = None
        #: The days the chart shows (None until it has said).
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
            "view_timeline": partial(self.show_central, "timeline"),
            "view_list": partial(self.show_central, "table"),
            "view_split": partial(self.show_central, "both"),
            "view_overview": self.toggle_overview,
            "view_legend": self.toggle_legend,
        }

    # -- the view on screen ---------------------------------------------------------

    def central_mode(self) -> str:
        """What the middle shows: "timeline", "table" or "both" (read from the widgets)."""
        if self._table.isHidden():
            return "timeline"
        return "table" if self._timeline.isHidden() else "both"

    def show_central(self, mode: str) -> None:
        """Show the chart, the table or both (remembered for the next start)."""
        self._apply_central(mode)
        if self._settings.get(CENTRAL_KEY) != mode:
            self._settings.set(CENTRAL_KEY, mode)

    def _apply_central(self, mode: str) -> None:
        self._timeline.setVisible(mode != "table")
        self._table.setVisible(mode != "timeline")
        sizes = self._splitter.sizes()
        if mode == "both" and min(sizes) <= 0:
            # Never shown together yet (or saved while one was hidden): chart 3, table 2.
            total = max(sum(sizes), 500)
            self._splitter.setSizes([total * 3 // 5, total * 2 // 5])
        if mode == "table":
            self._table.setFocus()
        self.sync_actions()

    def current_view(self) -> ChronologyView:
        """The view the View menu acts on: the one shown, or with both, the one in focus."""
        mode = self.central_mode()
        if mode == "table" or (mode == "both" and self._table.hasFocus()):
            return self._table
        return self._timeline

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
        """The day in the middle of the chart on screen; None while the chart is hidden."""
        if self.visible_range is None or self._timeline.isHidden():
            return None
        return (self.visible_range[0] + self.visible_range[1]) // 2

    def _on_visible_range(self, view: ChronologyView, start: int, end: int) -> None:
        if view is self._timeline:
            self.visible_range = (start, end)
        if view is self.current_view():
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
        """Show or hide the legend, overview and table as last time; keep the marks true."""
        self._timeline.set_legend_visible(bool(self._settings.get(LEGEND_KEY, LEGEND_DEFAULT)))
        self._timeline.set_overview_visible(bool(self._settings.get(OVERVIEW_KEY, True)))
        self._restore_splitter()
        mode = self._settings.get(CENTRAL_KEY, "timeline")
        self._apply_central(mode if mode in CENTRAL_MODES else "timeline")
        # Connected after restoring, so that a start-up writes no settings.
        self._timeline.legend_toggled.connect(partial(self._remember, LEGEND_KEY))
        self.sync_actions()

    def _restore_splitter(self) -> None:
        value = self._settings.get(SPLITTER_KEY)
        if isinstance(value, str):
            # A damaged value keeps the default sizes.
            with contextlib.suppress(binascii.Error, ValueError):
                self._splitter.restoreState(QByteArray(base64.b64decode(value, validate=True)))

    def remember_layout(self) -> None:
        """Keep where the splitter between chart and table sits, for the next start."""
        state = bytes(self._splitter.saveState().data())
        self._settings.set(SPLITTER_KEY, base64.b64encode(state).decode("ascii"))

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
        mode = self.central_mode()
        for name, action in MODE_ACTIONS.items():
            actions[action].setChecked(mode == name)
        lanes = self.lane_mode()
        for name in LaneMode:
            actions[f"view_lanes_{name}"].setChecked(lanes == name)
