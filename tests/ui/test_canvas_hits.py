"""Which end of a mark a press grabs, and which marks a rectangle meets."""

from __future__ import annotations

from tests.samples import chart_project
from timeline_editor.layout.index import TimelineIndex
from timeline_editor.layout.labels import Label
from timeline_editor.layout.scene import MarkBox, build_frame
from timeline_editor.layout.timescale import TimeScale
from timeline_editor.model.daynum import day_number
from timeline_editor.ui.canvas.hits import band_at, box_at, edge_at, entries_in_rect, entry_at


class _Metrics:
    def width(self, text: str) -> float:
        return 7.0 * len(text)

    def elide(self, text: str, width: float) -> str:
        return text


def test_edges_of_closed_and_open_periods() -> None:
    box = MarkBox(0, 0, 100.0, 200.0, 100.0, 200.0, 50.0, 0)
    assert edge_at(box, "2021-11-01/2021-11-10", 102.0) == "start"
    assert edge_at(box, "2021-11-01/2021-11-10", 197.0) == "end"
    assert edge_at(box, "2021-11-01/2021-11-10", 150.0) == ""
    assert edge_at(box, "2021-11-01/..", 199.0) == ""  # an open end has nothing to drag
    assert edge_at(box, "[2020-11-10..2023-11-10]", 101.0) == "start"
    assert edge_at(box, "2021-11", 101.0) == ""
    narrow = MarkBox(0, 0, 100.0, 108.0, 100.0, 108.0, 50.0, 0)
    assert edge_at(narrow, "2021-11-01/2021-11-02", 100.0) == ""


def test_rectangle_and_points_on_a_frame() -> None:
    index = TimelineIndex(chart_project())
    start = day_number(2021, 11, 1)
    frame = build_frame(index, TimeScale(start, start + 60, 150.0, 600.0), _Metrics())
    assert frame.marks
    box = frame.marks[0]
    assert box_at(frame, (box.x1 + box.x2) / 2, box.y) is not None
    band = band_at(frame, box.y)
    assert band is not None and band.lane == box.lane
    assert band_at(frame, 1.0) is None  # the axis
    everything = entries_in_rect(frame, 0, 0, 2000, 2000)
    assert set(everything) >= {b.entry for b in frame.marks}
    assert entries_in_rect(frame, 0, 0, 10, 10) == []


def test_one_hit_test_finds_marks_labels_badges_and_nothing_elsewhere() -> None:
    index = TimelineIndex(chart_project())
    start = day_number(2021, 11, 1)
    frame = build_frame(index, TimeScale(start, start + 60, 150.0, 600.0), _Metrics())
    box = frame.marks[-1]
    assert entry_at(frame, (box.x1 + box.x2) / 2, box.y, _Metrics()) == box.entry
    assert entry_at(frame, 5.0, 5.0, _Metrics()) is None
    # A label whose left side is clear of marks: its badge would be drawn there.
    number, label = next(
        (n, lab) for n, lab in enumerate(frame.labels) if box_at(frame, lab.x - 20, lab.y) is None
    )
    assert entry_at(frame, label.x + label.width - 1, label.y, _Metrics()) == label.entry
    assert entry_at(frame, label.x - 20, label.y, _Metrics()) is None
    frame.labels[number] = Label(label.entry, label.x, label.y, label.text, label.width, "disputed")
    assert entry_at(frame, label.x - 20, label.y, _Metrics()) == label.entry
