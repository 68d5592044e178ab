"""Shared pieces of the importers: the report, a project builder and date helpers.

Every importer reads untrusted data record by record. A record that cannot be
taken is reported with its place (record number or line) and the rest is
imported; a record that can be repaired (end before start, a date that does not
parse) is repaired predictably and the repair is reported too.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from pydantic import ValidationError

from timeline_editor.model.daynum import format_year
from timeline_editor.model.edtf import EdtfError, parse_edtf, parse_point
from timeline_editor.model.entities import Entry, Era, Lane, Project, Source
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


@dataclass
class ImportReport:
    """What an import could not take or had to repair, and how it read the file."""

    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: Set by an importer when the file is a real timeline even with no records
    #: (a TimelineJS title slide): :func:`import_file` then keeps an empty result.
    empty_ok: bool = False

    def problem(self, where: str, message: str) -> None:
        """Record a record that was skipped or repaired."""
        self.problems.append(f"{where}: {message}" if where else message)

    def note(self, message: str) -> None:
        """Record a fact about the whole file (encoding, delimiter, version)."""
        self.notes.append(message)


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
        report.problem(where, f"end {end} is before start {start}; the two were swapped")
        start, end = end, start
    return f"{start}/{end}"


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "p", "li", "div"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


#: Plain tags with no attributes; a fragment made only of these is read without a parser.
_PLAIN_TAG = re.compile(r"<(/?)([a-z]{1,6})\s*/?>", re.IGNORECASE)
_BREAKING = frozenset({"br", "p", "li", "div"})
_RAW_TEXT = frozenset({"script", "style"})


def html_to_text(value: str) -> str:
    """Plain text of a small HTML fragment (TimelineJS text fields are HTML)."""
    if "<" not in value and "&" not in value:
        return value.strip()
    if "&" not in value:
        quick = _plain_tags_text(value)
        if quick is not None:
            return quick
    return html_to_text_parsed(value)


def _plain_tags_text(value: str) -> str | None:
    """What :func:`html_to_text_parsed` gives for text with plain tags only, else None.

    The HTML parser costs about 10 µs per field, most of an import's time for 100k
    events that hold just ``<p>…</p>``; the tests check this against the parser.
    """

    names = {m.group(2).lower() for m in _PLAIN_TAG.finditer(value)}
    if names & _RAW_TEXT:
        return None  # the parser keeps their content as it is, tags and all

    def tag(match: re.Match[str]) -> str:
        opening = not match.group(1)
        return "\n" if opening and match.group(2).lower() in _BREAKING else ""

    text = _PLAIN_TAG.sub(tag, value)
    if "<" in text or ">" in text:
        return None
    return re.sub(r"\n{2,}", "\n", text).strip()


def html_to_text_parsed(value: str) -> str:
    """Plain text of an HTML fragment, read by the standard library's HTML parser."""
    parser = _TextOnly()
    parser.feed(value)
    parser.close()
    text = "".join(parser.parts)
    return re.sub(r"\n{2,}", "\n", text).strip()


def text_to_html(value: str) -> str:
    """HTML of plain text, newlines as ``<br>``."""
    return html.escape(value).replace("\n", "<br>")


class ProjectBuilder:
    """Collects lanes, sources, entries and eras of an import; de-duplicates by name/URL."""

    def __init__(self, base: Project | None = None) -> None:
        self.base = base or Project()
        self.lanes: list[Lane] = list(self.base.lanes)
        self.sources: list[Source] = list(self.base.sources)
        self.entries: list[Entry] = list(self.base.entries)
        self.eras: list[Era] = list(self.base.eras)
        self._lane_by_title = {lane.title.casefold(): lane.id for lane in self.lanes}
        self._source_by_url = {s.url: s.id for s in self.sources if s.url}
        self._ids = {x.id for x in (*self.lanes, *self.sources, *self.entries, *self.eras)}

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
                report.problem(where, f"source link not imported: {validation_message(exc)}")
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
            report.problem(where, f"not imported: {validation_message(exc)}")
            return False
        self.entries.append(entry)
        self._ids.add(entry.id)
        return True

    def add_era(self, data: dict[str, object], where: str, report: ImportReport) -> bool:
        """Validate and add one era; reports it and returns False when invalid."""
        try:
            era = Era.model_validate(data)
        except ValidationError as exc:
            report.problem(where, f"era not imported: {validation_message(exc)}")
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
                **fields,
            }
        )
