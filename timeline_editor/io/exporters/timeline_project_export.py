"""Export for The Timeline Project: its ``.timeline`` XML (the 2.x format).

The Timeline Project reads its files with a strict, validating parser: every element
in a fixed order, no attributes, no element it does not know. So this writes exactly
the elements of its 2.x format, in its order:

- **lanes** → categories, with the lane's colour (grey when it has none); a lane kept
  from an imported sub-category names its parent (``timeline_project_parent``), which
  is written first. Titles used twice get " (2)"; the name "(no title)" stands in for
  an empty one;
- **entries** → events: title, times per :mod:`timeline_editor.io.timeline_project_format`
  (undated entries, and dates outside the years the format holds, are left out and named
  in the notes), the lane as category, the description followed by the line that carries
  the exact date, kind, status and wording, tags as labels (one per line), and the web
  links (``http``/``https``) of the cited sources as hyperlinks; a milestone tag sets
  ``milestone``. Actors, places, claims, likelihood, confidence, history and quotes do
  not go through;
- **eras** → eras with their colour (an era has no fuzzy flag: an approximate era is
  written with its bounds);
- the **as-of date** → ``now``; the view shows the exported span.

Every text is written as XML character data (escaped by the serializer), with the
characters XML 1.0 cannot hold (control characters) removed: the file is untrusted
output for whoever opens it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from timeline_editor.io.atomic import atomic_write_bytes
from timeline_editor.io.timeline_project_format import (
    NOT_XML,
    PARENT,
    Span,
    colour_text,
    marker_line,
    span_of,
    stamp,
)
from timeline_editor.model.edtf import parse_edtf
from timeline_editor.model.entities import Entry, Era, Lane, Project
from timeline_editor.model.queries import cited_source_ids
from timeline_editor.model.urls import is_web_url

from ._common import left_out

VERSION = "2.3.0"
GREY = "200,200,200"


def _text(value: str) -> str:
    return NOT_XML.sub("", value)


def _add(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, tag).text = _text(text)


def _category_names(lanes: tuple[Lane, ...]) -> dict[str, str]:
    """Each lane's category name, unique as the format needs."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for lane in lanes:
        base = lane.title.strip() or "(no title)"
        name, number = base, 1
        while name in taken:
            number += 1
            name = f"{base} ({number})"
        taken.add(name)
        names[lane.id] = name
    return names


def _parents_first(lanes: tuple[Lane, ...], names: dict[str, str]) -> list[tuple[Lane, str]]:
    """Lanes with each parent before its children, and the name of the parent written."""
    by_name = {names[lane.id]: lane for lane in lanes}

    def parent_of(lane: Lane) -> Lane | None:
        wanted = (lane.model_extra or {}).get(PARENT)
        return by_name.get(wanted) if isinstance(wanted, str) else None

    order: list[Lane] = []
    placed: set[str] = set()
    for lane in lanes:
        chain: list[Lane] = []
        current: Lane | None = lane
        while current is not None and current.id not in placed | {c.id for c in chain}:
            chain.append(current)
            current = parent_of(current)
        for item in reversed(chain):
            placed.add(item.id)
            order.append(item)
    written: set[str] = set()
    result = []
    for lane in order:
        parent = parent_of(lane)
        result.append((lane, names[parent.id] if parent and parent.id in written else ""))
        written.add(lane.id)
    return result


def _categories(root: ET.Element, project: Project, names: dict[str, str]) -> None:
    categories = ET.SubElement(root, "categories")
    for lane, parent in _parents_first(project.lanes, names):
        category = ET.SubElement(categories, "category")
        colour = colour_text(lane.colour) if lane.colour else GREY
        _add(category, "name", names[lane.id])
        _add(category, "color", colour)
        _add(category, "font_color", "0,0,0")
        if parent:
            _add(category, "parent", parent)


def _times(element: ET.Element, span: Span) -> None:
    _add(element, "start", stamp(span.start))
    _add(element, "end", stamp(span.end))


def _description(entry: Entry) -> str:
    line = marker_line(entry.when.edtf, entry.kind, entry.status, entry.when.as_stated)
    return f"{entry.description.rstrip()}\n\n{line}" if entry.description.strip() else line


