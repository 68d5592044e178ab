"""Where the members of a set date sit inside its mark, as shares of the mark's width.

A set (``[2021-12-14,2021-12-15]``, ``{1960,1961-12}``) is laid out as one mark across
its span, like any other entry, so that packing, hit-testing and the fast per-end
path stay as they are. The painter then places each member inside the mark's box by
these shares, which also makes the members follow the box while it is dragged.
"""

from __future__ import annotations

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
