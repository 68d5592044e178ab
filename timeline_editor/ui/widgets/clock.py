"""The one place the program reads the clock: today's day number, handed down to the model."""

from __future__ import annotations

import datetime as dt

from timeline_editor.model.daynum import day_number


def today() -> int:
    """Today's local date as a day number (days since 1970-01-01).

    Callers use ``clock.today()`` through the module, so a test can set the day by
    replacing this one function.
    """
    now = dt.date.today()
    return day_number(now.year, now.month, now.day)
