"""How far an editing gesture goes at a zoom, and what it warns about, without Qt.

The gestures in :mod:`drag` and :mod:`editor` measure pixels; this module turns pixels
into whole steps of days. What a step does to an entry (its date, its row, its history)
is the model's rule, in :mod:`timeline_editor.model.edits`.
"""

from __future__ import annotations

from timeline_editor.model.date_shift import DAYS_PER_MONTH, DAYS_PER_YEAR
from timeline_editor.model.edtf import Precision
from timeline_editor.model.entities import Entry
from timeline_editor.model.queries import is_planned
from timeline_editor.model.vocab import Status

#: A unit of time is a comfortable step once it is this many pixels wide.
MIN_STEP_PX = 6.0


def zoom_precision(px_per_day: float) -> Precision:
    """Day when a day is wide enough to aim at, else month, else year."""
    if px_per_day >= MIN_STEP_PX:
        return Precision.DAY
    if px_per_day * DAYS_PER_MONTH >= MIN_STEP_PX:
        return Precision.MONTH
    return Precision.YEAR


def step_days(px_per_day: float) -> float:
    """Length in days of one drag or nudge step at this zoom."""
    precision = zoom_precision(px_per_day)
    return {Precision.DAY: 1.0, Precision.MONTH: DAYS_PER_MONTH}.get(precision, DAYS_PER_YEAR)


def snap_days(days: float, px_per_day: float) -> float:
    """A dragged distance rounded to whole steps of the zoom's unit."""
    step = step_days(px_per_day)
    return round(days / step) * step


def status_warning(before: list[Entry], after: list[Entry], as_of: int | None) -> str:
    """A note when a move carried "occurred" entries past the as-of date, else "".

    Such an entry is drawn hollow, as planned, while its status still says it happened;
    the status is the researcher's to change, so it is only pointed out.
    """
    was_planned = {e.id for e in before if is_planned(e, as_of)}
    crossed = [
        e
        for e in after
        if e.status is Status.OCCURRED and e.id not in was_planned and is_planned(e, as_of)
    ]
    if not crossed:
        return ""
    title = crossed[0].title or "(untitled)"
    if len(crossed) == 1:
        return f"'{title}' now lies after the as-of date but its status is 'occurred'"
    return (
        f"'{title}' and {len(crossed) - 1} more now lie after the as-of date "
        "but their status is 'occurred'"
    )
