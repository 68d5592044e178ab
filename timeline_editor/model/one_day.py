"""One day typed by a person, as EDTF or in words: the fields that ask for a single day.

The "Known on" field and the "What changed" panel's From and To take ``2021-11-20`` or
``20 Nov 2021`` alike (read by :func:`.written_dates.read_written_date`); anything that
is not one day (a month, a window, "mid-November") is refused with the reason.
"""

from __future__ import annotations

from .edtf import parse_edtf
from .entities import check_day
from .written_dates import read_written_date

DAY_HINT = "a day such as 2021-11-20 or 20 Nov 2021"


def read_day(text: str) -> int:
    """The day number of one day typed as EDTF or in words; ValueError saying why not."""
    stripped = text.strip()
    if not stripped:
        raise ValueError(f"no day given: type {DAY_HINT}")
    try:
        edtf = read_written_date(stripped).edtf
    except ValueError as exc:
        raise ValueError(f"'{stripped}' is not a day: {exc}") from None
    try:
        check_day(edtf)
    except ValueError:
        raise ValueError(f"'{stripped}' is not one day: type {DAY_HINT}") from None
    earliest = parse_edtf(edtf).earliest
    assert earliest is not None  # one exact day has bounds
    return earliest
