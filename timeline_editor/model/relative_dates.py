"""Dates relative to another entry: "within three years of the ceasefire".

An entry's ``relative_to`` names an *anchor* entry, a relation, an amount and a unit;
its ``when`` holds the EDTF that gives, so exports, the chart and readers that know
nothing of relations all see an ordinary date. The relations:

* ``within_after`` "up to N after": one unknown day from the anchor to N after it,
  ``[2020-11-10..2023-11-10]``;
* ``within_before`` "up to N before": ``[N before the anchor..the anchor]``;
* ``after`` / ``before`` "N after" / "N before": the anchor moved by N, a point (or a
  window, when the anchor itself is one).

"After" counts from the anchor's end (a war's last day), "before" from its start. When
that end is not one known value (a window ``[a..b]``, a set, ``2021-1X``) the result
spans every day it could give. The result has the finer of the anchor's precision and
the unit's (a month anchor plus 3 years is a month; plus 3 days, days); a month or year
added to the 31st falls on the month's last day. The anchor's ``~``/``?`` are not
carried over: the window already holds the uncertainty the relation states.

Rules of editing (applied by :func:`follow_anchors`, which every date edit passes):
moving an anchor re-resolves its dependents, transitively, in the same edit; a
dependent whose date is changed by hand to anything else than its relation gives
drops the relation (the hand-set date wins); a relation that would lead back to its
own entry is refused. A followed date is not written into the dependent's history:
the anchor's history holds the change that was learnt. An anchor that is deleted,
undated or open-ended leaves its dependents at their last resolved date.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence

from .date_shift import day_to_edtf
from .daynum import add_months, civil, day_number, days_in_month
from .edtf import End, ParsedDate, Precision, Shape, is_valid_edtf, parse_edtf
from .entities import Entry, RelativeDate
from .vocab import Relation, TimeUnit

Find = Callable[[str], Entry | None]
#: Anchor id → ids of the entries counted from it.
Dependents = Callable[[str], Iterable[str]]

_AFTER = frozenset({Relation.WITHIN_AFTER, Relation.AFTER})
_UNIT_PRECISION = {
    TimeUnit.DAY: Precision.DAY,
    TimeUnit.WEEK: Precision.DAY,
    TimeUnit.MONTH: Precision.MONTH,
    TimeUnit.YEAR: Precision.YEAR,
}
_PHRASES = {
    Relation.WITHIN_AFTER: "up to {} after",
    Relation.WITHIN_BEFORE: "up to {} before",
    Relation.AFTER: "{} after",
    Relation.BEFORE: "{} before",
}
#: The relation's words alone, for a list of choices.
RELATION_LABELS = {relation: text.format("N") for relation, text in _PHRASES.items()}


class RelationError(ValueError):
    """A relative date that cannot be resolved or set; the message says why."""


def amount_words(amount: int, unit: TimeUnit) -> str:
    """``3 years``, ``1 week``."""
    return f"{amount} {unit.value}{'' if amount == 1 else 's'}"


def relation_words(relative: RelativeDate, anchor: Entry | None) -> str:
    """``up to 3 years after: Russia-brokered ceasefire`` (or ``…: anchor gone``)."""
    phrase = _PHRASES[relative.relation].format(amount_words(relative.amount, relative.unit))
    name = "anchor gone" if anchor is None else (anchor.title or "(untitled)")
    return f"{phrase}: {name}"


def _name(entry: Entry) -> str:
    return f"'{(entry.title or entry.id)[:60]}'"


def _precision(precision: Precision) -> Precision:
    # Seasons and other groupings are made of whole months.
    if precision in (Precision.YEAR, Precision.DAY):
        return precision
    return Precision.MONTH


def _moment(parsed: ParsedDate, after: bool, name: str) -> tuple[int, int, Precision]:
    """Day bounds and precision of the anchor's end (``after``) or start."""
    if parsed.shape is Shape.POINT or parsed.shape is Shape.INTERVAL:
        point = parsed.end if after and parsed.shape is Shape.INTERVAL else parsed.start
        if point is None:
            which = "end" if after else "start"
            raise RelationError(f"{name} has no known {which} to count from")
        return point.core_earliest, point.core_latest, _precision(point.precision)
    first, last = parsed.start, parsed.end
    if first is None or last is None or End.DATE not in (parsed.start_kind, parsed.end_kind):
        raise RelationError(f"{name} is open-ended: there is nothing to count from")
    finest = max(first.precision, last.precision)
    return first.core_earliest, last.core_latest, _precision(finest)


def _added(day: int, amount: int, unit: TimeUnit) -> int:
    """``day`` moved by ``amount`` units; months and years keep the day, or the last one."""
    if unit is TimeUnit.DAY or unit is TimeUnit.WEEK:
        return day + amount * (7 if unit is TimeUnit.WEEK else 1)
    year, month, dom = civil(day)
    year, month = add_months(year, month, amount * (12 if unit is TimeUnit.YEAR else 1))
    return day_number(year, month, min(dom, days_in_month(year, month)))


def resolve(relative: RelativeDate, anchor: Entry) -> str:
    """The EDTF ``relative`` gives, counted from ``anchor``'s date (RelationError if none)."""
    parsed = parse_edtf(anchor.when.edtf)
    if parsed.shape is Shape.UNDATED:
        raise RelationError(f"{_name(anchor)} has no date to count from")
    after = relative.relation in _AFTER
    low, high, precision = _moment(parsed, after, _name(anchor))
    if relative.amount:
        precision = max(precision, _UNIT_PRECISION[relative.unit])
    step = relative.amount if after else -relative.amount
    if relative.relation is Relation.WITHIN_AFTER:
        first, last = low, _added(high, step, relative.unit)
    elif relative.relation is Relation.WITHIN_BEFORE:
        first, last = _added(low, step, relative.unit), high
    else:
        first, last = _added(low, step, relative.unit), _added(high, step, relative.unit)
    start, end = day_to_edtf(first, precision), day_to_edtf(last, precision)
    text = start if start == end else f"[{start}..{end}]"
    if not is_valid_edtf(text):
        raise RelationError(
            f"{amount_words(relative.amount, relative.unit)} from "
            f"{_name(anchor)} is beyond the years a date can hold"
        )
    return text


