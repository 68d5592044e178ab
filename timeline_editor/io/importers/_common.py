"""Shared pieces of the importers: the report, a project builder and date helpers.

Every importer reads untrusted data record by record. A record that cannot be
taken is reported with its place (record number or line) and the rest is
imported; a record that can be repaired (end before start, a date that does not
parse) is repaired predictably and the repair is reported too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pydantic import ValidationError

from timeline_editor.model.daynum import format_year
from timeline_editor.model.edtf import EdtfError, parse_edtf, parse_point
from timeline_editor.model.entities import Actor, Entry, Era, Lane, Place, Project, Source
from timeline_editor.model.integrity import format_loc
from timeline_editor.model.vocab import SourceKind

ID_PATTERN = re.compile(r"^[A-Za-z0-9_.:-]{1,100}$")
MAX_RECORDS = 1_000_000


class ImportFileError(Exception):
    """A file that cannot be imported at all (wrong format, malformed, unsafe)."""


class ImportCancelledError(ImportFileError):
    """The import was stopped by its cancel check; nothing was imported."""


#: Called as ``progress(done, total)`` while records are read (``total`` may be 0: unknown).
Progress = Callable[[int, int], None]
#: Called now and then during an import; returning True stops it (:class:`ImportCancelledError`).
CancelCheck = Callable[[], bool]


@dataclass(frozen=True)
class ImportControl:
    """A progress callback and a cancel check for a long import, both optional."""

    progress: Progress | None = None
    cancelled: CancelCheck | None = None
    #: Records between two calls: often enough for a progress bar, rarely enough to be free.
    every: int = 1000

    def step(self, done: int, total: int) -> None:
        """Report ``done`` of ``total`` records and honour a cancel, every ``every`` records."""
        if done % self.every == 0 or done == total:
            self.check(done, total)

    def check(self, done: int, total: int) -> None:
        """Report progress and raise :class:`ImportCancelledError` when asked to stop."""
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelledError("import cancelled; nothing was imported")
        if self.progress is not None:
            self.progress(done, total)


NO_CONTROL = ImportControl()


#: The kind of a problem reported without one.
OTHER_PROBLEMS = "records not taken as they were"
#: Kinds of problems several importers report (one summary line each).
SWAPPED = "end before start: the two ends swapped"
UNDATED = "date not read: imported undated, its text kept as the wording"
REJECTED = "not imported"
BAD_LINK = "source link no source can hold: left out"


@dataclass
class Tally:
    """How many records one kind of drop or change touched, and the first of them."""

    count: int
    where: str
    example: str

    def line(self, kind: str) -> str:
        """'kind: 3 records (first: line 5: '03/04/2021')'."""
        noun = "record" if self.count == 1 else "records"
        first = f"{self.where}: {self.example}" if self.where else self.example
        return (
            f"{kind}: {self.count} {noun} (first: {first})"
            if first
            else f"{kind}: {self.count} {noun}"
        )


@dataclass
class ImportReport:
    """What an import could not take or had to repair, and how it read the file.

    ``problems`` has one line per record (its place and what happened to it);
    ``tallies`` counts every kind of thing dropped or changed, with the first record
    of each kind, so that :meth:`summary` says in one line per kind what an import
    left behind, even for things too common to list record by record (a TimelineJS
    background on every slide).
    """

    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    tallies: dict[str, Tally] = field(default_factory=dict)
    #: Set by an importer when the file is a real timeline even with no records
    #: (a TimelineJS title slide): :func:`import_file` then keeps an empty result.
    empty_ok: bool = False

    def problem(self, where: str, message: str, kind: str = "", example: str = "") -> None:
        """Record a record that was skipped or repaired, counted under ``kind``.

        ``example`` is what the summary line quotes of the first such record (default:
        the message).
        """
        self.problems.append(f"{where}: {message}" if where else message)
        self.count(kind or OTHER_PROBLEMS, where, example or message)

    def count(self, kind: str, where: str, example: str = "") -> None:
        """Count one record touched by ``kind`` of drop or change (no line of its own)."""
        tally = self.tallies.get(kind)
        if tally is None:
            self.tallies[kind] = Tally(1, where, example[:200])
        else:
            tally.count += 1

    def note(self, message: str) -> None:
        """Record a fact about the whole file (encoding, delimiter, version)."""
        self.notes.append(message)

    def summary(self) -> list[str]:
        """One line per kind of thing dropped or changed, in the order first met."""
        return [tally.line(kind) for kind, tally in self.tallies.items()]


@dataclass(frozen=True)
class ImportResult:
    """An imported project and the report of what could not be taken."""

    project: Project
    report: ImportReport


def nothing_taken(problems: list[str]) -> str:
    """Why an import found nothing: no records at all, or the first rejected one."""
    if not problems:
        return "the file holds no records"
    if len(problems) == 1:
        return f"its one record was rejected ({problems[0]})"
    return f"all {len(problems)} records were rejected (first: {problems[0]})"


def validation_message(exc: ValidationError) -> str:
    """The first pydantic error of an exception as 'place: message'."""
    first = exc.errors()[0]
    where = format_loc(first["loc"])
    return f"{where}: {first['msg']}" if where else str(first["msg"])


def year_text(year: int) -> str:
    """EDTF spelling of a year of any size: ``0602``, ``-0044``, ``Y-170000``."""
    if abs(year) > 9999:
        return f"Y{year}"
    return format_year(year)


#: Years beyond this many digits are no date any EDTF reader takes (and make long messages).
MAX_YEAR_DIGITS = 9


@functools.lru_cache(maxsize=65536)
def edtf_from_parts(year: int, month: int | None = None, day: int | None = None) -> str:
    """An EDTF point from numeric parts; raises ValueError when it is no real date.

    Cached: an import of 100k events holds a few thousand distinct days.
    """
    if day is not None and month is None:
        raise ValueError("a day without a month")
    for name, number in (("year", year), ("month", month), ("day", day)):
        if number is not None and len(str(abs(number))) > MAX_YEAR_DIGITS:
            raise ValueError(f"the {name} has more than {MAX_YEAR_DIGITS} digits")
    text = year_text(year)
    if abs(year) > 9999 and month is not None:
        month = day = None  # long years carry no month in EDTF
    if month is not None:
        text += f"-{month:02d}"
        if day is not None:
            text += f"-{day:02d}"
    try:
        parse_point(text)
    except EdtfError as exc:
        raise ValueError(str(exc)) from None
    return text


def join_interval(start: str, end: str, where: str, report: ImportReport) -> str:
    """``start/end`` (or the point when they are equal), swapping reversed ends."""
    if not end or end == start:
        return start
    first, second = parse_edtf(start), parse_edtf(end)
    assert first.earliest is not None and second.latest is not None
    if second.latest < first.earliest:
        said = f"end {end} is before start {start}"
        report.problem(where, f"{said}; the two were swapped", SWAPPED, said)
        start, end = end, start
    return f"{start}/{end}"


class ProjectBuilder:
    """Collects lanes, sources, entries and eras of an import; de-duplicates by name/URL."""

    def __init__(self, base: Project | None = None) -> None:
        self.base = base or Project()
        self.lanes: list[Lane] = list(self.base.lanes)
        self.sources: list[Source] = list(self.base.sources)
        self.entries: list[Entry] = list(self.base.entries)
        self.eras: list[Era] = list(self.base.eras)
        self.actors: list[Actor] = list(self.base.actors)
        self.places: list[Place] = list(self.base.places)
        self._lane_by_title = {lane.title.casefold(): lane.id for lane in self.lanes}
        self._source_by_url = {s.url: s.id for s in self.sources if s.url}
        self._source_by_title = {s.title: s.id for s in self.sources if not s.url}
        self._actor_by_name = {a.name: a.id for a in self.actors}
        self._place_by_name = {p.name: p.id for p in self.places}
        self._ids = {
            x.id for x in (*self.lanes, *self.sources, *self.entries, *self.eras, *self.actors)
        } | {p.id for p in self.places}

    def fresh_id(self, wanted: object) -> str | None:
        """``wanted`` if it is a usable, unused id, else None (the model makes one)."""
        if isinstance(wanted, str) and ID_PATTERN.match(wanted) and wanted not in self._ids:
            self._ids.add(wanted)
            return wanted
        return None

    def lane(self, title: str) -> str | None:
        """The id of the lane with this title, made on first use."""
        title = title.strip()
        if not title:
            return None
        key = title.casefold()
        if key not in self._lane_by_title:
            try:
                lane = Lane(title=title[:1000])
            except ValidationError:  # no such text reaches here (read_json mends them)
                return None
            self.lanes.append(lane)
            self._lane_by_title[key] = lane.id
            self._ids.add(lane.id)
        return self._lane_by_title[key]

    def actor(self, name: str) -> str | None:
        """The id of the actor with exactly this name, made on first use ('' gives None)."""
        if not name:
            return None
        if name not in self._actor_by_name:
            actor = Actor(name=name)
            self.actors.append(actor)
            self._actor_by_name[name] = actor.id
            self._ids.add(actor.id)
        return self._actor_by_name[name]

    def place(self, name: str) -> str | None:
        """The id of the place with exactly this name, made on first use ('' gives None)."""
        if not name:
            return None
        if name not in self._place_by_name:
            place = Place(name=name)
            self.places.append(place)
            self._place_by_name[name] = place.id
            self._ids.add(place.id)
        return self._place_by_name[name]

    def citation_for_title(self, title: str) -> dict[str, str] | None:
        """A citation of the source with this title and no link, made on first use."""
        if not title:
            return None
        if title not in self._source_by_title:
            source = Source(kind=SourceKind.OTHER, title=title)
            self.sources.append(source)
            self._source_by_title[title] = source.id
            self._ids.add(source.id)
        return {"source_id": self._source_by_title[title]}

    def citation_for_url(
        self, url: str, where: str, report: ImportReport, title: str = "", note: str = ""
    ) -> dict[str, str] | None:
        """A citation (as data for the entry) of the source with this URL, made on first use.

        None for no URL, and for one no source can hold (reported at ``where``).
        """
        url = url.strip()
        if not url:
            return None
        if url not in self._source_by_url:
            try:
                source = Source(kind=SourceKind.WEBPAGE, title=title.strip() or url, url=url)
            except ValidationError as exc:
                report.problem(
                    where, f"source link not imported: {validation_message(exc)}", BAD_LINK
                )
                return None
            self.sources.append(source)
            self._source_by_url[url] = source.id
            self._ids.add(source.id)
        citation = {"source_id": self._source_by_url[url]}
        if note:
            citation["note"] = note
        return citation

    def add_entry(self, data: dict[str, object], where: str, report: ImportReport) -> bool:
        """Validate and add one entry; reports it and returns False when invalid."""
        try:
            entry = Entry.model_validate(data)
        except ValidationError as exc:
            report.problem(where, f"not imported: {validation_message(exc)}", REJECTED)
            return False
        self.entries.append(entry)
        self._ids.add(entry.id)
        return True

    def add_era(self, data: dict[str, object], where: str, report: ImportReport) -> bool:
        """Validate and add one era; reports it and returns False when invalid."""
        try:
            era = Era.model_validate(data)
        except ValidationError as exc:
            report.problem(where, f"era not imported: {validation_message(exc)}", REJECTED)
            return False
        self.eras.append(era)
        return True

    def build(self, **meta: str) -> Project:
        """The finished project (``meta``: title, description)."""
        fields = {k: v[:100_000] for k, v in meta.items() if v}
        return self.base.model_copy(
            update={
                "lanes": tuple(self.lanes),
                "sources": tuple(self.sources),
                "entries": tuple(self.entries),
                "eras": tuple(self.eras),
                "actors": tuple(self.actors),
                "places": tuple(self.places),
                **fields,
            }
        )
