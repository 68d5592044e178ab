"""Marks of many entries at once: each distinct date end is parsed once, the rest is numpy.

A million entries carry a million distinct date strings but only tens of
thousands of distinct *ends* (``2021-05-03``, ``2021-05~``): an interval is two
ends, a window two ends in brackets. So ends are parsed (and cached) one by one
and every extent is assembled with array arithmetic following
:func:`visual.extent_of`, which stays the reference (tests compare the two).
Strings of any other form (sets among them) go through the full parser and ``extent_of``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from timeline_editor.model.daynum import day_number, days_in_month
from timeline_editor.model.edtf import EdtfError, Precision, Shape, parse_edtf, parse_point
from timeline_editor.model.vocab import EntryKind

from .visual import OPEN_FADE_DAYS, Mark, extent_of

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

# Shape codes of a distinct text.
_UNDATED, _POINT, _INTERVAL, _WINDOW, _OTHER = 0, 1, 2, 3, 4
# End tokens that are not dates.
_UNKNOWN, _OPEN = -1, -2
_COLUMNS = ("earliest", "latest", "core_earliest", "core_latest")
_NO_EARLIEST = np.iinfo(np.int64).min


@dataclass(slots=True)
class Extents:
    """Per-entry outer days, core days and style flags (``dated`` False = undated)."""

    start: Floats
    end: Floats
    core_start: Floats
    core_end: Floats
    mark: Ints
    dated: Bools


def _split(text: str) -> tuple[int, str, str]:
    """Shape code and the two end texts, without validating the ends."""
    if text == "":
        return _UNDATED, "", ""
    if text.startswith("{") or "," in text:
        return _OTHER, "", ""  # sets take the full path: they are rare
    if text.startswith("["):
        if text.endswith("]") and text.count("..") == 1:
            first, second = text[1:-1].split("..")
            return _WINDOW, first, second
        return _OTHER, "", ""
    first, slash, second = text.partition("/")
    if not slash:
        return _POINT, text, ""
    return (_OTHER, "", "") if "/" in second else (_INTERVAL, first, second)


#: Row of an end: earliest, latest, core earliest, core latest, precision, style flags.
EndRow = tuple[int, int, int, int, int, int]
_QUALIFIER_FLAGS = {
    "": 0,
    "~": int(Mark.APPROXIMATE),
    "?": int(Mark.UNCERTAIN),
    "%": int(Mark.APPROXIMATE | Mark.UNCERTAIN),
}
_DAY, _EXACT, _COARSE = int(Precision.DAY), int(Mark.POINT), int(Mark.COARSE)


def _plain_day(text: str) -> EndRow | None:
    """``YYYY-MM-DD`` with an optional qualifier, without the regex parser (most ends)."""
    qualifier = text[10:]
    if len(text) > 11 or text[4:5] != "-" or text[7:8] != "-" or qualifier not in _QUALIFIER_FLAGS:
        return None
    year, month, day = text[:4], text[5:7], text[8:10]
    digits = year + month + day
    if not (digits.isdigit() and digits.isascii()):
        return None
    y, m, d = int(year), int(month), int(day)
    if not (1 <= m <= 12 and 1 <= d <= days_in_month(y, m)):
        return None  # the parser says what is wrong
    number = day_number(y, m, d)
    widen = 1 if qualifier else 0
    flags = _QUALIFIER_FLAGS[qualifier] | _EXACT
    return number - widen, number + widen, number, number, _DAY, flags


def _end_row(text: str) -> EndRow:
    """The row of one end, from the fast path or the full parser (which raises)."""
    row = _plain_day(text)
    if row is not None:
        return row
    point = parse_point(text)
    flags = Mark.APPROXIMATE if point.approximate else Mark.NONE
    flags |= Mark.UNCERTAIN if point.uncertain else Mark.NONE
    exact = point.precision is Precision.DAY and not point.unspecified
    flags |= Mark.POINT if exact else Mark.COARSE
    return (
        point.earliest,
        point.latest,
        point.core_earliest,
        point.core_latest,
        int(point.precision),
        int(flags),
    )


class _Ends:
    """Distinct end texts, parsed once, with their bounds as rows of a table."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {"": _UNKNOWN, "..": _OPEN}
        self.rows: list[EndRow] = []

    def token(self, text: str) -> int:
        found = self.ids.get(text)
        if found is None:
            row = _end_row(text)
            found = self.ids[text] = len(self.rows)
            self.rows.append(row)
        return found

    def table(self) -> dict[str, Ints]:
        columns = np.array(self.rows, np.int64).reshape(-1, 6)
        names = (*_COLUMNS, "precision", "flags")
        return {name: columns[:, i] for i, name in enumerate(names)}


