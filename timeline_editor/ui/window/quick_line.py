"""Reading the quick-add line, ``DATE | TITLE | AS STATED``, into a new entry's fields.

DATE is EDTF or a date as people write it (``15 Dec 2021``, ``December 2021``,
``~2021-11``, ``before 2021-12``, ``between 2021-11-01 and 2021-11-10``, ``late November
2021``, ``spring 2022``, ``14 or 15 December 2021``, ``by the end of the year``), read by
:func:`timeline_editor.model.written_dates.read_written_date`; "the year" and "the coming
weeks" count from the reference day the bar passes (the project's as-of date, else
today). Left empty, the entry is undated. TITLE is required. AS STATED, the source's own
words for the date, is optional; without it the entry keeps the date as typed when that
was not EDTF.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

from timeline_editor.model.entities import DateValue
from timeline_editor.model.written_dates import read_written_date
from timeline_editor.ui.widgets.fields import validation_message

FORMAT = "DATE | TITLE | AS STATED"


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


def read_date(text: str, reference: int | None = None) -> tuple[str, str]:
    """(EDTF, words as stated) of a date as typed; ValueError saying why it is unreadable."""
    written = read_written_date(text, reference=reference)
    return written.edtf, written.as_stated


def read_quick_line(text: str, reference: int | None = None) -> QuickLine:
    """The title and date a quick-add line asks for; :class:`QuickLineError` says what is wrong.

    The line splits at its first two ``|``; the AS STATED part may hold more of them.
    ``reference`` is the day number "by the end of the year" and the like count from.
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
        edtf, written = read_date(date_text, reference)
        when = DateValue(edtf=edtf, as_stated=as_stated or written)
    except ValidationError as exc:
        reason = validation_message(exc)[1]
        raise QuickLineError("date", f"cannot use the date “{date_text}”: {reason}") from None
    except ValueError as exc:
        raise QuickLineError("date", f"cannot read the date “{date_text}”: {exc}") from None
    return QuickLine(title, when)
