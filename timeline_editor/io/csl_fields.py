"""CSL-JSON values and our source fields, read and written the same way both directions.

The CSL-JSON importer reads with these functions and the exporter writes with them, so
that "what we would write for the value we read" can be compared with what the file
held: where the two differ, the importer keeps the file's own value (see
:mod:`timeline_editor.io.importers.csl`) and the exporter gives it back.

- **Types**: each CSL type with a kind of ours maps to it (:data:`CSL_KINDS`); any
  other becomes "other". Our kinds are written as :data:`~timeline_editor.model.vocab.
  CSL_TYPES` says.
- **Names**: a CSL name is shown as one text, its parts in reading order
  ("Vincent van Gogh", "Martin Luther King Jr."); ``literal`` as it is. A text of ours is
  written as ``{"family", "given"}`` when it reads "Family, Given" (one comma), else as
  ``{"literal": text}``: we cannot tell a particle from a given name.
- **Dates**: ``date-parts`` with one or two dates (a range) become an EDTF day, month or
  year, or an interval; ``circa`` adds ``~`` to each end. CSL counts years the
  historical way (-44 is 44 BC, there is no year 0); EDTF counts astronomically
  (-0043 is 44 BC), so negative years shift by one. ``raw`` and ``literal`` texts are
  read as written dates. Dates given as text ("2021") are read as numbers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from timeline_editor.model.daynum import civil, format_year
from timeline_editor.model.edtf import EdtfError, End, ParsedDate, Point, Shape, parse_edtf
from timeline_editor.model.vocab import CSL_TYPES, SourceKind
from timeline_editor.model.written_dates import WrittenDateError, read_written_date

#: The extra field of a source that keeps the file's own values of what we changed.
KEEP = "csl"
#: Our own object inside a CSL item's ``custom`` field.
OURS = "timeline-editor"
#: CSL text variables our source form shows, and the source attribute of each.
TEXT_FIELDS: dict[str, str] = {
    "title": "title",
    "container-title": "container_title",
    "publisher": "publisher",
    "URL": "url",
    "language": "language",
    "note": "note",
}
DATE_FIELDS = ("issued", "accessed")

#: CSL types with a kind of ours; every other CSL type is imported as "other".
CSL_KINDS: dict[str, SourceKind] = {
    "article-newspaper": SourceKind.NEWS_ARTICLE,
    "article-magazine": SourceKind.NEWS_ARTICLE,
    "article": SourceKind.NEWS_ARTICLE,
    "article-journal": SourceKind.JOURNAL_ARTICLE,
    "chapter": SourceKind.CHAPTER,
    "book": SourceKind.BOOK,
    "report": SourceKind.REPORT,
    "interview": SourceKind.INTERVIEW,
    "treaty": SourceKind.TREATY,
    "legislation": SourceKind.TREATY,
    "speech": SourceKind.OFFICIAL_STATEMENT,
    "post": SourceKind.SOCIAL_POST,
    "post-weblog": SourceKind.SOCIAL_POST,
    "webpage": SourceKind.WEBPAGE,
    "document": SourceKind.OTHER,
}
#: CSL 1.0.2's name variables (lists of names) and date variables.
NAME_VARIABLES = frozenset(
    [
        "author",
        "chair",
        "collection-editor",
        "compiler",
        "composer",
        "container-author",
        "contributor",
        "curator",
        "director",
        "editor",
        "editorial-director",
        "executive-producer",
        "guest",
        "host",
        "illustrator",
        "interviewer",
        "narrator",
        "organizer",
        "original-author",
        "performer",
        "producer",
        "recipient",
        "reviewed-author",
        "script-writer",
        "series-creator",
        "translator",
    ]
)
DATE_VARIABLES = frozenset(
    ["accessed", "available-date", "event-date", "issued", "original-date", "submitted"]
)
#: The parts of a CSL name, in the order a reader says them (the suffix last).
NAME_PARTS = ("given", "dropping-particle", "non-dropping-particle", "family")


def kind_of_type(csl_type: object) -> SourceKind:
    """Our kind for a CSL type ("other" for types we have no kind for)."""
    if not isinstance(csl_type, str):
        return SourceKind.OTHER
    return CSL_KINDS.get(csl_type, SourceKind.OTHER)


def type_of_kind(kind: SourceKind) -> str:
    """The CSL type we write for one of our kinds."""
    return CSL_TYPES[kind]


def text_value(value: object) -> str:
    """A CSL text or number as our text ('' for anything else: lists, objects, null)."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def name_text(name: object) -> str:
    """One CSL name as it is read aloud: 'Vincent van Gogh'; '' when it has no text."""
    if not isinstance(name, Mapping):
        return ""
    literal = text_value(name.get("literal")).strip()
    if literal:
        return literal
    text = " ".join(p for p in (text_value(name.get(k)).strip() for k in NAME_PARTS) if p)
    suffix = text_value(name.get("suffix")).strip()
    if suffix and text:
        glue = ", " if name.get("comma-suffix") in (True, "true", 1) else " "
        text += glue + suffix
    return text


def name_of_text(text: str) -> dict[str, str]:
    """The CSL name we write for one of our names (see the module docstring)."""
    family, comma, given = text.partition(",")
    if comma and family.strip() and given.strip() and "," not in given:
        return {"family": family.strip(), "given": given.strip()}
    return {"literal": text}


def names_of_texts(texts: Sequence[str], kept: object) -> list[Any]:
    """CSL names for our names, each taken from ``kept`` (the file's names) while it reads the same.

    An edited name is written from its text; the others keep their parts.
    """
    spare = [n for n in kept if name_text(n)] if isinstance(kept, list) else []
    names: list[Any] = []
    for text in texts:
        match = next((n for n in spare if name_text(n) == text), None)
        if match is None:
            names.append(name_of_text(text))
        else:
            spare.remove(match)
            names.append(match)
    return names


