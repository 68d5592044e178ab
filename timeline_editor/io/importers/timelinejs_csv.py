"""The TimelineJS spreadsheet template saved as CSV, read through the JSON importer.

Each row becomes a TimelineJS slide (``Type`` "title" and "era" rows the title slide
and eras) and :func:`.timelinejs.timelinejs_data` imports them, so both forms are read
alike; the report then names places by CSV line instead of by slide.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ._common import NO_CONTROL, ImportControl, ImportFileError, ImportReport, ImportResult
from ._text import decode, read_bytes, read_rows, sniff_delimiter
from .timelinejs import timelinejs_data


def _row_event(row: Mapping[str, str]) -> dict[str, Any]:
    def part(prefix: str) -> dict[str, str]:
        names = {"year": "Year", "month": "Month", "day": "Day", "time": "Time"}
        return {k: row.get(f"{prefix}{v}", "").strip() for k, v in names.items()}

    event: dict[str, Any] = {
        "text": {"headline": row.get("Headline", ""), "text": row.get("Text", "")},
        "display_date": row.get("Display Date", "").strip(),
        "group": row.get("Group", "").strip(),
        "media": {
            "url": row.get("Media", "").strip(),
            "credit": row.get("Media Credit", ""),
            "caption": row.get("Media Caption", ""),
            "thumbnail": row.get("Media Thumbnail", "").strip(),
        },
    }
    if row.get("Background", "").strip():
        event["background"] = row["Background"].strip()
    if any(part("").values()):
        event["start_date"] = part("")
    if any(part("End ").values()):
        event["end_date"] = part("End ")
    return event


def timelinejs_csv_from_bytes(
    raw: bytes,
    encoding: str | None = None,
    delimiter: str | None = None,
    control: ImportControl = NO_CONTROL,
) -> ImportResult:
    """Import the bytes of the TimelineJS spreadsheet template saved as CSV."""
    report = ImportReport()
    text = decode(raw, encoding, report)
    rows = read_rows(text, sniff_delimiter(text, delimiter, report), report)
    if rows and not {"Year", "Headline"} <= set(rows[0][1]):
        found = ", ".join(sorted(rows[0][1])) or "none"
        raise ImportFileError(
            f"not the TimelineJS template: no 'Year' and 'Headline' columns (found: {found})"
        )
    data: dict[str, Any] = {"events": [], "eras": []}
    lines: list[int] = []
    for line, row in rows:
        kind = row.get("Type", "").strip().lower()
        event = _row_event(row)
        if kind == "title":
            data["title"] = {"text": event["text"]}
        elif kind == "era":
            data["eras"].append(event)
        else:
            data["events"].append(event)
            lines.append(line)
    result = timelinejs_data(data, report, control)
    # Name places by CSV line rather than by position in the converted list.
    report.problems[:] = [_line_place(p, lines) for p in report.problems]
    for tally in report.tallies.values():
        tally.where = _line_place(f"{tally.where}: ", lines).removesuffix(": ")
    return result


def import_timelinejs_csv(
    path: Path, encoding: str | None = None, delimiter: str | None = None
) -> ImportResult:
    """Import the TimelineJS spreadsheet template saved as CSV."""
    return timelinejs_csv_from_bytes(read_bytes(path), encoding, delimiter)


def _line_place(problem: str, lines: list[int]) -> str:
    if problem.startswith("events["):
        index = int(problem[len("events[") : problem.index("]")])
        rest = problem.split(": ", 1)[1]
        return f"line {lines[index]}: {rest}"
    return problem
