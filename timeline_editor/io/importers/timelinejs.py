"""TimelineJS imports: the JSON format and the Google-spreadsheet CSV template.

Mapping: ``start_date``/``end_date`` (any subset of year/month/day) -> ``when.edtf``;
``display_date`` -> ``when.as_stated`` (else the time of day, which our dates do not
keep); ``text.headline``/``text.text`` -> title/description; ``media.url`` + ``credit``
-> a source and a citation (``caption`` its note); ``group`` -> lane; ``unique_id`` ->
id; ``eras`` -> eras; the title slide -> project title. TimelineJS shows every text
field as HTML, so each is read as HTML and kept as plain text. An event without
``start_date`` is imported undated and reported.

**Years.** TimelineJS has no year 0: ``-3500`` is 3500 BCE, which EDTF (counting 1 BCE
as ``0000``) writes ``-3499``; so a negative year comes in one higher. A year 0, which
TimelineJS does not have, is read as 1 BCE and reported.

Our own export adds a ``timeline_editor`` object (exact EDTF, wording, kind, status,
and the marker it put in front of the headline) that TimelineJS ignores and this
importer prefers, so a round trip is lossless: the marker ("[cancelled] ") and the
"As stated: “…”" line the export adds to the text are taken off again.

**Nothing dropped silently:** what has no place in a project is counted, one report
line per kind with its first event: slide backgrounds, media thumbnails and other
media details, links inside the text (kept as their words), times of day, keys
TimelineJS knows but we do not, the title slide's media, era texts.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from timeline_editor.io.html_text import html_to_text
from timeline_editor.model.edtf import is_valid_edtf

from ._common import (
    MAX_RECORDS,
    NO_CONTROL,
    REJECTED,
    ImportControl,
    ImportFileError,
    ImportReport,
    ImportResult,
    ProjectBuilder,
    edtf_from_parts,
    join_interval,
)
from ._json import read_json
from ._text import read_bytes


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


#: The key of our own object on each event (TimelineJS ignores keys it does not know).
OWN_KEY = "timeline_editor"
#: How our export introduces the source's wording of a date in a slide's text.
AS_STATED = "As stated: "
#: Keys of a slide we read, or that only change how TimelineJS draws it.
EVENT_KEYS = frozenset(
    {"start_date", "end_date", "text", "media", "group", "display_date", "unique_id"}
    | {OWN_KEY, "autolink", "scale", "type"}
)
MEDIA_KEYS = frozenset({"url", "credit", "caption"})
DATE_KEYS = frozenset({"year", "month", "day", "hour", "minute", "second", "millisecond"})
YEAR_ZERO = "year 0, which TimelineJS does not have: read as 1 BCE"


def edtf_year(year: int) -> int:
    """The astronomical (EDTF) year of a TimelineJS year: -3500 (3500 BCE) is -3499.

    TimelineJS has no year 0; a 0 found anyway is taken as 1 BCE (EDTF 0).
    """
    return year + 1 if year < 0 else year


def date_object(obj: object) -> tuple[str, str]:
    """(EDTF, time-of-day text) of a TimelineJS date object; raises ValueError."""
    if not isinstance(obj, Mapping):
        raise ValueError("a date must be an object with year, month, day")
    year = _number(obj.get("year"), "year", required=True)
    month = _number(obj.get("month"), "month", required=False)
    day = _number(obj.get("day"), "day", required=False)
    assert year is not None
    edtf = edtf_from_parts(edtf_year(year), month, day)
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


def _own(event: Mapping[str, Any]) -> Mapping[str, Any]:
    """Our export's object on an event ({} when there is none)."""
    own = event.get(OWN_KEY)
    return own if isinstance(own, Mapping) else {}


def _own_when(own: Mapping[str, Any], stated: str) -> dict[str, str] | None:
    """The date our export kept: exact EDTF and wording (older exports: wording shown)."""
    edtf = own.get("edtf")
    if not isinstance(edtf, str) or not is_valid_edtf(edtf):
        return None
    if "as_stated" not in own:  # older exports of ours: the date line was the wording
        return {"edtf": edtf, "as_stated": stated}
    return {"edtf": edtf, "as_stated": _own_words(own)}


def _own_words(own: Mapping[str, Any]) -> str:
    """The wording our export kept (HTML-escaped there, as every text of the file)."""
    words = own.get("as_stated")
    return html.unescape(words) if isinstance(words, str) else ""


def _when(event: Mapping[str, Any], where: str, report: ImportReport) -> dict[str, str]:
    shown = event.get("display_date")
    stated: str = html_to_text(shown) if isinstance(shown, str) else ""
    own = _own_when(_own(event), stated)
    if own is not None:
        return own
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


def _own_text(event: Mapping[str, Any], own: Mapping[str, Any]) -> tuple[str, str]:
    """Title and description without what our export added (its marker, its wording line)."""
    title = _text(event.get("text"), "headline")
    description = _text(event.get("text"), "text")
    marker = own.get("marker")
    if isinstance(marker, str) and marker and title.startswith(f"[{marker}] "):
        title = title[len(marker) + 3 :]
    words = _own_words(own)
    line = f"{AS_STATED}“{words}”" if words else ""
    if line and description.endswith(line):
        description = description[: -len(line)].rstrip("\n")
    return title, description


