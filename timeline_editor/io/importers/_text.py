"""Reading text files of unknown encoding and CSV of unknown delimiter.

Encodings tried, in order: UTF-8 (with or without a byte-order mark), then
Windows-1252, the usual encoding of spreadsheets saved on Western Windows. The
one used is reported, because a wrong guess shows as odd letters, not an error.
"""

from __future__ import annotations

import codecs
import csv
from collections import Counter
from pathlib import Path

from timeline_editor.io.csv_cells import restore_cell
from timeline_editor.io.safe_read import ReadRefusedError, read_file

from ._common import ImportFileError, ImportReport

#: The largest file any importer reads (every format: JSON, CSV, XML).
MAX_BYTES = 200 * 1024 * 1024
DELIMITERS = ",;\t|"


def read_bytes(path: Path, limit: int | None = None, head: int | None = None) -> bytes:
    """The file's bytes (or its first ``head``); ImportFileError when it is not read.

    Only a regular file of at most ``limit`` bytes (default :data:`MAX_BYTES`) is read:
    a pipe, a device, a folder or a link loop is refused with a message saying what it
    is (see :mod:`timeline_editor.io.safe_read`).
    """
    try:
        return read_file(Path(path), MAX_BYTES if limit is None else limit, head)
    except ReadRefusedError as exc:
        raise ImportFileError(f"cannot read {exc.path}: {exc.reason}") from None


def drop_extra_boms(text: str, report: ImportReport) -> str:
    """``text`` without byte-order marks left at its start after decoding; reports them."""
    extra = len(text) - len(text.lstrip("\ufeff"))
    if extra:
        report.note(
            f"warning: the file starts with {extra + 1} byte-order marks (U+FEFF); "
            "the extra ones were ignored"
        )
    return text[extra:]


def decode(data: bytes, encoding: str | None, report: ImportReport) -> str:
    """Text of ``data`` in ``encoding``, or detected; reports the encoding used."""
    if encoding:
        try:
            codecs.lookup(encoding)
            text = data.decode(encoding)
        except LookupError:
            raise ImportFileError(f"unknown encoding '{encoding}'") from None
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                f"not valid {encoding}: byte {exc.object[exc.start]:#04x} at offset {exc.start}"
            ) from None
        report.note(f"encoding: {encoding} (as asked)")
        return drop_extra_boms(text.removeprefix("\ufeff"), report)
    if data.startswith(codecs.BOM_UTF8):
        report.note("encoding: UTF-8 with byte-order mark")
        return drop_extra_boms(data[3:].decode("utf-8", errors="replace"), report)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        report.note("encoding: UTF-8")
        return text
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            f"neither UTF-8 nor Windows-1252 (byte {exc.object[exc.start]:#04x} at offset "
            f"{exc.start}); give --encoding"
        ) from None
    report.note("encoding: Windows-1252 (the file is not valid UTF-8)")
    return text


def sniff_delimiter(text: str, delimiter: str | None, report: ImportReport) -> str:
    """The given delimiter, or the one the header line suggests; reports it."""
    names = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}
    if delimiter:
        if delimiter in ("\\t", "tab"):
            delimiter = "\t"
        if len(delimiter) != 1:
            raise ImportFileError(f"the delimiter must be one character, not '{delimiter}'")
        report.note(f"delimiter: {names.get(delimiter, repr(delimiter))} (as asked)")
        return delimiter
    sample = "\n".join(text.splitlines()[:20])
    try:
        found = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        header = text.splitlines()[0] if text else ""
        found = max(DELIMITERS, key=header.count) if header else ","
        if header.count(found) == 0:
            found = ","
    report.note(f"delimiter: {names.get(found, repr(found))} (detected)")
    return found


def read_rows(
    text: str, delimiter: str, report: ImportReport | None = None
) -> list[tuple[int, dict[str, str]]]:
    """Rows as (line number, {header: value}); header names stripped.

    A cell our CSV export defused against formula injection (``'=SUM(…)``) comes back
    as it was. A column name used twice is reported; the later column is kept.
    """
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise ImportFileError("the file is empty") from None
    except csv.Error as exc:
        raise ImportFileError(f"line 1: {exc}") from None
    _report_repeated(header, report)
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        for values in reader:
            if not "".join(values).strip():
                continue
            cells = [restore_cell(v) if v[:1] == "'" else v for v in values]
            padded = cells + [""] * (len(header) - len(cells))
            rows.append((reader.line_num, dict(zip(header, padded, strict=False))))
    except csv.Error as exc:
        raise ImportFileError(f"line {reader.line_num}: {exc}") from None
    return rows


def _report_repeated(header: list[str], report: ImportReport | None) -> None:
    if report is None:
        return
    for name, count in Counter(header).items():
        if count > 1 and name:
            report.problem(
                "line 1", f"the column {name!r} appears {count} times; only the last one was read"
            )
