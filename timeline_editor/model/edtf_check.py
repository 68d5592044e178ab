"""Validating EDTF strings in bulk: a quick yes for the common shapes, a cache for the rest.

Loading a project checks every date field (125k strings at 100k entries, about a
quarter of them distinct). Building a full :class:`~.edtf.ParsedDate` for each is
what made the field validators cost half a second, so :func:`ensure_valid_edtf`
first asks :func:`is_common_valid`, which recognises the shapes that make up nearly
all real dates (``2021``, ``2021-11``, ``2021-11-19``, with a qualifier, and intervals
of those) with one regular expression and no objects. Anything else, including every
invalid string, goes to :func:`~.edtf.parse_edtf`, which words the error.
"""

from __future__ import annotations

import re

from .daynum import days_in_month
from .edtf import parse_edtf

#: Strings known to be valid; cleared when full, so it never grows without bound.
_KNOWN_VALID: set[str] = set()
_MAX_KNOWN = 200_000

# Four-digit years only (no BCE, no X digits, no long years): those take the full parser.
_DATE = re.compile(r"([0-9]{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12][0-9]|3[01]))?)?[~?%]?")


def _plain_date(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a real plain date, 0 for a missing part; None otherwise."""
    match = _DATE.fullmatch(text)
    if match is None:
        return None
    year_text, month_text, day_text = match.groups()
    year = int(year_text)
    if day_text is None:
        return year, int(month_text or 0), 0
    month, day = int(month_text), int(day_text)
    if day > 28 and day > days_in_month(year, month):
        return None
    return year, month, day


def is_common_valid(text: str) -> bool:
    """True when ``text`` is a valid date of a common shape; False means "ask the parser".

    Common shapes: undated (``""``), ``YYYY``, ``YYYY-MM`` and ``YYYY-MM-DD`` with an
    optional ``~ ? %``, and intervals of two of those or of one and an open (``..``)
    or unknown (empty) end, in order. False does not mean invalid.
    """
    if "/" not in text:
        return text == "" or _plain_date(text) is not None
    first, _, second = text.partition("/")
    start = None if first in ("", "..") else _plain_date(first)
    end = None if second in ("", "..") else _plain_date(second)
    if (start is None and first not in ("", "..")) or (end is None and second not in ("", "..")):
        return False
    if start is None or end is None:
        # One end may be open or unknown, but not both (the parser says why).
        return start is not None or end is not None
    # Compare the start's first possible day with the end's last (qualifiers don't
    # count, as in the parser): a missing month or day of the end means its last one,
    # and 12/31 stand in for those because only the ordering matters here.
    start_key = (start[0], start[1] or 1, start[2] or 1)
    end_key = (end[0], end[1] or 12, end[2] or 31)
    return start_key <= end_key


def ensure_valid_edtf(text: str) -> None:
    """Raise :class:`~.edtf.EdtfError` unless ``text`` is a supported EDTF string."""
    if text in _KNOWN_VALID:
        return
    if not is_common_valid(text):
        parse_edtf(text)
    if len(_KNOWN_VALID) >= _MAX_KNOWN:
        _KNOWN_VALID.clear()
    _KNOWN_VALID.add(text)


def clear_cache() -> None:
    """Forget which strings were valid (and the parser's cache): for benchmarks."""
    _KNOWN_VALID.clear()
    parse_edtf.cache_clear()
