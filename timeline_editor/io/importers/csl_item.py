"""One CSL-JSON item read into the fields of a :class:`Source`, and what could not be.

:func:`source_data` returns the source's fields and the file's own values that our
fields could not hold exactly (kept in the source's ``csl`` extra field, see
:mod:`timeline_editor.io.importers.csl`), and tells ``note`` each kind of change for the
import's report.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from timeline_editor.io.csl_fields import (
    DATE_FIELDS,
    KEEP,
    OURS,
    TEXT_FIELDS,
    canonical_date,
    kind_of_type,
    name_of_text,
    name_text,
    names_of_texts,
    read_date,
    text_value,
    type_of_kind,
    write_date,
)
from timeline_editor.io.json_scan import BadNumber
from timeline_editor.model.edtf import is_valid_edtf
from timeline_editor.model.entities import Source
from timeline_editor.model.vocab import Reliability, SourceKind

from ._tally import CHANGED, DROPPED, KEPT

#: How deeply a field's value may nest.
MAX_DEPTH = 64
_MAPPED = frozenset({"type", "author", "custom", *TEXT_FIELDS, *DATE_FIELDS})
#: Keys the top level of a source cannot take as extra fields: our own fields' names.
_TAKEN = frozenset(
    {KEEP, *Source.model_fields}
    | {f.alias for f in Source.model_fields.values() if f.alias is not None}
)

# What the report's lines say (see ._tally), one per kind of change.
UNKEEPABLE = "values no program can keep (unwritable numbers, absurd nesting)"
OTHER_FIELDS = "CSL fields with no place in the source form (exported again)"
NO_TYPE = "items without a CSL type became “other” (exported as “document”)"
OTHER_TYPE = "CSL types we have no kind for became “other” (the type is kept for export)"
NEAR_TYPE = "CSL types shown as the nearest kind of ours (the type is kept for export)"
NUMBER_TEXT = "numbers shown as text (kept as numbers for export)"
NOT_TEXT = "fields whose value is not text (kept for export)"
NO_NAME = "author entries with no name (kept for export)"
PARTICLES = "names with particles or suffixes shown as one text (the parts are kept for export)"
UNREAD_DATE = "dates that cannot be read (kept for export; the source shows none)"
WRITTEN_DATE = "dates written as text read as EDTF (the text is kept for export)"
SEASON = "seasons, which EDTF dates here do not hold (kept for export)"
DATE_CHANGE = "dates read with a change (the original is kept for export)"
REFUSED = "values a source field cannot hold (kept for export)"

Note = Callable[[str, str, str], None]


def _unkeepable(value: object) -> str:
    """Why a value cannot be kept in a project file ('' when it can).

    A number no program can keep, or nesting deeper than :data:`MAX_DEPTH` (the value
    sits a few levels down in the project file, which takes 200 at most).
    """
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        current, depth = stack.pop()
        if isinstance(current, BadNumber):
            return current.describe()
        if depth > MAX_DEPTH:
            return f"nested more than {MAX_DEPTH} levels deep"
        if isinstance(current, Mapping):
            stack.extend((child, depth + 1) for child in current.values())
        elif isinstance(current, list):
            stack.extend((child, depth + 1) for child in current)
    return ""


def _usable(item: Mapping[str, Any], note: Note) -> dict[str, Any]:
    """The item without the fields a project file cannot keep (reported)."""
    usable = {}
    for key, value in item.items():
        if why := _unkeepable(value):
            note(DROPPED, UNKEEPABLE, f"{key}: {why}")
        else:
            usable[key] = value
    return usable


def our_custom(item: Mapping[str, Any]) -> Mapping[str, Any]:
    custom = item.get("custom")
    ours = custom.get(OURS) if isinstance(custom, Mapping) else None
    return ours if isinstance(ours, Mapping) else {}


def _other_fields(
    item: Mapping[str, Any], data: dict[str, Any], kept: dict[str, Any], note: Note
) -> None:
    """Every field we do not read into the form: kept as it is."""
    for key, value in item.items():
        if key in _MAPPED and key != "custom":
            continue
        if key == "custom":
            rest = (
                {k: v for k, v in value.items() if k != OURS}
                if isinstance(value, Mapping)
                else value
            )
            if rest or not isinstance(value, Mapping):
                data["custom"] = rest
        elif key in _TAKEN:
            kept[key] = value
        else:
            data[key] = value
            note(KEPT, OTHER_FIELDS, key)


def _type(
    item: Mapping[str, Any],
    ours: Mapping[str, Any],
    data: dict[str, Any],
    kept: dict[str, Any],
    note: Note,
) -> None:
    raw = item.get("type")
    kind = kind_of_type(raw)
    if ours.get("kind") in set(SourceKind) and type_of_kind(SourceKind(ours["kind"])) == raw:
        kind = SourceKind(ours["kind"])
    data["type"] = kind
    if raw == type_of_kind(kind):
        return
    if "type" not in item:
        note(CHANGED, NO_TYPE, "")
        return
    kept["type"] = raw
    if kind is not SourceKind.OTHER:
        note(CHANGED, NEAR_TYPE, f"{raw} → {kind.value.replace('_', ' ')}")
    else:
        note(CHANGED, OTHER_TYPE, str(raw)[:40])


def _texts(item: Mapping[str, Any], data: dict[str, Any], kept: dict[str, Any], note: Note) -> None:
    for key in TEXT_FIELDS:
        if key not in item:
            continue
        value, text = item[key], text_value(item[key])
        if text:
            data[key] = text
        if not isinstance(value, str):
            kept[key] = value
            if text:
                note(CHANGED, NUMBER_TEXT, key)
            else:
                note(KEPT, NOT_TEXT, key)


def _authors(
    item: Mapping[str, Any],
    ours: Mapping[str, Any],
    data: dict[str, Any],
    kept: dict[str, Any],
    note: Note,
) -> None:
    if "author" not in item:
        return
    value = item["author"]
    exact = ours.get("author")
    if isinstance(exact, list) and all(isinstance(t, str) for t in exact):
        mine: list[str] = exact
        if names_of_texts(mine, None) == value:  # our own names, as we wrote them
            data["author"] = mine
            return
    names = value if isinstance(value, list) else []
    texts = [name_text(name) for name in names]
    data["author"] = [text for text in texts if text]
    if [name_of_text(text) for text in texts] != value:
        kept["author"] = value
    for name, text in zip(names, texts, strict=True):
        particles = ("dropping-particle", "non-dropping-particle", "suffix")
        if not text:
            note(KEPT, NO_NAME, str(name)[:40])
        elif isinstance(name, Mapping) and any(k in name for k in particles):
            note(CHANGED, PARTICLES, text)


def _dates(
    item: Mapping[str, Any],
    ours: Mapping[str, Any],
    data: dict[str, Any],
    kept: dict[str, Any],
    note: Note,
) -> None:
    for key in DATE_FIELDS:
        if key not in item:
            continue
        value, canon = item[key], canonical_date(item[key])
        exact = ours.get(key)
        if isinstance(exact, str) and is_valid_edtf(exact) and write_date(exact) == canon:
            data[key] = exact
            continue
        try:
            edtf = read_date(value)
        except ValueError as exc:
            note(
                KEPT,
                UNREAD_DATE,
                f"{key}: {exc}",
            )
            kept[key] = canon
            continue
        data[key] = edtf
        if write_date(edtf) == canon:
            continue
        kept[key] = canon
        _date_change(key, value, edtf, note)


def _date_change(key: str, value: object, edtf: str, note: Note) -> None:
    """Report how a date that does not come back as it was was read."""
    parts = value.get("date-parts") if isinstance(value, Mapping) else None
    if not parts and isinstance(value, Mapping):
        written = value.get("raw") or value.get("literal")
        note(
            CHANGED,
            WRITTEN_DATE,
            f"{key}: '{written}' → {edtf}",
        )
    elif isinstance(value, Mapping) and "season" in value:
        note(
            KEPT,
            SEASON,
            f"{key}: season {value['season']}",
        )
    else:
        note(CHANGED, DATE_CHANGE, f"{key} → {edtf}")


def source_data(item: Mapping[str, Any], note: Note) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the source's fields, the file's own values we could not hold) of one item."""
    data: dict[str, Any] = {}
    kept: dict[str, Any] = {}
    item = _usable(item, note)
    ours = our_custom(item)
    _other_fields(item, data, kept, note)
    _type(item, ours, data, kept, note)
    _texts(item, data, kept, note)
    _authors(item, ours, data, kept, note)
    _dates(item, ours, data, kept, note)
    if ours.get("reliability") in set(Reliability):
        data["reliability"] = ours["reliability"]
    return data, kept
