"""Import files of The Timeline Project (``.timeline`` XML, formats 0.10 to 2.x).

The XML is parsed with defusedxml with DTDs forbidden, so entity-expansion bombs
and external entities are refused before anything is expanded or fetched. The text
files of versions before 0.10 (``# Written by Timeline 0.9.0 …``) are refused with a
message that names that format and how to convert it.

Mapping:

- ``start``/``end`` ("YYYY-MM-DD HH:MM:SS") -> EDTF days (a time of day other than
  midnight is kept in ``as_stated``); ``fuzzy`` (or ``fuzzy_start`` / ``fuzzy_end``) ->
  ``~`` on the matching ends; ``ends_today`` (an event still going on) -> an open end,
  ``X/..``;
- categories -> lanes with their colour. **Sub-categories (decision):** every category
  is a lane of its own (lanes are flat), and an event of a sub-category is tagged
  ``category: Parent`` for each category above its own, so the filter's tags find a
  whole branch; the lane remembers its parent (``timeline_project_parent``) so that an
  export to ``.timeline`` gives the hierarchy back. Further ``categories`` of an event
  become such tags too;
- ``alert`` ("time;text") -> a note at the end of the description ("Alert (time): text");
  ``icon`` -> a note that there was one (the image is not imported); ``labels`` ->
  tags; ``milestone`` -> tag "milestone"; ``progress`` 1-99 -> tag "progress N%";
- a container ``[5]Name`` becomes a period entry and its sub-events ``(5)Title`` carry
  the tag "container: Name"; ``hyperlink`` (several separated by ";") -> sources;
- eras -> eras with their colour (``ends_today`` -> an open end);
- **"now" (decision):** the file's ``now`` (the moment its timeline treats as the
  present) becomes the project's as-of date, the day our chart draws as its "today" line
  and after which entries count as planned;
- what has no place here (``locked``, an event's own colour, the category font and
  progress colours, the saved view) is dropped. Each kind of change is reported once
  with a count and an example (see :mod:`._tally`).

An event exported by us carries its exact EDTF, kind, status and wording in its
description's last line (see :mod:`timeline_editor.io.timeline_project_format`); while
the event's times still match, they are restored from it. Numeric timelines
(``timetype`` numtime) have no calendar and are refused.

Version decision: files up to major version 2 are read as they are; a file from
a newer major version is imported best-effort, with a warning in the report,
because the elements read here have been stable across versions and every
record that does not fit is reported anyway.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from timeline_editor.io.timeline_project_format import PARENT, hex_colour
from timeline_editor.model.entities import Lane

from ._common import (
    MAX_RECORDS,
    NO_CONTROL,
    ImportControl,
    ImportFileError,
    ImportReport,
    ImportResult,
    ProjectBuilder,
)
from ._tally import CHANGED, DROPPED, Tally, example
from ._text import read_bytes
from .timeline_project_event import Context, read_event, read_times, stamp_day, title_of, when_of

KNOWN_MAJOR = 2
UNSAFE = {
    "DTDForbidden": "a document type declaration (it could define entity bombs or "
    "external entities)",
    "EntitiesForbidden": "entity declarations (a possible entity-expansion bomb)",
    "ExternalReferenceForbidden": "a reference to an external file or URL",
}
#: How the text files of The Timeline Project before version 0.10 begin.
OLD_TEXT = re.compile(rb"^(?:\xef\xbb\xbf)?# Written by Timeline (\S+)")

# What the report's lines say (see ._tally), one per kind of change.
NOW = "the timeline's “now” became the project's as-of date"
CATEGORY_COLOURS = "category font, progress and done colours"
VIEW = "the saved view (displayed period, hidden categories)"
ERA_ONGOING = "ongoing eras (“ends today”) became open ends (EDTF 'X/..')"


def parse_xml(data: bytes) -> ET.Element:
    """Parse untrusted XML safely; ImportFileError on unsafe or malformed input."""
    try:
        root: ET.Element = SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        what = UNSAFE.get(type(exc).__name__, type(exc).__name__)
        raise ImportFileError(f"unsafe XML refused: the file contains {what}") from None
    except ET.ParseError as exc:
        line, column = exc.position
        raise ImportFileError(f"malformed XML at line {line}, column {column}") from None
    return root


def _refuse_old_text(raw: bytes) -> None:
    """Name the pre-0.10 text format instead of calling it malformed XML."""
    match = OLD_TEXT.match(raw[:200])
    if match is None:
        return
    version = match.group(1).decode("ascii", errors="replace")[:20]
    raise ImportFileError(
        f"a text file of The Timeline Project {version} (the format of versions before "
        "0.10, not XML); open it in The Timeline Project 0.21.1, which converts it to "
        "the XML format when it saves, then import the saved file"
    )


def _check_version(root: ET.Element, report: ImportReport) -> None:
    version = (root.findtext("version") or "").strip()
    major = version.split(".")[0]
    if major.isdigit() and int(major) > KNOWN_MAJOR:
        report.note(
            f"warning: written by Timeline Project {version}, newer than the versions "
            f"this importer knows (up to {KNOWN_MAJOR}.x); imported best-effort"
        )
    timetype = (root.findtext("timetype") or "gregoriantime").strip()
    if timetype != "gregoriantime":
        raise ImportFileError(f"time type '{timetype}' has no calendar dates; cannot import")


def _categories(root: ET.Element, context: Context) -> None:
    """Lanes from the categories, with colours and the parents of sub-categories."""
    parents: dict[str, str] = {}
    builder = context.builder
    for number, category in enumerate(root.findall("categories/category"), 1):
        name = (category.findtext("name") or "").strip()
        lane_id = builder.lane(name)
        if lane_id is None:
            continue
        parent = (category.findtext("parent") or "").strip()
        if parent and parent != name:
            parents[name] = parent
        colour = _colour(category, f"category {number}", context.report)
        _update_lane(builder, lane_id, colour, parent if parent != name else "")
        if any(category.findtext(k) for k in ("font_color", "progress_color", "done_color")):
            colours = category.findtext("font_color") or ""
            if colours.strip() not in ("", "0,0,0") or category.findtext("progress_color"):
                context.tally.add(DROPPED, CATEGORY_COLOURS, example(f"category {number}", name))
    for name in parents:
        chain, current = [], parents.get(name)
        while current and current not in chain and current != name:
            chain.append(current)
            current = parents.get(current)
        context.ancestors[name] = chain


def _colour(element: ET.Element, where: str, report: ImportReport) -> str:
    text = element.findtext("color")
    if not text or not text.strip():
        return ""
    try:
        return hex_colour(text)
    except ValueError as exc:
        report.problem(where, f"{exc}; the default colour is used")
        return ""


def _update_lane(builder: ProjectBuilder, lane_id: str, colour: str, parent: str) -> None:
    index = next(i for i, lane in enumerate(builder.lanes) if lane.id == lane_id)
    data = builder.lanes[index].model_dump()
    if colour:
        data["colour"] = colour
    if parent:
        data[PARENT] = parent[:1000]
    builder.lanes[index] = Lane.model_validate(data)


def _era(context: Context, era: ET.Element, where: str) -> None:
    report = context.report
    title = (era.findtext("name") or "").strip() or "Era"
    try:
        times = read_times(era)
    except ValueError as exc:
        report.problem(where, f"era not imported: {exc}")
        return
    if times.ongoing:
        context.tally.add(CHANGED, ERA_ONGOING, example(where, title))
    data: dict[str, object] = {"title": title, "when": when_of(times, where, report)}
    colour = _colour(era, where, report)
    if colour:
        data["colour"] = colour
    context.builder.add_era(data, where, report)


def _as_of(root: ET.Element, tally: Tally) -> str:
    """The file's "now" as a day ('' when there is none or it is no date)."""
    text = (root.findtext("now") or "").strip()
    if not text:
        return ""
    try:
        day, _ = stamp_day(text)
    except ValueError:
        return ""
    tally.add(CHANGED, NOW, example("now", "", f"{text[:19]} → {day}"))
    return day


