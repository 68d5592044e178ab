"""Import a generic CSV table with a column mapping.

The mapping names the columns for date, end date, title, description, source
URL, lane and tags; a column not named is looked for under common header names
(case-insensitive), e.g. "date"/"start", "title"/"headline". Dates may be EDTF
or common written forms (ISO with a time, ``15.12.2021``, ``15 December 2021``,
``December 15, 2021``). A slash date such as ``03/04/2021`` whose day and month
cannot be told apart is not guessed: the entry is imported undated with the text
kept as its wording, and reported. The delimiter is sniffed unless given, the
encoding detected unless given (both reported).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from timeline_editor.model.edtf import is_valid_edtf

from ._common import (
    MAX_RECORDS,
    NO_CONTROL,
    ImportControl,
    ImportFileError,
    ImportReport,
    ImportResult,
    ProjectBuilder,
    edtf_from_parts,
    join_interval,
)
from ._text import decode, read_bytes, read_rows, sniff_delimiter

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        start=1,
    )
    for name in names
}  # fmt: skip

GUESSES: dict[str, tuple[str, ...]] = {
    "date": ("date", "start", "start date", "when", "year"),
    "end": ("end", "end date", "until"),
    "title": ("title", "headline", "event", "name", "summary"),
    "description": ("description", "text", "details", "notes"),
    "url": ("url", "source", "link", "source url", "media"),
    "lane": ("lane", "group", "category", "theme"),
    "tags": ("tags", "keywords"),
}


@dataclass(frozen=True)
class CsvMapping:
    """Which column holds what; None = look for a usual header name, "" = none."""

    date: str | None = None
    end: str | None = None
    title: str | None = None
    description: str | None = None
    url: str | None = None
    lane: str | None = None
    tags: str | None = None


def _resolve(mapping: CsvMapping, header: list[str]) -> dict[str, str]:
    """Field -> column; ImportFileError when a named column is missing."""
    by_fold = {h.casefold(): h for h in header}
    found: dict[str, str] = {}
    for spec in fields(mapping):
        wanted = getattr(mapping, spec.name)
        if wanted == "":
            continue  # explicitly "no column": do not guess one either
        if wanted is not None:
            if wanted.casefold() not in by_fold:
                raise ImportFileError(
                    f"no column '{wanted}' for {spec.name} (columns: {', '.join(header)}); "
                    "is the delimiter right?"
                )
            found[spec.name] = by_fold[wanted.casefold()]
            continue
        for guess in GUESSES[spec.name]:
            if guess in by_fold and by_fold[guess] not in found.values():
                found[spec.name] = by_fold[guess]
                break
    if "date" not in found and "title" not in found:
        raise ImportFileError(
            f"no date or title column among: {', '.join(header)}; name them with "
            "--date-col/--title-col, or check the delimiter"
        )
    return found


def _named(day: str, month_name: str, year: str) -> str:
    month = MONTHS.get(month_name.casefold().rstrip("."))
    if month is None:
        raise ValueError(f"unknown month '{month_name}'")
    return edtf_from_parts(int(year), month, int(day) if day else None)


def loose_date(text: str) -> str:
    """EDTF of a written date; raises ValueError when it cannot be read safely."""
    text = text.strip()
    if is_valid_edtf(text):
        return text
    if m := re.fullmatch(r"(-?\d{4})-(\d{2})-(\d{2})[ T]\d{1,2}:\d{2}(:\d{2})?Z?", text):
        return edtf_from_parts(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text):
        return edtf_from_parts(int(m[3]), int(m[2]), int(m[1]))
    if m := re.fullmatch(r"(\d{4})/(\d{1,2})/(\d{1,2})", text):
        return edtf_from_parts(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text):
        first, second = int(m[1]), int(m[2])
        if first > 12 >= second:
            return edtf_from_parts(int(m[3]), second, first)
        if second > 12 >= first:
            return edtf_from_parts(int(m[3]), first, second)
        raise ValueError(f"'{text}' could be day/month or month/day")
    if m := re.fullmatch(r"(\d{1,2})?\s*([A-Za-z]+\.?)\s+(\d{4})", text):
        return _named(m[1] or "", m[2], m[3])
    if m := re.fullmatch(r"([A-Za-z]+\.?)\s+(\d{1,2}),?\s+(\d{4})", text):
        return _named(m[2], m[1], m[3])
    raise ValueError(f"'{text}' is not a date this importer reads")


def _when(
    row: Mapping[str, str],
    cols: dict[str, str],
    where: str,
    report: ImportReport,
    *,
    strict: bool = False,
) -> dict[str, str]:
    raw_start = row.get(cols["date"], "").strip() if "date" in cols else ""
    raw_end = row.get(cols["end"], "").strip() if "end" in cols else ""
    if not raw_start:
        return {"edtf": "", "as_stated": raw_end}
    stated = raw_start + (f" – {raw_end}" if raw_end else "")
    try:
        start = loose_date(raw_start)
        end = loose_date(raw_end) if raw_end else ""
    except ValueError as exc:
        # Strict readers (a paste) refuse the row rather than keep it undated.
        report.problem(
            where, str(exc) if strict else f"{exc}; imported undated with the text as its wording"
        )
        return {"edtf": "", "as_stated": stated}
    if "/" in start or "[" in start:
        return {"edtf": start, "as_stated": ""}
    edtf = join_interval(start, end, where, report)
    return {"edtf": edtf, "as_stated": "" if stated == edtf else stated}


def _row(
    builder: ProjectBuilder,
    row: Mapping[str, str],
    cols: dict[str, str],
    where: str,
    report: ImportReport,
    *,
    strict: bool = False,
) -> None:
    def get(name: str) -> str:
        return row.get(cols[name], "").strip() if name in cols else ""

    data: dict[str, Any] = {
        "title": get("title"),
        "description": get("description"),
        "when": _when(row, cols, where, report, strict=strict),
        "lane_id": builder.lane(get("lane")),
        "tags": sorted({t.strip()[:200] for t in re.split(r"[;,]", get("tags")) if t.strip()}),
    }
    citation = builder.citation_for_url(get("url"), where, report)
    if citation is not None:
        data["citations"] = [citation]
    builder.add_entry(data, where, report)


def csv_from_bytes(
    raw: bytes,
    path: Path,
    *,
    mapping: CsvMapping | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    control: ImportControl = NO_CONTROL,
) -> ImportResult:
    """Import the bytes of the CSV file ``path``, whose name becomes the project title."""
    report = ImportReport()
    text = decode(raw, encoding, report)
    rows = read_rows(text, sniff_delimiter(text, delimiter, report), report)
    if len(rows) > MAX_RECORDS:
        raise ImportFileError(f"more than {MAX_RECORDS} rows")
    header = list(rows[0][1]) if rows else []
    if not header:
        raise ImportFileError("no rows under the header")
    cols = _resolve(mapping or CsvMapping(), header)
    report.note("columns: " + ", ".join(f"{k}={v}" for k, v in cols.items()))
    builder = ProjectBuilder()
    total = len(rows)
    for number, (line, row) in enumerate(rows, start=1):
        _row(builder, row, cols, f"line {line}", report)
        control.step(number, total)
    return ImportResult(builder.build(title=path.stem), report)


def import_csv(
    path: Path,
    mapping: CsvMapping | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> ImportResult:
    """Import a CSV table of entries (see the module docstring for the mapping)."""
    return csv_from_bytes(
        read_bytes(path), Path(path), mapping=mapping, encoding=encoding, delimiter=delimiter
    )
