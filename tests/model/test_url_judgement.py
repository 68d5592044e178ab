"""Links judged the way a browser reads them (WHATWG), and what a confirmation shows."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_editor.model.url_parse import LinkError, ipv4_number, parse_web_url
from timeline_editor.model.urls import (
    is_web_url,
    link_host,
    normalized_url,
    url_problem,
)


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("mailto:a@b.org?attach=~/.ssh/id_rsa", "'attach' field"),
        ("mailto:a@b.org?ATTACHMENT=/etc/passwd", "'attachment' field"),
        ("mailto:a@b.org?bcc=spy@evil.org", "'bcc' field"),
        ("mailto:a@b.org?body=" + "x" * 1001, "body is longer than 1000"),
        ("mailto:a@b.org?subject=Hi%0ABcc:%20spy@evil.org", "control characters"),
        ("mailto:not-an-address", "is not an e-mail address"),
        ("mailto:a@аpple.com", "mixes Cyrillic and Latin"),
        ("http://good.org\\@evil.org/", "backslash right after its host"),
        ("http://good.org@evil.org/", "'good.org@' before its real host"),
        ("https://user:pass@example.org/", "before its real host"),
        ("https://аpple.com/", "mixes Cyrillic and Latin"),
        ("https://xn--pple-43d.com/", "mixes Cyrillic and Latin"),
        ("https://gοogle.com/", "mixes Greek and Latin"),
        ("http:evil.com", "does not start with http://"),
        ("http:\\\\evil.com\\", "does not start with http://"),
        ("https:///evil.com", "does not start with https://"),
        ("https://exa%2Fmple.com/", "no host name may hold"),
        ("https://ex%ffample.com/", "invalid escapes"),
        ("https://1.2.3.999/", "not a valid IPv4 address"),
        ("https://example.org:99999/", "invalid port"),
        ("https://example.org/\u202egnp.exe", "invisible characters"),
        ("https://exa\u200bmple.org/", "invisible characters"),
        ("https://example.org/\npath", "control"),
        ("javascript:alert(1)", "'javascript:'"),
        ("data:text/html,x", "'data:'"),
    ],
)
def test_disguised_links_are_refused_with_the_reason(url: str, words: str) -> None:
    problem = url_problem(url)
    assert words in problem
    assert normalized_url(url) == "" and link_host(url) == ""


@pytest.mark.parametrize(
    ("url", "normalized", "host"),
    [
        ("HTTPS://Example.ORG/a?b#c", "https://example.org/a?b#c", "example.org"),
        ("https://example.org:443", "https://example.org/", "example.org"),
        ("http://example.org:8080/x", "http://example.org:8080/x", "example.org:8080"),
        ("http://example.org/a\\b", "http://example.org/a/b", "example.org"),
        ("http://0x7f.1/", "http://127.0.0.1/", "127.0.0.1"),
        ("http://2130706433/", "http://127.0.0.1/", "127.0.0.1"),
        ("http://0300.0250.1.1/", "http://192.168.1.1/", "192.168.1.1"),
        ("https://ex%41mple.org/", "https://example.org/", "example.org"),
        ("https://[0:0::1]:8443/", "https://[::1]:8443/", "[::1]:8443"),
        (
            "https://президент.рф/",
            "https://xn--d1abbgf6aiiy.xn--p1ai/",
            "xn--d1abbgf6aiiy.xn--p1ai",
        ),
        ("https://münchen.de/", "https://xn--mnchen-3ya.de/", "xn--mnchen-3ya.de"),
        ("https://bücher。example/", "https://xn--bcher-kva.example/", "xn--bcher-kva.example"),
        ("mailto:desk@example.org", "mailto:desk@example.org", "desk@example.org"),
        (
            "mailto:a@b.org?cc=c@münchen.de&subject=Talks&body=See%20you",
            "mailto:a@b.org?cc=c@münchen.de&subject=Talks&body=See%20you",
            "a@b.org, c@xn--mnchen-3ya.de",
        ),
    ],
)
def test_openable_links_are_normalised_and_show_an_ascii_host(
    url: str, normalized: str, host: str
) -> None:
    assert url_problem(url) == ""
    assert normalized_url(url) == normalized
    assert link_host(url) == host


def test_whole_script_look_alikes_show_as_punycode() -> None:
    # All-Cyrillic "аррӏе" is allowed (real Cyrillic names exist) but the confirmation
    # shows the xn-- form, which cannot pass for apple.com.
    url = "https://аррӏе.com/"
    assert url_problem(url) == ""
    assert link_host(url).startswith("xn--")


def test_web_links_only_for_media() -> None:
    assert is_web_url("https://example.org/")
    assert not is_web_url("mailto:a@b.org")
    assert not is_web_url("https://good.org@evil.org/")


@pytest.mark.parametrize(
    ("host", "number"),
    [
        ("192.168.0.1", 0xC0A80001),
        ("0xC0.0xA8.0.1", 0xC0A80001),
        ("3232235521", 0xC0A80001),
        ("192.11010049", 0xC0A80001),
        ("example.com", None),
        ("1.2.3.4.", 0x01020304),
    ],
)
def test_ipv4_forms_as_browsers_read_them(host: str, number: int | None) -> None:
    assert ipv4_number(host) == number


@pytest.mark.parametrize("host", ["1.2.3.4.5", "256.1.1.1", "example.123", "0x100000000"])
def test_hosts_ending_in_a_number_that_are_no_address_are_refused(host: str) -> None:
    with pytest.raises(LinkError):
        ipv4_number(host)


_PIECES = st.sampled_from(
    [
        "http",
        "https",
        ":",
        "//",
        "/",
        "\\",
        "@",
        "a",
        "é",
        "а",
        "%",
        "41",
        "?",
        "#",
        ".",
        "0x7f",
        "[",
        "]",
        ":80",
        "xn--",
        " ",
        "\t",
        "mailto:",
        "=",
        "&",
        "attach",
        "b.org",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_any_text_is_judged_without_an_exception(text: str) -> None:
    problem = url_problem(text)
    if not problem:
        # What is accepted has one destination: parsing the normalised link gives it again.
        again = normalized_url(text)
        assert url_problem(again) == ""
        assert link_host(again) == link_host(text)
        if again.startswith("http"):
            assert parse_web_url(again).url == again
