"""Edits of one entry as small keyword-only functions: move it in time, re-date it,
re-lane it, change its status, and record each change in its history.

Every function returns a new entry (models are frozen) and gives back the same object
when nothing changes, so a caller can tell a no-op by identity. A date or status change
goes into the entry's history only when the value really changes.

"Today" is always passed in as a day number: the model never reads the clock, so a
rule answers the same in a test as on any day. The window reads the clock once
(``ui.widgets.clock``) and hands the day down.
"""

from __future__ import annotations

import math
from typing import Literal

from .date_shift import DAYS_PER_MONTH, DAYS_PER_YEAR, day_to_edtf, move_edge, shift_edtf
from .daynum import format_day
from .edtf import Precision, Shape, parse_edtf
from .entities import DateValue, Entry, HistoryItem
from .vocab import NO_LANE, EntryKind, LaneMode, Status

HistoryField = Literal["status", "when"]

#: The units a nudge falls back to when a step is too small for a coarse date.
_UNITS = (1.0, DAYS_PER_MONTH, DAYS_PER_YEAR)


def current_day(*, as_of: int | None, today: int) -> int:
    """The day the project stands at: its as-of day, else ``today`` (a day number)."""
    return today if as_of is None else as_of


def change_day(*, as_of: str, today: int) -> str:
    """The day (``YYYY-MM-DD``) a status or date change is recorded on.

    The project's as-of date when it has one: a chronology is written from that day's
    knowledge, so a change entered while building it is known as of then. Without an
    as-of date, ``today``. The researcher can correct it in the history afterwards.
    """
    return as_of or format_day(today)


def recorded(
    history: tuple[HistoryItem, ...],
    *,
    field: HistoryField,
    old: str,
    new: str,
    at: str,
    source_id: str | None = None,
    fold: bool = False,
) -> tuple[HistoryItem, ...]:
    """``history`` with the change ``old`` → ``new`` of ``field`` on day ``at`` added.

    Nothing is added when ``old == new``. With ``fold``, a bare change of the same field
    recorded on the same day just before (a run of nudges) is merged into this one, so
    ten nudges leave one line, and a run that ends where it began leaves none.
    """
    items = list(history)
    last = items[-1] if items else None
    if fold and last is not None and _foldable(last, field=field, current=old, at=at):
        old = last.old
        items.pop()
    if old != new:
        items.append(HistoryItem(field=field, old=old, new=new, at=at, source_id=source_id))
    return tuple(items)


def _foldable(item: HistoryItem, *, field: HistoryField, current: str, at: str) -> bool:
    # A change with a source or a note says something on its own: it is never folded.
    return (
        item.field == field
        and item.new == current
        and item.at == at
        and item.source_id is None
        and not item.note
    )


def redated(
    entry: Entry,
    *,
    when: DateValue | str,
    at: str,
    source_id: str | None = None,
    fold: bool = False,
) -> Entry:
    """``entry`` at a new date (a whole value, or EDTF text keeping the words stated).

    EDTF text is validated (``pydantic.ValidationError`` when it is not EDTF). History
    records the EDTF change only; new wording of the same date is no date change.
    """
    if isinstance(when, str):
        if when == entry.when.edtf:
            return entry
        when = DateValue.model_validate(entry.when.model_dump() | {"edtf": when})
    if when == entry.when:
        return entry
    history = recorded(
        entry.history,
        field="when",
        old=entry.when.edtf,
        new=when.edtf,
        at=at,
        source_id=source_id,
        fold=fold,
    )
    return entry.model_copy(update={"when": when, "history": history})


def shifted(entry: Entry, *, days: float, at: str, edge: str = "") -> Entry:
    """``entry`` moved by about ``days``: the whole date, or one ``edge`` ("start"/"end").

    Each end moves in whole units of its own precision and keeps its qualifiers (see
    :mod:`date_shift`); a move that would give no valid date is refused (``entry``).
    """
    text = entry.when.edtf
    edtf = move_edge(text, days, edge) if edge else shift_edtf(text, days)
    return redated(entry, when=edtf, at=at)


