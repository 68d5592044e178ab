"""Edits typed or picked in a table cell, checked as the inspector checks them.

:func:`edited` gives the entry with a cell's new value or raises :class:`CellError`
with the reason, so the table can show it at the cell and apply nothing. A date is
EDTF (or a common written form such as ``15 Dec 2021``); date and status changes go
into the entry's history on the project's change day, as in the inspector.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError

from timeline_editor.io.importers.csv_dates import loose_date
from timeline_editor.model.date_cases import DateCaseError, from_edtf
from timeline_editor.model.edits import redated, with_status
from timeline_editor.model.edtf_time import canonical_edtf
from timeline_editor.model.entities import Entry
from timeline_editor.model.short_text import shortened
from timeline_editor.model.vocab import Status
from timeline_editor.model.written_points import UnreadableError
from timeline_editor.ui.table.columns import HEADERS, Col
from timeline_editor.ui.widgets.fields import split_list, updated, validation_message

#: Undo-menu verbs per column ("Rename ('Brussels meeting')", "Set status cancelled ...").
VERBS = {
    Col.DATE: "Change date",
    Col.AS_STATED: "Change wording of date",
    Col.TITLE: "Rename",
    Col.KIND: "Set kind",
    Col.STATUS: "Set status",
    Col.LANE: "Change lane",
    Col.TAGS: "Edit tags",
    Col.LIKELIHOOD: "Set likelihood",
    Col.CONFIDENCE: "Set confidence",
}


#: Letters EDTF writes itself: X digits, long and exponent years, significant digits, times.
_EDTF_LETTERS = frozenset("XYESTZ")


class CellError(ValueError):
    """A cell's new value that cannot be applied; the message says why."""


def read_date(text: str) -> str:
    """EDTF of a typed date: EDTF itself or a common written form; CellError otherwise."""
    text = text.strip()
    try:
        from_edtf(text)
    except DateCaseError as not_edtf:
        try:
            return loose_date(text)
        except ValueError as not_written:
            raise CellError(_reason(text, not_written, not_edtf)) from None
    return canonical_edtf(text)  # a time as EDTF writes it: T17:00 → T17:00:00


def _reason(text: str, not_written: ValueError, not_edtf: DateCaseError) -> str:
    """Why a typed date is refused: the written-date reader's reason, as the quick-add
    line gives it ("a year beyond 9999 (20222) takes no season"), unless it found no
    written form in text of digits and signs: there the EDTF parser's is the one that
    names the problem ("member 2 of '[…]' repeats member 1")."""
    wordy = any(c.isalpha() and c not in _EDTF_LETTERS for c in text)
    if wordy or not isinstance(not_written, UnreadableError):
        return str(not_written)
    return str(not_edtf)


def _checked(entry: Entry, **changes: object) -> Entry:
    try:
        return updated(entry, **changes)
    except ValidationError as exc:
        raise CellError(validation_message(exc)[1]) from None


def edited(entry: Entry, col: Col, value: str, *, at: str) -> Entry:
    """``entry`` with ``value`` in column ``col`` (the same entry when nothing changes)."""
    match col:
        case Col.DATE:
            new = redated(entry, when=read_date(value), at=at)
            return new if new is entry else _checked(entry, when=new.when, history=new.history)
        case Col.AS_STATED:
            return _checked(entry, when=entry.when.model_copy(update={"as_stated": value}))
        case Col.TITLE:
            return _checked(entry, title=value.strip())
        case Col.STATUS:
            new = with_status(entry, status=Status(value), at=at)
            return new if new is entry else _checked(entry, status=new.status, history=new.history)
        case Col.TAGS:
            return _checked(entry, tags=split_list(value))
        case Col.LANE:
            return _checked(entry, lane_id=value or None)
        case Col.KIND | Col.LIKELIHOOD | Col.CONFIDENCE:
            return _checked(entry, **{col.name.lower(): value or None})
    raise CellError(f"{HEADERS[col]} is not edited in the table")


def retagged(entry: Entry, before: Sequence[str], after: Sequence[str]) -> Entry:
    """``entry`` with the tags added to one row's list added and those removed removed.

    So that typing a tag into one of several selected rows adds it to all of them
    without replacing the other tags each row has.
    """
    added = [t for t in after if t not in before]
    removed = set(before) - set(after)
    tags = [t for t in entry.tags if t not in removed]
    tags += [t for t in added if t not in tags]
    return _checked(entry, tags=tuple(tags)) if tuple(tags) != entry.tags else entry


def undo_text(col: Col, value: str, entries: Sequence[Entry]) -> str:
    """The Undo menu's name of an edit, e.g. "Set status cancelled (3 entries)"."""
    verb = VERBS.get(col, "Edit")
    if col in (Col.STATUS, Col.KIND, Col.LIKELIHOOD, Col.CONFIDENCE) and value:
        verb += f" {value.replace('_', ' ')}"
    if len(entries) == 1:
        return f"{verb} ('{shortened(entries[0].title)}')"
    return f"{verb} ({len(entries)} entries)"
