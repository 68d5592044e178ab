"""CSL-JSON export of the source library, for Zotero, citeproc-py and citation-js.

Each source becomes one CSL item, in library order:

- ``type`` from our kind (:data:`~timeline_editor.model.vocab.CSL_TYPES`), the text
  fields under their CSL names, ``author`` as CSL names and ``issued``/``accessed`` as
  ``date-parts`` (see :mod:`timeline_editor.io.csl_fields`);
- the extra fields a CSL import kept (``DOI``, ``volume``, ``page``, ``editor``…) as
  they came;
- where a CSL import kept the file's own value of a field (in the source's ``csl``
  extra field: a CSL type we have no kind for, names with their parts, a season, the
  item's ``id``), that value is written instead of ours for as long as our field still
  reads the same; a field edited since is written from what it holds now;
- ``custom["timeline-editor"]``: our id, kind and reliability grade, the exact EDTF of
  a date that CSL cannot hold (an uncertain day, a window, an open end) and our names
  where CSL reads them otherwise ("Buniatian, Heghine"), so that our CSL import restores
  them. CSL readers ignore it.

The ``id`` is the item's own (its citation key) when it came from CSL, else our id;
a repeated one gets ``-2``, ``-3``… (citeproc-py compares ids in lower case, and so
does this). An empty library gives ``[]`` and a note.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from timeline_editor.io.atomic import atomic_write_bytes
from timeline_editor.io.csl_fields import (
    DATE_FIELDS,
    KEEP,
    OURS,
    TEXT_FIELDS,
    kind_of_type,
    name_text,
    names_of_texts,
    read_date_or_empty,
    readable,
    text_value,
    type_of_kind,
    write_date,
)
from timeline_editor.model.entities import Project, Source

_MAPPED = frozenset({"id", "type", "author", *TEXT_FIELDS, *DATE_FIELDS})


def _item_id(source: Source, kept: Mapping[str, Any], used: set[str]) -> object:
    """The item's own id while unused (in any letter case), else ours, made unique."""
    own = kept.get("id")
    if isinstance(own, str | int) and not isinstance(own, bool) and str(own).casefold() not in used:
        used.add(str(own).casefold())
        return own
    candidate, number = source.id, 1
    while candidate.casefold() in used:
        number += 1
        candidate = f"{source.id}-{number}"
    used.add(candidate.casefold())
    return candidate


def _type(source: Source, kept: Mapping[str, Any]) -> str:
    own = kept.get("type")
    if isinstance(own, str) and kind_of_type(own) == source.kind:
        return own
    return type_of_kind(source.kind)


def _authors(source: Source, kept: Mapping[str, Any]) -> object:
    own = kept.get("author")
    if isinstance(own, list) and [t for t in map(name_text, own) if t] == list(source.author):
        return own  # as it came, entries without a name included
    return names_of_texts(source.author, own)


def _fields(source: Source, kept: Mapping[str, Any]) -> dict[str, Any]:
    """The CSL fields our source form shows, each as kept or from our value."""
    item: dict[str, Any] = {}
    for key, attribute in TEXT_FIELDS.items():
        ours = getattr(source, attribute)
        # An empty field of ours may stand for a value it could not hold (a list, an
        # over-long language): the file's value is written then too.
        if key in kept and (not ours or text_value(kept[key]) == ours):
            item[key] = kept[key]
        elif ours:
            item[key] = ours
    if source.author or isinstance(kept.get("author"), list):
        item["author"] = _authors(source, kept)
    for key in DATE_FIELDS:
        ours = getattr(source, key)
        if key in kept and read_date_or_empty(kept[key]) == ours:
            item[key] = kept[key]
        elif ours:
            item[key] = write_date(ours)
    return item


def _custom(source: Source, item: Mapping[str, Any], custom: object) -> object:
    """The item's ``custom`` field with our object added (a non-object one as it is)."""
    if custom is not None and not isinstance(custom, Mapping):
        return custom
    ours: dict[str, str | list[str]] = {
        "id": source.id,
        "kind": source.kind.value,
        "reliability": source.reliability.value,
    }
    for key in DATE_FIELDS:
        edtf = getattr(source, key)
        if edtf and read_date_or_empty(item.get(key)) != edtf:
            ours[key] = edtf
    names = item.get("author")
    if isinstance(names, list) and [name_text(n) for n in names] != list(source.author):
        ours["author"] = list(source.author)  # "Family, Given" reads back as "Given Family"
    return {**(custom or {}), OURS: ours}


def source_item(source: Source, used: set[str]) -> dict[str, Any]:
    """The CSL item of one source; ``used`` holds the ids given so far (lower case)."""
    extras = dict(source.model_extra or {})
    own = extras.pop(KEEP, None)
    kept: Mapping[str, Any] = own if isinstance(own, Mapping) else {}
    item: dict[str, Any] = {"id": _item_id(source, kept, used), "type": _type(source, kept)}
    item.update(_fields(source, kept))
    # The file's fields that our own field names shadowed ("kind", "url"…), as they came.
    item.update({k: v for k, v in kept.items() if k not in _MAPPED and k not in item})
    custom = extras.pop("custom", None)
    item.update({k: v for k, v in extras.items() if k not in item})
    item["custom"] = _custom(source, item, custom)
    return item


def csl_items(project: Project, left: list[str] | None = None) -> list[dict[str, Any]]:
    """The CSL-JSON items of the project's source library.

    A name or date value that CSL processors cannot read (kept from a broken file)
    is left out, and named in ``left`` ("“Title”: issued").
    """
    used: set[str] = set()
    items = []
    for source in project.sources:
        item = source_item(source, used)
        for key in [k for k, v in item.items() if not readable(k, v)]:
            del item[key]
            if left is not None:
                left.append(f"“{source.title or source.id}”: {key}")
        items.append(item)
    return items


def export_csl(project: Project, path: Path) -> list[str]:
    """Write the source library as CSL-JSON; notes on what it left out."""
    left: list[str] = []
    items = csl_items(project, left)
    text = json.dumps(items, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    atomic_write_bytes(path, text.encode("utf-8"))
    notes = [] if items else ["the project has no sources; wrote an empty CSL-JSON list"]
    if left:
        more = f" and {len(left) - 3} more" if len(left) > 3 else ""
        notes.append(
            f"left out {len(left)} name or date value(s) that CSL readers cannot read: "
            + ", ".join(left[:3])
            + more
        )
    return notes
