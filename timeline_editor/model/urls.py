"""Which links may be handed to the browser, and a title guessed from a URL."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

#: Schemes a source link may be opened with; anything else (file:, javascript:, data:)
#: could run or reveal something on the researcher's machine.
OPENABLE_SCHEMES = frozenset({"http", "https", "mailto"})

_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def url_problem(url: str) -> str:
    """Why ``url`` may not be opened, or '' when it may."""
    if not url.strip():
        return "The source has no link."
    if url != url.strip() or _CONTROL.search(url):
        return "The link contains spaces or control characters."
    try:
        parts = urlsplit(url)
    except ValueError:
        return f"'{url[:80]}' is not a well-formed link."
    scheme = parts.scheme.lower()
    if scheme not in OPENABLE_SCHEMES:
        shown = f"'{scheme}:'" if scheme else "no scheme"
        return f"Only http, https and mailto links are opened; this one has {shown}."
    if scheme in ("http", "https") and not parts.hostname:
        return f"'{url[:80]}' names no host."
    if scheme == "mailto" and "@" not in parts.path:
        return f"'{url[:80]}' names no e-mail address."
    return ""


def is_openable_url(url: str) -> bool:
    """True for a well-formed http, https or mailto link (the only ones we open)."""
    return url_problem(url) == ""


def title_from_url(url: str) -> str:
    """A first guess at a source title from its URL: the last path words, capitalised."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    segments = [s for s in unquote(parts.path).split("/") if s]
    for segment in reversed(segments):
        stem = re.sub(r"\.(html?|php|aspx?)$", "", segment, flags=re.IGNORECASE)
        words = [w for w in re.split(r"[-_+\s]+", stem) if w and not w.isdigit()]
        if words:
            text = " ".join(words)
            return text[:1].upper() + text[1:]
    return (parts.hostname or "").removeprefix("www.")


def outlet_from_url(url: str) -> str:
    """The host name without 'www.', a guess at the outlet."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")
