"""The inspector's reading of a date under its fields: :func:`describe`, a single date in words.

``describe`` keeps the dates as typed (it sits below the words module, which reads
dates through it); here one exact date is said as the table says it, with its
precision: "14 Dec 2021, 17:00 UTC+1 (to the minute)", "Q1 2022 (to the season)".
"""

from __future__ import annotations

from .date_cases import DateCase, DateParts, describe, precision_word
from .datewords import date_words


def reading(parts: DateParts) -> str:
    """A short reading of ``parts`` in words; an exact date as the table words it."""
    start = parts.start.strip()
    if parts.case is DateCase.EXACT and start:
        return f"{date_words(start)} (to the {precision_word(start) or 'day'})"
    return describe(parts)
