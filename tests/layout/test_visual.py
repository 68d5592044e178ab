"""Each uncertainty case of the visual-language table maps to its own mark."""

from __future__ import annotations

import pytest

from timeline_editor.layout.visual import OPEN_FADE_DAYS, Mark, extent_of
from timeline_editor.model.daynum import day_number
from timeline_editor.model.edtf import parse_edtf
from timeline_editor.model.vocab import EntryKind

AS_OF = day_number(2021, 11, 28)


def _mark(text: str, kind: EntryKind = EntryKind.EVENT, **flags: bool) -> Mark:
    extent = extent_of(
        parse_edtf(text),
        kind,
        planned=flags.get("planned", False),
        dead=flags.get("dead", False),
        disputed=flags.get("disputed", False),
        as_of=AS_OF,
    )
    assert extent is not None
    return extent.mark


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("2021-12-15", Mark.POINT, Mark.COARSE | Mark.APPROXIMATE | Mark.UNCERTAIN),
        ("2021-11", Mark.COARSE, Mark.POINT),
        ("2021", Mark.COARSE, Mark.POINT),
        ("2021-1X", Mark.COARSE, Mark.POINT),
        ("2021-11-24~", Mark.APPROXIMATE | Mark.POINT, Mark.UNCERTAIN),
        ("2021-12?", Mark.UNCERTAIN | Mark.COARSE, Mark.APPROXIMATE),
        ("2021-12%", Mark.UNCERTAIN | Mark.APPROXIMATE, Mark.NONE),
        ("[2020-11-10..2023-11-10]", Mark.WINDOW, Mark.PERIOD),
        ("2021-11-19/..", Mark.OPEN_END | Mark.PERIOD, Mark.OPEN_START),
        ("2021-11-19/", Mark.OPEN_END, Mark.OPEN_START),
        ("../2021-11-19", Mark.OPEN_START, Mark.OPEN_END),
        ("2020-09-27/2020-11-10", Mark.PERIOD, Mark.COARSE | Mark.OPEN_END),
        ("2021-05/2021-07", Mark.PERIOD | Mark.COARSE, Mark.POINT),
    ],
)
def test_date_shapes(text: str, present: Mark, absent: Mark) -> None:
    mark = _mark(text)
    assert mark & present == present
    assert not mark & absent


def test_standing_flags() -> None:
    assert _mark("2021-12-15", planned=True) & Mark.PLANNED
    assert _mark("2021-12-15", dead=True) & Mark.DEAD
    assert _mark("2021-12-15", disputed=True) & Mark.DISPUTED
    assert _mark("2021-12-15", EntryKind.PERIOD) & Mark.PERIOD


def test_undated_has_no_mark() -> None:
    assert (
        extent_of(
            parse_edtf(""), EntryKind.EVENT, planned=False, dead=False, disputed=False, as_of=AS_OF
        )
        is None
    )


def test_approximate_core_is_inside_the_bounds() -> None:
    extent = extent_of(
        parse_edtf("2020-09-27~/2020-11-10~"),
        EntryKind.PERIOD,
        planned=False,
        dead=False,
        disputed=False,
        as_of=None,
    )
    assert extent is not None
    assert extent.start < extent.core_start < extent.core_end < extent.end
    assert extent.core_start - extent.start == 1


def test_open_end_reaches_the_as_of_date_or_fades() -> None:
    early = extent_of(
        parse_edtf("2020-01-01/.."),
        EntryKind.PERIOD,
        planned=False,
        dead=False,
        disputed=False,
        as_of=AS_OF,
    )
    late = extent_of(
        parse_edtf("2021-11-27/.."),
        EntryKind.PERIOD,
        planned=False,
        dead=False,
        disputed=False,
        as_of=AS_OF,
    )
    assert early is not None and early.end == AS_OF + 1
    assert late is not None and late.end == day_number(2021, 11, 28) + OPEN_FADE_DAYS


def test_zero_length_period_has_width() -> None:
    extent = extent_of(
        parse_edtf("2021-11-16/2021-11-16"),
        EntryKind.PERIOD,
        planned=False,
        dead=False,
        disputed=False,
        as_of=None,
    )
    assert extent is not None and extent.end - extent.start == 1
