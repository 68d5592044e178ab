"""Sets and seasons on the chart: flags, extents, member places and the fast path."""

from __future__ import annotations

import numpy as np
import pytest

from tests.samples.sets import ALL_OF, EITHER_OR, SPRING, sets_project
from timeline_editor.layout.dates import entry_extents
from timeline_editor.layout.index import TimelineIndex
from timeline_editor.layout.scene import build_frame
from timeline_editor.layout.setmembers import (
    MARKER_RADIUS,
    MemberShare,
    member_shares,
    placed_members,
)
from timeline_editor.layout.timescale import TimeScale
from timeline_editor.layout.visual import Mark, extent_of
from timeline_editor.model.daynum import day_number
from timeline_editor.model.edtf import parse_edtf
from timeline_editor.model.vocab import EntryKind

AS_OF = day_number(2021, 11, 29)


def _extent(text: str, kind: EntryKind = EntryKind.EVENT) -> tuple[float, float, Mark]:
    parsed = parse_edtf(text)
    found = extent_of(parsed, kind, planned=False, dead=False, disputed=False, as_of=AS_OF)
    assert found is not None
    return found.start, found.end, found.mark


def test_a_one_of_set_spans_its_candidates_and_is_flagged_either_or() -> None:
    start, end, mark = _extent(EITHER_OR)
    assert (start, end) == (day_number(2021, 12, 14), day_number(2021, 12, 16))
    assert mark & Mark.SET_ONE and not mark & Mark.SET_ALL
    assert (int(Mark.SET_ONE), int(Mark.SET_ALL)) == (2048, 4096)  # the agreed values


def test_an_all_of_set_spans_earliest_to_latest_plus_one() -> None:
    start, end, mark = _extent(ALL_OF)
    assert (start, end) == (day_number(2021, 10, 12), day_number(2022, 2, 1))
    assert mark & Mark.SET_ALL and not mark & (Mark.SET_ONE | Mark.WINDOW)


def test_a_qualified_member_marks_the_whole_set() -> None:
    _, _, mark = _extent("[2021-12-14?,2021-12-15]")
    assert mark & Mark.UNCERTAIN and mark & Mark.SET_ONE


def test_a_season_is_a_coarse_bar_across_its_months() -> None:
    start, end, mark = _extent(SPRING)
    assert (start, end) == (day_number(2022, 3, 1), day_number(2022, 6, 1))
    assert mark & Mark.COARSE and not mark & Mark.POINT
    start, end, _ = _extent("2021-24")  # winter runs into the next year
    assert (start, end) == (day_number(2021, 12, 1), day_number(2022, 3, 1))


def test_members_are_placed_as_shares_of_the_span() -> None:
    shares = member_shares(EITHER_OR)
    assert shares == (MemberShare(0.0, 0.5, True), MemberShare(0.5, 1.0, True))
    wide = member_shares(ALL_OF)
    assert [s.exact for s in wide] == [True, True, False]
    assert wide[-1].end == 1.0 and wide[0].start == 0.0
    assert member_shares("2021-12-14") == ()
    assert member_shares("not a date") == ()


CASES = [EITHER_OR, ALL_OF, SPRING, "2021-21/2022-23", "[2022-21..2022-22]", "2021-12-15"]
CASES += ["[1667,1668,1670..1672]", "{1960,1961-12}", "[2021-12-14,2021-12-15]?", "{2021,"]


@pytest.mark.parametrize("kind", [EntryKind.EVENT, EntryKind.PERIOD])
def test_the_fast_path_sends_sets_to_extent_of_and_agrees(kind: EntryKind) -> None:
    texts = [t for t in CASES if _parses(t)]
    count = len(texts)
    fast = entry_extents(
        texts,
        periods=np.full(count, kind is EntryKind.PERIOD),
        dead=np.zeros(count, bool),
        disputed=np.zeros(count, bool),
        as_of=AS_OF,
    )
    for i, text in enumerate(texts):
        parsed = parse_edtf(text)
        planned = parsed.earliest is not None and parsed.earliest > AS_OF
        ref = extent_of(parsed, kind, planned=planned, dead=False, disputed=False, as_of=AS_OF)
        assert ref is not None
        got = (fast.start[i], fast.end[i], fast.core_start[i], fast.core_end[i], fast.mark[i])
        assert got == (ref.start, ref.end, ref.core_start, ref.core_end, int(ref.mark)), text


def _parses(text: str) -> bool:
    try:
        parse_edtf(text)
    except ValueError:
        return False
    return True


class _Metrics:
    def width(self, text: str) -> float:
        return 7.0 * len(text)

    def elide(self, text: str, width: float) -> str:
        return text


def test_a_set_label_goes_after_or_above_its_line_never_through_it() -> None:
    index = TimelineIndex(sets_project())
    start = day_number(2021, 10, 1)
    frame = build_frame(index, TimeScale(start, start + 250, 150.0, 1200.0), _Metrics())
    visits = next(n for n, e in enumerate(index.entries) if e.id == "e-visits")
    box = next(b for b in frame.marks if b.entry == visits)
    assert box.mark & Mark.SET_ALL
    label = next(lab for lab in frame.labels if lab.entry == visits)
    assert label.x >= box.x2 or label.above


@pytest.mark.parametrize("days", [250, 500, 1500])
def test_an_either_or_label_starts_after_its_last_candidate(days: int) -> None:
    # Close candidates are spread apart around their middle, past the mark's box: the
    # label must not start on the last one's circle ("Fither-or").
    index = TimelineIndex(sets_project())
    start = day_number(2021, 8, 1)
    frame = build_frame(index, TimeScale(start, start + days, 150.0, 1200.0), _Metrics())
    brussels = next(n for n, e in enumerate(index.entries) if e.id == "e-brussels")
    box = next(b for b in frame.marks if b.entry == brussels)
    shares = member_shares(EITHER_OR)
    spans = placed_members(box.x1, box.x2, shares, frame.geometry.min_mark)
    last_circle = max((a + b) / 2 for a, b, _ in spans) + frame.geometry.bar_h / 2 * MARKER_RADIUS
    label = next(lab for lab in frame.labels if lab.entry == brussels)
    assert label.above or label.x > last_circle + 1
