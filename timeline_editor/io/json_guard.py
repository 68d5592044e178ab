"""Reading untrusted JSON: size limit, BOM, UTF-8, NaN, depth, with line/column messages.

The parser is pydantic-core's (jiter), the same one ``model_validate_json`` uses, so the
fast and the diagnostic load paths accept exactly the same JSON: no ``NaN`` or
``Infinity``, no lone surrogates, no raw control characters in strings, and at most
:data:`MAX_DEPTH` levels of nesting (jiter's fixed recursion limit).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic_core import from_json

from .safe_read import ReadRefusedError, read_file

#: Files larger than this are refused before being read: 1M synthetic entries take
#: about 1.5 GB pretty-printed, real chronologies a few megabytes.
MAX_FILE_BYTES = 2 * 1024**3

#: jiter's recursion limit; deeper JSON is refused by both load paths.
MAX_DEPTH = 200

BOM = b"\xef\xbb\xbf"

_POSITION = re.compile(r" at line (\d+) column (\d+)$")

#: jiter's wording -> ours.
_MESSAGES = {
    "EOF while parsing": "the file ends too early (truncated?) while reading",
    "recursion limit exceeded": f"JSON nested more than {MAX_DEPTH} levels deep",
    "invalid unicode code point": "not valid UTF-8 text",
    "control character (\\u0000-\\u001F) found while parsing a string": (
        "raw control character inside a string (write it as an escape such as \\u0007)"
    ),
    "expected value": "expected a JSON value (bare words, NaN and Infinity are not JSON)",
    "invalid number": "invalid number (NaN and Infinity are not JSON)",
    "number out of range": "a number with more digits than can be read (over 4,300)",
}


class JsonError(ValueError):
    """Why some bytes are not acceptable JSON, with the place (line/column) if known."""

    def __init__(self, message: str, where: str = "") -> None:
        self.where = where
        self.message = message
        super().__init__(f"{where}: {message}" if where else message)


def read_limited(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read a regular file of at most ``limit`` bytes (see :mod:`.safe_read`)."""
    try:
        return read_file(path, limit)
    except ReadRefusedError as exc:
        raise JsonError(exc.reason) from None


def strip_bom(data: bytes) -> bytes:
    """The bytes without a leading UTF-8 byte order mark (which we accept)."""
    return data[len(BOM) :] if data.startswith(BOM) else data


def may_hold_non_finite(data: bytes) -> bool:
    """True when ``NaN`` or ``Infinity`` occurs anywhere (perhaps only inside a string)."""
    return _occurs(b"NaN", data) or _occurs(b"Infinity", data)


#: How many false starts (an ``N`` not starting ``NaN``) to check one by one.
_MAX_FALSE_STARTS = 64


def _occurs(word: bytes, data: bytes) -> bool:
    """``word in data``, faster when the word's first letter is rare.

    Finding one byte is memchr (10 GB/s here), a substring search about 1.5 GB/s, and
    the capitals N and I are rare in JSON. Past a few false starts (a text full of
    "November") the rest is left to the substring search, so the cost stays bounded.
    """
    first = word[:1]
    at = data.find(first)
    for _ in range(_MAX_FALSE_STARTS):
        if at < 0:
            return False
        if data.startswith(word, at):
            return True
        at = data.find(first, at + 1)
    return at >= 0 and data.find(word, at) >= 0


def _translate(error: str) -> JsonError:
    where = ""
    match = _POSITION.search(error)
    if match:
        where = f"line {match.group(1)} column {match.group(2)}"
        error = error[: match.start()]
    for theirs, ours in _MESSAGES.items():
        if error.startswith(theirs):
            error = ours + error[len(theirs) :]
            break
    return JsonError(f"not valid JSON: {error}", where)


def parse_json(data: bytes) -> Any:
    """Parse JSON bytes (BOM allowed) strictly; raises :class:`JsonError`."""
    data = strip_bom(data)
    if not data.strip():
        raise JsonError("the file is empty")
    try:
        return from_json(data, allow_inf_nan=False)
    except ValueError as exc:
        raise _translate(str(exc)) from None


def describe_json_type(value: Any) -> str:
    """'an array', 'a string'... for messages about the wrong kind of JSON value."""
    names = {list: "an array", str: "a string", bool: "true or false", type(None): "null"}
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), "an object")