def _links(entry: Entry, urls: dict[str, str]) -> str:
    cited = cited_source_ids(entry)
    # In library order; a link holding ";" would be split in two by the format.
    return ";".join(url for ident, url in urls.items() if ident in cited and ";" not in url)


def _event(
    events: ET.Element, entry: Entry, span: Span, category: str, urls: dict[str, str]
) -> None:
    event = ET.SubElement(events, "event")
    _times(event, span)
    title = entry.title
    # The format reads "(5)…" and "[5]…" as container marks; its own writer adds a space.
    _add(event, "text", f" {title}" if title[:1] in ("(", "[") else title)
    _add(event, "progress", "0")
    _add(event, "fuzzy", str(span.fuzzy))
    _add(event, "locked", "False")
    _add(event, "ends_today", str(span.ongoing))
    if category:
        _add(event, "category", category)
    _add(event, "description", _description(entry))
    if entry.tags:
        _add(event, "labels", "\n".join(entry.tags))
    links = _links(entry, urls)
    if links:
        _add(event, "hyperlink", links)
    _add(event, "default_color", GREY)
    if "milestone" in entry.tags:
        _add(event, "milestone", "True")


def _era(eras: ET.Element, era: Era, span: Span) -> None:
    element = ET.SubElement(eras, "era")
    _add(element, "name", era.title)
    _times(element, span)
    _add(element, "color", colour_text(era.colour) if era.colour else GREY)
    _add(element, "ends_today", str(span.ongoing))


def _as_of(project: Project) -> int | None:
    return parse_edtf(project.as_of).earliest if project.as_of else None


def _spans(project: Project, notes: list[str]) -> list[tuple[Entry, Span]]:
    """The entries that can be written, with their times; notes name those left out."""
    as_of = _as_of(project)
    undated: list[Entry] = []
    outside: list[Entry] = []
    written = []
    for entry in project.entries:
        span = span_of(entry.when.edtf, as_of)
        if span is None:
            undated.append(entry)
        elif not span.fits():
            outside.append(entry)
        else:
            written.append((entry, span))
    if undated:
        notes.append(left_out(undated, "undated"))
    if outside:
        notes.append(left_out(outside, " dated outside the years 4713 BC to AD 9989"))
    return written


def _era_spans(project: Project, notes: list[str]) -> list[tuple[Era, Span]]:
    """The eras that can be written, with their times; a note names those left out."""
    kept, left = [], []
    for era in project.eras:
        span = span_of(era.when.edtf, _as_of(project))
        if span is not None and span.fits():
            kept.append((era, span))
        else:
            left.append(era)
    if left:
        notes.append(left_out(left, "undated or out-of-range", ("era", "eras")))
    return kept


def timeline_project_tree(project: Project, notes: list[str]) -> ET.Element:
    """The ``<timeline>`` element of a project; ``notes`` gets what was left out."""
    root = ET.Element("timeline")
    _add(root, "version", VERSION)
    _add(root, "timetype", "gregoriantime")
    kept = _era_spans(project, notes)
    if kept:
        parent = ET.SubElement(root, "eras")
        for era, span in kept:
            _era(parent, era, span)
    names = _category_names(project.lanes)
    _categories(root, project, names)
    urls = {s.id: s.url for s in project.sources if s.url and is_web_url(s.url)}
    spans = _spans(project, notes)
    events = ET.SubElement(root, "events")
    for entry, span in spans:
        _event(events, entry, span, names.get(entry.lane_id or "", ""), urls)
    _view(root, [span for _, span in spans] + [span for _, span in kept])
    if project.as_of:
        _add(root, "now", stamp(parse_edtf(project.as_of).earliest or 0))
    return root


def _view(root: ET.Element, spans: list[Span]) -> None:
    view = ET.SubElement(root, "view")
    if spans:
        shown = ET.SubElement(view, "displayed_period")
        first, last = min(s.start for s in spans), max(s.end for s in spans)
        _times(shown, Span(first, max(last, first + 1), False, False))


def export_timeline_project(project: Project, path: Path) -> list[str]:
    """Write a ``.timeline`` file; notes on what it left out."""
    notes: list[str] = []
    root = timeline_project_tree(project, notes)
    ET.indent(root)
    data = ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
    atomic_write_bytes(path, data)
    return notes
