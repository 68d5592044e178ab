"""The View menu's check marks agree with the screen, and the legend is remembered."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from tests.ui.helpers import QtBot
from timeline_editor.io.settings import Settings
from timeline_editor.ui.window.main_window import MainWindow
from timeline_editor.ui.window.view_control import LEGEND_KEY


def _checked(window: MainWindow, name: str) -> bool:
    return window.actions_by_name[name].isChecked()


def test_every_check_mark_matches_the_screen_at_start(loaded: MainWindow) -> None:
    timeline = loaded.timeline
    assert timeline.overview.isVisible()
    assert _checked(loaded, "view_overview")
    assert _checked(loaded, "view_legend") == timeline.legend_visible()
    assert _checked(loaded, "view_timeline") and not _checked(loaded, "view_list")
    assert _checked(loaded, "view_lanes_lane") and timeline.view.lane_mode == "lane"
    for dock in (loaded.filter_panel, loaded.inspector, loaded.source_library):
        assert dock.toggleViewAction().isChecked() == dock.isVisible()


def test_first_click_on_overview_hides_it(loaded: MainWindow) -> None:
    loaded.actions_by_name["view_overview"].trigger()
    assert not loaded.timeline.overview.isVisible()
    assert not _checked(loaded, "view_overview")
    loaded.actions_by_name["view_overview"].trigger()
    assert loaded.timeline.overview.isVisible()


def test_switching_views_and_rows_moves_the_marks(loaded: MainWindow) -> None:
    loaded.actions_by_name["view_list"].trigger()
    assert _checked(loaded, "view_list") and not _checked(loaded, "view_timeline")
    assert loaded.table.isVisible() and not loaded.timeline.isVisible()
    loaded.actions_by_name["view_split"].trigger()
    assert _checked(loaded, "view_split") and not _checked(loaded, "view_list")
    assert loaded.table.isVisible() and loaded.timeline.isVisible()
    loaded.actions_by_name["view_timeline"].trigger()
    assert _checked(loaded, "view_timeline") and not _checked(loaded, "view_split")
    assert not loaded.table.isVisible()
    loaded.actions_by_name["view_lanes_kind"].trigger()
    assert _checked(loaded, "view_lanes_kind") and loaded.timeline.view.lane_mode == "kind"


def test_legend_is_on_at_first_start_and_remembered(qtbot: QtBot, window: MainWindow) -> None:
    assert window.timeline.legend_visible() and _checked(window, "view_legend")
    window.actions_by_name["view_legend"].trigger()
    assert not window.timeline.legend_visible()
    assert Settings().get(LEGEND_KEY) is False
    again = MainWindow()
    qtbot.addWidget(again)
    assert not again.timeline.legend_visible()
    assert not _checked(again, "view_legend")


def test_the_legend_closes_with_its_cross(qtbot: QtBot, loaded: MainWindow) -> None:
    canvas = loaded.timeline
    canvas.grab()  # paints the legend, which places its close button
    close = canvas._legend_close
    assert close is not None
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=close.center().toPoint())
    assert not canvas.legend_visible()
    assert not _checked(loaded, "view_legend")
    assert Settings().get(LEGEND_KEY) is False
    # A click elsewhere on the chart does not touch the legend.
    loaded.actions_by_name["view_legend"].trigger()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(200, 120))
    assert canvas.legend_visible()
