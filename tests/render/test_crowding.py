"""The default view of the example: no label on a window's line, captions clear of marks."""

from __future__ import annotations

from pathlib import Path

from timeline_editor.io.project_file import load_project
from timeline_editor.layout.index import TimelineIndex
from timeline_editor.layout.labels import GAP
from timeline_editor.layout.visual import Mark
from timeline_editor.model.daynum import day_number
from timeline_editor.render.chart import CAPTION_DROP
from timeline_editor.render.export import _range
from timeline_editor.render.marks import BADGE_R, badge_y
from timeline_editor.render.page import ChartPage
from timeline_editor.render.style import ChartStyle

EXAMPLE = Path(__file__).resolve().parents[2] / "resources/examples/brussels-2021.timeline.json"


def _page(width: float) -> ChartPage:
    index = TimelineIndex(load_project(EXAMPLE))
    start, end = _range(index, None, None, today=day_number(2021, 11, 30))
    return ChartPage(index, start, end, width, "t")


def test_no_label_runs_along_a_window_line() -> None:
    for width in (1000.0, 1200.0, 1600.0, 2400.0):
        frame = _page(width).frame
        windows = [b for b in frame.marks if b.mark & Mark.WINDOW]
        assert windows
        for label in frame.labels:
            for box in windows:
                crosses = label.x < box.x2 and label.x + label.width > box.x1
                if box.y == label.y and crosses:
                    assert label.above, (width, label.text)


def test_uncertain_badge_stays_in_its_row_and_off_the_label() -> None:
    frame = _page(1200.0).frame
    geometry = frame.geometry
    half = geometry.bar_h / 2
    assert badge_y(0.0, half) - BADGE_R >= -geometry.row_h / 2
    uncertain = {b.entry: b for b in frame.marks if b.mark & Mark.UNCERTAIN}
    for label in frame.labels:
        box = uncertain.get(label.entry)
        if box is not None and not label.above and label.x > box.x1:
            right = max(box.x2, (box.x1 + box.x2) / 2 + half)
            assert label.x >= right - 1 + BADGE_R + GAP - 1


def test_era_and_as_of_captions_sit_below_every_mark() -> None:
    frame = _page(1200.0).frame
    cap_height = 8.0  # of the 10 px caption font
    caption_top = frame.undated_top - CAPTION_DROP - cap_height
    assert frame.eras and frame.as_of_x is not None
    lowest = max(b.y + frame.geometry.bar_h / 2 for b in frame.marks)
    assert lowest <= caption_top
    assert ChartStyle().small_px == 10
