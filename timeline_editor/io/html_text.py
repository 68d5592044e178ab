"""Plain text from the small HTML fragments other tools write, and HTML from plain text.

TimelineJS keeps its text fields as HTML: the importer reads them as text, and the
exporter escapes our text into them.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "p", "li", "div"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


#: Plain tags with no attributes; a fragment made only of these is read without a parser.
_PLAIN_TAG = re.compile(r"<(/?)([a-z]{1,6})\s*/?>", re.IGNORECASE)
_BREAKING = frozenset({"br", "p", "li", "div"})
_RAW_TEXT = frozenset({"script", "style"})


def html_to_text(value: str) -> str:
    """Plain text of a small HTML fragment (TimelineJS text fields are HTML)."""
    if "<" not in value and "&" not in value:
        return value.strip()
    if "&" not in value:
        quick = _plain_tags_text(value)
        if quick is not None:
            return quick
    return html_to_text_parsed(value)


def _plain_tags_text(value: str) -> str | None:
    """What :func:`html_to_text_parsed` gives for text with plain tags only, else None.

    The HTML parser costs about 10 µs per field, most of an import's time for 100k
    events that hold just ``<p>…</p>``; the tests check this against the parser.
    """

    names = {m.group(2).lower() for m in _PLAIN_TAG.finditer(value)}
    if names & _RAW_TEXT:
        return None  # the parser keeps their content as it is, tags and all

    def tag(match: re.Match[str]) -> str:
        opening = not match.group(1)
        return "\n" if opening and match.group(2).lower() in _BREAKING else ""

    text = _PLAIN_TAG.sub(tag, value)
    if "<" in text or ">" in text:
        return None
    return re.sub(r"\n{2,}", "\n", text).strip()


def html_to_text_parsed(value: str) -> str:
    """Plain text of an HTML fragment, read by the standard library's HTML parser."""
    parser = _TextOnly()
    parser.feed(value)
    parser.close()
    text = "".join(parser.parts)
    return re.sub(r"\n{2,}", "\n", text).strip()


def text_to_html(value: str) -> str:
    """HTML of plain text, newlines as ``<br>``."""
    return html.escape(value).replace("\n", "<br>")
