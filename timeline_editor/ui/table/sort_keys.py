"""Sort keys of the chronology table, one array per column, computed when first sorted by.

The order is always: non-blank cells by the column's key (ascending or descending),
ties by date (earliest day, then span, then the time of day: UTC when zoned, dates
without a time first), then by row; blank cells last, in date order. Sorted by date
itself, times within a day follow the direction of the sort.
:func:`sorted_rows` gives that order for all rows with numpy (100,000 rows in tens of
milliseconds for an int column); :meth:`SortKeys.before` compares two rows the same
way, so a few edited rows can be put back in place by binary search.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

import numpy as np
import numpy.typing as npt

from timeline_editor.model.edtf import EdtfError, parse_edtf
from timeline_editor.model.edtf_time import NO_TIME, minute_key
from timeline_editor.model.entities import Entry
from timeline_editor.model.gc_pause import gc_paused
from timeline_editor.model.queries import is_disputed
from timeline_editor.ui.table.columns import (
    CONFIDENCE_ORDER,
    GRADE_ORDER,
    KIND_ORDER,
    LIKELIHOOD_ORDER,
    STATUS_ORDER,
    TEXT_KEYS,
    Col,
    Lookup,
    day_key,
    sort_key,
)

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]
#: Undated rows come after every dated one when dates break a tie.
UNDATED = int(np.iinfo(np.int64).max)
_WHEN = attrgetter("when.edtf")


@dataclass
class Keys:
    """One column's keys: ints (an array) or folded text (a list), and which are blank."""

    values: Ints | list[str]
    blank: Bools
    #: Dense ranks of text keys, kept until the keys change.
    ranks: Ints | None = None
    #: True for the date column: times within a day then follow the sort's direction.
    is_date: bool = False

    def order(self) -> Ints:
        """Ints that sort as the keys do (text keys ranked once)."""
        if self.ranks is None:
            self.ranks = _ranks(self.values)
        return self.ranks


@lru_cache(maxsize=131072)
def _date_key(edtf: str) -> int:
    key = day_key(edtf)
    return UNDATED if key is None else key


def date_keys(entries: Sequence[Entry]) -> Ints:
    """The date key of every entry (undated: after all dated ones)."""
    texts = map(_WHEN, entries)
    return np.fromiter(map(_date_key, texts), dtype=np.int64, count=len(entries))


@lru_cache(maxsize=131072)
def _minute_key(edtf: str) -> int:
    if "T" not in edtf:  # no time of day: most dates, answered without a parse
        return NO_TIME
    try:
        return minute_key(parse_edtf(edtf))
    except EdtfError:
        return NO_TIME


def minute_keys(entries: Sequence[Entry]) -> Ints:
    """The minute of its day each entry sorts by within its day (see ``minute_key``)."""
    texts = map(_WHEN, entries)
    return np.fromiter(map(_minute_key, texts), dtype=np.int64, count=len(entries))


def _text_keys(texts: Iterable[str]) -> list[str]:
    return [text.casefold()[:200] for text in texts]


def _source_keys(entries: Sequence[Entry], lookup: Lookup) -> list[int | None]:
    """What :func:`sort_key` gives for Sources, in one tight loop (the slowest column)."""
    rank = {ident: GRADE_ORDER[s.reliability] for ident, s in lookup.sources.items()}
    unknown = len(GRADE_ORDER)
    keys: list[int | None] = []
    for entry in entries:
        ids = {c.source_id for c in entry.citations}
        if entry.claims:
            ids.update(c.citation.source_id for c in entry.claims if c.citation is not None)
        if not ids:
            keys.append(None)
            continue
        best = min(rank.get(ident, unknown) for ident in ids)
        keys.append(best * 1_000_000 + 999_999 - min(len(ids), 999_999))
    return keys


def _raw_keys(entries: Sequence[Entry], col: Col, lookup: Lookup) -> Sequence[int | str | None]:
    """Every row's :func:`sort_key` in ``col``, the common columns without a call per row."""
    match col:
        case Col.TITLE:
            return _text_keys(e.title for e in entries)
        case Col.AS_STATED:
            return _text_keys(e.when.as_stated for e in entries)
        case Col.TAGS:
            return _text_keys(", ".join(e.tags) for e in entries)
        case Col.KIND:
            return [KIND_ORDER[e.kind] for e in entries]
        case Col.STATUS:
            return [STATUS_ORDER[e.status] for e in entries]
        case Col.LANE:
            order = lookup.lane_order
            return [order.get(e.lane_id) if e.lane_id else None for e in entries]
        case Col.SOURCES:
            return _source_keys(entries, lookup)
        case Col.DISPUTED:
            return [0 if e.claims and is_disputed(e) else 1 for e in entries]
        case Col.ACTORS:
            names = lookup.actors
            return _text_keys("; ".join(names.get(a, a) for a in e.actor_ids) for e in entries)
        case Col.PLACE:
            places = lookup.places
            return _text_keys(places.get(e.place_id, "") if e.place_id else "" for e in entries)
        case Col.LIKELIHOOD:
            terms = LIKELIHOOD_ORDER
            return [terms[e.likelihood] if e.likelihood else None for e in entries]
        case Col.CONFIDENCE:
            levels = CONFIDENCE_ORDER
            return [levels[e.confidence] if e.confidence else None for e in entries]
    return [sort_key(e, col, lookup) for e in entries]


