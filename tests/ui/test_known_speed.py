"""What keeps a "known on" step within a frame: nothing around the chart lays out again,
the overview's histogram is painted once, and what is drawn stays as before."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QImage

from tests.ui.helpers import QtBot
from timeline_editor.model.daynum import day_number
from timeline_editor.ui.table.columns import EDITABLE, Col
from timeline_editor.ui.table.known_rows import DayRows
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
    QCoreApplication.sendPostedEvents()  # the first day's own layout, before counting
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


@pytest.fixture
def split(example: MainWindow) -> MainWindow:
    """The example with the table shown below the chart."""
    example.actions_by_name["view_split"].trigger()
    return example


def test_the_table_follows_the_day_after_the_chart(qtbot: QtBot, split: MainWindow) -> None:
    table, known_on = split.table, split.known_on
    everything = table.proxy.rowCount()
    known_on.set_day(day_number(2021, 10, 25))
    assert table.known_pending()  # the chart paints first
    qtbot.waitUntil(lambda: not table.known_pending())
    assert 0 < table.proxy.rowCount() < everything
    day = known_on.state
    assert day is not None
    shown = {int(r) for r in table.proxy.source_rows()}
    assert shown == {int(r) for r in range(len(day.state)) if day.state[r] > 0}


def test_a_day_that_changes_no_row_repaints_no_row(qtbot: QtBot, split: MainWindow) -> None:
    # Counted as what the table model tells its view (each a repaint of rows), not as
    # paint events: a slow machine may still be painting the previous day.
    table, known_on = split.table, split.known_on
    known_on.set_day(day_number(2021, 6, 1))
    qtbot.waitUntil(lambda: not table.known_pending())
    told: list[str] = []
    proxy = table.proxy
    for name in ("dataChanged", "rowsInserted", "rowsRemoved", "layoutChanged", "modelReset"):
        getattr(proxy, name).connect(lambda *_args, name=name: told.append(name))
    known_on.set_day(day_number(2021, 6, 2))  # nothing learnt or said that day
    qtbot.waitUntil(lambda: not table.known_pending())
    assert told == []
    known_on.set_day(day_number(2021, 11, 20))  # many rows come: the table is told
    qtbot.waitUntil(lambda: not table.known_pending())
    assert "rowsInserted" in told


def test_changed_rows_are_those_whose_look_differs(split: MainWindow) -> None:
    known_on = split.known_on
    positions = split.table.source.project_positions()
    looks = []
    days = (day_number(2021, 11, 10), day_number(2021, 11, 13), day_number(2021, 11, 20))
    for day in (*days, day_number(2021, 10, 1)):
        known_on.set_day(day)
        assert known_on.state is not None
        looks.append(DayRows(known_on.state, positions, ""))
    counts = []
    for before, after in itertools.pairwise(looks):
        found = after.changed_since(before)
        assert found is not None
        changed = set(found.tolist())
        counts.append(len(changed))
        for row in range(len(positions)):
            differs = (
                before.day.state[row] != after.day.state[row]
                or before.day.new[row] != after.day.new[row]
                or before.day.overrides.get(row) is not after.day.overrides.get(row)
            )
            assert (row in changed) == differs, row
    assert counts[0] == 0  # nothing learnt from the 10th to the 13th
    assert counts[1] > 0 and counts[2] > 0


def test_cell_flags_follow_the_column(split: MainWindow) -> None:
    """Flags are asked for every cell painted: they come from the column, as before."""
    proxy = split.table.proxy
    model = proxy.sourceModel()
    editable = Qt.ItemFlag.ItemIsEditable
    for column in range(proxy.columnCount()):
        cell = proxy.flags(proxy.index(3, column))
        assert bool(cell & editable) == (Col(column) in EDITABLE)
        assert cell & Qt.ItemFlag.ItemIsSelectable and cell & Qt.ItemFlag.ItemIsEnabled
        assert cell == model.flags(proxy.mapToSource(proxy.index(3, column)))
    assert not proxy.flags(proxy.index(proxy.rowCount(), 0)) & editable


def test_selecting_right_after_a_day_is_set_finds_its_rows(qtbot: QtBot, split: MainWindow) -> None:
    known_on, table = split.known_on, split.table
    known_on.set_day(day_number(2021, 10, 25))
    qtbot.waitUntil(lambda: not table.known_pending())
    brussels = next(
        e.id for e in split.document.project.entries if "Brussels, with Michel" in e.title
    )
    known_on.set_day(day_number(2021, 11, 20))  # the meeting is known from then on
    split.select([brussels])  # before the table's rows have followed
    assert table.selected_ids() == [brussels]


def test_rows_that_come_and_go_keep_the_table_in_order(qtbot: QtBot, split: MainWindow) -> None:
    """Day by day only the rows that change move; the table stays what a full filter gives."""
    table, known_on = split.table, split.known_on
    everything = [int(r) for r in table.proxy.source_rows()]
    first = day_number(2021, 9, 1)
    days = [*range(first, first + 100, 3), *range(first + 100, first - 10, -7)]
    for day in days:
        known_on.set_day(day)
        qtbot.waitUntil(lambda: not table.known_pending())
        state = known_on.state
        assert state is not None
        wanted = [r for r in everything if state.state[r] > 0]
        assert [int(r) for r in table.proxy.source_rows()] == wanted, day
        assert table.proxy.rowCount() == len(wanted)
