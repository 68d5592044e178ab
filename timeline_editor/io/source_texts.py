"""Reading a source's text from a file: plain text, a web page or a PDF.

Every file is read through :mod:`.safe_read` (no pipes, devices or folders; a size
limit per kind). What each kind gives:

* ``.txt`` (also ``.text``, ``.md``): UTF-8, with or without a byte-order mark, or
  UTF-16 with one. Anything else is refused with the first byte that is not UTF-8,
  since a wrong guess would make every quote check fail on odd letters.
* ``.html``/``.htm``/``.xhtml``: the article's main text, as trafilatura extracts it
  (navigation, scripts, frames, styles, embedded data and boilerplate left out; broken
  markup repaired by lxml). A page whose text is built by scripts has none to give.
* ``.pdf``: the text layer of each page, read with pypdf; a paragraph ends at a blank
  line or at a short line that ends a sentence. An encrypted PDF opens only when it
  needs no password; a scanned PDF (no text layer) and a damaged one are refused.

Scripts are kept as written: Armenian, Cyrillic, Hebrew and Arabic text is stored in
its logical order, as in the file. The result is a
:class:`~timeline_editor.model.entities.SourceText`; any failure raises
:class:`SourceTextReadError` with a sentence naming the file and the problem.
"""

from __future__ import annotations

import codecs
import io
import re
from pathlib import Path

from timeline_editor.io.safe_read import ReadRefusedError, read_file
from timeline_editor.model.entities import SourceText
from timeline_editor.model.source_text import SourceTextError, make_source_text

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
PDF_SUFFIXES = (".pdf",)
#: The largest file of each kind that is read, in bytes.
TEXT_LIMIT = 16 * 1024 * 1024
HTML_LIMIT = 16 * 1024 * 1024
PDF_LIMIT = 32 * 1024 * 1024
#: PDFs with more pages are refused (reading each page's text takes time).
MAX_PDF_PAGES = 2000


class SourceTextReadError(Exception):
    """A file whose text could not be read; the message names the file and why."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"cannot read {path.name}: {reason}")


def read_source_text(path: Path, *, read_on: str) -> SourceText:
    """The stored form of the text in ``path``, read on the EDTF day ``read_on``."""
    path = Path(path)
    suffix = path.suffix.casefold()
    if suffix in TEXT_SUFFIXES:
        limit = TEXT_LIMIT
    elif suffix in HTML_SUFFIXES:
        limit = HTML_LIMIT
    elif suffix in PDF_SUFFIXES:
        limit = PDF_LIMIT
    else:
        raise SourceTextReadError(
            path, "a source text is read from .txt, .html or .pdf files (or pasted)"
        )
    try:
        data = read_file(path, limit)
    except ReadRefusedError as exc:
        raise SourceTextReadError(path, exc.reason) from None
    if suffix in TEXT_SUFFIXES:
        text = decode_text(data, path)
    elif suffix in HTML_SUFFIXES:
        text = html_text(data, path)
    else:
        text = pdf_text(data, path)
    try:
        return make_source_text(text, origin=path.name, read_on=read_on)
    except SourceTextError as exc:
        raise SourceTextReadError(path, str(exc)) from None


def decode_text(data: bytes, path: Path) -> str:
    """UTF-8 (a byte-order mark allowed) or UTF-16 with its mark; else a refusal."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise SourceTextReadError(path, "is marked as UTF-16 but is not") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceTextReadError(
            path,
            f"is not UTF-8 text (byte {data[exc.start]:#04x} at offset {exc.start:,}); "
            "save it as UTF-8 and read it again",
        ) from None


def html_text(data: bytes, path: Path) -> str:
    """The main text of a web page, paragraphs on lines of their own."""
    import trafilatura
    from trafilatura.settings import use_config

    config = use_config()
    # Short statements are articles too; and no alarm signal (the window's thread).
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    config.set("DEFAULT", "MAX_FILE_SIZE", str(HTML_LIMIT))
    try:
        text = trafilatura.extract(
            data, config=config, favor_recall=True, include_comments=False, include_tables=True
        )
    except (ValueError, TypeError, RecursionError) as exc:
        raise SourceTextReadError(path, f"is not a readable web page ({exc})") from None
    if not text or not text.strip():
        raise SourceTextReadError(
            path,
            "holds no article text that can be extracted (a page built by scripts, "
            "an empty or badly broken page?); copy the text from a browser and paste it",
        )
    return text


def pdf_text(data: bytes, path: Path) -> str:
    """The text layer of every page, paragraphs separated by blank lines."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SourceTextReadError(
                path, "is encrypted with a password; save an unprotected copy and read that"
            )
        if len(reader.pages) > MAX_PDF_PAGES:
            raise SourceTextReadError(
                path, f"has {len(reader.pages):,} pages; at most {MAX_PDF_PAGES:,} are read"
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except DependencyError:
        raise SourceTextReadError(
            path, "is encrypted in a way this program cannot open; save an unprotected copy"
        ) from None
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, RecursionError) as exc:
        raise SourceTextReadError(path, f"is not a readable PDF (damaged? {exc})") from None
    if not any(page.strip() for page in pages):
        raise SourceTextReadError(
            path,
            "has no text layer (a scanned document?); run text recognition (OCR) on it "
            "or paste the text",
        )
    return "\n\n".join(p for p in (_pdf_paragraphs(page) for page in pages) if p)


_SENTENCE_END = re.compile(r"[.!?:;\"”»)]$")


def _pdf_paragraphs(page: str) -> str:
    """A page's lines grouped into paragraphs separated by blank lines."""
    lines = [line.rstrip() for line in page.replace("\r", "\n").split("\n")]
    widest = max((len(line) for line in lines), default=0)
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if not line.strip():
            paragraphs.append([])
            continue
        paragraphs[-1].append(line.strip())
        if _SENTENCE_END.search(line) and len(line) < 0.8 * widest:
            paragraphs.append([])
    return "\n\n".join("\n".join(p) for p in paragraphs if p)
