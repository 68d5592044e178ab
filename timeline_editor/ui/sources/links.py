"""Opening a source's link: judged first, confirmed with its real destination, then opened.

A link is never handed over as typed. :func:`timeline_editor.model.urls.url_problem`
judges it as a browser reads it; a refused link says why, in a warning. Otherwise a
confirmation names where it really leads — the host in ASCII, so an international or
look-alike name shows as its ``xn--`` form (or the mail addresses) — and only after "Open
Link" is the normalised form (:func:`~timeline_editor.model.urls.normalized_url`) given
to the desktop. Qt reads that text once more; if Qt would go to another host, the link
is refused as well.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from timeline_editor.model.urls import link_host, normalized_url, url_problem

MAX_SHOWN = 300


def confirm_box(parent: QWidget | None, host: str, target: str) -> QMessageBox:
    """The confirmation naming the destination (not yet shown)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Open link")
    mail = target.lower().startswith("mailto:")
    box.setText(f"Write to {host}?" if mail else f"Open a page on {host} in your browser?")
    shown = target if len(target) <= MAX_SHOWN else target[: MAX_SHOWN - 1] + "…"
    box.setInformativeText(f"The link leads to:\n{shown}")
    box.addButton("&Open Link", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box


def ask_open(parent: QWidget | None, host: str, target: str) -> bool:
    """True when the user confirms opening ``target`` on ``host``."""
    box = confirm_box(parent, host, target)
    box.exec()
    clicked = box.clickedButton()
    return clicked is not None and box.buttonRole(clicked) == QMessageBox.ButtonRole.AcceptRole


def _same_host(qurl: QUrl, host: str) -> bool:
    """True when Qt reads the same host (and port) as the judgement did."""
    seen = qurl.host(QUrl.ComponentFormattingOption.FullyEncoded)
    if ":" in seen:  # an IPv6 address
        seen = f"[{seen}]"
    if qurl.port() != -1:
        seen += f":{qurl.port()}"
    return seen.lower() == host.lower()


def _refuse(parent: QWidget | None, reason: str) -> bool:
    QMessageBox.warning(parent, "Link not opened", reason)
    return False


def open_link(parent: QWidget | None, url: str) -> bool:
    """Judge, confirm and open ``url``; True when it was handed to the desktop."""
    problem = url_problem(url)
    if problem:
        return _refuse(parent, problem)
    host, target = link_host(url), normalized_url(url)
    qurl = QUrl(target, QUrl.ParsingMode.StrictMode)
    web = qurl.scheme() in ("http", "https")
    if not qurl.isValid() or (web and not _same_host(qurl, host)):
        return _refuse(parent, f"The link '{target[:80]}' cannot be opened as it was judged.")
    if not ask_open(parent, host, target):
        return False
    return bool(QDesktopServices.openUrl(qurl))
