"""Opening a source's link: refused with the reason, or confirmed naming its real host."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from tests.samples import detailed_project
from tests.stacks import new_stack
from tests.ui.conftest import Shown
from tests.ui.helpers import QtBot
from timeline_editor.model.document import Document
from timeline_editor.model.entities import Source
from timeline_editor.ui.sources.library import SourceLibraryDock


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What reaches the desktop's browser or mail program."""
    handed: list[str] = []

    def fake_open(url: QUrl) -> bool:
        handed.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", fake_open)
    return handed


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The refusals shown (their text)."""
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    return said


def _click_open(qtbot: QtBot, url: str) -> SourceLibraryDock:
    dock = SourceLibraryDock(Document(detailed_project()), new_stack())
    qtbot.addWidget(dock)
    dock.show()
    dock._document.append("sources", [Source(id="s-link", title="Link", url=url)])
    dock.select_source("s-link")
    qtbot.mouseClick(dock.open_button, Qt.MouseButton.LeftButton)
    return dock


def _answer_open_link(monkeypatch: pytest.MonkeyPatch, shown: Shown) -> None:
    """The confirmation is answered with its Open Link button, as a click would."""

    def click_open(box: QMessageBox) -> int:
        shown.boxes.append(box)
        [accept] = [b for b in box.buttons() if b.text() == "&Open Link"]
        accept.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_open)


def test_confirmation_names_the_punycode_host_and_opens_the_normalised_link(
    qtbot: QtBot, shown: Shown, opened: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _click_open(qtbot, "https://апл.рф/Путь?q=1")
    [box] = shown.boxes
    assert "xn--80awl.xn--p1ai" in box.text()
    assert "апл" not in box.text()
    assert opened == []  # cancelled
    _answer_open_link(monkeypatch, shown)
    _click_open(qtbot, "HTTPS://апл.рф/Путь?q=1")
    assert opened == ["https://xn--80awl.xn--p1ai/%D0%9F%D1%83%D1%82%D1%8C?q=1"]


def test_look_alike_host_is_refused_naming_its_punycode(
    qtbot: QtBot, shown: Shown, opened: list[str], warnings: list[str]
) -> None:
    _click_open(qtbot, "https://аpple.com/login")  # a Cyrillic "а"
    [reason] = warnings
    assert "xn--pple-43d.com" in reason and "Cyrillic and Latin" in reason
    assert shown.boxes == [] and opened == []


@pytest.mark.parametrize(
    "case",
    [
        ("mailto:?attach=~/.ssh/id_rsa", "'attach' field"),
        ("mailto:a@b.org?attach=/etc/passwd", "'attach' field"),
        ("http://good.org\\@evil.org/", "backslash"),
        ("http://good.org@evil.org/", "before its real host"),
        ("javascript:alert(1)", "'javascript:'"),
    ],
)
def test_refused_links_say_why(
    qtbot: QtBot,
    shown: Shown,
    opened: list[str],
    warnings: list[str],
    case: tuple[str, str],
) -> None:
    url, why = case
    _click_open(qtbot, url)
    [reason] = warnings
    assert why in reason
    assert shown.boxes == [] and opened == []


def test_mail_link_confirms_the_address(
    qtbot: QtBot, shown: Shown, opened: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _answer_open_link(monkeypatch, shown)
    _click_open(qtbot, "mailto:press@mfa.am?subject=Brussels")
    [box] = shown.boxes
    assert box.text() == "Write to press@mfa.am?"
    assert opened == ["mailto:press@mfa.am?subject=Brussels"]
