"""The project's pydantic models: entries, claims, sources, actors and the rest.

Models are frozen: an edit replaces a whole object through :class:`Document`, so an
undo command can keep the old and the new value. Unknown fields are kept
(``extra="allow"``) so that a file written by a newer or other tool survives a
load/save round trip. Source fields carry CSL-JSON names where CSL has one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .edtf import EdtfError, Shape, parse_edtf
from .edtf_check import ensure_valid_edtf
from .vocab import (
    ActorKind,
    Confidence,
    EntryKind,
    Likelihood,
    Relation,
    Reliability,
    SourceKind,
    Stance,
    Status,
    TimeUnit,
)

FORMAT_NAME = "timeline-editor"
SCHEMA_VERSION = 1

Id = Annotated[str, Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_.:-]+$")]
Text = Annotated[str, Field(max_length=100_000)]
Colour = Annotated[str, Field(pattern=r"^(#[0-9a-fA-F]{6})?$")]
VersionHash = Annotated[str, Field(pattern=r"^[0-9a-f]{16,64}$")]


def new_id() -> str:
    """A fresh random UUID string (version 4)."""
    # str(uuid.uuid4()) spelled out: 2.5 times faster, which counts at 100k imported entries.
    raw = bytearray(os.urandom(16))
    raw[6] = raw[6] & 0x0F | 0x40
    raw[8] = raw[8] & 0x3F | 0x80
    x = raw.hex()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


#: While set, counts the ids the models made up for items given without one.
_made_up_ids: ContextVar[list[int] | None] = ContextVar("made_up_ids", default=None)


def _default_id() -> str:
    counter = _made_up_ids.get()
    if counter is not None:
        counter[0] += 1
    return new_id()


@contextmanager
def counting_made_up_ids() -> Iterator[list[int]]:
    """Count (in the yielded list's one number) the items validated in the block without an id.

    A loader uses it to know, at no cost when the count stays 0, whether it must give
    such items ids that stay the same from one load to the next.
    """
    counter = [0]
    token = _made_up_ids.set(counter)
    try:
        yield counter
    finally:
        _made_up_ids.reset(token)


class Model(BaseModel):
    """Base of every model: frozen, keeps unknown fields, CSL aliases."""

    model_config = ConfigDict(
        frozen=True,
        extra="allow",
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        str_max_length=100_000,
        # Write NaN/Infinity as such (not null) so that a save can detect and refuse them.
        ser_json_inf_nan="constants",
    )


def check_edtf(value: str) -> str:
    """Validate an EDTF string, returning it unchanged."""
    try:
        ensure_valid_edtf(value)
    except EdtfError as exc:
        raise ValueError(str(exc)) from None
    return value


def check_day(value: str) -> str:
    """Validate an EDTF string that must be one exact day or empty."""
    check_edtf(value)
    if not value:
        return value
    point = parse_edtf(value).start
    # A day with X digits or a qualifier is not one known day.
    exact = point is not None and point.core_earliest == point.earliest == point.latest
    if len(value.lstrip("-")) != 10 or parse_edtf(value).shape is not Shape.POINT or not exact:
        raise ValueError(f"'{value}' must be one day, written YYYY-MM-DD")
    return value


class Item(Model):
    """Anything with a stable id that lives in one of the project's collections."""

    id: Id = Field(default_factory=_default_id)


class DateValue(Model):
    """A date as EDTF plus the words the source used for it."""

    # No length of its own (the model's 100,000 applies): a set of 1,000 members needs
    # ~12,000 characters, and a longer set gets the parser's message naming its count.
    edtf: str = Field("", description="EDTF string; empty = undated")
    as_stated: Text = Field("", description="The source's own wording of the date")

    _v_edtf = field_validator("edtf")(check_edtf)


class Citation(Item):
    """A link from an entry or claim to a source, with the quote it rests on."""

    source_id: Id
    quote: Text = ""
    locator: str = Field("", max_length=500, description="paragraph, page or timestamp")
    credibility: int | None = Field(None, ge=1, le=6, description="Admiralty 1-6")
    note: Text = ""


class Claim(Item):
    """Who asserts, denies or hedges what an entry says, and when they said it."""

    speaker_id: Id | None = None
    stance: Stance = Stance.ASSERTS
    text: Text = ""
    said: DateValue = DateValue()
    citation: Citation | None = None
    retracted: bool = False


class HistoryItem(Model):
    """One change of an entry's status or date: old, new, when, on which source."""

    field: Literal["status", "when"]
    old: str = ""
    new: str = ""
    at: str = Field("", description="EDTF day the change was learnt or made")
    source_id: Id | None = None
    note: Text = ""

    _v_at = field_validator("at")(check_edtf)


class RelativeDate(Model):
    """A date counted from another entry's: "up to 3 years after" the ceasefire.

    The entry keeps the date this gives in its ``when`` as well, so a reader that does
    not know relations still sees a date (rules in ``model/relative_dates.py``).
    """

    anchor: Id = Field(description="id of the entry the date is counted from")
    relation: Relation = Relation.WITHIN_AFTER
    amount: int = Field(1, ge=0, le=10_000, strict=True)
    unit: TimeUnit = TimeUnit.YEAR


class Entry(Item):
    """Something on the timeline: an event, meeting, deadline, period or statement."""

    kind: EntryKind = EntryKind.EVENT
    title: Text = ""
    when: DateValue = DateValue()
    status: Status = Status.OCCURRED
    history: tuple[HistoryItem, ...] = ()
    description: Text = ""
    lane_id: Id | None = None
    actor_ids: tuple[Id, ...] = ()
    place_id: Id | None = None
    tags: tuple[Annotated[str, Field(max_length=200)], ...] = ()
    citations: tuple[Citation, ...] = ()
    claims: tuple[Claim, ...] = ()
    likelihood: Likelihood | None = None
    confidence: Confidence | None = None
    # Optional and left out of the file while unset (exclude_if), so files without it
    # are unchanged byte for byte and need no new schema version: an older reader
    # keeps it verbatim as an unknown field (see model/knowledge.py for the rule).
    known_since: str | None = Field(
        None,
        max_length=200,
        exclude_if=lambda value: value is None,
        description="EDTF date the entry became known; overrides the knowledge rule "
        "(an event revealed later). Unset: known from its earliest evidence",
    )
    # Left out while unset, like known_since; an older reader keeps it verbatim.
    relative_to: RelativeDate | None = Field(
        None,
        exclude_if=lambda value: value is None,
        description="The date counted from another entry's; 'when' holds what it gives",
    )

    @field_validator("known_since")
    @classmethod
    def _v_known_since(cls, value: str | None) -> str | None:
        if value is None:
            return value
        if not value:
            raise ValueError("must be a date (leave it out for no override)")
        return check_edtf(value)


#: The most a stored source text may hold: about a thousand printed pages.
MAX_SOURCE_TEXT_CHARS = 2_000_000


class SourceText(Model):
    """A source's own text, kept in the project file: numbered paragraphs and their origin.

    Paragraph N (counted from 1) is ``paragraphs[N - 1]``. ``sha256`` is the hash of the
    paragraphs joined by blank lines, as UTF-8 (:func:`.source_text.text_hash`), so a text
    changed after it was read can be told.
    """

    paragraphs: tuple[Text, ...] = Field(..., min_length=1, max_length=50_000)
    origin: str = Field("", max_length=1000, description="file name it was read from, or 'pasted'")
    read_on: str = Field("", description="EDTF day the text was read or pasted")
    sha256: str = Field("", pattern=r"^([0-9a-f]{64})?$", description="SHA-256 of the text")

    _v_read_on = field_validator("read_on")(check_day)

    @field_validator("paragraphs")
    @classmethod
    def _not_too_long(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        total = sum(map(len, value))
        if total > MAX_SOURCE_TEXT_CHARS:
            raise ValueError(
                f"the text has {total:,} characters; a source text holds at most "
                f"{MAX_SOURCE_TEXT_CHARS:,}"
            )
        return value


class Source(Item):
    """An item in the project's source library (CSL-JSON field names)."""

    kind: SourceKind = Field(SourceKind.NEWS_ARTICLE, alias="type")
    title: Text = ""
    container_title: Text = Field("", alias="container-title", description="outlet")
    publisher: Text = ""
    author: tuple[Text, ...] = ()
    issued: str = Field("", description="EDTF date of publication")
    url: str = Field("", alias="URL", max_length=4000)
    accessed: str = Field("", description="EDTF date the URL was read")
    language: str = Field("", max_length=50)
    note: Text = ""
    reliability: Reliability = Reliability.F
    # Left out of the file while None, so projects without texts keep their bytes.
    text: SourceText | None = Field(None, exclude_if=lambda value: value is None)

    _v_dates = field_validator("issued", "accessed")(check_edtf)


class Actor(Item):
    """A person, state or organisation."""

    name: Text
    kind: ActorKind = ActorKind.PERSON
    description: Text = ""
    affiliation_id: Id | None = None


class Place(Item):
    """A named place, optionally with coordinates."""

    name: Text
    country: str = Field("", max_length=200)
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)


class Lane(Item):
    """A row of the chart; the project's lane order is the display order."""

    title: Text
    colour: Colour = ""


class Era(Item):
    """A background band, e.g. "2020 war"."""

    title: Text
    when: DateValue
    colour: Colour = ""


class Project(Model):
    """A whole chronology: what one project file holds."""

    format: Literal["timeline-editor"] = "timeline-editor"
    # Strict: "1" or true must not pass for a version (the loader checks it the same way).
    schema_version: int = Field(SCHEMA_VERSION, strict=True)
    id: Id = Field(default_factory=_default_id)
    title: Text = "Untitled chronology"
    description: Text = ""
    as_of: str = Field("", description="EDTF day the project's knowledge stops")
    entries: tuple[Entry, ...] = ()
    sources: tuple[Source, ...] = ()
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    lanes: tuple[Lane, ...] = ()
    eras: tuple[Era, ...] = ()
    lineage: tuple[VersionHash, ...] = Field(
        (),
        max_length=1000,
        description="Content hashes of this project's saved versions, newest last "
        "(used to find the last common version when merging a colleague's copy)",
    )

    _v_as_of = field_validator("as_of")(check_day)


#: The name of one of the project's collections of identified things (a Project field).
CollectionName = Literal["entries", "sources", "actors", "places", "lanes", "eras"]

#: The project's collections of identified things, by field name.
COLLECTIONS: dict[CollectionName, type[Item]] = {
    "entries": Entry,
    "sources": Source,
    "actors": Actor,
    "places": Place,
    "lanes": Lane,
    "eras": Era,
}

#: What one item of each collection is called, for messages and menu texts.
COLLECTION_NOUNS: dict[CollectionName, str] = {
    "entries": "entry",
    "sources": "source",
    "actors": "actor",
    "places": "place",
    "lanes": "lane",
    "eras": "era",
}
