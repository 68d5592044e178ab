"""Axis ticks pick their unit from the zoom and name the context above."""

from __future__ import annotations

import pytest

from timeline_editor.layout.labels import FixedMetrics
from timeline_editor.layout.ticks import axis_for, year_label
from timeline_editor.layout.timescale import TimeScale
from timeline_editor.model.daynum import day_number

MEASURE = FixedMetrics(7.0).width
DEC_2021 = float(day_number(2021, 12, 1))


@pytest.mark.parametrize(
    ("span_days", "unit", "context"),
    [
        (0.5, "hour", "day"),
        (30.0, "day", "month"),
        (120.0, "week", "month"),
        (700.0, "month", "year"),
        (2000.0, "quarter", "year"),
        (365.25 * 30, "year", "decade"),
        (365.25 * 200, "decade", "century"),
        (365.25 * 2000, "century", "1000 years"),
    ],
)
def test_unit_follows_zoom(span_days: float, unit: str, context: str) -> None:
    axis = axis_for(TimeScale(DEC_2021, DEC_2021 + span_days, 0, 1400), MEASURE)
    assert axis.unit.name == unit
    assert axis.context_unit is not None and axis.context_unit.name == context


def test_ticks_are_ordered_and_labelled() -> None:
    axis = axis_for(TimeScale(DEC_2021, DEC_2021 + 30, 0, 1400), MEASURE)
    days = [t.day for t in axis.minor]
    assert days == sorted(days) and len(days) >= 30
    assert all(t.until > t.day and t.label for t in axis.minor)
    assert axis.major[0].label == "December 2021"
    assert axis.minor[0].label == "1"


def test_hours_context_names_the_weekday() -> None:
    day = float(day_number(2021, 12, 15))
    axis = axis_for(TimeScale(day + 0.2, day + 0.6, 0, 1400), MEASURE)
    assert axis.major[0].label == "Wed 15 December 2021"
    assert [t.label for t in axis.minor][:2] == ["04:00", "05:00"]


def test_bce_years() -> None:
    start = float(day_number(-800, 1, 1))
    axis = axis_for(TimeScale(start, start + 365.25 * 1500, 0, 1400), MEASURE)
    assert any("BCE" in t.label for t in axis.minor)
    assert year_label(0) == "1 BCE" and year_label(-43) == "44 BCE"


def test_labels_fit_between_ticks() -> None:
    for span in (0.3, 10, 100, 1000, 10_000, 100_000, 1_000_000, 1e8):
        scale = TimeScale(DEC_2021, DEC_2021 + span, 0, 1000)
        axis = axis_for(scale, MEASURE)
        gaps = [
            (b.day - a.day) * scale.px_per_day
            for a, b in zip(axis.minor, axis.minor[1:], strict=False)
        ]
        widest = max(MEASURE(t.label) for t in axis.minor)
        assert min(gaps, default=1e9) >= widest, span


def test_minor_label_x_at_tick_centred_or_hidden_at_the_edges() -> None:
    from timeline_editor.layout.ticks import minor_label_x

    assert minor_label_x(100, 200, 10, 50, 500, at_tick=True) == 103
    assert minor_label_x(100, 200, 10, 50, 500, at_tick=False) == 145
    # A span cut by the left edge is centred in what is visible.
    assert minor_label_x(0, 200, 10, 50, 500, at_tick=False) == 120
    # Instants before the view, or labels running past its right edge, are not drawn.
    assert minor_label_x(40, 90, 10, 50, 500, at_tick=True) is None
    assert minor_label_x(495, 600, 10, 50, 500, at_tick=True) is None
