"""What an editing gesture does to entries, without Qt: steps, moves, lanes, new entries.

The gestures in :mod:`canvas_drag` and :mod:`canvas_edit` measure pixels; this module
turns a distance in days into edited copies of entries, so the rules can be tested alone.
"""

from __future__ import annotations

import math
from datetime import date

from timeline_editor.model.date_shift import (
    DAYS_PER_MONTH,
    DAYS_PER_YEAR,
    day_to_edtf,
    move_edge,
    shift_edtf,
)
from timeline_editor.model.edtf import Precision, parse_edtf
from timeline_editor.model.entities import DateValue, Entry, HistoryItem, Project
from timeline_editor.model.queries import as_of_day, is_planned
from timeline_editor.model.vocab import NO_LANE, EntryKind, Status

#: A unit of time is a comfortable step once it is this many pixels wide.
MIN_STEP_PX = 6.0
UNITS = (1.0, DAYS_PER_MONTH, DAYS_PER_YEAR)


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


def change_day(project: Project) -> str:
    """The day a change is recorded on: the project's as-of date, else today (as the
    inspector does)."""
    return project.as_of or date.today().isoformat()


def _with_date(entry: Entry, edtf: str, at: str, *, collapse: bool = False) -> Entry:
    """``entry`` at a new date; the change goes into its history, as the inspector does.

    With ``collapse``, a bare date change recorded on the same day just before (a run
    of nudges) is folded into this one, so ten nudges leave one line of history.
    """
    if edtf == entry.when.edtf:
        return entry
    history = list(entry.history)
    old = entry.when.edtf
    last = history[-1] if history else None
    if collapse and last is not None and _foldable(last, old, at):
        old = last.old
        history.pop()
    if old != edtf:
        history.append(HistoryItem(field="when", old=old, new=edtf, at=at))
    when = entry.when.model_copy(update={"edtf": edtf})
    return entry.model_copy(update={"when": when, "history": tuple(history)})


def _foldable(item: HistoryItem, current: str, at: str) -> bool:
    return (
        item.field == "when"
        and item.new == current
        and item.at == at
        and item.source_id is None
        and not item.note
    )


def relane(entry: Entry, mode: str, old_key: str, new_key: str) -> Entry:
    """``entry`` moved from one row to another: its lane, or one of its actors.

    Rows by kind are not changed by dragging (a meeting dragged among events stays a
    meeting): a kind is not a place on the chart.
    """
    if old_key == new_key:
        return entry
    if mode == "lane":
        return entry.model_copy(update={"lane_id": new_key or None})
    if mode == "actor":
        actors = [a for a in entry.actor_ids if a != old_key]
        if new_key and new_key not in actors:
            actors.append(new_key)
        return entry.model_copy(update={"actor_ids": tuple(actors)})
    return entry


def moved(
    entry: Entry,
    days: float,
    *,
    edge: str = "",
    lanes: tuple[str, str, str] | None = None,
    at: str = "",
) -> Entry:
    """``entry`` after a drag of ``days``: whole move, or one ``edge`` ("start"/"end").

    ``lanes`` is (mode, from, to) when the drag also crossed rows.
    """
    text = entry.when.edtf
    edtf = move_edge(text, days, edge) if edge else shift_edtf(text, days)
    result = _with_date(entry, edtf, at)
    if lanes is not None and not edge:
        result = relane(result, *lanes)
    return result


def nudged(entry: Entry, step: float, at: str = "") -> Entry:
    """``entry`` moved one step; a coarser date moves by one of its own units instead."""
    sign = math.copysign(1.0, step)
    for unit in (abs(step), *[u for u in UNITS if u > abs(step)]):
        edtf = shift_edtf(entry.when.edtf, sign * unit)
        if edtf != entry.when.edtf:
            return _with_date(entry, edtf, at, collapse=True)
    return entry


def placed(entry: Entry, day: int, precision: Precision, at: str = "") -> Entry:
    """An undated entry given the day, month or year containing ``day``."""
    return _with_date(entry, day_to_edtf(day, precision), at)


def new_entry(
    project: Project, title: str, edtf: str, *, mode: str = "lane", key: str = NO_LANE
) -> Entry:
    """A new event at ``edtf`` in the row ``key`` of the given row mode."""
    fields: dict[str, object] = {}
    if mode == "lane" and key:
        fields["lane_id"] = key
    elif mode == "actor" and key:
        fields["actor_ids"] = (key,)
    elif mode == "kind" and key in {k.value for k in EntryKind}:
        fields["kind"] = EntryKind(key)
    as_of = as_of_day(project)
    day = parse_edtf(edtf).earliest if edtf else None
    planned = as_of is not None and day is not None and day > as_of
    status = Status.SCHEDULED if planned else Status.OCCURRED
    return Entry.model_validate(
        {"title": title, "when": DateValue(edtf=edtf), "status": status, **fields}
    )


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
