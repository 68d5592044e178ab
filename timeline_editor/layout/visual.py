"""How an entry's date and standing map onto a mark: extent, core and style flags.

This is the visual-language table of DESIGN.md in code, kept free of Qt so that
every case can be tested: the painter only reads the flags.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntFlag

from timeline_editor.model.edtf import End, ParsedDate, Point, Precision, Shape
from timeline_editor.model.edtf_time import MINUTES_PER_DAY
from timeline_editor.model.vocab import EntryKind

#: How far an open or unknown end fades out when nothing else bounds it.
OPEN_FADE_DAYS = 30.0
#: The width of a moment (a time of day): one second, under a pixel at the deepest zoom,
#: so the painter draws it as a marker centred on its minute.
MOMENT_DAYS = 1.0 / 86_400


class Mark(IntFlag):
    """Style flags of one entry's mark (several may combine)."""

    NONE = 0
    POINT = 1  # one exact day: a solid marker
    COARSE = 2  # month or year precision: a bar across the period, lighter fill
    APPROXIMATE = 4  # ~: feathered ends
    UNCERTAIN = 8  # ?: dashed outline and a small "?"
    WINDOW = 16  # one unknown day in [a..b]: bracket with a hollow marker
    OPEN_START = 32  # open or unknown start: fades out to the left, with an arrow
    OPEN_END = 64  # open or unknown end: fades out to the right, with an arrow
    PLANNED = 128  # after the as-of date: hollow, outlined
    DEAD = 256  # cancelled or lapsed: struck through, greyed
    DISPUTED = 512  # conflicting live claims: hatched, with a badge
    PERIOD = 1024  # an interval that lasts (a bar)
    SET_ONE = 2048  # one of several dates [a,b]: linked hollow candidate marks (either/or)
    SET_ALL = 4096  # all of several dates {a,b}: several solid marks of one entry, linked


@dataclass(frozen=True, slots=True)
class Extent:
    """Where a mark is drawn: outer days ``[start, end)`` and its solid core."""

    start: float
    end: float
    core_start: float
    core_end: float
    mark: Mark


def _point_mark(parsed: ParsedDate) -> Mark:
    point = parsed.start
    assert point is not None
    mark = Mark.NONE
    if point.precision is Precision.DAY and not point.unspecified:
        mark |= Mark.POINT
    else:
        mark |= Mark.COARSE
    return mark


def _qualifiers(parsed: ParsedDate) -> Mark:
    mark = Mark.NONE
    if parsed.approximate:
        mark |= Mark.APPROXIMATE
    if parsed.uncertain:
        mark |= Mark.UNCERTAIN
    return mark


def _open_ends(parsed: ParsedDate, as_of: int | None) -> tuple[float, float, Mark]:
    """Outer days of an interval or window whose ends may be open or unknown."""
    start_pt, end_pt = parsed.start, parsed.end
    mark = Mark.NONE
    if start_pt is None:
        assert end_pt is not None
        start = end_pt.earliest - OPEN_FADE_DAYS
        mark |= Mark.OPEN_START
    else:
        start = float(start_pt.earliest)
    if end_pt is None:
        assert start_pt is not None
        reach = float(as_of + 1) if as_of is not None else 0.0
        end = max(reach, start_pt.latest + 1 + OPEN_FADE_DAYS)
        mark |= Mark.OPEN_END
    else:
        end = float(end_pt.latest + 1)
    return start, end, mark


def _state_flags(*, planned: bool, dead: bool, disputed: bool) -> Mark:
    """The flags an entry's status and claims add to its mark."""
    mark = Mark.NONE
    if planned:
        mark |= Mark.PLANNED
    if dead:
        mark |= Mark.DEAD
    if disputed:
        mark |= Mark.DISPUTED
    return mark


def _moment(point: Point, mark: Mark) -> Extent:
    """A time of day: a marker at its minute (UTC when zoned), which may be in the next
    or previous day when the zone moves it there; unzoned times at their clock minute."""
    start = float(point.core_earliest) + (point.utc_minute or 0) / MINUTES_PER_DAY
    return Extent(start, start + MOMENT_DAYS, start, start + MOMENT_DAYS, mark)


def extent_of(
    parsed: ParsedDate,
    kind: EntryKind,
    *,
    planned: bool,
    dead: bool,
    disputed: bool,
    as_of: int | None,
) -> Extent | None:
    """The mark of a dated entry (None when undated: it goes to the undated strip)."""
    if parsed.shape is Shape.UNDATED:
        return None
    mark = _qualifiers(parsed) | _state_flags(planned=planned, dead=dead, disputed=disputed)
    if parsed.members:
        return _set_extent(parsed, kind, mark, as_of)
    if parsed.shape is Shape.POINT:
        point = parsed.start
        assert point is not None
        mark |= _point_mark(parsed)
        if kind is EntryKind.PERIOD:
            mark |= Mark.PERIOD
        if point.utc_minute is not None:
            return _moment(point, mark)
        return Extent(
            float(point.earliest),
            float(point.latest + 1),
            float(point.core_earliest),
            float(point.core_latest + 1),
            mark,
        )
    start, end, open_mark = _open_ends(parsed, as_of)
    mark |= open_mark
    mark |= Mark.WINDOW if parsed.shape is Shape.ONE_OF else Mark.PERIOD
    core_start = float(parsed.start.core_earliest) if parsed.start else start
    core_end = float(parsed.end.core_latest + 1) if parsed.end else end
    if parsed.start_kind is End.DATE and parsed.end_kind is End.DATE:
        precision = parsed.precision
        if precision is not None and precision < Precision.DAY:
            mark |= Mark.COARSE
    return Extent(start, max(end, start + 1e-3), core_start, max(core_end, core_start), mark)


def member_extents(parsed: ParsedDate, kind: EntryKind, as_of: int | None) -> list[Extent]:
    """The plain mark of each member of a set, in the set's order."""
    extents = (
        extent_of(m, kind, planned=False, dead=False, disputed=False, as_of=as_of)
        for m in parsed.members
    )
    return [e for e in extents if e is not None]


def _set_extent(parsed: ParsedDate, kind: EntryKind, mark: Mark, as_of: int | None) -> Extent:
    """A set spans its members (earliest..latest + 1); the painter draws each member inside.

    The members' own qualifiers show on the whole mark ("?" badge, feathered look).
    """
    members = member_extents(parsed, kind, as_of)
    for member in members:
        mark |= member.mark & (Mark.APPROXIMATE | Mark.UNCERTAIN)
    mark |= Mark.SET_ONE if parsed.shape is Shape.SET_ONE else Mark.SET_ALL
    start = min(m.start for m in members)
    end = max(m.end for m in members)
    core_start = min(m.core_start for m in members)
    core_end = max(m.core_end for m in members)
    return Extent(start, end, core_start, max(core_end, core_start), mark)
