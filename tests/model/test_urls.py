"""Only http, https and mailto links are opened; titles are guessed from URLs."""

from __future__ import annotations

import pytest

from timeline_editor.model.urls import (
    is_openable_url,
    outlet_from_url,
    title_from_url,
    url_problem,
)


@pytest.mark.parametrize(
    "url",
    ["https://www.rferl.org/a/31580001.html", "http://example.org", "mailto:desk@example.org"],
)
def test_openable(url: str) -> None:
    assert is_openable_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "FILE:///C:/Windows",
        "javascript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<b>x</b>",
        "",
        "   ",
        "http://",
        "http://[::1",
        "https://example.org/a b",
        "mailto:",
        "example.org/page",
        "ftp://example.org/x",
    ],
)
def test_refused_with_a_reason(url: str) -> None:
    assert not is_openable_url(url)
    assert url_problem(url)


def test_title_and_outlet_guesses() -> None:
    url = "https://www.rferl.org/a/armenia-azerbaijan-brussels-meeting/31580001.html"
    assert title_from_url(url) == "Armenia azerbaijan brussels meeting"
    assert outlet_from_url(url) == "rferl.org"
    assert title_from_url("https://www.example.com/") == "example.com"
    assert title_from_url("https://x.org/news/talks%20in%20Brussels") == "Talks in Brussels"
