"""The JSON of an import: decoded, parsed with its place on errors, oddities reported.

Repeated keys are reported as problems of the record they are in (the last value is
taken, as every JSON reader here does). Numbers no program can keep (``1e400``, an
integer of thousands of digits) come back as :class:`~timeline_editor.io.json_scan.
BadNumber`, which the importers' type checks reject like any value of the wrong type.
"""

from __future__ import annotations

import json
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
    return checked.value
