"""Where the members of a set date sit inside its mark, as shares of the mark's width.

A set (``[2021-12-14,2021-12-15]``, ``{1960,1961-12}``) is laid out as one mark across
its span, like any other entry, so that packing, hit-testing and the fast per-end
path stay as they are. The painter then places each member inside the mark's box by
these shares, which also makes the members follow the box while it is dragged.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from timeline_editor.model.edtf import EdtfError, parse_edtf
from timeline_editor.model.vocab import EntryKind

from .visual import Mark, member_extents

#: More members than this are drawn as the two ends of their span, joined (too dense to tell).
MAX_DRAWN_MEMBERS = 200


class MemberShare(NamedTuple):
    """One member: its start and end as shares (0..1) of the set's span; exact = one day."""

    start: float
    end: float
    exact: bool


@lru_cache(maxsize=2048)
def member_shares(edtf: str) -> tuple[MemberShare, ...]:
    """Each member's place in the set's span (empty when the text is not a set)."""
    try:
        parsed = parse_edtf(edtf)
    except EdtfError:
        return ()
    if not parsed.members:
        return ()
    # Open ends of members are laid out as if nothing bounded them (as_of unknown here).
    members = member_extents(parsed, EntryKind.EVENT, None)
    if not members or len(members) > MAX_DRAWN_MEMBERS:
        return ()
    low = min(m.start for m in members)
    width = max(m.end for m in members) - low
    return tuple(
        MemberShare(
            (m.start - low) / width,
            (m.end - low) / width,
            bool(m.mark & Mark.POINT) and not m.mark & Mark.WINDOW,
        )
        for m in members
    )


#: The least distance in pixels between the centres of two members' markers.
MIN_GAP = 11.0
#: Radius of a member's marker, as a share of half the bar height.
MARKER_RADIUS = 0.55
#: What a set with no known members (a preview, a legend) shows: its two ends.
ENDS = (MemberShare(0.0, 0.0, True), MemberShare(1.0, 1.0, True))

#: A member in pixels: left x, right x, and whether it is one exact day.
Span = tuple[float, float, bool]


def spread(centres: Sequence[float], gap: float = MIN_GAP) -> list[float]:
    """Centres pushed apart to at least ``gap``, keeping their middle where it was."""
    placed: list[float] = []
    for centre in centres:
        placed.append(max(centre, placed[-1] + gap) if placed else centre)
    shift = (sum(centres) - sum(placed)) / len(placed) if placed else 0.0
    return [x + shift for x in placed]


def placed_members(
    x1: float, x2: float, shares: tuple[MemberShare, ...], min_w: float
) -> list[Span]:
    """Each member inside a set's mark from ``x1`` to ``x2``, as the painter draws it:
    members narrower than ``min_w`` (markers) moved apart by :func:`spread`; bars stay."""
    width = x2 - x1
    spans = [(x1 + s.start * width, x1 + s.end * width, s.exact) for s in shares or ENDS]
    narrow = [i for i, (a, b, _) in enumerate(spans) if b - a < min_w]
    moved = spread([(spans[i][0] + spans[i][1]) / 2 for i in narrow])
    for i, centre in zip(narrow, moved, strict=True):
        half = (spans[i][1] - spans[i][0]) / 2
        spans[i] = (centre - half, centre + half, spans[i][2])
    return spans


def members_reach(
    x1: float, x2: float, shares: tuple[MemberShare, ...], min_w: float, radius: float
) -> tuple[float, float]:
    """The left and right x that a set's drawn members cover, markers of ``radius`` included.

    Spread markers can stand out of the mark's box: a label must start after the last.
    """
    spans = placed_members(x1, x2, shares, min_w)
    left = min(min(a, (a + b) / 2 - radius) for a, b, _ in spans)
    right = max(max(b, (a + b) / 2 + radius) for a, b, _ in spans)
    return left, right
