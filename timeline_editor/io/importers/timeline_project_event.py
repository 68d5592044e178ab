"""One event of a ``.timeline`` file read into an entry (see :mod:`.timeline_project`)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any, Protocol

from timeline_editor.io.timeline_project_format import Marker, Span, read_marker, span_of
from timeline_editor.model.edtf import parse_edtf

from ._common import ImportReport, ProjectBuilder, edtf_from_parts, join_interval
from ._tally import CHANGED, DROPPED, Tally, example

_STAMP = re.compile(r"^(-?\d{1,7})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_CONTAINER = re.compile(r"^\[(\d+)\](.*)$", re.DOTALL)
_SUBEVENT = re.compile(r"^\((\d+)\)(.*)$", re.DOTALL)
#: The colour The Timeline Project gives an event that has none of its own.
DEFAULT_EVENT_COLOUR = "200,200,200"

# What the report's lines say (see ._tally), one per kind of change.
TIMES = "times of day kept only in the wording (as stated)"
FUZZY = "fuzzy dates became approximate (~)"
ONGOING = "ongoing events (“ends today”) became open ends (EDTF 'X/..')"
ALERT = "alerts became notes at the end of the description"
ICON = "icons (the images; a note in the description says there was one)"
LOCKED = "“locked” flags (edit protection in The Timeline Project)"
COLOUR = "event colours (an entry is drawn in its lane's colour)"
LABELS = "labels became tags"
PARENTS = "events of sub-categories tagged with their parent categories ('category: …')"
MORE_CATEGORIES = "further categories of an event became tags ('category: …')"
CONTAINERS = "containers became periods; their events are tagged 'container: …'"
MILESTONES = "milestones and progress became tags ('milestone', 'progress N%')"
LINKS = "hyperlinks became sources the entry cites"


def flag(element: ET.Element, name: str) -> bool:
    """True when the child element ``name`` says True."""
    return (element.findtext(name) or "").strip().lower() == "true"


def stamp_day(text: str) -> tuple[str, str]:
    """(EDTF day, time text or '') of a Timeline Project time stamp."""
    match = _STAMP.match(text.strip())
    if match is None:
        raise ValueError(f"'{text.strip()[:40]}' is not a date like 2021-12-15 10:00:00")
    year, month, day, hour, minute = match.groups()[:5]
    edtf = edtf_from_parts(int(year), int(month), int(day))
    time = f"{int(hour):02d}:{minute}" if hour is not None else ""
    return edtf, "" if time == "00:00" else time


@dataclass(frozen=True)
class Times:
    """An event's or era's times as the file gives them."""

    start: str
    start_time: str
    end: str
    end_time: str
    fuzzy_start: bool
    fuzzy_end: bool
    ongoing: bool

    def span(self) -> Span:
        """The days and flags, to compare with what an exported date is written as."""
        first, last = parse_edtf(self.start).earliest, parse_edtf(self.end).latest
        assert first is not None and last is not None
        return Span(first, last, self.fuzzy_start or self.fuzzy_end, self.ongoing)


def read_times(element: ET.Element) -> Times:
    """The times of an event or era; ValueError when the start is not a date."""
    start, start_time = stamp_day(element.findtext("start") or "")
    end_text = element.findtext("end")
    end, end_time = stamp_day(end_text) if end_text and end_text.strip() else (start, "")
    fuzzy = flag(element, "fuzzy")
    return Times(
        start,
        start_time,
        end,
        end_time,
        fuzzy or flag(element, "fuzzy_start"),
        fuzzy or flag(element, "fuzzy_end"),
        flag(element, "ends_today"),
    )


def when_of(times: Times, where: str, report: ImportReport) -> dict[str, str]:
    """EDTF and wording of times: fuzzy ends get '~', an ongoing event an open end."""
    start = times.start + ("~" if times.fuzzy_start else "")
    end = times.end + ("~" if times.fuzzy_end else "")
    if times.ongoing:
        return {"edtf": f"{start}/..", "as_stated": _stated(times, ongoing=True)}
    return {"edtf": join_interval(start, end, where, report), "as_stated": _stated(times)}


def _stated(times: Times, *, ongoing: bool = False) -> str:
    if not (times.start_time or times.end_time):
        return ""
    stated = f"{times.start} {times.start_time or '00:00'}"
    if ongoing:
        return stated
    if times.end != times.start or times.end_time != times.start_time:
        stated += f" – {times.end} {times.end_time or '00:00'}"
    return stated


def title_of(text: str, containers: dict[str, str]) -> tuple[str, list[str], bool]:
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


@dataclass
class Context:
    """What reading one event needs from the whole file."""

    builder: ProjectBuilder
    report: ImportReport
    tally: Tally
    containers: dict[str, str] = field(default_factory=dict)
    #: Each category's ancestors, nearest first.
    ancestors: dict[str, list[str]] = field(default_factory=dict)


class Note(Protocol):
    """Counts one change for the report (see :class:`._tally.Tally`)."""

    def __call__(self, verb: str, what: str, detail: str = "") -> None: ...


def read_event(event: ET.Element, where: str, context: Context) -> None:
    """Add one event to the builder, or report why it was not imported."""
    title, tags, is_container = title_of(event.findtext("text") or "", context.containers)

    def note(verb: str, what: str, detail: str = "") -> None:
        context.tally.add(verb, what, example(where, title, detail))

    try:
        times = read_times(event)
    except ValueError as exc:
        context.report.problem(where, f"not imported: {exc}")
        return
    description, marker = read_marker((event.findtext("description") or "").strip())
    data: dict[str, Any] = {"title": title, "kind": "period" if is_container else "event"}
    if marker is not None and span_of(marker.edtf) == _comparable(times, marker):
        data.update(kind=marker.kind, status=marker.status)
        data["when"] = {"edtf": marker.edtf, "as_stated": marker.as_stated}
    else:
        data["when"] = when_of(times, where, context.report)
        _note_times(times, note)
    category = (event.findtext("category") or "").strip()
    data["lane_id"] = context.builder.lane(category)
    if is_container or tags:
        note(CHANGED, CONTAINERS)
    data["tags"] = tags + _tags(event, category, context, note)
    data["description"] = _notes(event, description, note)
    links = [u for u in (event.findtext("hyperlink") or "").split(";") if u.strip()]
    citations = (context.builder.citation_for_url(u, where, context.report) for u in links)
    data["citations"] = [c for c in citations if c]
    if data["citations"]:
        note(CHANGED, LINKS)
    _dropped(event, note)
    context.builder.add_entry(data, where, context.report)


def _comparable(times: Times, marker: Marker) -> Span:
    """The file's span, with an ongoing end as the marker's date writes it without an as-of."""
    span = times.span()
    if span.ongoing:
        written = span_of(marker.edtf)
        return Span(span.start, written.end if written else span.end, span.fuzzy, True)
    return span


def _note_times(times: Times, note: Note) -> None:
    if times.start_time or times.end_time:
        note(CHANGED, TIMES, times.start_time or times.end_time)
    if times.fuzzy_start or times.fuzzy_end:
        note(CHANGED, FUZZY)
    if times.ongoing:
        note(CHANGED, ONGOING, f"from {times.start}")


def _labels(text: str) -> list[str]:
    """Tags from labels: one per line (as we write them), else separated by commas."""
    parts = text.split("\n") if "\n" in text.strip() else re.split(r"[,;]", text)
    return [part.strip()[:200] for part in parts if part.strip()]


def _tags(event: ET.Element, category: str, context: Context, note: Note) -> list[str]:
    """Tags for what the file says beyond a lane: containers, milestones, labels, categories."""
    tags = _labels(event.findtext("labels") or "")
    if tags:
        note(CHANGED, LABELS)
    marks = ["milestone"] if flag(event, "milestone") else []
    progress = (event.findtext("progress") or "0").strip()
    if progress.isdigit() and 0 < int(progress) < 100:
        marks.append(f"progress {int(progress)}%")
    if marks:
        tags.extend(marks)
        note(CHANGED, MILESTONES)
    parents = context.ancestors.get(category, [])
    if parents:
        tags.extend(f"category: {name}"[:200] for name in parents)
        note(CHANGED, PARENTS, category)
    more = [c.text.strip() for c in event.findall("categories/category") if c.text]
    if more:
        tags.extend(f"category: {name}"[:200] for name in more if name != category)
        note(CHANGED, MORE_CATEGORIES, ", ".join(more))
    return list(dict.fromkeys(tags))


def _notes(event: ET.Element, description: str, note: Note) -> str:
    """The description with the event's alert and icon added as notes."""
    parts = [description] if description else []
    alert = (event.findtext("alert") or "").strip()
    if alert:
        when, _, text = alert.partition(";")
        parts.append(f"Alert ({when.strip()[:19]}): {text.strip()}")
        note(CHANGED, ALERT, when.strip()[:19])
    if (event.findtext("icon") or "").strip():
        parts.append("(The Timeline Project showed an icon with this event; not imported.)")
        note(DROPPED, ICON)
    return "\n\n".join(parts)


def _dropped(event: ET.Element, note: Note) -> None:
    if flag(event, "locked"):
        note(DROPPED, LOCKED)
    colour = (event.findtext("default_color") or DEFAULT_EVENT_COLOUR).strip()
    if colour != DEFAULT_EVENT_COLOUR:
        note(DROPPED, COLOUR, colour)
