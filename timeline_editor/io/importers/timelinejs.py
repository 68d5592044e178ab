"""TimelineJS imports: the JSON format and the Google-spreadsheet CSV template.

Mapping: ``start_date``/``end_date`` (any subset of year/month/day; years below
1000 and negative years become EDTF ``0602``, ``-0044``; five-digit years the
``Y`` form) -> ``when.edtf``; ``display_date`` -> ``when.as_stated`` (else the time
of day, which our dates do not keep); ``text.headline``/``text.text`` -> title/
description; ``media.url`` + ``credit`` -> a source and a citation; ``group`` -> lane;
``unique_id`` -> id; ``eras`` -> eras; the title slide -> project title. TimelineJS
shows every text field as HTML, so each is read as HTML and kept as plain text. An
event without ``start_date`` is imported undated and reported.
Our own export adds a ``timeline_editor`` object (exact EDTF, kind, status) that
TimelineJS ignores and this importer prefers, so a round trip is lossless.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from timeline_editor.model.edtf import is_valid_edtf

from ._common import (
    MAX_RECORDS,
    NO_CONTROL,
    ImportControl,
    ImportFileError,
    ImportReport,
    ImportResult,
    ProjectBuilder,
    edtf_from_parts,
    html_to_text,
    join_interval,
)
from ._json import read_json
from ._text import decode, read_bytes, read_rows, sniff_delimiter


def _number(value: object, name: str, required: bool) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValueError(f"no {name}")
        return None
    if isinstance(value, bool):
        raise ValueError(f"{name} {value!r} is not a number")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            pass
    raise ValueError(f"{name} {value!r} is not a whole number")


def date_object(obj: object) -> tuple[str, str]:
    """(EDTF, time-of-day text) of a TimelineJS date object; raises ValueError."""
    if not isinstance(obj, Mapping):
        raise ValueError("a date must be an object with year, month, day")
    year = _number(obj.get("year"), "year", required=True)
    month = _number(obj.get("month"), "month", required=False)
    day = _number(obj.get("day"), "day", required=False)
    assert year is not None
    edtf = edtf_from_parts(year, month, day)
    hour = _number(obj.get("hour"), "hour", required=False)
    minute = _number(obj.get("minute"), "minute", required=False) or 0
    time = f"{hour:02d}:{minute:02d}" if hour is not None else ""
    if isinstance(obj.get("time"), str) and obj["time"].strip():
        time = obj["time"].strip()
    return edtf, time


def _raw(obj: object) -> str:
    """The parts of an unreadable date object as text, kept as the wording."""
    if not isinstance(obj, Mapping):
        return str(obj)[:200]
    parts = [str(obj[k]) for k in ("year", "month", "day") if obj.get(k) not in (None, "")]
    return "-".join(parts)[:200]


def _text(obj: object, key: str) -> str:
    if not isinstance(obj, Mapping):
        return ""
    value = obj.get(key)
    return html_to_text(value) if isinstance(value, str) else ""


def _when(event: Mapping[str, Any], where: str, report: ImportReport) -> dict[str, str]:
    own = event.get("timeline_editor")
    shown = event.get("display_date")
    stated: str = html_to_text(shown) if isinstance(shown, str) else ""
    if isinstance(own, Mapping) and isinstance(own.get("edtf"), str) and is_valid_edtf(own["edtf"]):
        return {"edtf": own["edtf"], "as_stated": stated}
    if "start_date" not in event:
        report.problem(where, "no start_date; imported as undated")
        return {"edtf": "", "as_stated": stated}
    try:
        start, time = date_object(event["start_date"])
    except ValueError as exc:
        report.problem(where, f"start_date: {exc}; imported as undated")
        return {"edtf": "", "as_stated": stated or _raw(event["start_date"])}
    edtf = start
    if event.get("end_date") not in (None, {}, ""):
        try:
            end, _ = date_object(event["end_date"])
            edtf = join_interval(start, end, where, report)
        except ValueError as exc:
            report.problem(where, f"end_date: {exc}; kept the start date only")
    if not stated and time:
        stated = f"{start} {time}"
    return {"edtf": edtf, "as_stated": stated}


def _event(builder: ProjectBuilder, event: object, where: str, report: ImportReport) -> None:
    if not isinstance(event, Mapping):
        report.problem(where, "not imported: an event must be an object")
        return
    data: dict[str, Any] = {"when": _when(event, where, report)}
    data["title"] = _text(event.get("text"), "headline")
    data["description"] = _text(event.get("text"), "text")
    own = event.get("timeline_editor")
    if isinstance(own, Mapping):
        data.update({k: own[k] for k in ("kind", "status") if isinstance(own.get(k), str)})
    ident = builder.fresh_id(event.get("unique_id"))
    if ident:
        data["id"] = ident
    if isinstance(event.get("group"), str):
        data["lane_id"] = builder.lane(html_to_text(event["group"]))
    media = event.get("media")
    if isinstance(media, Mapping) and isinstance(media.get("url"), str):
        credit = media.get("credit") if isinstance(media.get("credit"), str) else ""
        citation = builder.citation_for_url(
            media["url"], where, report, html_to_text(credit or ""), _text(media, "caption")
        )
        if citation is not None:
            data["citations"] = [citation]
    builder.add_entry(data, where, report)


def _era(builder: ProjectBuilder, era: object, where: str, report: ImportReport) -> None:
    if not isinstance(era, Mapping):
        report.problem(where, "era not imported: an era must be an object")
        return
    if "start_date" not in era:
        report.problem(where, "era not imported: no start_date")
        return
    when = _when(era, where, report)
    if not when["edtf"]:
        return
    title = _text(era.get("text"), "headline") or "Era"
    builder.add_era({"title": title, "when": when}, where, report)


def timelinejs_data(
    data: object, report: ImportReport, control: ImportControl = NO_CONTROL
) -> ImportResult:
    """Import already-parsed TimelineJS JSON data."""
    if not isinstance(data, Mapping):
        raise ImportFileError("not a TimelineJS file: the top level must be an object")
    events = data.get("events", [])
    if not isinstance(events, list):
        raise ImportFileError("not a TimelineJS file: 'events' must be a list")
    eras = data.get("eras", [])
    if len(events) + (len(eras) if isinstance(eras, list) else 0) > MAX_RECORDS:
        raise ImportFileError(f"more than {MAX_RECORDS} events")
    builder = ProjectBuilder()
    total = len(events)
    for number, event in enumerate(events, start=1):
        _event(builder, event, f"events[{number - 1}] (event {number})", report)
        control.step(number, total)
    if isinstance(eras, list):
        for number, era in enumerate(eras, start=1):
            _era(builder, era, f"eras[{number - 1}] (era {number})", report)
    elif eras:
        report.problem("eras", "not a list; no eras imported")
    title = data.get("title")
    text = title.get("text") if isinstance(title, Mapping) else None
    headline, blurb = _text(text, "headline"), _text(text, "text")
    report.empty_ok = bool(headline.strip() or blurb.strip())
    project = builder.build(title=headline, description=blurb)
    return ImportResult(project, report)


def timelinejs_from_bytes(data: bytes, control: ImportControl = NO_CONTROL) -> ImportResult:
    """Import the bytes of a TimelineJS JSON file."""
    report = ImportReport()
    return timelinejs_data(read_json(data, report), report, control)


def import_timelinejs(path: Path) -> ImportResult:
    """Import a TimelineJS JSON file."""
    return timelinejs_from_bytes(read_bytes(path))


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
        },
    }
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
