"""Dates in a spreadsheet column: day-first or month-first, decided once for the column.

A spreadsheet writes all its dates one way, so the order of ``09/11/2021`` is decided
for the whole column, not cell by cell: a date whose first number is above 12
(``15/12/2021``) settles day-first for every date in the column, one whose second
number is above 12 (``12/15/2021``) month-first. The importer's caller can also set the
order (``--day-first``/``--month-first``, or the choice in the import dialog); that
wins over the column.

When nothing settles it, a slash or dash date that reads either way (``03/04/2021``)
is not guessed: :func:`read_cell` refuses it and the importer keeps it as the wording
of an undated entry. A dotted date (``03.04.2021``) is read day-first, the one order
in which dots are written. A column holding both kinds of evidence is not settled
either (and a note says so).

Each cell is then read by :func:`timeline_editor.model.written_dates.read_written_date`,
the reader shared with the inspector's date field, so a spreadsheet may hold every
form it reads: EDTF, ``15 December 2021``, ``December 15, 2021``, ``15.12.2021``,
``2021-12-15T10:00``, ``about Nov 2021``, ``44 BC``, ``between 1 and 10 Nov 2021``,
``late November 2021``, ``spring 2022``, ``Q1 2022``, ``14 or 15 December 2021``,
``by the end of 2022``. A CSV has no day to count from, so "by the end of the year"
and "in the coming weeks" are refused there (the row is kept undated with its words).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from timeline_editor.model.edtf import is_valid_edtf
from timeline_editor.model.written_dates import WrittenDate, WrittenDateError, read_written_date

#: Day, month (in either order) and a year of three or four digits.
_NUMERIC = re.compile(r"(?<![0-9])([0-9]{1,2})([-/.])([0-9]{1,2})\2(?=[0-9]{3,4}(?![0-9]))")

ORDER_WORDS = {True: "day-first", False: "month-first"}


@dataclass(frozen=True)
class DateOrder:
    """The column's order (None: not settled) and a note saying how it was decided."""

    day_first: bool | None
    note: str = ""


def _numeric_dates(text: str) -> list[re.Match[str]]:
    """The day/month/year dates in a cell (none in an ISO date: skipped without a search)."""
    if "/" not in text and "." not in text and ("-" not in text or text[:4].isdigit()):
        return []  # the usual 2021-12-15 costs no search (100k rows: 0.2 s less)
    return list(_NUMERIC.finditer(text))


def _ambiguous(match: re.Match[str]) -> bool:
    first, second = int(match[1]), int(match[3])
    return match[2] != "." and first != second and first <= 12 and second <= 12


def _evidence(cells: Iterable[tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """The first cell (place, text) showing day-first, month-first and either order."""
    found: dict[str, tuple[str, str]] = {}
    for where, text in cells:
        for match in _numeric_dates(text):
            first, second = int(match[1]), int(match[3])
            if first > 12:
                found.setdefault("day", (where, text))
            if second > 12:
                found.setdefault("month", (where, text))
            if _ambiguous(match):
                found.setdefault("either", (where, text))
        if "day" in found and "month" in found:
            break
    return found


def decide_order(cells: Iterable[tuple[str, str]], asked: bool | None) -> DateOrder:
    """The order of numeric dates in these (place, text) cells, or the one ``asked``."""
    if asked is not None:
        return DateOrder(asked, f"dates: {ORDER_WORDS[asked]} (as asked)")
    found = _evidence(cells)
    day, month = found.get("day"), found.get("month")
    if day and month:
        return DateOrder(
            None,
            f"warning: the dates mix day-first ({day[0]}: '{day[1]}') and month-first "
            f"({month[0]}: '{month[1]}'); dates that read either way were left undated",
        )
    for evidence, day_first in ((day, True), (month, False)):
        if evidence:
            where, text = evidence
            return DateOrder(
                day_first, f"dates: {ORDER_WORDS[day_first]}, as {where} shows ('{text}')"
            )
    if "either" in found:
        where, text = found["either"]
        return DateOrder(
            None,
            f"warning: no date shows whether the day or the month comes first ({where}: "
            f"'{text}'); dates that read either way were left undated: set the order",
        )
    return DateOrder(None)


def read_cell(text: str, day_first: bool | None) -> WrittenDate:
    """The date in a cell, numeric dates read in the column's order.

    Raises :class:`WrittenDateError` naming the problem, also for a date that reads
    either way while the order is not settled.
    """
    if is_valid_edtf(text.strip()):
        return WrittenDate(text.strip(), "")
    if day_first is None:
        for match in _numeric_dates(text):
            if _ambiguous(match):
                raise WrittenDateError(
                    f"'{text.strip()}' could be day/month or month/day, and no date in the "
                    "column settles it (set the order: day-first or month-first)"
                )
    return read_written_date(text, day_first=day_first)


def loose_date(text: str) -> str:
    """EDTF of one written date on its own; ValueError when it cannot be read safely.

    A numeric date that reads either way (``03/04/2021``) is refused: one date alone
    has no column to settle its order.
    """
    return read_cell(text, None).edtf
