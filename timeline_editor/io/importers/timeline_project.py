"""Import files of The Timeline Project (``.timeline`` XML).

The XML is parsed with defusedxml with DTDs forbidden, so entity-expansion bombs
and external entities are refused before anything is expanded or fetched.

Mapping: ``start``/``end`` ("YYYY-MM-DD HH:MM:SS") -> EDTF days (a time of day
other than midnight is kept in ``as_stated``); ``fuzzy`` (or ``fuzzy_start`` /
``fuzzy_end``) -> ``~`` on the matching ends; ``milestone`` -> tag "milestone";
``progress`` 1-99 -> tag "progress N%"; ``category`` -> lane; a container
``[5]Name`` becomes a period entry and its sub-events ``(5)Title`` carry the tag
"container: Name"; ``hyperlink`` (several separated by ";") -> sources; eras ->
eras. Numeric timelines (``timetype`` numtime) have no calendar and are refused.

Version decision: files up to major version 2 are read as they are; a file from
a newer major version is imported best-effort, with a warning in the report,
because the elements read here have been stable across versions and every
record that does not fit is reported anyway.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from ._common import (
    MAX_RECORDS,
    NO_CONTROL,
    ImportControl,
    ImportFileError,
    ImportReport,
    ImportResult,
    ProjectBuilder,
    edtf_from_parts,
    join_interval,
)
from ._text import read_bytes

KNOWN_MAJOR = 2
UNSAFE = {
    "DTDForbidden": "a document type declaration (it could define entity bombs or "
    "external entities)",
    "EntitiesForbidden": "entity declarations (a possible entity-expansion bomb)",
    "ExternalReferenceForbidden": "a reference to an external file or URL",
}
_STAMP = re.compile(r"^(-?\d{1,7})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_CONTAINER = re.compile(r"^\[(\d+)\](.*)$", re.DOTALL)
_SUBEVENT = re.compile(r"^\((\d+)\)(.*)$", re.DOTALL)


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


def _flag(event: ET.Element, name: str) -> bool:
    return (event.findtext(name) or "").strip().lower() == "true"


def _stamp(text: str) -> tuple[str, str]:
    """(EDTF day, time text or '') of a Timeline Project time stamp."""
    match = _STAMP.match(text.strip())
    if match is None:
        raise ValueError(f"'{text.strip()}' is not a date like 2021-12-15 10:00:00")
    year, month, day, hour, minute = match.groups()[:5]
    edtf = edtf_from_parts(int(year), int(month), int(day))
    time = f"{int(hour):02d}:{minute}" if hour is not None else ""
    return edtf, "" if time == "00:00" else time


def _when(event: ET.Element, where: str, report: ImportReport) -> dict[str, str]:
    start, start_time = _stamp(event.findtext("start") or "")
    end_text = event.findtext("end")
    end, end_time = _stamp(end_text) if end_text and end_text.strip() else (start, "")
    fuzzy = _flag(event, "fuzzy")
    if fuzzy or _flag(event, "fuzzy_start"):
        start += "~"
    if fuzzy or _flag(event, "fuzzy_end"):
        end += "~"
    edtf = join_interval(start, end, where, report)
    stated = ""
    if start_time or end_time:
        stated = f"{start.rstrip('~')} {start_time or '00:00'}"
        if end.rstrip("~") != start.rstrip("~") or end_time != start_time:
            stated += f" – {end.rstrip('~')} {end_time or '00:00'}"
    return {"edtf": edtf, "as_stated": stated}


def _title(text: str, containers: dict[str, str]) -> tuple[str, list[str], bool]:
    """(title, tags, is container) of an event's text with its prefix removed."""
    container = _CONTAINER.match(text)
    if container:
        containers[container.group(1)] = container.group(2).strip()
        return container.group(2).strip(), [], True
    sub = _SUBEVENT.match(text)
    if sub:
        name = containers.get(sub.group(1), sub.group(1))
        return sub.group(2).strip(), [f"container: {name}"], False
    return text.strip(), [], False


def _event(
    builder: ProjectBuilder,
    event: ET.Element,
    where: str,
    report: ImportReport,
    containers: dict[str, str],
) -> None:
    try:
        when = _when(event, where, report)
    except ValueError as exc:
        report.problem(where, f"not imported: {exc}")
        return
    title, tags, is_container = _title(event.findtext("text") or "", containers)
    if _flag(event, "milestone"):
        tags.append("milestone")
    progress = (event.findtext("progress") or "0").strip()
    if progress.isdigit() and 0 < int(progress) < 100:
        tags.append(f"progress {int(progress)}%")
    data: dict[str, Any] = {
        "title": title,
        "when": when,
        "description": (event.findtext("description") or "").strip(),
        "tags": tags,
        "lane_id": builder.lane(event.findtext("category") or ""),
    }
    if is_container:
        data["kind"] = "period"
    links = [u for u in (event.findtext("hyperlink") or "").split(";") if u.strip()]
    citations = (builder.citation_for_url(u, where, report) for u in links)
    data["citations"] = [c for c in citations if c]
    builder.add_entry(data, where, report)


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


def timeline_project_from_bytes(
    raw: bytes, path: Path, control: ImportControl = NO_CONTROL
) -> ImportResult:
    """Import the bytes of the ``.timeline`` file ``path`` (whose name titles the project)."""
    report = ImportReport()
    root = parse_xml(_without_extra_boms(raw, report))
    if root.tag != "timeline":
        raise ImportFileError(f"not a Timeline Project file: root element is <{root.tag}>")
    _check_version(root, report)
    builder = ProjectBuilder()
    events = root.findall("events/event")
    if len(events) > MAX_RECORDS:
        raise ImportFileError(f"more than {MAX_RECORDS} events")
    for category in root.findall("categories/category"):
        builder.lane(category.findtext("name") or "")
    containers: dict[str, str] = {}
    for event in events:  # containers first, so a sub-event before its container finds it
        _title(event.findtext("text") or "", containers)
    for number, event in enumerate(events, 1):
        _event(builder, event, f"event {number}", report, containers)
        control.step(number, len(events))
    for number, era in enumerate(root.findall("eras/era"), 1):
        _era(builder, era, f"era {number}", report)
    return ImportResult(builder.build(title=path.stem), report)


def _era(builder: ProjectBuilder, era: ET.Element, where: str, report: ImportReport) -> None:
    try:
        when = _when(era, where, report)
    except ValueError as exc:
        report.problem(where, f"era not imported: {exc}")
        return
    title = (era.findtext("name") or "").strip() or "Era"
    builder.add_era({"title": title, "when": when}, where, report)


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