def nudged(entry: Entry, *, step: float, at: str) -> Entry:
    """``entry`` moved one ``step`` of days; a coarser date moves by one of its own units.

    Runs of nudges on one day fold into one history line.
    """
    sign = math.copysign(1.0, step)
    for unit in (abs(step), *[u for u in _UNITS if u > abs(step)]):
        edtf = shift_edtf(entry.when.edtf, sign * unit)
        if edtf != entry.when.edtf:
            return redated(entry, when=edtf, at=at, fold=True)
    return entry


def placed(entry: Entry, *, day: int, precision: Precision, at: str) -> Entry:
    """``entry`` (undated, typically) given the day, month or year containing ``day``."""
    return redated(entry, when=day_to_edtf(day, precision), at=at)


def relaned(entry: Entry, *, mode: LaneMode, old_key: str, new_key: str) -> Entry:
    """``entry`` moved from one chart row to another: its lane, or one of its actors.

    ``mode`` is how rows are made (by lane, actor or kind). Rows by kind are not
    changed: a meeting moved among events stays a meeting, a kind is not a place.
    """
    if old_key == new_key:
        return entry
    if mode == LaneMode.LANE:
        return entry.model_copy(update={"lane_id": new_key or None})
    if mode == LaneMode.ACTOR:
        actors = [a for a in entry.actor_ids if a != old_key]
        if new_key and new_key not in actors:
            actors.append(new_key)
        return entry.model_copy(update={"actor_ids": tuple(actors)})
    return entry


def with_status(entry: Entry, *, status: Status, at: str, source_id: str | None = None) -> Entry:
    """``entry`` with a new status, the change recorded in its history."""
    if status is entry.status:
        return entry
    history = recorded(
        entry.history,
        field="status",
        old=entry.status.value,
        new=status.value,
        at=at,
        source_id=source_id,
    )
    return entry.model_copy(update={"status": status, "history": history})


def initial_status(*, when: str, as_of: int | None, kind: EntryKind) -> Status:
    """A new entry's status, from its date (EDTF ``when``) against the as-of day.

    Still to come, it is planned: a meeting is ``scheduled`` (someone fixed the day),
    anything else ``proposed`` (expected, not fixed). Otherwise it ``occurred``. Still
    to come means: it starts after the as-of day (the test the chart draws hollow
    marks by), or it is one unknown day in a window that reaches past the as-of day
    ("within three years", "after the route is agreed", "before December"), since that
    day may not have come yet. Without a date or an as-of day nothing says it is
    planned, so it occurred; the researcher sets the status when the source says more.
    """
    parsed = parse_edtf(when)
    if as_of is None or parsed.shape is Shape.UNDATED:
        return Status.OCCURRED
    if parsed.shape is Shape.ONE_OF:
        to_come = parsed.latest is None or parsed.latest > as_of
    else:
        to_come = parsed.earliest is not None and parsed.earliest > as_of
    if not to_come:
        return Status.OCCURRED
    return Status.SCHEDULED if kind is EntryKind.MEETING else Status.PROPOSED


def unrecorded(before: Entry, after: Entry) -> Entry:
    """``after`` keeping ``before``'s history: a change that is not recorded.

    A new entry's history starts when it is first saved: until then its date and
    status are still being entered, and "occurred → scheduled" lines from that would
    only be noise. Which entries count as saved is the caller's knowledge (the window
    knows what its file holds).
    """
    if after.history == before.history:
        return after
    return after.model_copy(update={"history": before.history})


def new_entry(
    *, title: str, edtf: str, as_of: int | None, mode: LaneMode = LaneMode.LANE, key: str = NO_LANE
) -> Entry:
    """A new entry at ``edtf`` in the row ``key`` of row mode ``mode``.

    An event, unless the row is a kind's row; its status follows :func:`initial_status`.
    """
    fields: dict[str, object] = {}
    kind = EntryKind.EVENT
    if mode == LaneMode.LANE and key:
        fields["lane_id"] = key
    elif mode == LaneMode.ACTOR and key:
        fields["actor_ids"] = (key,)
    elif mode == LaneMode.KIND and key in {k.value for k in EntryKind}:
        kind = EntryKind(key)
    fields["kind"] = kind
    fields["status"] = initial_status(when=edtf, as_of=as_of, kind=kind)
    return Entry.model_validate({"title": title, "when": DateValue(edtf=edtf), **fields})