def _event(builder: ProjectBuilder, event: object, where: str, report: ImportReport) -> None:
    if not isinstance(event, Mapping):
        report.problem(where, "not imported: an event must be an object", REJECTED)
        return
    own = _own(event)
    data: dict[str, Any] = {"when": _when(event, where, report)}
    data["title"], data["description"] = _own_text(event, own)
    data.update({k: own[k] for k in ("kind", "status") if isinstance(own.get(k), str)})
    wanted = event.get("unique_id")
    ident = builder.fresh_id(wanted)
    if ident:
        data["id"] = ident
    elif isinstance(wanted, str) and wanted.strip():
        report.count("unique_id used twice or not usable: a new id given", where, wanted)
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
    count_dropped(event, where, report)
    builder.add_entry(data, where, report)


def _preview(value: object) -> str:
    """A short text of a value left out, for the report's example."""
    # default=str: a value may hold numbers no program can keep (read_json marks them).
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 80 else text[:79] + "…"


def _count(report: ImportReport, kind: str, where: str, value: object) -> None:
    """Count one slide under ``kind``; only the first one's value is written out."""
    report.count(kind, where, "" if kind in report.tallies else _preview(value))


def count_dropped(event: Mapping[str, Any], where: str, report: ImportReport) -> None:
    """Count what of a slide has no place in a project (one report line per kind)."""
    for key, value in event.items():
        if key == "background":
            _count(report, "slide backgrounds not imported", where, value)
        elif key not in EVENT_KEYS:
            _count(report, f"'{key}' of slides not imported", where, value)
    media = event.get("media")
    if isinstance(media, Mapping):
        _count_media(media, where, report)
    text = event.get("text")
    body = text.get("text") if isinstance(text, Mapping) else None
    if isinstance(body, str) and "<a " in body.lower():
        _count(report, "links inside the text: kept as their words only", where, body)
    # A time of day our own export wrote is in the EDTF it kept: nothing is lost.
    own_time = _own_when(_own(event), "") is not None
    for name in ("start_date", "end_date"):
        date = event.get(name)
        if isinstance(date, Mapping) and own_time:
            date = {k: v for k, v in date.items() if k not in ("hour", "minute", "second")}
        if isinstance(date, Mapping):
            # The start's time is the wording when nothing else is (see _when).
            kept = name == "start_date" and not event.get("display_date") and not _own(event)
            _count_date(name, date, kept, where, report)


def _count_media(media: Mapping[str, Any], where: str, report: ImportReport) -> None:
    """Media details we keep no field for; a caption or credit with no link to cite."""
    if not str(media.get("url") or "").strip() and (media.get("caption") or media.get("credit")):
        _count(report, "media without a link not imported", where, media)
    for key in sorted(media.keys() - MEDIA_KEYS):
        if media[key] not in (None, ""):
            _count(report, f"media {key} not imported", where, media[key])


def _count_date(
    name: str, date: Mapping[str, Any], time_kept: bool, where: str, report: ImportReport
) -> None:
    """A date's year 0, its time of day and its parts we do not read."""
    if _number_or_none(date.get("year")) == 0:
        _count(report, YEAR_ZERO, where, date)
    if any(date.get(k) not in (None, "") for k in ("hour", "minute", "second", "time")):
        what = "kept in the wording only" if time_kept else "not kept"
        _count(report, f"times of day {what} (our dates are days)", where, date)
    for key in sorted(date.keys() - DATE_KEYS - {"time"}):
        _count(report, f"{name}.{key} not imported", where, date[key])


def _number_or_none(value: object) -> int | None:
    try:
        return _number(value, "year", required=False)
    except ValueError:
        return None


def _era(builder: ProjectBuilder, era: object, where: str, report: ImportReport) -> None:
    if not isinstance(era, Mapping):
        report.problem(where, "era not imported: an era must be an object", REJECTED)
        return
    if "start_date" not in era:
        report.problem(where, "era not imported: no start_date", REJECTED)
        return
    when = _when(era, where, report)
    if not when["edtf"]:
        return
    title = _text(era.get("text"), "headline") or "Era"
    blurb = _text(era.get("text"), "text")
    if blurb:
        _count(report, "era texts not imported (an era has a title only)", where, blurb)
    builder.add_era({"title": title, "when": when}, where, report)


def _title_slide(data: Mapping[str, Any], report: ImportReport) -> tuple[str, str]:
    """The title slide's headline and text; its media and background are counted."""
    title = data.get("title")
    text = title.get("text") if isinstance(title, Mapping) else None
    if isinstance(title, Mapping):
        for key in ("media", "background"):
            if title.get(key):
                _count(report, f"title slide {key} not imported", "title", title[key])
    for key in sorted(data.keys() - {"title", "events", "eras", "scale"}):
        _count(report, f"'{key}' of the timeline not imported", key, data[key])
    return _text(text, "headline"), _text(text, "text")


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
        report.problem("eras", "not a list; no eras imported", REJECTED)
    headline, blurb = _title_slide(data, report)
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
