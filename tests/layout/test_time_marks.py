"""A time of day on the chart: a marker at its minute (UTC when zoned), hour ticks around it."""

from __future__ import annotations

import numpy as np
import pytest

from timeline_editor.layout.dates import entry_extents
from timeline_editor.layout.index import TimelineIndex
from timeline_editor.layout.labels import FixedMetrics
from timeline_editor.layout.scene import build_frame
from timeline_editor.layout.ticks import axis_for
from timeline_editor.layout.timescale import MIN_SPAN_DAYS, TimeScale
from timeline_editor.layout.visual import MOMENT_DAYS, Mark, extent_of
from timeline_editor.model.daynum import day_number
from timeline_editor.model.edtf import parse_edtf
from timeline_editor.model.entities import DateValue, Entry, Project
from timeline_editor.model.vocab import EntryKind

DAY = day_number(2021, 12, 14)
METRICS = FixedMetrics()


def _extent(text: str) -> tuple[float, float, Mark]:
    found = extent_of(
        parse_edtf(text), EntryKind.MEETING, planned=False, dead=False, disputed=False, as_of=None
    )
    assert found is not None
    return found.start, found.end, found.mark


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("2021-12-14T17:00+01:00", 16.0),  # placed at its UTC moment
        ("2021-12-14T17:00Z", 17.0),
        ("2021-12-14T17:30", 17.5),  # no zone: at its clock time
        ("2021-12-14T00:30+01:00", -0.5),  # in the UTC day before the day written
    ],
)
def test_a_timed_point_is_a_moment_at_its_minute(text: str, hours: float) -> None:
    start, end, mark = _extent(text)
    assert start == pytest.approx(DAY + hours / 24)
    assert end - start == pytest.approx(MOMENT_DAYS)
    assert mark & Mark.POINT


def test_the_array_path_agrees_with_the_reference_for_times() -> None:
    texts = ["2021-12-14T17:00+01:00", "2021-12-14", "2021-12-14T09:00", "2021-12-14T17:00+01:00"]
    none = np.zeros(len(texts), np.bool_)
    extents = entry_extents(texts, periods=none, dead=none, disputed=none, as_of=None)
    for i, text in enumerate(texts):
        start, end, mark = _extent(text)
        assert (extents.start[i], extents.end[i], extents.mark[i]) == (start, end, int(mark))


def _project(*whens: str) -> Project:
    entries = tuple(
        Entry(id=f"e{i}", title=f"at {w}", kind=EntryKind.MEETING, when=DateValue(edtf=w))
        for i, w in enumerate(whens)
    )
    return Project(entries=entries)


def test_entries_of_one_day_stack_in_time_order() -> None:
    # Written out of order; 18:00+03:00 is 15:00 UTC, before 17:00+01:00 (16:00 UTC).
    index = TimelineIndex(_project("2021-12-14T17:00+01:00", "2021-12-14T18:00+03:00"))
    arrays = index.arrays[0]
    assert [index.entries[n].id for n in arrays.entries.tolist()] == ["e1", "e0"]


def test_at_the_deepest_zoom_the_mark_sits_at_its_hour_tick() -> None:
    index = TimelineIndex(_project("2021-12-14T17:00+01:00", "2021-12-14T18:30Z"))
    scale = TimeScale(DAY + 14 / 24, DAY + 20 / 24, 150.0, 1200.0)
    frame = build_frame(index, scale, METRICS)
    assert frame.axis.unit.kind == "hour"
    ticks = {tick.label: scale.x_of(tick.day) for tick in frame.axis.minor}
    marks = {index.entries[m.entry].id: (m.x1 + m.x2) / 2 for m in frame.marks}
    assert marks["e0"] == pytest.approx(ticks["16:00"], abs=0.5)
    assert marks["e1"] == pytest.approx((ticks["18:00"] + ticks["19:00"]) / 2, abs=0.5)


def test_the_narrowest_view_is_an_hour_and_has_hour_ticks() -> None:
    scale = TimeScale(DAY + 16 / 24, DAY + 16 / 24 + MIN_SPAN_DAYS, 150.0, 1200.0)
    axis = axis_for(scale, METRICS.width)
    assert axis.unit.kind == "hour" and axis.unit.step == 1
    assert [t.label for t in axis.minor][:2] == ["16:00", "17:00"]