def _number(value: object) -> int | None:
    """An integer date part (numbers given as text too); None when there is none."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def canonical_date(value: object) -> object:
    """A CSL date with text digits as numbers and a false ``circa`` left out (else as given)."""
    if not isinstance(value, Mapping):
        return value
    result = dict(value)
    parts = value.get("date-parts")
    if isinstance(parts, list):
        result["date-parts"] = [
            [n if (n := _number(p)) is not None else p for p in date]
            if isinstance(date, list)
            else date
            for date in parts
        ]
    if "circa" in result and not result["circa"]:
        del result["circa"]
    return result


def _point(date: object) -> str:
    """EDTF of one CSL date-parts entry; ValueError when it is no date."""
    if not isinstance(date, list) or not 1 <= len(date) <= 3:
        raise ValueError("a date needs one to three parts")
    numbers = [_number(p) for p in date]
    if any(n is None for n in numbers):
        raise ValueError("date parts must be numbers")
    year, *rest = [n for n in numbers if n is not None]
    if year == 0:
        raise ValueError("CSL has no year 0")
    # A month or day of 0 is how some tools write "not known".
    given = rest[: rest.index(0)] if 0 in rest else rest
    if abs(year) > 9999:
        raise ValueError("years of more than four digits are not read")
    text = format_year(year if year > 0 else year + 1)
    for part in given:
        text += f"-{part:02d}"
    try:
        parse_edtf(text)
    except EdtfError as exc:
        raise ValueError(str(exc)) from None
    return text


def read_date(value: object) -> str:
    """EDTF of a CSL date; ValueError when it cannot be read (see the module docstring)."""
    if not isinstance(value, Mapping):
        raise ValueError("a CSL date must be an object")
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts:
        ends = [_point(date) for date in parts[:2]]
        if len(parts) > 2:
            raise ValueError("a date range has two dates, not more")
        mark = "~" if value.get("circa") not in (None, False, 0, "", "false") else ""
        if len(ends) == 1 or ends[0] == ends[1]:
            return ends[0] + mark
        first, last = (parse_edtf(end) for end in ends)
        if first.earliest is not None and last.latest is not None and last.latest < first.earliest:
            ends.reverse()  # a range given backwards
        text = f"{ends[0]}{mark}/{ends[1]}{mark}"
        try:
            parse_edtf(text)
        except EdtfError as exc:
            raise ValueError(str(exc)) from None
        return text
    for key in ("raw", "literal"):
        written = value.get(key)
        if isinstance(written, str) and written.strip():
            try:
                edtf = read_written_date(written).edtf
                parse_edtf(edtf)  # a season or an either/or only once the parser reads it
            except WrittenDateError as exc:
                raise ValueError(str(exc)) from None
            except EdtfError as exc:
                raise ValueError(f"'{written.strip()}': {exc}") from None
            return edtf
    raise ValueError("the date has neither date-parts nor a text")


def _parts(point: Point, last: bool) -> list[int]:
    """CSL date parts of a point: the digits it gives (a range end for X digits)."""
    day = point.core_latest if last else point.core_earliest
    year, month, dom = civil(day)
    parts = [year if year > 0 else year - 1]
    if point.month_text and "X" not in point.year_text + point.month_text:
        parts.append(month)
        if point.day_text and "X" not in point.day_text:
            parts.append(dom)
    return parts


def _dates(parsed: ParsedDate) -> list[list[int]]:
    first, second = parsed.start, parsed.end
    if parsed.shape is Shape.POINT and first is not None:
        if first.unspecified:  # '201X': the decade as a range
            return [_parts(first, False), _parts(first, True)]
        return [_parts(first, False)]
    known = [p for p in (first, second) if p is not None]
    if len(known) == 1:
        return [_parts(known[0], parsed.start_kind is not End.DATE)]
    assert first is not None and second is not None
    return [_parts(first, False), _parts(second, True)]


def write_date(edtf: str) -> dict[str, Any] | None:
    """The CSL date we write for an EDTF value; None for an undated one."""
    parsed = parse_edtf(edtf)
    if parsed.shape is Shape.UNDATED:
        return None
    dates = _dates(parsed)
    if len(dates) == 2 and dates[0] == dates[1]:
        dates = dates[:1]
    value: dict[str, Any] = {"date-parts": dates}
    if parsed.approximate or parsed.uncertain:
        value["circa"] = True
    return value


def read_date_or_empty(value: object) -> str:
    """EDTF of a CSL date, or '' when it cannot be read."""
    try:
        return read_date(value)
    except ValueError:
        return ""


def readable(key: str, value: object) -> bool:
    """False for a name or date variable that CSL processors cannot read.

    A name list must hold objects with text parts; a date must have numeric
    ``date-parts`` or, without them, a ``literal`` or ``raw`` text.
    """
    if key in NAME_VARIABLES:
        return isinstance(value, list) and all(
            isinstance(name, Mapping)
            and all(isinstance(v, str | int | float | bool) for v in name.values())
            for name in value
        )
    if key in DATE_VARIABLES:
        if not isinstance(value, Mapping):
            return False
        parts = value.get("date-parts")
        if parts is None:
            return any(isinstance(value.get(k), str) for k in ("literal", "raw"))
        return (
            isinstance(parts, list)
            and 1 <= len(parts) <= 2
            and all(
                isinstance(date, list)
                and 1 <= len(date) <= 3
                and all(_number(p) is not None for p in date)
                for date in parts
            )
        )
    return True