def _codes(texts: Sequence[str]) -> tuple[list[str], Ints]:
    """Distinct texts in first-seen order and each entry's position among them."""
    seen: dict[str, int] = {}
    codes = [seen.setdefault(t, len(seen)) for t in texts]
    return list(seen), np.array(codes, np.int64)


def _tokens(distinct: list[str], ends: _Ends) -> tuple[Ints, Ints, Ints, list[int]]:
    """Shape, first and second end token of each distinct text; odd texts listed apart."""
    shapes: list[int] = []
    firsts: list[int] = []
    seconds: list[int] = []
    odd: list[int] = []
    known, token = ends.ids.get, ends.token
    for i, text in enumerate(distinct):
        shape, first, second = _split(text)
        a = b = _UNKNOWN
        if shape not in (_UNDATED, _OTHER):
            try:
                found = known(first)
                a = token(first) if found is None else found
                if shape != _POINT:
                    found = known(second)
                    b = token(second) if found is None else found
            except EdtfError:
                shape = _OTHER
            if shape == _POINT and a < 0:
                shape = _OTHER
        if shape == _OTHER:
            odd.append(i)
        shapes.append(shape)
        firsts.append(a)
        seconds.append(b)
    as_array = np.array
    return as_array(shapes, np.int64), as_array(firsts, np.int64), as_array(seconds, np.int64), odd


def _pick(table: dict[str, Ints], name: str, tokens: Ints) -> Ints:
    """A column of the end table for each token (0 where there is no date)."""
    column = table[name]
    if not len(column):
        return np.zeros(len(tokens), np.int64)
    return np.where(tokens >= 0, column[np.maximum(tokens, 0)], 0)


def _pairs(
    shapes: Ints, firsts: Ints, seconds: Ints, table: dict[str, Ints], as_of: int | None
) -> tuple[Floats, Floats, Floats, Floats, Ints, Ints]:
    """Extents of points, intervals and windows (see ``extent_of``), plus strict earliest."""
    has_a, has_b = firsts >= 0, seconds >= 0
    a_early, a_late = _pick(table, "earliest", firsts), _pick(table, "latest", firsts)
    b_early, b_late = _pick(table, "earliest", seconds), _pick(table, "latest", seconds)
    a_core_e, a_core_l = _pick(table, "core_earliest", firsts), _pick(table, "core_latest", firsts)
    b_core_l = _pick(table, "core_latest", seconds)
    a_flags, b_flags = _pick(table, "flags", firsts), _pick(table, "flags", seconds)
    point = shapes == _POINT
    start = np.where(has_a, a_early, b_early - OPEN_FADE_DAYS).astype(np.float64)
    reach = float(as_of + 1) if as_of is not None else 0.0
    end = np.where(has_b, b_late + 1.0, np.maximum(reach, a_late + 1.0 + OPEN_FADE_DAYS))
    core_start = np.where(has_a, a_core_e, start).astype(np.float64)
    core_end = np.where(has_b, b_core_l + 1.0, end)
    qualifiers = int(Mark.APPROXIMATE | Mark.UNCERTAIN)
    mark = (a_flags | b_flags) & qualifiers
    mark |= np.where(has_a, 0, int(Mark.OPEN_START)) | np.where(has_b, 0, int(Mark.OPEN_END))
    mark |= np.where(shapes == _WINDOW, int(Mark.WINDOW), int(Mark.PERIOD))
    precision = np.maximum(_pick(table, "precision", firsts), _pick(table, "precision", seconds))
    coarse = has_a & has_b & (precision < int(Precision.DAY))
    mark |= np.where(coarse, int(Mark.COARSE), 0)
    end = np.maximum(end, start + 1e-3)
    core_end = np.maximum(core_end, core_start)
    # Points: the first end alone.
    start = np.where(point, a_early, start)
    end = np.where(point, a_late + 1.0, end)
    core_start = np.where(point, a_core_e, core_start)
    core_end = np.where(point, a_core_l + 1.0, core_end)
    mark = np.where(point, a_flags, mark)
    earliest = np.where(has_a, a_early, _NO_EARLIEST)
    return start, end, core_start, core_end, mark, earliest


