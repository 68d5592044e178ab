"""Reading text files of unknown encoding and CSV of unknown delimiter.

Encodings tried, in order: UTF-8 (with or without a byte-order mark), then
Windows-1252, the usual encoding of spreadsheets saved on Western Windows. The
one used is reported, because a wrong guess shows as odd letters, not an error.
"""

from __future__ import annotations

import codecs
import csv
from pathlib import Path

from ._common import ImportFileError, ImportReport

MAX_BYTES = 200 * 1024 * 1024
DELIMITERS = ",;\t|"


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes; ImportFileError when unreadable or absurdly large."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise ImportFileError(f"{path}: {size} bytes is too large (limit {limit})")
        return path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"{path}: cannot read ({exc.strerror or exc})") from None


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
        return text.removeprefix("\ufeff")
    if data.startswith(codecs.BOM_UTF8):
        report.note("encoding: UTF-8 with byte-order mark")
        return data[3:].decode("utf-8", errors="replace")
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


def read_rows(text: str, delimiter: str) -> list[tuple[int, dict[str, str]]]:
    """Rows as (line number, {header: value}); header names stripped."""
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise ImportFileError("the file is empty") from None
    except csv.Error as exc:
        raise ImportFileError(f"line 1: {exc}") from None
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            padded = values + [""] * (len(header) - len(values))
            rows.append((reader.line_num, dict(zip(header, padded, strict=False))))
    except csv.Error as exc:
        raise ImportFileError(f"line {reader.line_num}: {exc}") from None
    return rows
