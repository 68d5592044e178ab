"""Dates found in a source's stored text: our English reader, and dateparser for others.

English text (a source whose language is empty or ``en…``) is read by
:mod:`timeline_editor.model.text_dates` alone. dateparser's ``search_dates`` was
measured on the seed article (16 paragraphs, 0.2 s the first time, 0.05 s after, no
network): of its 13 hits 6 were wrong ("we" as 17 November, "4-6" as 6 April, "three
years" as 2018, "six weeks of" as 9 October, "December 15" in 2020, "on Saturday" a
week early), and it misses "early November" and "within the next three years". So it
only adds what our reader cannot read: dates in the source's own language when that is
another one (``ru``, ``hy``, ``fr``, …), each kept where it does not overlap a date our
reader found, at the precision dateparser reports (day, month or year), and marked as
found by dateparser so the researcher knows to check it.
"""

from __future__ import annotations

import datetime as dt
import warnings

from timeline_editor.model.daynum import civil
from timeline_editor.model.entities import Source
from timeline_editor.model.text_dates import Anchor, FoundDate, anchor_of, find_dates

DATEPARSER_NOTE = "found by dateparser (check it)"


def source_dates(source: Source) -> list[FoundDate]:
    """The dates in a source's stored text (none without one), paragraph by paragraph."""
    if source.text is None:
        return []
    anchor = anchor_of(source.issued)
    language = source.language.strip().casefold()[:2]
    found: list[FoundDate] = []
    for number, paragraph in enumerate(source.text.paragraphs, 1):
        ours = find_dates(paragraph, number, anchor)
        if language and language != "en":
            theirs = _dateparser_dates(paragraph, number, language, anchor)
            ours = [f for f in ours if not any(_overlap(f, g) for g in theirs)]
            ours = sorted(ours + theirs, key=lambda f: f.start)
        found += ours
    return found


def _overlap(first: FoundDate, second: FoundDate) -> bool:
    return first.start < second.end and second.start < first.end


def _dateparser_dates(
    paragraph: str, number: int, language: str, anchor: Anchor | None
) -> list[FoundDate]:
    try:
        from dateparser.date import DateDataParser
        from dateparser.search import search_dates
    except ImportError:  # pragma: no cover - a dependency, but reading must not fail
        return []
    settings: dict[str, object] = {"RETURN_AS_TIMEZONE_AWARE": False}
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime(*civil(anchor.day))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            hits = search_dates(paragraph, languages=[language], settings=settings) or []
            parser = DateDataParser(languages=[language], settings=settings)
            results = []
            at = 0
            for words, _when in hits:
                start = paragraph.find(words, at)
                if start < 0:
                    continue
                at = start + len(words)
                data = parser.get_date_data(words)
                if data.date_obj is None:
                    continue
                edtf = _edtf(data.date_obj, data.period or "day")
                results.append(FoundDate(number, start, at, words, edtf, DATEPARSER_NOTE))
            return results
    except (ValueError, KeyError, TypeError, OverflowError):
        return []


def _edtf(when: dt.datetime, period: str) -> str:
    if period == "year":
        return f"{when.year:04d}"
    if period == "month":
        return f"{when.year:04d}-{when.month:02d}"
    return f"{when.year:04d}-{when.month:02d}-{when.day:02d}"
