"""What keeps a "known on" step within a frame: nothing around the chart lays out again,
the overview's histogram is painted once, and what is drawn stays as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QImage

from tests.ui.helpers import QtBot
from timeline_editor.model.daynum import day_number
from timeline_editor.ui.window.main_window import MainWindow

EXAMPLE = Path(__file__).parents[2] / "resources/examples/brussels-2021.timeline.json"


class _Layouts(QObject):
    """Counts the layout requests a widget receives."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


@pytest.fixture
def example(window: MainWindow) -> MainWindow:
    """The window on the Brussels example, the chart alone."""
    assert window.files.load(EXAMPLE)
    window.actions_by_name["view_timeline"].trigger()
    return window


def test_stepping_the_day_does_not_lay_out_the_status_bar(
    qtbot: QtBot, example: MainWindow
) -> None:
    known_on, label = example.known_on, example.status.count_label
    known_on.set_day(day_number(2021, 11, 1))
    qtbot.wait(1)
    layouts = _Layouts()
    example.statusBar().installEventFilter(layouts)
    texts = set()
    for _ in range(12):
        known_on.bar.actions_by_name["known_day_forward"].trigger()
        qtbot.wait(1)
        texts.add(label.text())
        # The whole text still fits.
        assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width()
    example.statusBar().removeEventFilter(layouts)
    assert len(texts) > 3  # the counts did change
    assert layouts.count <= 1  # at most once, when the label had to grow
    known_on.show_everything()
    assert label.text() == example.status._tally.text()
    assert label.minimumWidth() == 0  # back to following its text


def _strip(example: MainWindow) -> QImage:
    return example.timeline.overview.grab().toImage()


def test_the_overview_paints_its_histogram_once_and_looks_the_same(
    qtbot: QtBot, example: MainWindow
) -> None:
    strip = example.timeline.overview
    before = _strip(example)
    backdrop = strip._backdrop
    assert backdrop is not None
    example.known_on.set_day(day_number(2021, 11, 12))
    moved = _strip(example)
    assert strip._backdrop is backdrop  # the histogram was not painted again
    assert moved != before  # the handle moved
    strip._backdrop = None  # painted afresh, the strip looks the same
    assert _strip(example) == moved
    example.known_on.show_everything()
    assert _strip(example) == before


def test_the_histogram_follows_an_edit(qtbot: QtBot, example: MainWindow) -> None:
    strip = example.timeline.overview
    _strip(example)
    backdrop = strip._backdrop
    entries = example.document.project.entries
    example.select([e.id for e in entries[:5]])
    example.actions_by_name["edit_delete"].trigger()
    _strip(example)
    assert strip._backdrop is not backdrop
