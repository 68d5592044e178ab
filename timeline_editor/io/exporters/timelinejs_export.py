"""TimelineJS JSON export, so that a colleague can publish the timeline on the web.

Each dated entry becomes an event: ``start_date``/``end_date`` from the EDTF
ends (only the digits the date gives; unspecified digits are dropped to the
coarser precision), ``display_date`` from the wording, headline and HTML text,
``group`` from the lane, ``media`` from the first cited source with a URL, and
``unique_id`` from the entry id. TimelineJS cannot show undated entries or eras,
so they are left out and named in the notes :func:`export_timelinejs` returns.
Each event also carries a ``timeline_editor`` object (exact EDTF, kind, status)
that TimelineJS ignores and our importer reads back, so that a round trip keeps
qualifiers such as ``~`` and windows exactly.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from timeline_editor.io.atomic import atomic_write_bytes
from timeline_editor.io.importers._common import text_to_html
from timeline_editor.model.daynum import civil
from timeline_editor.model.edtf import ParsedDate, Point, Shape, parse_edtf
from timeline_editor.model.entities import Entry, Project

from ._common import Lookup, left_out


def date_object(point: Point) -> dict[str, int]:
    """A TimelineJS date object with the point's given parts."""
    year, month, day = civil(point.core_earliest)
    data = {"year": year}
    if point.month_text and "X" not in point.month_text:
        data["month"] = month
        if point.day_text and "X" not in point.day_text:
            data["day"] = day
    return data


def _dates(parsed: ParsedDate) -> dict[str, dict[str, int]]:
    first = parsed.start or parsed.end
    assert first is not None
    dates = {"start_date": date_object(first)}
    if parsed.start is not None and parsed.end is not None:
        dates["end_date"] = date_object(parsed.end)
    return dates


def _event(entry: Entry, lookup: Lookup) -> dict[str, Any] | None:
    parsed = parse_edtf(entry.when.edtf)
    if parsed.shape is Shape.UNDATED:
        return None
    event: dict[str, Any] = {
        **_dates(parsed),
        "text": {"headline": text_to_html(entry.title), "text": text_to_html(entry.description)},
        "unique_id": entry.id,
        "timeline_editor": {
            "edtf": entry.when.edtf,
            "kind": entry.kind.value,
            "status": entry.status.value,
        },
    }
    if entry.when.as_stated:
        event["display_date"] = entry.when.as_stated
    lane = lookup.lane_title(entry)
    if lane:
        event["group"] = lane
    with_url = [s for s in lookup.entry_sources(entry) if s.url]
    if with_url:
        source = with_url[0]
        event["media"] = {"url": source.url, "credit": source.title or source.container_title}
    return event


def timelinejs_data(project: Project) -> dict[str, Any]:
    """The TimelineJS JSON object of a project."""
    lookup = Lookup.of(project)
    events = [e for e in (_event(x, lookup) for x in project.entries) if e is not None]
    eras = []
    for era in project.eras:
        parsed = parse_edtf(era.when.edtf)
        if parsed.shape is not Shape.UNDATED:
            eras.append({**_dates(parsed), "text": {"headline": text_to_html(era.title)}})
    title = {"text": {"headline": text_to_html(project.title)}}
    if project.description:
        title["text"]["text"] = text_to_html(project.description)
    return {"title": title, "events": events, "eras": eras}


def left_out_notes(project: Project) -> list[str]:
    """Notes naming the undated entries and eras that TimelineJS cannot show."""
    entries = [e for e in project.entries if e.when.edtf == ""]
    eras = [e for e in project.eras if e.when.edtf == ""]
    notes = [left_out(entries, "undated")] if entries else []
    if eras:
        notes.append(left_out(eras, "undated", ("era", "eras")))
    return notes


def export_timelinejs(project: Project, path: Path) -> list[str]:
    """Write a TimelineJS JSON file; notes on what it had to leave out."""
    text = json.dumps(timelinejs_data(project), indent=2, ensure_ascii=False) + "\n"
    atomic_write_bytes(path, text.encode("utf-8"))
    return left_out_notes(project)
