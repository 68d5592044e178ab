"""The level-of-detail index: stacking, visible slices and density counts."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.chart_samples import sample_project
from timeline_editor.layout.index import LaneArrays, TimelineIndex, stack_rows

intervals = st.lists(st.tuples(st.integers(0, 200), st.integers(0, 40)), min_size=0, max_size=120)


def _lane(pairs: list[tuple[int, int]]) -> LaneArrays:
    pairs = sorted(pairs)
    starts = np.array([float(a) for a, _ in pairs])
    ends = np.array([float(a + b + 1) for a, b in pairs])
    zeros = np.zeros(len(pairs), dtype=np.int64)
    return LaneArrays(
        starts,
        ends,
        starts,
        ends,
        zeros,
        stack_rows(starts, ends),
        np.arange(len(pairs), dtype=np.int64),
    )


@settings(max_examples=60, deadline=None)
@given(intervals)
def test_stacked_rows_never_overlap(pairs: list[tuple[int, int]]) -> None:
    lane = _lane(pairs)
    for row in set(lane.rows.tolist()):
        chosen = np.flatnonzero(lane.rows == row)
        starts, ends = lane.starts[chosen], lane.ends[chosen]
        assert np.all(starts[1:] >= ends[:-1])


@settings(max_examples=60, deadline=None)
@given(intervals, st.integers(-10, 250), st.integers(1, 80))
def test_visible_slice_matches_brute_force(pairs: list[tuple[int, int]], a: int, n: int) -> None:
    lane = _lane(pairs)
    start, end = float(a), float(a + n)
    expected = [i for i in range(len(lane)) if lane.starts[i] < end and lane.ends[i] > start]
    assert lane.visible(start, end).tolist() == expected
    assert lane.count_between(start, end) == len(expected)


@settings(max_examples=40, deadline=None)
@given(intervals)
def test_density_counts_overlaps_per_bin(pairs: list[tuple[int, int]]) -> None:
    lane = _lane(pairs)
    edges = np.linspace(-5.0, 260.0, 54)
    counts = lane.density(edges)
    for j in range(len(edges) - 1):
        assert counts[j] == lane.count_between(edges[j], edges[j + 1])


def test_stacking_is_deterministic_and_tight() -> None:
    starts = np.array([0.0, 0.0, 1.0, 5.0, 5.0])
    ends = np.array([2.0, 1.0, 3.0, 6.0, 6.0])
    assert stack_rows(starts, ends).tolist() == [0, 1, 1, 0, 1]


def test_lane_modes_and_selection() -> None:
    project = sample_project()
    by_lane = TimelineIndex(project)
    assert [lane.title for lane in by_lane.lanes] == ["Armenia", "Azerbaijan", "EU / mediators"]
    assert [project.entries[i].id for i in by_lane.undated] == ["hotline"]
    by_kind = TimelineIndex(project, lane_mode="kind")
    assert "Meeting" in [lane.title for lane in by_kind.lanes]
    by_actor = TimelineIndex(project, lane_mode="actor")
    assert by_actor.total > len(project.entries) - 1  # shared meetings appear in each lane
    only = TimelineIndex(project, lanes=["Armenia"])
    assert [lane.key for lane in only.lanes] == ["arm"]
    filtered = TimelineIndex(project, entry_filter=lambda e: e.kind.value == "meeting")
    assert {e.kind.value for e in filtered.entries} == {"meeting"}
