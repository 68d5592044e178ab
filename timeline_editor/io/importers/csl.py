"""Import CSL-JSON (a Zotero or citation-manager export) into the source library.

Each CSL item becomes a :class:`Source`, and every field of the item survives:

- the fields our source form shows are read into it (see
  :mod:`timeline_editor.io.csl_fields`): ``type`` as a kind of ours, ``title``,
  ``container-title``, ``publisher``, ``URL``, ``language``, ``note``, ``author`` as
  names in reading order ("Vincent van Gogh"), ``issued`` and ``accessed`` as EDTF
  (ranges as intervals, ``circa`` as ``~``, written dates read);
- every other CSL field (``DOI``, ``volume``, ``page``, ``ISBN``, ``ISSN``, ``editor``,
  ``citation-key``, ``custom`` …) is kept as it is, as an extra field of the source;
- where our field cannot hold the file's value exactly (a CSL type we have no kind for,
  a name with particles, a season, a date we cannot read, the item's ``id``), the
  file's own value is kept too, in the source's extra field ``csl``; the CSL-JSON export
  writes it back for as long as our field still reads the same, so an item comes back
  as it came in (:mod:`timeline_editor.io.exporters.csl_export`).

Our export adds ``custom["timeline-editor"]`` (our id, kind, reliability and exact EDTF
dates); reading it back restores them where they agree with the CSL fields beside them.

An item whose URL, DOI or Timeline Editor id matches a source already in the library,
or an earlier item of the same file, is merged into it: empty fields of the kept source
are filled, nothing already there is overwritten, and the merge is reported. New
sources are graded F (reliability cannot be judged) until the analyst grades them. What
was changed, kept out of sight or dropped is reported once per kind (see :mod:`._tally`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from timeline_editor.io.csl_fields import KEEP, text_value
from timeline_editor.model.entities import Project, Source

from ._common import (
    ID_PATTERN,
    MAX_RECORDS,
    NO_CONTROL,
    ImportControl,
    ImportFileError,
    ImportReport,
    ImportResult,
    nothing_taken,
    validation_message,
)
from ._json import read_json
from ._tally import KEPT, Tally, example
from ._text import read_bytes
from .csl_item import REFUSED, Note, our_custom, source_data


def _validated(data: dict[str, Any], kept: dict[str, Any], note: Note) -> Source:
    """The source; a field it refuses (too long, malformed) is kept for export instead."""
    for _ in range(len(data) + 1):
        try:
            return Source.model_validate({**data, KEEP: kept} if kept else data)
        except ValidationError as exc:
            loc = exc.errors()[0]["loc"]
            key = str(loc[0]) if loc else ""
            if key not in data or key == "type":
                raise
            note(KEPT, REFUSED, validation_message(exc))
            kept.setdefault(key, data.pop(key))
    raise AssertionError("unreachable: each round removes a field")


def _keys(data: Mapping[str, Any], ident: object = None) -> list[str]:
    keys = []
    if isinstance(ident, str) and ident:
        keys.append("id:" + ident)
    if data.get("URL"):
        keys.append("url:" + str(data["URL"]).strip().rstrip("/").casefold())
    if isinstance(data.get("DOI"), str) and data["DOI"]:
        keys.append("doi:" + str(data["DOI"]).strip().casefold())
    return keys


def _fill(old: Source, data: Mapping[str, Any], kept: Mapping[str, Any]) -> Source:
    """``old`` with its empty fields filled from ``data``, the file's values from ``kept``.

    The kept values of both may stand side by side: the export uses one only while our
    field still reads the same (see csl_export), so a stale one is never written.
    """
    current = old.model_dump(by_alias=True)
    update = {k: v for k, v in data.items() if v and not current.get(k)}
    old_kept = current.get(KEEP)
    merged = {**kept, **old_kept} if isinstance(old_kept, Mapping) else dict(kept)
    if merged and merged != old_kept:
        update[KEEP] = merged
    return Source.model_validate(current | update) if update else old


def csl_from_bytes(
    raw: bytes, path: Path, into: Project | None = None, control: ImportControl = NO_CONTROL
) -> ImportResult:
    """Import the bytes of the CSL-JSON file ``path`` (which names it in messages)."""
    report = ImportReport()
    return csl_items(read_json(raw, report), path, into, report, control)


def import_csl(path: Path, into: Project | None = None) -> ImportResult:
    """Import CSL-JSON into ``into``'s source library (or a new project)."""
    return csl_from_bytes(read_bytes(path), Path(path), into)


class _Library:
    """The sources being built, found by URL, DOI or id."""

    def __init__(self, project: Project) -> None:
        self.sources = list(project.sources)
        self.ids = {s.id for s in self.sources}
        self.by_key = {
            k: i
            for i, s in enumerate(self.sources)
            for k in _keys(s.model_dump(by_alias=True), s.id)
        }


def csl_items(
    items: object,
    path: Path,
    into: Project | None,
    report: ImportReport,
    control: ImportControl = NO_CONTROL,
) -> ImportResult:
    """Import already-parsed CSL-JSON (one item or a list of them)."""
    if isinstance(items, Mapping):
        items = [items]
    if not isinstance(items, list):
        raise ImportFileError("not CSL-JSON: expected a list of items")
    if len(items) > MAX_RECORDS:
        raise ImportFileError(f"more than {MAX_RECORDS} items")
    project = into or Project(title=path.stem)
    library = _Library(project)
    tally = Tally()
    taken = 0
    for number, item in enumerate(items, start=1):
        taken += _item(item, f"item {number}", library, report, tally)
        control.step(number, len(items))
    if not taken:
        problems = nothing_taken(report.problems)
        raise ImportFileError(f"no sources found in {path} (read as CSL-JSON): {problems}")
    tally.write(report)
    return ImportResult(project.model_copy(update={"sources": tuple(library.sources)}), report)


def _item(item: object, where: str, library: _Library, report: ImportReport, tally: Tally) -> int:
    """Add or merge one CSL item; 1 when it was taken, 0 when reported and skipped."""
    if not isinstance(item, Mapping):
        report.problem(where, "not imported: an item must be an object")
        return 0
    title = text_value(item.get("title"))

    def note(verb: str, what: str, detail: str) -> None:
        tally.add(verb, what, example(where, title, detail))

    data, kept = source_data(item, note)
    ident = our_custom(item).get("id")
    keys = _keys(data, ident)
    try:
        match = next((library.by_key[k] for k in keys if k in library.by_key), None)
        if match is not None:
            sources = library.sources
            sources[match] = _fill(sources[match], data, kept)
            report.problem(where, f"same URL/DOI as '{sources[match].title}'; merged into it")
            return 1
        if isinstance(ident, str) and ID_PATTERN.match(ident) and ident not in library.ids:
            data["id"] = ident
        source = _validated(data, kept, note)
    except ValidationError as exc:
        report.problem(where, f"not imported: {validation_message(exc)}")
        return 0
    library.by_key.update({k: len(library.sources) for k in _keys(data, source.id)})
    library.ids.add(source.id)
    library.sources.append(source)
    return 1
