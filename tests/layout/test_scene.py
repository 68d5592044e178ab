"""Frames switch to density bins when too many entries are visible."""

from __future__ import annotations

from tests.samples import chart_project
from timeline_editor.layout.index import TimelineIndex
from timeline_editor.layout.labels import FixedMetrics
from timeline_editor.layout.scene import build_frame
from timeline_editor.layout.timescale import TimeScale
from timeline_editor.model.daynum import day_number, format_day
from timeline_editor.model.entities import Claim, DateValue, Entry, Project
from timeline_editor.model.vocab import Stance

METRICS = FixedMetrics()
START = day_number(2000, 1, 1)


def _many(count: int, spread: int) -> Project:
    entries = tuple(
        Entry(id=f"e{i}", title=f"Entry {i}", when=DateValue(edtf=format_day(START + i % spread)))
        for i in range(count)
    )
    return Project(entries=entries)


def test_density_when_many_visible_and_entries_when_zoomed_in() -> None:
    index = TimelineIndex(_many(4000, 4000))
    full = build_frame(index, TimeScale(START, START + 4000, 150, 1400), METRICS)
    assert full.density and not full.marks
    assert int(full.density[0].counts.sum()) >= 4000
    deep = build_frame(index, TimeScale(START + 100, START + 160, 150, 1400), METRICS)
    assert not deep.density and 60 <= len(deep.marks) <= 62
    assert not deep.labels  # 23 px per day: no room for "Entry 123"
    deeper = build_frame(index, TimeScale(START + 100, START + 110, 150, 1400), METRICS)
    assert len(deeper.labels) == 10


def test_ten_thousand_on_one_day_overflow() -> None:
    index = TimelineIndex(_many(10_000, 1))
    frame = build_frame(index, TimeScale(START - 2, START + 3, 150, 1400), METRICS, bottom=900)
    assert not frame.density  # 10,000 visible but all are overflowing one lane
    assert len(frame.marks) == frame.geometry.max_rows - 1
    assert sum(o.count for o in frame.overflow) == 10_000 - len(frame.marks)


def test_sample_frame_has_every_part() -> None:
    project = chart_project()
    index = TimelineIndex(project)
    start, end = index.extent or (0.0, 1.0)
    frame = build_frame(index, TimeScale(start, end, 150, 1400), METRICS)
    assert len(frame.marks) == len(project.entries) - 1
    assert [c.text for c in frame.chips] == ["Defence-ministry hotline to be set up"]
    assert frame.as_of_x is not None and frame.eras
    assert frame.height > frame.undated_top


def test_empty_project() -> None:
    frame = build_frame(TimelineIndex(Project()), TimeScale(0, 10, 150, 800), METRICS)
    assert frame.marks == [] and frame.bands == []


def test_overflow_begun_left_of_the_view_is_one_count_at_the_left_edge() -> None:
    entries = tuple(
        Entry(id=f"e{i}", title=f"E{i}", when=DateValue(edtf=f"{format_day(START - i)}/.."))
        for i in range(40)
    )
    index = TimelineIndex(Project(entries=entries, as_of=format_day(START + 400)))
    frame = build_frame(index, TimeScale(START + 100, START + 110, 150, 1400), METRICS)
    assert len(frame.marks) == frame.geometry.max_rows - 1
    assert [(o.x, o.count) for o in frame.overflow] == [(150, 40 - len(frame.marks))]


def test_undated_chip_of_a_disputed_entry_is_tagged_and_wider() -> None:
    claims = (Claim(stance=Stance.ASSERTS), Claim(stance=Stance.DENIES))
    project = Project(
        entries=(
            Entry(id="a", title="Trilateral in Moscow", claims=claims),
            Entry(id="b", title="Trilateral in Moscow"),
        )
    )
    frame = build_frame(TimelineIndex(project), TimeScale(0, 10, 150, 1400), METRICS)
    tagged, plain = frame.chips
    assert (tagged.disputed, plain.disputed) == (True, False)
    assert tagged.width > plain.width
