"""The chart's rows in each lane mode: which rows there are and which rows an entry is in.

The chart, the exports and the command line's ``--lane`` all name rows through
:func:`lane_rows`, so a row is called the same everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from timeline_editor.model.entities import Entry, Project
from timeline_editor.model.vocab import NO_LANE, EntryKind, LaneMode


@dataclass(frozen=True, slots=True)
class LaneInfo:
    """A row of the chart: its key (lane id, actor id or kind), title and colour."""

    key: str
    title: str
    colour: str = ""


#: The title of the row of entries in no lane (by lane) or with no actor (by actor).
NONE_TITLES = {LaneMode.LANE: "(no lane)", LaneMode.ACTOR: "(no actor)"}


def lane_rows(project: Project, mode: LaneMode) -> list[LaneInfo]:
    """Every row ``mode`` offers, in display order, the "(no lane)" or "(no actor)" row last."""
    if mode == LaneMode.KIND:
        # Every entry has a kind, so there is no row for "none".
        return [LaneInfo(kind.value, kind.value.capitalize()) for kind in EntryKind]
    if mode == LaneMode.ACTOR:
        rows = [LaneInfo(actor.id, actor.name) for actor in project.actors]
    else:
        rows = [LaneInfo(lane.id, lane.title, lane.colour) for lane in project.lanes]
    return [*rows, LaneInfo(NO_LANE, NONE_TITLES[mode])]


def entry_lane_keys(entry: Entry, mode: LaneMode) -> Sequence[str]:
    """The keys of the rows ``entry`` is drawn in (by actor: one row per actor)."""
    if mode == LaneMode.ACTOR:
        return entry.actor_ids or (NO_LANE,)
    if mode == LaneMode.KIND:
        return (entry.kind.value,)
    return (entry.lane_id or NO_LANE,)


def rows_in_use(project: Project, mode: LaneMode, used: set[str]) -> list[LaneInfo]:
    """The rows whose keys are in ``used``, in display order.

    A key no row knows (an id the project lacks) gets a row of its own, titled by
    the key, after the others: its entries are still drawn, not lost.
    """
    rows = lane_rows(project, mode)
    known = {row.key for row in rows}
    return [row for row in rows if row.key in used] + [
        LaneInfo(key, key) for key in sorted(used - known)
    ]
