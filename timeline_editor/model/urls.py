"""Which links may be handed to the browser, what to show before opening one, and titles.

A link is judged the way the browser will read it (:mod:`.url_parse` follows the WHATWG
URL Standard), after refusing anything that programs read differently. Only three kinds
are opened:

- ``http`` and ``https`` links with a plain host: no user name before it
  (``http://good.org@evil.org``), no backslash where a browser and other programs part
  ways (``http://good.org\\@evil.org``), and no host name that mixes Latin letters with
  look-alike Cyrillic, Greek or Armenian ones (``аpple.com`` with a Cyrillic "а");
- ``mailto`` links to valid addresses whose only fields are ``to``, ``cc``, ``subject``
  and a short ``body``: an ``attach`` field (which some mail programs honour, mailing
  ``~/.ssh/id_rsa``), ``bcc`` or any other header is refused.

:func:`link_host` gives what a confirmation should show: the host in ASCII, so an
international name appears as its ``xn--`` form, and :func:`normalized_url` the link
to hand to the browser.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote, urlsplit

from .url_parse import LinkError, WebUrl, parse_web_url, scheme_of

#: Schemes a source link may be opened with; anything else (file:, javascript:, data:)
#: could run or reveal something on the researcher's machine.
OPENABLE_SCHEMES = frozenset({"http", "https", "mailto"})
#: The fields a mailto link may carry.
MAIL_FIELDS = frozenset({"to", "cc", "subject", "body"})
MAX_MAIL_BODY = 1000
MAX_MAIL_SUBJECT = 300

_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_ADDRESS = re.compile(r"^[^@\s<>()\[\],;:\\\"]+@[^@\s<>()\[\],;:\\\"]+$")
#: Scripts whose letters pass for each other; one host label should not mix them.
_CONFUSABLE = frozenset({"LATIN", "CYRILLIC", "GREEK", "ARMENIAN"})


def url_problem(url: str) -> str:
    """Why ``url`` may not be opened, or '' when it may."""
    try:
        _judged(url)
    except LinkError as exc:
        return str(exc)
    return ""


def is_openable_url(url: str) -> bool:
    """True for a link :func:`url_problem` lets through (http, https or a plain mailto)."""
    return url_problem(url) == ""


def is_web_url(url: str) -> bool:
    """True for an http or https link that may be opened (not mailto)."""
    return scheme_of(url.strip()) in ("http", "https") and is_openable_url(url)


def normalized_url(url: str) -> str:
    """The link as the browser should get it (WHATWG form), or '' when it is refused."""
    try:
        judged = _judged(url)
    except LinkError:
        return ""
    return judged.url if isinstance(judged, WebUrl) else judged


def link_host(url: str) -> str:
    """What a confirmation names as the destination: the host (or mail addresses) in ASCII.

    International host names come as ``xn--`` punycode, so ``аpple.com`` with a Cyrillic
    letter cannot pass for apple.com; a non-default port is kept. '' when refused.
    """
    try:
        judged = _judged(url)
    except LinkError:
        return ""
    if isinstance(judged, WebUrl):
        return judged.host + (f":{judged.port}" if judged.port is not None else "")
    return ", ".join(_mail_parts(judged)[0])


def _judged(url: str) -> WebUrl | str:
    """The parsed web link, or the checked mailto link; LinkError with the reason."""
    if not url.strip():
        raise LinkError("The source has no link.")
    if _CONTROL.search(url):
        raise LinkError("The link contains spaces, control or invisible characters.")
    scheme = scheme_of(url)
    if scheme not in OPENABLE_SCHEMES:
        shown = f"'{scheme}:'" if scheme else "no scheme"
        raise LinkError(f"Only http, https and mailto links are opened; this one has {shown}.")
    if scheme == "mailto":
        _mail_parts(url)
        return url
    web = parse_web_url(url)
    _refuse_mixed_scripts(web.host)  # also for hosts written as xn-- punycode
    return web


def _mail_parts(url: str) -> tuple[list[str], dict[str, str]]:
    """(addresses in ASCII form, other fields) of a mailto link; LinkError when refused."""
    body = url[len("mailto:") :]
    target, _, query = body.partition("?")
    addresses = [a for a in unquote(target).split(",") if a]
    fields: dict[str, str] = {}
    for pair in query.split("&") if query else []:
        name, _, value = pair.partition("=")
        name = unquote(name).lower()
        if name not in MAIL_FIELDS:
            raise LinkError(
                f"The mail link carries a '{name[:30]}' field; only to, cc, subject and a "
                "short body are allowed (a field such as attach can make a mail program "
                "send a file from this computer)."
            )
        if name in ("to", "cc"):
            addresses += [a for a in unquote(value).split(",") if a]
        else:
            fields[name] = fields.get(name, "") + unquote(value)
    if len(fields.get("body", "")) > MAX_MAIL_BODY:
        raise LinkError(f"The mail link's body is longer than {MAX_MAIL_BODY} characters.")
    subject = fields.get("subject", "")
    if len(subject) > MAX_MAIL_SUBJECT or _CONTROL.search(subject.replace(" ", "")):
        raise LinkError(
            f"The mail link's subject is longer than {MAX_MAIL_SUBJECT} characters or "
            "holds control characters."
        )
    if not addresses:
        raise LinkError(f"'{url[:80]}' names no e-mail address.")
    return [_mail_address(a.strip(), url) for a in addresses], fields


def _mail_address(address: str, url: str) -> str:
    if _CONTROL.search(address) or not _ADDRESS.match(address):
        raise LinkError(f"'{address[:60]}' in the mail link is not an e-mail address.")
    local, _, domain = address.rpartition("@")
    try:
        ascii_domain = domain.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise LinkError(f"'{address[:60]}' in the mail link has no valid domain.") from None
    _refuse_mixed_scripts(ascii_domain)
    return f"{local}@{ascii_domain}"


def _scripts(label: str) -> set[str]:
    """The scripts of the letters in a host label (their Unicode name's first word)."""
    return {unicodedata.name(c, "?").split(" ")[0] for c in label if c.isalpha()}


def _refuse_mixed_scripts(ascii_host: str) -> None:
    """LinkError when a label of the host mixes scripts whose letters look alike."""
    for label in ascii_host.split("."):
        try:
            text = label.encode("ascii").decode("idna") if label.startswith("xn--") else label
        except UnicodeError:
            continue
        mixed = _scripts(text) & _CONFUSABLE
        if len(mixed) > 1:
            names = " and ".join(sorted(n.title() for n in mixed))
            raise LinkError(
                f"The host '{text}' ({ascii_host}) mixes {names} letters that look alike, "
                "a common way to imitate a known site."
            )


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
