"""``--known-on DAY`` and friends: reading a day, and the chronology as it stood on it."""

from __future__ import annotations

import argparse

from timeline_editor.model.daynum import format_day
from timeline_editor.model.edtf import EdtfError, Precision, Shape, parse_edtf
from timeline_editor.model.entities import Project
from timeline_editor.model.knowledge_view import KnownChronology, as_known_on

KNOWN_ON_HELP = (
    "the chronology as it stood on DAY (YYYY-MM-DD): only what had been said, issued or "
    "had happened by then, with status and dates as of then"
)


def day_argument(text: str) -> int:
    """A day number from ``YYYY-MM-DD`` (argparse type: a bad day exits 2 with a message)."""
    value = text.strip()
    try:
        parsed = parse_edtf(value)
    except EdtfError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is not a day: {exc}") from None
    point = parsed.start
    exact = (
        parsed.shape is Shape.POINT
        and point is not None
        and point.precision is Precision.DAY
        and point.earliest == point.latest
    )
    if not exact or point is None:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not one day; write a day as YYYY-MM-DD, e.g. 2021-11-20"
        )
    return point.earliest


def certain_on(project: Project, day: int) -> tuple[Project, KnownChronology]:
    """The chronology certainly known on ``day``, and the whole view of that day."""
    known = as_known_on(project, day)
    return known.certain_project(), known


def possible_note(known: KnownChronology, noun: str = "entries") -> str:
    """A note naming how many entries only possibly known on the day were left out."""
    count = len(known.possible)
    if not count:
        return ""
    what = "entry" if count == 1 else noun
    return (
        f"note: {count:,} {what} only possibly known on {format_day(known.day)} left out "
        "(their evidence is dated in a span that reaches past that day)"
    )
