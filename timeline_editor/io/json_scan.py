"""What JSON parsers let through silently: duplicate keys and numbers we cannot keep.

Both jiter and Python's ``json`` keep the last of two equal keys in an object, and both
read ``1e400`` as infinity, which no JSON writer can write back. A file holding either
would load, mislead (another tool may show the first of the two values), and then fail
every save. The scan here parses with Python's ``json`` and hooks that see each object's
keys and each number's digits:

- :func:`is_clean` answers quickly whether there is anything to report (the fast load
  path uses it as a gate; any doubt, even a parse error, answers False);
- :func:`parse_checked` parses and returns the value with the problems by place
  (``entries[3].when``), for the diagnostic load path and the JSON importers. Numbers
  that cannot be kept come back as :class:`BadNumber`, so an importer treats them as
  the wrong type and reports the record.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from timeline_editor.model.integrity import format_loc

#: Python refuses to convert longer digit strings (``sys.int_info.default_max_str_digits``).
MAX_INT_DIGITS = 4300


class BadNumber:
    """A number in the file that cannot be kept (infinite, or too many digits)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def describe(self) -> str:
        """'the number 1e400 is too large (it reads as infinity)' and the like."""
        shown = (
            self.text if len(self.text) <= 24 else f"{self.text[:12]}… ({len(self.text)} digits)"
        )
        if self.text.lstrip("-").isdigit():
            return f"the number {shown} has more than {MAX_INT_DIGITS:,} digits"
        if self.text in ("NaN", "Infinity", "-Infinity"):
            return f"{self.text} is not a number JSON allows"
        return f"the number {shown} is too large (it reads as infinity)"

    def __repr__(self) -> str:
        return f"<{self.describe()}>"


class _Object(dict[str, Any]):
    """An object whose text repeats keys (only such objects get this type)."""

    __slots__ = ("repeated",)

    repeated: list[str]


class _FoundError(Exception):
    pass


def _scan_object(pairs: list[tuple[str, Any]]) -> None:
    if len(pairs) > 1 and len({key for key, _ in pairs}) != len(pairs):
        raise _FoundError


def _scan_float(text: str) -> None:
    if not math.isfinite(float(text)):
        raise _FoundError


def _scan_int(text: str) -> None:
    if len(text) > MAX_INT_DIGITS:
        raise _FoundError


def _scan_constant(text: str) -> None:
    raise _FoundError


def is_clean(data: bytes | str) -> bool:
    """True only when ``data`` parses and has no repeated key and no unkeepable number."""
    try:
        json.loads(
            data,
            object_pairs_hook=_scan_object,
            parse_float=_scan_float,
            parse_int=_scan_int,
            parse_constant=_scan_constant,
        )
    except (_FoundError, ValueError, RecursionError):
        return False
    return True


@dataclass
class _Seen:
    objects: bool = False
    numbers: bool = False


@dataclass
class Checked:
    """A parsed JSON value and what the file repeated or could not express, by place."""

    value: Any
    #: (place, message) for each object that repeats a key (the last value is kept).
    repeated_keys: list[tuple[str, str]] = field(default_factory=list)
    #: (place, message) for each number that cannot be kept (a :class:`BadNumber`).
    bad_numbers: list[tuple[str, str]] = field(default_factory=list)

    @property
    def problems(self) -> list[tuple[str, str]]:
        """Both kinds of problem, repeated keys first."""
        return self.repeated_keys + self.bad_numbers


def _hooks(seen: _Seen) -> dict[str, Any]:
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        made = dict(items)
        if len(made) == len(items):
            return made
        seen.objects = True
        repeated = _Object(items)
        counts = Counter(key for key, _ in items)
        repeated.repeated = sorted(key for key, count in counts.items() if count > 1)
        return repeated

    def number(text: str) -> float | BadNumber:
        value = float(text)
        if math.isfinite(value):
            return value
        seen.numbers = True
        return BadNumber(text)

    def integer(text: str) -> int | BadNumber:
        if len(text.lstrip("-")) <= MAX_INT_DIGITS:
            return int(text)
        seen.numbers = True
        return BadNumber(text)

    def constant(text: str) -> BadNumber:
        seen.numbers = True
        return BadNumber(text)

    return {
        "object_pairs_hook": pairs,
        "parse_float": number,
        "parse_int": integer,
        "parse_constant": constant,
    }


def parse_checked(text: str | bytes, limit: int = 100) -> Checked:
    """Parse JSON, listing repeated keys and unkeepable numbers (at most ``limit``).

    Raises ``ValueError`` (a ``json.JSONDecodeError`` for syntax) and ``RecursionError``
    as ``json.loads`` does; the caller words those.
    """
    seen = _Seen()
    value = json.loads(text, **_hooks(seen))
    checked = Checked(value)
    if seen.objects or seen.numbers:
        for is_key, where, message in _walk(value):
            found = checked.repeated_keys if is_key else checked.bad_numbers
            found.append((where or "(top level)", message))
            if len(checked.problems) >= limit:
                break
    return checked


def _walk(value: Any) -> Iterator[tuple[bool, str, str]]:
    """(is a repeated key, place, problem) for each repeated key and bad number, in order."""
    stack: list[tuple[Any, tuple[int | str, ...]]] = [(value, ())]
    while stack:
        item, loc = stack.pop()
        if isinstance(item, BadNumber):
            yield False, format_loc(loc), item.describe()
        elif isinstance(item, dict):
            if isinstance(item, _Object):
                for key in item.repeated:
                    yield True, format_loc(loc), f"the key {key!r} appears more than once"
            stack.extend((v, (*loc, k)) for k, v in reversed(item.items()))
        elif isinstance(item, list):
            stack.extend((v, (*loc, i)) for i, v in reversed(list(enumerate(item))))
