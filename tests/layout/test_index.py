"""The level-of-detail index: stacking, visible slices and density counts."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.samples import chart_project
from timeline_editor.layout.index import ROW_CAP, LaneArrays, TimelineIndex, stack_rows
from timeline_editor.model.vocab import LaneMode

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
    for row in set(lane.rows.tolist()) - {ROW_CAP}:
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
    project = chart_project()
    by_lane = TimelineIndex(project)
    assert [lane.title for lane in by_lane.lanes] == ["Armenia", "Azerbaijan", "EU / mediators"]
    assert [project.entries[i].id for i in by_lane.undated] == ["hotline"]
    by_kind = TimelineIndex(project, lane_mode=LaneMode.KIND)
    assert "Meeting" in [lane.title for lane in by_kind.lanes]
    by_actor = TimelineIndex(project, lane_mode=LaneMode.ACTOR)
    assert by_actor.total > len(project.entries) - 1  # shared meetings appear in each lane
    only = TimelineIndex(project, lanes=["Armenia"])
    assert [lane.key for lane in only.lanes] == ["arm"]
    filtered = TimelineIndex(project, predicate=lambda e: e.kind.value == "meeting")
    assert {e.kind.value for e in filtered.entries} == {"meeting"}


def _first_fit(starts: list[float], ends: list[float]) -> list[int]:
    """The plain definition: each mark takes the lowest row whose last mark has ended."""
    row_ends: list[float] = []
    rows = []
    for start, end in zip(starts, ends, strict=True):
        row = next((r for r, last in enumerate(row_ends) if last <= start), len(row_ends))
        if row == len(row_ends):
            row_ends.append(end)
        row_ends[row] = end
        rows.append(row)
    return rows


@settings(max_examples=60, deadline=None)
@given(intervals, st.integers(1, 6))
def test_capped_stacking_keeps_the_rows_below_the_cap(
    pairs: list[tuple[int, int]], cap: int
) -> None:
    pairs = sorted(pairs)
    starts = np.array([float(a) for a, _ in pairs])
    ends = np.array([float(a + b + 1) for a, b in pairs])
    expected = np.minimum(np.array(_first_fit(starts.tolist(), ends.tolist()), np.int64), cap)
    assert stack_rows(starts, ends, cap).tolist() == expected.tolist()


@settings(max_examples=40, deadline=None)
@given(intervals, st.integers(1, 4), st.integers(-10, 250), st.integers(1, 80))
def test_row_split_matches_brute_force(
    pairs: list[tuple[int, int]], limit: int, a: int, n: int
) -> None:
    lane = _lane(pairs)
    split = lane.split(limit)
    start, end = float(a), float(a + n)
    overlap = (lane.starts < end) & (lane.ends > start)
    shown = np.flatnonzero(overlap & (lane.rows < limit))
    assert split.visible(start, end).tolist() == shown.tolist()
    assert split.count(start, end) == len(shown)
    edges = np.array([start + 10.0, start + 20.0, start + 40.0])
    hidden = np.flatnonzero(overlap & (lane.rows >= limit))
    buckets = np.searchsorted(edges, lane.starts[hidden], "right")
    expected = np.bincount(buckets, minlength=4)
    assert split.hidden_per_bucket(start, end, edges).tolist() == expected.tolist()