def _dated(entry: Entry, edtf: str) -> Entry:
    if edtf == entry.when.edtf:
        return entry
    return entry.model_copy(update={"when": entry.when.model_copy(update={"edtf": edtf})})


def circle(entry: Entry, anchor_id: str, find: Find) -> list[Entry] | None:
    """The entries from ``entry`` round to it again if it counted from ``anchor_id``."""
    chain = [entry]
    ident: str | None = anchor_id
    while ident is not None:
        if ident == entry.id:
            return [*chain, entry]
        step = find(ident)
        if step is None or any(step.id == seen.id for seen in chain):
            return None  # a dead end, or a circle elsewhere that does not pass here
        chain.append(step)
        ident = step.relative_to.anchor if step.relative_to is not None else None
    return None


def circle_message(chain: Sequence[Entry]) -> str:
    """Why a relation that would close ``chain`` is refused."""
    route = " → ".join(_name(e) for e in chain)
    return (
        f"{_name(chain[0])} cannot count from {_name(chain[1])}: the dates would go round "
        f"in a circle ({route})"
    )


def with_relation(entry: Entry, relative: RelativeDate | None, find: Find) -> Entry:
    """``entry`` counted from another (its date resolved), or with no relation (None).

    RelationError when the anchor is missing or has no date to count from, or when the
    relation would lead back to ``entry``.
    """
    if relative is None:
        return entry.model_copy(update={"relative_to": None})
    anchor = find(relative.anchor)
    if anchor is None:
        raise RelationError(f"no entry with id '{relative.anchor}' to count from")
    chain = circle(entry, relative.anchor, find)
    if chain is not None:
        raise RelationError(circle_message(chain))
    return _dated(entry.model_copy(update={"relative_to": relative}), resolve(relative, anchor))


def resolved_or_none(entry: Entry, find: Find) -> str | None:
    """The date ``entry``'s relation gives now, or None (no relation, anchor gone or undated)."""
    relative = entry.relative_to
    anchor = find(relative.anchor) if relative is not None else None
    if relative is None or anchor is None:
        return None
    try:
        return resolve(relative, anchor)
    except RelationError:
        return None


def _settled(entry: Entry, old: Entry | None, find: Find) -> Entry:
    """An edited entry as stored: its new relation resolved, or a hand-set date's kept."""
    relative = entry.relative_to
    if relative is None:
        return entry
    if old is not None and old.relative_to == relative:
        if old.when.edtf == entry.when.edtf or resolved_or_none(entry, find) == entry.when.edtf:
            return entry
        return entry.model_copy(update={"relative_to": None})
    return with_relation(entry, relative, find)


def relinked(entry: Entry, renamed: Mapping[str, str]) -> Entry:
    """``entry`` counted from the new id of its anchor, when ``renamed`` gives one."""
    relative = entry.relative_to
    if relative is None or relative.anchor not in renamed:
        return entry
    moved = relative.model_copy(update={"anchor": renamed[relative.anchor]})
    return entry.model_copy(update={"relative_to": moved})


def dependents_index(entries: Iterable[Entry]) -> Dependents:
    """Anchor id → the ids of the entries counted from it, by a scan of ``entries``."""
    index: dict[str, list[str]] = {}
    for entry in entries:
        if entry.relative_to is not None:
            index.setdefault(entry.relative_to.anchor, []).append(entry.id)
    return lambda anchor: index.get(anchor, ())


def _follow(new: dict[str, Entry], moved: list[str], dependents: Dependents, find: Find) -> None:
    """Re-resolve in ``new`` every entry counted (transitively) from those ``moved``."""
    queue, done = deque(moved), set(moved)
    while queue:
        anchor = find(queue.popleft())
        if anchor is None:
            continue
        for ident in dependents(anchor.id):
            current = find(ident)  # as edited so far
            relative = current.relative_to if current is not None else None
            if current is None or relative is None or ident in done or relative.anchor != anchor.id:
                continue
            done.add(ident)
            try:
                followed = _dated(current, resolve(relative, anchor))
            except RelationError:
                continue  # keeps its last resolved date
            if followed is not current:
                new[ident] = followed
                queue.append(ident)


def follow_anchors(edited: Sequence[Entry], find: Find, dependents: Dependents) -> list[Entry]:
    """``edited`` as they are to be stored, then each entry whose date follows theirs.

    ``find`` looks an entry up by id as it is before the edit; ``dependents`` gives the
    ids of the entries counted from an id (:func:`dependents_index` over a list, or the
    document's :class:`~.relative_index.DependentsIndex`).
    Raises RelationError for a relation that cannot be set (see :func:`with_relation`).
    """
    new = {entry.id: entry for entry in edited}

    def current(ident: str) -> Entry | None:
        found = new.get(ident)
        return found if found is not None else find(ident)

    olds = {entry.id: find(entry.id) for entry in edited}
    for entry in edited:
        new[entry.id] = _settled(entry, olds[entry.id], current)
    moved = [
        ident for ident, old in olds.items() if old is None or old.when.edtf != new[ident].when.edtf
    ]
    if moved:
        _follow(new, moved, dependents, current)
    return list(new.values())