def column_keys(entries: Sequence[Entry], col: Col, lookup: Lookup) -> Keys:
    """The keys of one column for ``entries``."""
    if col is Col.DATE:
        dates = date_keys(entries)
        return Keys(dates, dates == UNDATED, is_date=True)
    raw = _raw_keys(entries, col, lookup)
    if col in TEXT_KEYS:
        texts = [k if isinstance(k, str) else "" for k in raw]
        blank = np.fromiter((not k for k in texts), dtype=np.bool_, count=len(texts))
        return Keys(texts, blank)
    blank = np.fromiter((k is None for k in raw), dtype=np.bool_, count=len(raw))
    ints = np.fromiter((k if isinstance(k, int) else 0 for k in raw), np.int64, len(raw))
    return Keys(ints, blank)


def _ranks(values: Ints | list[str]) -> Ints:
    """Dense ranks of text keys (equal texts, equal ranks); int keys as they are."""
    if isinstance(values, np.ndarray):
        return values
    rank = {text: i for i, text in enumerate(sorted(set(values)))}
    return np.fromiter(map(rank.__getitem__, values), dtype=np.int64, count=len(values))


def sorted_rows(keys: Keys, dates: Ints, descending: bool, minutes: Ints | None = None) -> Ints:
    """Every row in table order (see the module docstring); ``minutes`` from minute_keys."""
    ranks = keys.order()
    primary = -ranks if descending else ranks
    rows = np.arange(len(dates), dtype=np.int64)
    if minutes is None:
        minutes = np.zeros(len(dates), np.int64)
    within = -minutes if descending and keys.is_date else minutes
    return np.lexsort((rows, within, dates, primary, keys.blank)).astype(np.int64)


class SortKeys:
    """The keys of the columns sorted by so far, kept in step with the model's rows."""

    def __init__(self, lookup: Lookup, entries: Sequence[Entry]) -> None:
        self._lookup = lookup
        self._columns: dict[Col, Keys] = {}
        self.dates = date_keys(entries)
        self.minutes = minute_keys(entries)

    def keys(self, col: Col, entries: Sequence[Entry]) -> Keys:
        """A column's keys, computed on first use."""
        if col is Col.DATE:  # kept as the tie-break of every column
            return Keys(self.dates, self.dates == UNDATED, is_date=True)
        found = self._columns.get(col)
        if found is None:
            with gc_paused():  # a key per row: the collector would walk every entry
                found = self._columns[col] = column_keys(entries, col, self._lookup)
        return found

    def drop(self, cols: Iterable[Col]) -> None:
        """Forget keys that no longer hold (their names or order changed)."""
        for col in cols:
            self._columns.pop(col, None)

    def append(self, entries: Sequence[Entry]) -> None:
        """Keys of rows added at the end."""
        self.dates = np.concatenate([self.dates, date_keys(entries)])
        self.minutes = np.concatenate([self.minutes, minute_keys(entries)])
        for col, keys in self._columns.items():
            more = column_keys(entries, col, self._lookup)
            keys.blank, keys.ranks = np.concatenate([keys.blank, more.blank]), None
            if isinstance(keys.values, list):
                keys.values.extend(more.values)
            else:
                keys.values = np.concatenate([keys.values, more.values])

    def remove(self, rows: Sequence[int]) -> None:
        """Drop the keys of removed rows (``rows`` sorted)."""
        self.dates = np.delete(self.dates, rows)
        self.minutes = np.delete(self.minutes, rows)
        gone = set(rows)
        for keys in self._columns.values():
            keys.blank, keys.ranks = np.delete(keys.blank, rows), None
            if isinstance(keys.values, list):
                keys.values = [v for i, v in enumerate(keys.values) if i not in gone]
            else:
                keys.values = np.delete(keys.values, rows)

    def update(self, rows: Sequence[int], entries: Sequence[Entry], cols: Iterable[Col]) -> None:
        """Recompute the keys of edited rows in the columns an edit touched."""
        cols = set(cols)
        if Col.DATE in cols:
            edited = [entries[r] for r in rows]
            self.dates[list(rows)] = date_keys(edited)
            self.minutes[list(rows)] = minute_keys(edited)
        for col in cols & self._columns.keys():
            keys = self._columns[col]
            keys.ranks = None
            for row in rows:
                key = sort_key(entries[row], col, self._lookup)
                keys.blank[row] = key is None
                if isinstance(keys.values, list):
                    keys.values[row] = key if isinstance(key, str) else ""
                else:
                    keys.values[row] = key if isinstance(key, int) else 0

    def before(self, keys: Keys, descending: bool, a: int, b: int) -> bool:
        """True when row ``a`` comes before row ``b`` in table order."""
        blank_a, blank_b = bool(keys.blank[a]), bool(keys.blank[b])
        if blank_a != blank_b:
            return blank_b
        value_a, value_b = keys.values[a], keys.values[b]
        if value_a != value_b:
            return bool(value_a < value_b) != descending
        date_a, date_b = int(self.dates[a]), int(self.dates[b])
        if date_a != date_b:
            return date_a < date_b
        minute_a, minute_b = int(self.minutes[a]), int(self.minutes[b])
        if minute_a != minute_b:
            return (minute_a < minute_b) != (descending and keys.is_date)
        return a < b
