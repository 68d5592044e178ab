"""Years of EDTF levels 1 and 2 beyond four plain digits: long, exponent, significant.

* ``Y170000002`` a long year (level 1: more than four digits after ``Y``);
* ``Y17E7`` an exponent year, 17 × 10⁷ = 170,000,000 (level 2);
* ``1950S2``, ``Y171010000S3``, ``Y3388E2S3`` significant digits (level 2): the year
  is an estimate and only its first digits are known.

Bounds (decided here, see the README section on EDTF): the estimated year is the
*core* of the point (its strict bounds, as python-edtf's); the years that share the
significant digits are its *outer* bounds: ``1950S2`` is 1950 within 1900–1999,
``Y171010000S3`` is 171,010,000 within 171,000,000–171,999,999.

Every year, estimated or bounding, is kept within ``±limit`` (the parser passes
:data:`~.edtf.MAX_YEAR`): day numbers stay exact Python ints, and numpy int64
and float64 in the layout hold them exactly (a billion years is 3.7 × 10¹¹ days).
"""

from __future__ import annotations

import re
from typing import NamedTuple

_LONG = re.compile(
    r"Y(?P<sign>-?)(?P<digits>[1-9][0-9]*)(?:E(?P<exp>[1-9][0-9]?))?(?:S(?P<sig>[1-9][0-9]?))?"
)
_SIGNIFICANT = re.compile(r"(?P<sign>-?)(?P<digits>[0-9]{4})S(?P<sig>[1-9][0-9]?)")


class YearValue(NamedTuple):
    """An estimated year and the range of years its significant digits allow."""

    year: int
    low: int
    high: int


def _significant_range(year: int, significant: int, text: str) -> tuple[int, int]:
    magnitude = abs(year)
    width = len(str(magnitude))
    if significant > width:
        raise ValueError(
            f"'{text}' gives {significant} significant digits but the year has only {width}"
        )
    step = 10 ** (width - significant)
    low, high = magnitude // step * step, magnitude // step * step + step - 1
    return (-high, -low) if year < 0 else (low, high)


def read_year(text: str, limit: int) -> YearValue | None:
    """The year of a long, exponent or significant-digit year text; None for other texts.

    Raises ValueError (worded for the user) for a year beyond ``±limit``, a long year
    of fewer than five digits, or more significant digits than the year has.
    """
    match = _LONG.fullmatch(text) or _SIGNIFICANT.fullmatch(text)
    if match is None:
        return None
    digits, sig = match.group("digits"), match.group("sig")
    exp = match.groupdict().get("exp")
    if text.startswith("Y") and exp is None and len(digits) < 5:
        raise ValueError(f"'{text}': a Y year has more than four digits (write {digits:0>4})")
    if exp is not None and int(exp) + len(digits) > len(str(limit)) + 1:
        raise ValueError(f"year {text} is out of range (the limit is {limit:,})")
    year = int(digits) * 10 ** int(exp or 0)
    if match.group("sign"):
        year = -year
    if abs(year) > limit:
        raise ValueError(f"year {text} is out of range (the limit is {limit:,})")
    if sig is None:
        return YearValue(year, year, year)
    low, high = _significant_range(year, int(sig), text)
    return YearValue(year, low, high)
