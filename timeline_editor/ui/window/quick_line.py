"""Reading the quick-add line, ``DATE | TITLE | AS STATED``, into a new entry's fields.

DATE is EDTF or a date as people write it (``15 Dec 2021``, ``December 2021``,
``~2021-11``, ``before 2021-12``, ``between 2021-11-01 and 2021-11-10``), read by
:func:`timeline_editor.model.written_dates.read_written_date`; left empty, the entry is
undated. TITLE is required. AS STATED, the source's own words for the date, is optional;
without it the entry keeps the date as typed when that was not EDTF.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import ValidationError

from timeline_editor.model.edtf import parse_edtf
from timeline_editor.model.entities import DateValue
from timeline_editor.ui.widgets.fields import validation_message

FORMAT = "DATE | TITLE | AS STATED"

#: (edtf, as stated) of a written date; raises ValueError with a plain reason.
DateReader = Callable[[str], tuple[str, str]]


class QuickLineError(ValueError):
    """A quick-add line that makes no entry; ``part`` is "line", "date" or "title"."""

    def __init__(self, part: str, message: str) -> None:
        super().__init__(message)
        self.part = part


@dataclass(frozen=True)
class QuickLine:
    """What a quick-add line asks for: a title and a date."""

    title: str
    when: DateValue


# --- TEMPORARY until model/written_dates.py is merged -----------------------------------
# The written-date reader is being written on another branch. Until it lands, only EDTF
# is read here. At the merge, delete this block and use
#     from timeline_editor.model.written_dates import read_written_date
# in read_date() below.
_WRITTEN_DATES = "timeline_editor.model.written_dates"


def _edtf_only(text: str) -> tuple[str, str]:
    parse_edtf(text)  # EdtfError (a ValueError) says what is wrong
    return text, ""


def _date_reader() -> DateReader:
    try:
        module = importlib.import_module(_WRITTEN_DATES)
    except ModuleNotFoundError as exc:
        if exc.name != _WRITTEN_DATES:
            raise
        return _edtf_only

    def read(text: str) -> tuple[str, str]:
        """(EDTF, as stated) of a written date, by the model's reader."""
        written = module.read_written_date(text)
        return str(written.edtf), str(written.as_stated)

    return read


_READ = _date_reader()
# --- end of TEMPORARY ---------------------------------------------------------------------


def read_date(text: str) -> tuple[str, str]:
    """(EDTF, words as stated) of a date as typed; ValueError saying why it is unreadable."""
    return _READ(text)


def read_quick_line(text: str) -> QuickLine:
    """The title and date a quick-add line asks for; :class:`QuickLineError` says what is wrong.

    The line splits at its first two ``|``; the AS STATED part may hold more of them.
    """
    if "|" not in text:
        raise QuickLineError("line", f"write {FORMAT} (leave DATE empty for an undated entry)")
    date_text, title, *rest = (part.strip() for part in text.split("|", 2))
    as_stated = rest[0] if rest else ""
    if not title:
        raise QuickLineError("title", f"no title: write it after the first “|” ({FORMAT})")
    if not date_text:
        return QuickLine(title, DateValue(edtf="", as_stated=as_stated))
    try:
        edtf, written = read_date(date_text)
        when = DateValue(edtf=edtf, as_stated=as_stated or written)
    except ValidationError as exc:
        reason = validation_message(exc)[1]
        raise QuickLineError("date", f"cannot use the date “{date_text}”: {reason}") from None
    except ValueError as exc:
        raise QuickLineError("date", f"cannot read the date “{date_text}”: {exc}") from None
    return QuickLine(title, when)
