"""TimelineJS JSON export, so that a colleague can publish the timeline on the web.

Each dated entry becomes an event: ``start_date``/``end_date`` from the EDTF ends (only
the digits the date gives; unspecified digits are dropped to the coarser precision),
headline and HTML text (a set gives its span and a season its first and last
months, the words saying which dates they are), ``group`` from the lane, ``media``
from the first cited source with a URL, and ``unique_id`` from the entry id.
TimelineJS cannot show undated entries or eras, so they are left out and named in the
notes :func:`export_timelinejs` returns.

**Times of day.** A date with a time (``2021-12-14T17:00:00+01:00``) gets ``hour``,
``minute`` and ``second``. TimelineJS has no zones, so a zoned time is given in UTC
(its day too, when the zone moves it into the next or previous day) and slides of
different zones keep their order; a time without a zone is given as written. The date
line says the time as written ("14 Dec 2021, 17:00 UTC+1").

**Years.** TimelineJS counts years as people do, with no year 0: ``-45`` is 45 BCE.
EDTF counts astronomically (``0000`` is 1 BCE, ``-0044`` is 45 BCE), so a year at or
below 0 is written one lower: EDTF ``-0044`` is TimelineJS ``-45``
(:func:`timelinejs_year`; the importer does the reverse).

**What a slide says.** The date line (``display_date``) is the date in words from its
EDTF value ("between 10 Nov 2020 and 10 Nov 2023", "Dec 2021 (approx.)", "on or before
15 Aug 2022"), never the source's wording, which may be relative ("YESTERDAY"); that
wording goes into the text as "As stated: “…”". A planned, cancelled, lapsed, proposed
(any status but occurred) or disputed entry starts its headline with a marker such as
"[cancelled · disputed]"; "planned" marks an entry after the as-of date.

Each event also carries a ``timeline_editor`` object (exact EDTF, wording, kind,
status, and the marker put in front of the headline) that TimelineJS ignores: its
reader (``TimelineConfig`` in TimelineJS3) takes the keys it knows (dates, text, media,
group, display date, unique id, background) and leaves any other key of a slide
unread. Our importer prefers that object, removes the marker and the "As stated" line
it names, and so a round trip keeps dates, wording, kinds and statuses exactly.

The file is meant for a web page, and TimelineJS puts every text field into the page
as HTML: so every text (headline, text, display date, group, media credit) is
HTML-escaped and shows as the text it is, and only ``http``/``https`` media links that
may be opened (see :mod:`timeline_editor.model.urls`) are written; a ``javascript:``
or ``data:`` link would run in the reader's browser. Links left out are named in the
notes.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from timeline_editor.io.atomic import atomic_write_bytes
from timeline_editor.io.html_text import text_to_html
from timeline_editor.io.importers.timelinejs import AS_STATED, OWN_KEY
from timeline_editor.model.datewords import parsed_words
from timeline_editor.model.daynum import civil
from timeline_editor.model.edtf import ParsedDate, Point, Precision, Shape, parse_edtf
from timeline_editor.model.edtf_time import MINUTES_PER_DAY, moment_minutes
from timeline_editor.model.entities import Entry, Project, Source
from timeline_editor.model.queries import as_of_day, is_disputed, is_planned
from timeline_editor.model.urls import is_web_url, normalized_url
from timeline_editor.model.vocab import Status

from ._common import Lookup, left_out


def timelinejs_year(year: int) -> int:
    """The TimelineJS year of an astronomical (EDTF) year: no year 0, so 0 is -1 (1 BCE)."""
    return year if year > 0 else year - 1


def _timed_object(point: Point, moment: int) -> dict[str, int]:
    """A TimelineJS date object of a time of day (UTC when zoned, see the module docstring)."""
    number, minutes = divmod(moment, MINUTES_PER_DAY)
    year, month, day = civil(number)
    hour, minute = divmod(minutes, 60)
    return {
        "year": timelinejs_year(year),
        "month": month,
        "day": day,
        "hour": hour,
        "minute": minute,
        "second": int(point.time_text[7:9]),
    }


def date_object(point: Point) -> dict[str, int]:
    """A TimelineJS date object with the point's given parts."""
    moment = moment_minutes(point)
    if moment is not None:
        return _timed_object(point, moment)
    year, month, day = civil(point.core_earliest)
    data = {"year": timelinejs_year(year)}
    if point.month_text and "X" not in point.month_text:
        data["month"] = month
        if point.day_text and "X" not in point.day_text:
            data["day"] = day
    return data


def _last_month(point: Point) -> dict[str, int]:
    """A season's last month ('spring 2022' ends in May 2022)."""
    year, month, _ = civil(point.core_latest)
    return {"year": timelinejs_year(year), "month": month}


def _dates(parsed: ParsedDate) -> dict[str, dict[str, int]]:
    """Start and end dates; a set gives its span, a season its first and last months."""
    first = parsed.start or parsed.end
    assert first is not None
    dates = {"start_date": date_object(first)}
    if parsed.start is not None and parsed.end is not None:
        dates["end_date"] = date_object(parsed.end)
    last = parsed.end or parsed.start
    if last is not None and last.precision is Precision.SEASON:
        dates["end_date"] = _last_month(last)
    return dates


def marker(entry: Entry, as_of: int | None) -> str:
    """The words put in front of a headline: 'cancelled · disputed', or '' for none."""
    words = []
    if entry.status is not Status.OCCURRED:
        words.append(entry.status.value)
    elif is_planned(entry, as_of):
        words.append("planned")
    if is_disputed(entry):
        words.append("disputed")
    return " · ".join(words)


def slide_text(entry: Entry) -> str:
    """The slide's HTML text: the description, then the source's wording of the date."""
    parts = [text_to_html(entry.description)] if entry.description else []
    if entry.when.as_stated:
        parts.append(text_to_html(f"{AS_STATED}“{entry.when.as_stated}”"))
    return "".join(f"<p>{part}</p>" for part in parts) if len(parts) > 1 else "".join(parts)


def _event(
    entry: Entry, lookup: Lookup, refused: list[Source], as_of: int | None
) -> dict[str, Any] | None:
    parsed = parse_edtf(entry.when.edtf)
    if parsed.shape is Shape.UNDATED:
        return None
    marked = marker(entry, as_of)
    headline = f"[{marked}] {entry.title}" if marked else entry.title
    own = {
        "edtf": entry.when.edtf,
        # Escaped too: no reader should find markup anywhere in a file meant for the web.
        "as_stated": html.escape(entry.when.as_stated),
        "kind": entry.kind.value,
        "status": entry.status.value,
    }
    if marked:
        own["marker"] = marked
    event: dict[str, Any] = {
        **_dates(parsed),
        "display_date": text_to_html(parsed_words(parsed)),
        "text": {"headline": text_to_html(headline), "text": slide_text(entry)},
        "unique_id": entry.id,
        OWN_KEY: own,
    }
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
    as_of = as_of_day(project)
    made = (_event(x, lookup, refused, as_of) for x in project.entries)
    events = [e for e in made if e is not None]
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
