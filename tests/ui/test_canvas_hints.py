"""The canvas tells a new user how to begin, and points out a status a move made odd."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from tests.ui.helpers import QtBot
from timeline_editor.model.daynum import day_number
from timeline_editor.model.entities import DateValue, Entry
from timeline_editor.model.queries import parsed_when
from timeline_editor.model.vocab import Status
from timeline_editor.ui.canvas.moves import status_warning
from timeline_editor.ui.canvas.timeline import TimelineCanvas
from timeline_editor.ui.window.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


def _ink_in_middle(canvas: TimelineCanvas) -> int:
    """Dark pixels in a band across the middle of the chart (text, not background)."""
    canvas.set_legend_visible(False)
    image: QImage = canvas.grab().toImage()
    middle = int(canvas._chart_height() / 2)
    return sum(
        QColor(image.pixel(x, y)).lightness() < 160
        for x in range(10, image.width() - 10, 2)  # clear of the focus frame
        for y in range(middle - 8, middle + 8)
    )


def test_an_empty_project_shows_how_to_begin(window: MainWindow) -> None:
    assert _ink_in_middle(window.timeline) > 30


def test_the_hint_goes_once_there_is_an_entry(loaded: MainWindow) -> None:
    loaded.files.new()
    assert _ink_in_middle(loaded.timeline) > 30
    undated = Entry(title="x")  # undated: drawn in the strip at the top, not the middle
    loaded.document.append("entries", [undated])
    assert _ink_in_middle(loaded.timeline) == 0


def test_status_warning_only_for_occurred_entries_that_cross() -> None:
    as_of = day_number(2021, 11, 30)
    before = Entry(id="a", title="Talks", when=DateValue(edtf="2021-11-20"))
    after = before.model_copy(update={"when": DateValue(edtf="2021-12-05")})
    assert status_warning([before], [after], as_of) == (
        "'Talks' now lies after the as-of date but its status is 'occurred'"
    )
    scheduled = after.model_copy(update={"status": Status.SCHEDULED})
    assert status_warning([before], [scheduled], as_of) == ""
    assert status_warning([after], [after], as_of) == ""  # already past: nothing new
    assert status_warning([before], [after], None) == ""
    other = Entry(id="b", title="Call", when=DateValue(edtf="2021-11-21"))
    both = status_warning(
        [before, other], [after, other.model_copy(update={"when": after.when})], as_of
    )
    assert both.startswith("'Talks' and 1 more now lie after")


def test_dragging_past_the_as_of_date_says_so_and_keeps_the_status(
    qtbot: QtBot, loaded: MainWindow
) -> None:
    canvas = loaded.timeline
    canvas.fit_all()
    entry = loaded.document.entry("e-war")
    assert entry.status is Status.OCCURRED
    frame = canvas.current_frame()
    box = next(b for b in frame.marks if canvas.view.index.entries[b.entry].id == "e-war")
    start = QPoint(round((box.x1 + box.x2) / 2), round(box.y))
    earliest = parsed_when(entry).earliest
    assert earliest is not None
    # Two years on (at this zoom a drag moves in whole years): past the as-of date.
    shift = canvas.x_of_day(day_number(2022, 10, 1)) - canvas.x_of_day(earliest)
    QTest.mousePress(canvas, LEFT, NONE, start)
    for step in (0.25, 0.5, 0.75, 1.0):
        QTest.mouseMove(canvas, start + QPoint(round(shift * step), 0))
    QTest.mouseRelease(canvas, LEFT, NONE, start + QPoint(round(shift), 0))
    moved = loaded.document.entry("e-war")
    assert moved.when.edtf != entry.when.edtf
    assert moved.status is Status.OCCURRED
    message = loaded.statusBar().currentMessage()
    assert message == (
        "'Second Karabakh war' now lies after the as-of date but its status is 'occurred'"
    )