def timeline_project_from_bytes(
    raw: bytes, path: Path, control: ImportControl = NO_CONTROL
) -> ImportResult:
    """Import the bytes of the ``.timeline`` file ``path`` (whose name titles the project)."""
    report = ImportReport()
    _refuse_old_text(raw)
    root = parse_xml(_without_extra_boms(raw, report))
    if root.tag != "timeline":
        raise ImportFileError(f"not a Timeline Project file: root element is <{root.tag}>")
    _check_version(root, report)
    context = Context(ProjectBuilder(), report, Tally())
    events = root.findall("events/event")
    if len(events) > MAX_RECORDS:
        raise ImportFileError(f"more than {MAX_RECORDS} events")
    _categories(root, context)
    for event in events:  # containers first, so a sub-event before its container finds it
        title_of(event.findtext("text") or "", context.containers)
    for number, event in enumerate(events, 1):
        read_event(event, f"event {number}", context)
        control.step(number, len(events))
    for number, era in enumerate(root.findall("eras/era"), 1):
        _era(context, era, f"era {number}")
    as_of = _as_of(root, context.tally)
    if any(
        root.find(f"view/{part}") is not None for part in ("displayed_period", "hidden_categories")
    ):
        context.tally.add(DROPPED, VIEW, "the file's <view>")
    context.tally.write(report)
    return ImportResult(context.builder.build(title=path.stem, as_of=as_of), report)


def _without_extra_boms(raw: bytes, report: ImportReport) -> bytes:
    """The XML with at most one byte-order mark (a second one is not well-formed XML)."""
    bom = b"\xef\xbb\xbf"
    if not raw.startswith(bom * 2):
        return raw
    count = 2
    while raw.startswith(bom, len(bom) * count):
        count += 1
    rest = raw[len(bom) * count :]
    report.note(
        f"warning: the file starts with {count} byte-order marks (U+FEFF); "
        "the extra ones were ignored"
    )
    return bom + rest


def import_timeline_project(path: Path) -> ImportResult:
    """Import a Timeline Project ``.timeline`` file."""
    return timeline_project_from_bytes(read_bytes(path), Path(path))
