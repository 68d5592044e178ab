"""The JSON of an import: decoded, parsed with its place on errors, oddities reported.

Repeated keys are reported as problems of the record they are in (the last value is
taken, as every JSON reader here does). Numbers no program can keep (``1e400``, an
integer of thousands of digits) come back as :class:`~timeline_editor.io.json_scan.
BadNumber`, which the importers' type checks reject like any value of the wrong type.
"""

from __future__ import annotations

import json
import re
from typing import Any

from timeline_editor.io.json_scan import parse_checked

from ._common import ImportFileError, ImportReport
from ._text import decode


def read_json(data: bytes, report: ImportReport) -> Any:
    """The parsed JSON of an import file; ImportFileError when it is not JSON."""
    text = decode(data, None, report)
    try:
        checked = parse_checked(text, limit=1000)
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    except RecursionError:
        raise ImportFileError("not valid JSON: nested too deeply") from None
    except ValueError as exc:  # json.loads's other refusals, e.g. a lone surrogate pair half
        raise ImportFileError(f"not valid JSON: {exc}") from None
    for where, message in checked.repeated_keys:
        report.problem(where, f"{message}; the last value was taken")
    if _SURROGATE.search(text):
        try:
            mended = _mended(checked.value)
        except RecursionError:
            raise ImportFileError("not valid JSON: nested too deeply") from None
        if mended != checked.value:
            report.note(
                "warning: the file holds broken characters (unpaired UTF-16 surrogates "
                "such as \\ud800); each was replaced by U+FFFD"
            )
        return mended
    return checked.value


#: A JSON escape of one half of a UTF-16 pair; alone, it is no character at all.
_SURROGATE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _mended(value: Any) -> Any:
    """``value`` with every unpaired surrogate in its strings replaced by U+FFFD."""
    if isinstance(value, str):
        if _encodable(value):
            return value
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if isinstance(value, list):
        return [_mended(v) for v in value]
    if isinstance(value, dict):
        return {_mended(k): _mended(v) for k, v in value.items()}
    return value


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
