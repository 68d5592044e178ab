"""Reading a web link the way a browser does (the WHATWG URL Standard, for http and https).

Programs disagree about odd links: for ``http://good.org\\@evil.org/`` a browser goes to
good.org (a backslash is a slash in web links), while Qt and Python's ``urllib`` read a
user name ``good.org\\`` and the host evil.org. A link is judged on what a browser does
with it, so this module follows the standard's steps for the parts that decide where a
link leads: slashes and backslashes after the scheme, user names before the host,
percent-escapes and international letters in the host (written as IDNA "punycode"),
numeric hosts (``0x7f.1`` is 127.0.0.1) and default ports. :func:`parse_web_url` returns
the parts and the normalised URL, or raises :class:`LinkError` with the reason.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import unquote

#: The web schemes and their default ports.
WEB_SCHEMES = {"http": 80, "https": 443}

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_AUTHORITY_END = re.compile(r"[/\\?#]")
#: Characters a host may not hold once decoded (the standard's forbidden host code points).
_FORBIDDEN_HOST = re.compile(r"[\x00-\x20#%/:<>?@\[\\\]^|\x7f]")


class LinkError(ValueError):
    """Why a link is not opened, as a sentence for the user."""


@dataclass(frozen=True)
class WebUrl:
    """A web link as a browser reads it."""

    scheme: str
    #: The host in ASCII: lower case, international names as ``xn--`` punycode.
    host: str
    #: The port when it is not the scheme's default, else None.
    port: int | None
    #: Path, query and fragment as given (backslashes in the path made slashes).
    rest: str
    #: Whether the host, decoded, holds letters outside ASCII.
    international: bool

    @property
    def url(self) -> str:
        """The normalised link, the one to hand to a browser."""
        port = f":{self.port}" if self.port is not None else ""
        return f"{self.scheme}://{self.host}{port}{self.rest}"


def scheme_of(url: str) -> str:
    """The link's scheme in lower case, or '' when it has none."""
    match = _SCHEME.match(url)
    return match.group(1).lower() if match else ""


def parse_web_url(url: str) -> WebUrl:
    """The parts of an http or https link; LinkError when a browser could not use it."""
    scheme = scheme_of(url)
    if scheme not in WEB_SCHEMES:
        raise LinkError(f"'{scheme}:' is not a web link.")
    after = url[len(scheme) + 1 :]
    # A browser skips any run of slashes and backslashes here; other programs do not.
    if not after.startswith("//") or after[2:3] in ("/", "\\"):
        raise LinkError(
            f"'{_short(url)}' does not start with {scheme}:// and a host name; browsers "
            "and other programs would read it differently."
        )
    stripped = after[2:]
    end = _AUTHORITY_END.search(stripped)
    authority = stripped[: end.start()] if end else stripped
    rest = stripped[len(authority) :]
    if rest.startswith("\\"):
        raise LinkError(
            f"'{_short(url)}' has a backslash right after its host; a browser reads it as a "
            "slash, other programs as part of a user name, so the link leads to different "
            "places."
        )
    host, port = _split_port(authority, scheme, url)
    ascii_host, international = _host(host, url)
    return WebUrl(scheme, ascii_host, port, _rest(rest), international)


def _short(url: str) -> str:
    return url if len(url) <= 80 else url[:77] + "..."


def _split_port(authority: str, scheme: str, url: str) -> tuple[str, int | None]:
    """(host, port unless it is the default); LinkError for a user name or a bad port."""
    if "@" in authority:
        user = authority.rpartition("@")[0]
        raise LinkError(
            f"'{_short(url)}' puts '{user[:40]}@' before its real host; that is a common "
            "way to disguise where a link leads."
        )
    if authority.startswith("["):
        close = authority.find("]")
        host, after_host = authority[: close + 1], authority[close + 1 :]
        if close < 0 or (after_host and not after_host.startswith(":")):
            raise LinkError(f"'{_short(url)}' has an invalid IPv6 address.")
        port_text = after_host[1:]
    else:
        host, _, port_text = authority.partition(":")
    if not port_text:
        return host, None
    if not (port_text.isascii() and port_text.isdigit()) or int(port_text) > 65535:
        raise LinkError(f"'{_short(url)}' has an invalid port '{port_text[:20]}'.")
    port = int(port_text)
    return host, None if port == WEB_SCHEMES[scheme] else port


def _rest(rest: str) -> str:
    """Path (backslashes made slashes, as browsers do), query and fragment."""
    cut = min((i for i in (rest.find("?"), rest.find("#")) if i >= 0), default=len(rest))
    path = rest[:cut].replace("\\", "/") or "/"
    return path + rest[cut:]


def _host(host: str, url: str) -> tuple[str, bool]:
    """(ASCII host, whether it holds international letters); LinkError when invalid."""
    if not host:
        raise LinkError(f"'{_short(url)}' names no host.")
    if host.startswith("["):
        try:
            address = ipaddress.IPv6Address(host[1:-1] if host.endswith("]") else "x")
        except ValueError:
            raise LinkError(f"'{_short(url)}' has an invalid IPv6 address.") from None
        return f"[{address.compressed}]", False
    try:
        decoded = unquote(host, errors="strict")
    except UnicodeError:
        raise LinkError(f"'{_short(url)}' has a host with invalid escapes.") from None
    if _FORBIDDEN_HOST.search(decoded):
        raise LinkError(f"'{_short(url)}' has characters no host name may hold.")
    international = not decoded.isascii()
    try:
        ascii_host = decoded.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise LinkError(f"'{_short(url)}' does not have a valid host name.") from None
    number = ipv4_number(ascii_host)
    if number is not None:
        return str(ipaddress.IPv4Address(number)), False
    return ascii_host, international


def ipv4_number(host: str) -> int | None:
    """The address of a host a browser reads as IPv4 (``0x7f.1``, ``2130706433``), or None.

    Raises LinkError for a host that ends in a number but is no valid address, as
    browsers refuse it.
    """
    parts = host.rstrip(".").split(".") if host else []
    if not parts or not _numeric(parts[-1]):
        return None
    values = [_ipv4_part(p, host) for p in parts]
    if len(values) > 4 or any(v > 255 for v in values[:-1]):
        raise LinkError(f"'{host}' is not a valid IPv4 address.")
    last_limit = 256 ** (5 - len(values))
    if values[-1] >= last_limit:
        raise LinkError(f"'{host}' is not a valid IPv4 address.")
    number = values[-1]
    for index, value in enumerate(values[:-1]):
        number += value * 256 ** (3 - index)
    return number


def _numeric(part: str) -> bool:
    if part.lower().startswith("0x"):
        return all(c in "0123456789abcdefABCDEF" for c in part[2:])
    return part.isdigit() and part.isascii()


def _ipv4_part(part: str, host: str) -> int:
    try:
        if part.lower().startswith("0x"):
            return int(part[2:] or "0", 16)
        if len(part) > 1 and part.startswith("0"):
            return int(part, 8)
        return int(part, 10)
    except ValueError:
        raise LinkError(f"'{host}' is not a valid IPv4 address.") from None