def _odd_pairs(shapes: Ints, firsts: Ints, seconds: Ints, table: dict[str, Ints]) -> Bools:
    """Intervals the parser rejects (no date at all, or ending before they start)."""
    pair = (shapes == _INTERVAL) | (shapes == _WINDOW)
    neither = pair & (firsts < 0) & (seconds < 0)
    both = pair & (firsts >= 0) & (seconds >= 0)
    reversed_ = both & (
        _pick(table, "core_latest", seconds) < _pick(table, "core_earliest", firsts)
    )
    odd: Bools = neither | reversed_
    return odd


def _reference(text: str, as_of: int | None) -> tuple[float, float, float, float, int, int, int]:
    """One text through the full parser (raises its error for a bad date), with its shape."""
    parsed = parse_edtf(text)
    extent = extent_of(
        parsed, EntryKind.EVENT, planned=False, dead=False, disputed=False, as_of=as_of
    )
    if extent is None:
        return 0.0, 0.0, 0.0, 0.0, 0, _NO_EARLIEST, _UNDATED
    earliest = parsed.earliest if parsed.earliest is not None else _NO_EARLIEST
    shape = _POINT if parsed.shape is Shape.POINT else _INTERVAL
    return (
        extent.start,
        extent.end,
        extent.core_start,
        extent.core_end,
        int(extent.mark),
        earliest,
        shape,
    )


def _distinct_extents(
    distinct: list[str], as_of: int | None
) -> tuple[Floats, Floats, Floats, Floats, Ints, Ints, Ints]:
    """Extents and shapes of each distinct text (kind, status and claims not yet applied)."""
    ends = _Ends()
    shapes, firsts, seconds, odd = _tokens(distinct, ends)
    table = ends.table()
    start, end, core_start, core_end, mark, earliest = _pairs(shapes, firsts, seconds, table, as_of)
    odd_mask = _odd_pairs(shapes, firsts, seconds, table)
    odd_mask[odd] = True
    for i in np.flatnonzero(odd_mask).tolist():
        row = _reference(distinct[i], as_of)
        start[i], end[i], core_start[i], core_end[i], mark[i], earliest[i], shapes[i] = row
    return start, end, core_start, core_end, mark, earliest, shapes


def entry_extents(
    texts: Sequence[str],
    *,
    periods: Bools,
    dead: Bools,
    disputed: Bools,
    as_of: int | None,
) -> Extents:
    """Every entry's mark, as ``extent_of`` would give it, in a few array operations."""
    distinct, codes = _codes(texts)
    start, end, core_start, core_end, mark, earliest, shapes = _distinct_extents(distinct, as_of)
    shape = shapes[codes]
    flags = mark[codes]
    flags |= np.where(periods & (shape == _POINT), int(Mark.PERIOD), 0)
    if as_of is not None:
        flags |= np.where(earliest[codes] > as_of, int(Mark.PLANNED), 0)
    flags |= np.where(dead, int(Mark.DEAD), 0) | np.where(disputed, int(Mark.DISPUTED), 0)
    return Extents(
        start[codes], end[codes], core_start[codes], core_end[codes], flags, shape != _UNDATED
    )
