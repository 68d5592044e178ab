"""What The Timeline Project's ``.timeline`` files hold, shared by our importer and exporter.

**Time stamps** are ``YYYY-MM-DD HH:MM:SS`` in astronomical years (``-44-03-15``, year 0
exists), from 24 November 4714 BC (its day 0) to the end of 9989.

**Dates (decision).** The format wants exact times, with one ``fuzzy`` flag per event
and ``ends_today`` for an event that is still going on. We write every date as the
days its given digits cover (a month from its first to its last day; the last day at
00:00, as The Timeline Project's own date-only events end), and say ``fuzzy`` whenever
that is not the whole truth:

| our date | start – end | fuzzy | ends_today |
|---|---|---|---|
| a day, month or year (``2021-12-15``, ``2021-11``) | its first – last day | no | no |
| approximate or uncertain (``2021-11~``, ``2021-11-19?``) | the same | yes | no |
| unspecified digits (``2021-1X``) | Oct – Dec 2021 | yes | no |
| a period ``a/b`` | a's first – b's last day | if an end is qualified | no |
| an open end ``a/..`` | a's first day – the as-of day (or a's last) | as a is | yes |
| an unknown end ``a/`` or start ``/b``, ``../b`` | the known end's days | yes | no |
| a window ``[a..b]``, before ``[..b]``, after ``[a..]`` | the window's given bounds | yes | no |

**The exact date travels along.** An exported event's description ends with a line such as
``[Timeline Editor] Nov 2021 (approx.) (EDTF 2021-11~) · meeting · scheduled · as stated:
in November``: readable for people, and read back by our importer (which then restores
the exact EDTF, kind, status and wording, and removes the line) as long as the event's
times still match what that EDTF is written as. An event moved in The Timeline Project
is read from its new times.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline_editor.model.datewords import date_words
from timeline_editor.model.daynum import civil, day_number
from timeline_editor.model.edtf import EdtfError, End, Point, Shape, parse_edtf
from timeline_editor.model.vocab import EntryKind, Status

#: The first and last days a ``.timeline`` file can hold.
FIRST_DAY = day_number(-4713, 11, 24)
LAST_DAY = day_number(9989, 12, 31)
#: The lane field naming the category an imported sub-category belongs to.
PARENT = "timeline_project_parent"
#: Characters XML 1.0 cannot hold: written files leave them out.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
#: What opens the line that carries an event's exact date.
MARKER = "[Timeline Editor]"
_MARKER_LINE = re.compile(
    r"^\[Timeline Editor\] .*?\(EDTF (?P<edtf>\S+)\) · (?P<kind>[a-z_]+) · (?P<status>[a-z_]+)"
    r"(?: · as stated:(?: (?P<stated>.*))?)?$"
)


def stamp(day: int) -> str:
    """The time stamp of a day's midnight: '2021-12-15 00:00:00', '-44-03-15 00:00:00'."""
    year, month, dom = civil(day)
    return f"{year}-{month:02d}-{dom:02d} 00:00:00"


def colour_text(colour: str) -> str:
    """'#1f5fbf' as 'r,g,b' ('31,95,191')."""
    value = colour.lstrip("#")
    return ",".join(str(int(value[i : i + 2], 16)) for i in (0, 2, 4))


def hex_colour(text: str) -> str:
    """'r,g,b' as '#rrggbb'; ValueError when it is not three numbers 0-255."""
    parts = text.strip().split(",")
    if len(parts) != 3 or not all(p.strip().isdigit() for p in parts):
        raise ValueError(f"colour '{text.strip()[:40]}' is not 'red,green,blue'")
    numbers = [int(p) for p in parts]
    if any(n > 255 for n in numbers):
        raise ValueError(f"colour '{text.strip()[:40]}' has a part above 255")
    return "#" + "".join(f"{n:02x}" for n in numbers)


@dataclass(frozen=True)
class Span:
    """An event's times in a ``.timeline`` file: first and last day, and two flags."""

    start: int
    end: int
    fuzzy: bool
    ongoing: bool

    def fits(self) -> bool:
        """True when both days lie in the range the format can hold."""
        return self.start >= FIRST_DAY and self.end <= LAST_DAY


def _vague(point: Point) -> bool:
    return bool(point.qualifier) or point.unspecified


def span_of(edtf: str, as_of: int | None = None) -> Span | None:
    """How a date is written (see the module's table); None for an undated one."""
    parsed = parse_edtf(edtf)
    first, last = parsed.start, parsed.end
    if parsed.shape is Shape.UNDATED or (first is None and last is None):
        return None
    if parsed.shape is Shape.POINT and first is not None:
        return Span(first.core_earliest, first.core_latest, _vague(first), False)
    if first is not None and last is not None:
        window = parsed.shape is Shape.ONE_OF
        fuzzy = window or _vague(first) or _vague(last)
        return Span(first.core_earliest, last.core_latest, fuzzy, False)
    known = first or last
    assert known is not None
    if parsed.shape is Shape.INTERVAL and first is not None and parsed.end_kind is End.OPEN:
        end = max(known.core_latest, as_of if as_of is not None else known.core_latest)
        return Span(known.core_earliest, end, _vague(known), True)
    return Span(known.core_earliest, known.core_latest, True, False)


@dataclass(frozen=True)
class Marker:
    """What the marker line of an exported event says."""

    edtf: str
    kind: EntryKind
    status: Status
    as_stated: str


def marker_line(edtf: str, kind: EntryKind, status: Status, as_stated: str) -> str:
    """The line an exported event's description ends with (see the module docstring)."""
    line = f"{MARKER} {date_words(edtf)} (EDTF {edtf}) · {kind.value} · {status.value}"
    stated = " ".join(NOT_XML.sub("", as_stated).split())
    return f"{line} · as stated: {stated}" if stated else line


def read_marker(description: str) -> tuple[str, Marker | None]:
    """The description without its marker line, and the marker (None when there is none)."""
    head, _, last = description.rstrip().rpartition("\n")
    match = _MARKER_LINE.match(last.strip())
    if match is None:
        return description, None
    try:
        parse_edtf(match["edtf"])
        marker = Marker(
            match["edtf"], EntryKind(match["kind"]), Status(match["status"]), match["stated"] or ""
        )
    except (EdtfError, ValueError):
        return description, None
    return head.rstrip(), marker
