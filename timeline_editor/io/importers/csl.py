"""Import CSL-JSON (a Zotero or citation-manager export) into the source library.

Each CSL item becomes a :class:`Source` (CSL field names are ours: ``type``,
``title``, ``container-title``, ``publisher``, ``URL``, ``issued``, ``accessed``,
``language``, ``note``; ``DOI`` is kept as an extra field). An item whose URL or
DOI matches a source already in the library, or an earlier item of the same
file, is merged into it: empty fields of the kept source are filled, nothing
already there is overwritten, and the merge is reported. New sources are graded
F (reliability cannot be judged) until the analyst grades them.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from timeline_editor.model.entities import Project, Source
from timeline_editor.model.vocab import CSL_TYPES, SourceKind

from ._common import (
    MAX_RECORDS,
    NO_CONTROL,
    ImportControl,
    ImportFileError,
    ImportReport,
    ImportResult,
    edtf_from_parts,
    nothing_taken,
    validation_message,
)
from ._json import read_json
from ._text import read_bytes

_KINDS: dict[str, SourceKind] = {
    "article-newspaper": SourceKind.NEWS_ARTICLE,
    "article-magazine": SourceKind.NEWS_ARTICLE,
    "article": SourceKind.NEWS_ARTICLE,
    "post-weblog": SourceKind.SOCIAL_POST,
    "speech": SourceKind.OFFICIAL_STATEMENT,
    "legislation": SourceKind.TREATY,
} | {csl: kind for kind, csl in CSL_TYPES.items() if csl != "document"}
_TEXT_FIELDS = ("title", "container-title", "publisher", "URL", "language", "note", "DOI")


def _csl_date(value: object) -> str:
    """EDTF of a CSL date (``date-parts`` or ``raw``); '' when absent or unreadable."""
    if not isinstance(value, Mapping):
        return ""
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        try:
            numbers = [int(p) for p in parts[0][:3]]
            return edtf_from_parts(*numbers)
        except (TypeError, ValueError):
            return ""
    raw = value.get("raw")
    if isinstance(raw, str):
        from .csv_import import loose_date

        try:
            return loose_date(raw)
        except ValueError:
            return ""
    return ""


def _name(person: object) -> str:
    if not isinstance(person, Mapping):
        return ""
    if isinstance(person.get("literal"), str):
        return str(person["literal"])
    given, family = person.get("given", ""), person.get("family", "")
    return " ".join(str(p) for p in (given, family) if p).strip()


def _source_data(item: Mapping[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {k: item[k] for k in _TEXT_FIELDS if isinstance(item.get(k), str)}
    data["type"] = _KINDS.get(str(item.get("type", "")), SourceKind.OTHER)
    authors = item.get("author")
    if isinstance(authors, list):
        data["author"] = [n for n in (_name(a) for a in authors) if n]
    data["issued"] = _csl_date(item.get("issued"))
    data["accessed"] = _csl_date(item.get("accessed"))
    return data


def _keys(data: Mapping[str, Any]) -> list[str]:
    keys = []
    if data.get("URL"):
        keys.append("url:" + str(data["URL"]).strip().rstrip("/").casefold())
    if data.get("DOI"):
        keys.append("doi:" + str(data["DOI"]).strip().casefold())
    return keys


def _fill(old: Source, data: Mapping[str, Any]) -> Source:
    """``old`` with its empty fields filled from ``data``."""
    current = old.model_dump(by_alias=True)
    update = {k: v for k, v in data.items() if v and not current.get(k)}
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
    sources = list(project.sources)
    by_key = {k: i for i, s in enumerate(sources) for k in _keys(s.model_dump(by_alias=True))}
    taken = 0
    for number, item in enumerate(items, start=1):
        taken += _item(item, f"item {number}", sources, by_key, report)
        control.step(number, len(items))
    if not taken:
        problems = nothing_taken(report.problems)
        raise ImportFileError(f"no sources found in {path} (read as CSL-JSON): {problems}")
    return ImportResult(project.model_copy(update={"sources": tuple(sources)}), report)


def _item(
    item: object, where: str, sources: list[Source], by_key: dict[str, int], report: ImportReport
) -> int:
    """Add or merge one CSL item; 1 when it was taken, 0 when reported and skipped."""
    if not isinstance(item, Mapping):
        report.problem(where, "not imported: an item must be an object")
        return 0
    data = _source_data(item)
    try:
        match = next((by_key[k] for k in _keys(data) if k in by_key), None)
        if match is not None:
            sources[match] = _fill(sources[match], data)
            report.problem(where, f"same URL/DOI as '{sources[match].title}'; merged into it")
            return 1
        source = Source.model_validate(data)
    except ValidationError as exc:
        report.problem(where, f"not imported: {validation_message(exc)}")
        return 0
    by_key.update({k: len(sources) for k in _keys(data)})
    sources.append(source)
    return 1
