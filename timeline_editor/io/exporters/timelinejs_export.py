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

The file is meant for a web page, and TimelineJS puts every text field into the page
as HTML: so every text (headline, text, display date, group, media credit) is
HTML-escaped and shows as the text it is, and only ``http``/``https`` media links that
may be opened (see :mod:`timeline_editor.model.urls`) are written; a ``javascript:``
or ``data:`` link would run in the reader's browser. Links left out are named in the
notes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from timeline_editor.io.atomic import atomic_write_bytes
from timeline_editor.io.importers._common import text_to_html
from timeline_editor.model.daynum import civil
from timeline_editor.model.edtf import ParsedDate, Point, Shape, parse_edtf
from timeline_editor.model.entities import Entry, Project, Source
from timeline_editor.model.urls import is_web_url, normalized_url

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


def _event(entry: Entry, lookup: Lookup, refused: list[Source]) -> dict[str, Any] | None:
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
        event["display_date"] = text_to_html(entry.when.as_stated)
    lane = lookup.lane_title(entry)
    if lane:
        event["group"] = text_to_html(lane)
    media = _media(lookup.entry_sources(entry), refused)
    if media:
        event["media"] = media
    return event


def _media(sources: list[Source], refused: list[Source]) -> dict[str, str] | None:
    """The first cited source with a web link as TimelineJS media; others are noted."""
    for source in sources:
        if not source.url:
            continue
        if not is_web_url(source.url):
            if source not in refused:
                refused.append(source)
            continue
        credit = source.title or source.container_title
        return {"url": normalized_url(source.url), "credit": text_to_html(credit)}
    return None


def timelinejs_data(project: Project, refused: list[Source] | None = None) -> dict[str, Any]:
    """The TimelineJS JSON of a project; sources whose links it left out go to ``refused``."""
    lookup = Lookup.of(project)
    refused = [] if refused is None else refused
    events = [e for e in (_event(x, lookup, refused) for x in project.entries) if e is not None]
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


def _refused_note(refused: list[Source]) -> str:
    names = ", ".join(f"“{s.title or s.url[:60]}”" for s in refused[:3])
    more = f" and {len(refused) - 3} more" if len(refused) > 3 else ""
    return (
        f"left out the links of {len(refused)} source(s) that are not safe web links "
        f"(only http and https): {names}{more}"
    )


def export_timelinejs(project: Project, path: Path) -> list[str]:
    """Write a TimelineJS JSON file; notes on what it had to leave out."""
    refused: list[Source] = []
    data = timelinejs_data(project, refused)
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    atomic_write_bytes(path, text.encode("utf-8"))
    notes = left_out_notes(project)
    if refused:
        notes.append(_refused_note(refused))
    return notes
