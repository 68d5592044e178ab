"""Exports carry no live markup or formulas: TimelineJS, CSV and ICS with hostile text."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar, vCategory

from timeline_editor.io.csv_cells import defuse_cell, restore_cell
from timeline_editor.io.exporters.csv_export import csv_text, export_csv
from timeline_editor.io.exporters.ics import build_calendar, export_ics
from timeline_editor.io.exporters.timelinejs_export import export_timelinejs
from timeline_editor.io.importers import CsvMapping, import_file
from timeline_editor.model.entities import Citation, DateValue, Entry, Lane, Project, Source
from timeline_editor.model.vocab import EntryKind

XSS = '"><img src=x onerror=alert(1)>'


def _project(title: str = XSS, url: str = "https://example.org/a", tag: str = "t") -> Project:
    source = Source(id="s1", title=XSS, url=url)
    lane = Lane(id="l1", title=XSS)
    entry = Entry(
        id="e1",
        kind=EntryKind.MEETING,
        title=title,
        description=XSS,
        when=DateValue(edtf="2021-12-15", as_stated=XSS),
        lane_id="l1",
        tags=(tag,),
        citations=(Citation(source_id="s1"),),
    )
    return Project(title=XSS, sources=(source,), lanes=(lane,), entries=(entry,))


def _raw_strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _raw_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _raw_strings(v)]
    return [value] if isinstance(value, str) else []


def test_timelinejs_escapes_every_text_field(tmp_path: Path) -> None:
    out = tmp_path / "web.timelinejs.json"
    export_timelinejs(_project(), out)
    data = json.loads(out.read_text(encoding="utf-8"))
    event = data["events"][0]
    assert event["media"]["credit"] == "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
    assert event["display_date"].startswith("&quot;&gt;&lt;img")
    assert event["group"].startswith("&quot;&gt;&lt;img")
    assert data["title"]["text"]["headline"].startswith("&quot;&gt;&lt;img")
    assert not [s for s in _raw_strings(data) if "<img" in s]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.cookie)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "http://good.org@evil.org/",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
    ],
)
def test_timelinejs_keeps_only_safe_web_media_links(tmp_path: Path, url: str) -> None:
    out = tmp_path / "web.timelinejs.json"
    notes = export_timelinejs(_project(url=url), out)
    event = json.loads(out.read_text(encoding="utf-8"))["events"][0]
    assert "media" not in event
    assert any("not safe web links" in n for n in notes)


def test_timelinejs_media_link_is_the_normalised_one(tmp_path: Path) -> None:
    out = tmp_path / "web.timelinejs.json"
    assert export_timelinejs(_project(url="HTTPS://Example.ORG:443/a"), out) == []
    event = json.loads(out.read_text(encoding="utf-8"))["events"][0]
    assert event["media"]["url"] == "https://example.org/a"


def test_timelinejs_escaped_text_imports_back_as_the_same_text(tmp_path: Path) -> None:
    out = tmp_path / "web.timelinejs.json"
    export_timelinejs(_project(), out)
    [entry] = import_file(out).project.entries
    assert (entry.title, entry.description, entry.when.as_stated) == (XSS, XSS, XSS)


def test_csv_defuses_formulas_in_every_cell() -> None:
    rows = list(csv.reader(io.StringIO(csv_text(_project(title="=cmd|' /C calc'!A0")))))
    title = rows[1][rows[0].index("title")]
    assert title == "'=cmd|' /C calc'!A0"
    for bad in ("+1+1", "-2+3", "@SUM(A1)", " =1", "\t=1", "\r=1", "-0044"):
        assert defuse_cell(bad) == "'" + bad
    for fine in ("Brussels", "'quoted", "2021-12-15", "a=b"):
        assert defuse_cell(fine) == fine


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("'=+-@ \t\rab")), max_size=8) | st.text(max_size=8))
def test_restore_undoes_defuse_exactly(text: str) -> None:
    assert restore_cell(defuse_cell(text)) == text


def test_csv_round_trip_through_our_own_import(tmp_path: Path) -> None:
    titles = ["=HYPERLINK(1)", "+33 1 23", "-cmd", "@user", "'=kept quote", "plain", " =spaced"]
    entries = tuple(
        Entry(id=f"e{i}", title=t, when=DateValue(edtf=f"2021-12-{i + 1:02d}"))
        for i, t in enumerate(titles)
    )
    out = tmp_path / "entries.csv"
    export_csv(Project(entries=entries), out)
    mapping = CsvMapping(date="edtf", title="title", description="", url="", lane="", tags="")
    result = import_file(out, "csv", mapping=mapping)
    assert [e.title for e in result.project.entries] == [t.strip() for t in titles]


@pytest.mark.parametrize(
    "title", ["a\nb", "a\r\nb", "a\rb", "a\x00b\x07c", "x\x1b[31mred", "a\u2028b", "\x85", "\t"]
)
def test_ics_strips_control_characters_and_escapes_line_breaks(tmp_path: Path, title: str) -> None:
    out = tmp_path / "cal.ics"
    export_ics(_project(title=title, tag=title), out)
    data = out.read_bytes()
    calendar = Calendar.from_ical(data)
    [event] = calendar.walk("VEVENT")
    summary = str(event["SUMMARY"])
    assert not any(ord(c) < 32 and c not in "\n\t" for c in summary)
    expected = "".join(c for c in title.replace("\r\n", "\n") if ord(c) >= 32 or c in "\n\t\r")
    assert summary == expected.replace("\r", "\n").replace("\u2028", "\n").replace("\x85", "\n")
    assert all(b"\x00" not in line and len(line) <= 75 for line in data.split(b"\r\n"))
    categories = event["CATEGORIES"]
    assert isinstance(categories, vCategory)
    [category] = categories.cats
    assert "\n" not in str(category)


def test_ics_of_a_hostile_project_parses_back() -> None:
    data, _ = build_calendar(_project(title="Talks\nBCC:evil@example.org\r\nEND:VEVENT"))
    calendar = Calendar.from_ical(data)
    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]).startswith("Talks\nBCC:evil")
    assert data.split(b"\r\n").count(b"END:VEVENT") == 1
