"""Text exporters: real content checked by parsing the output back."""

from __future__ import annotations

import csv
import datetime as dt
import html.parser
import io
import json
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.samples import interchange_project
from timeline_editor.io.exporters import TEXT_EXPORTERS, text_exporter_for
from timeline_editor.io.exporters.csv_export import safe_cell
from timeline_editor.io.exporters.report import build_report, to_html, to_markdown
from timeline_editor.io.importers import import_file
from timeline_editor.model.entities import DateValue, Entry, Project


def test_registry_and_lookup_by_suffix_and_format() -> None:
    assert set(TEXT_EXPORTERS) == {".ics", ".csv", ".md", ".html", ".timelinejs.json"}
    assert text_exporter_for(Path("a/b.ICS")) is TEXT_EXPORTERS[".ics"]
    assert text_exporter_for(Path("web.timelinejs.json")) is TEXT_EXPORTERS[".timelinejs.json"]
    assert text_exporter_for(Path("x.json"), "timelinejs") is TEXT_EXPORTERS[".timelinejs.json"]
    assert text_exporter_for(Path("report.htm")) is TEXT_EXPORTERS[".html"]
    assert text_exporter_for(Path("chart.svg")) is None
    assert text_exporter_for(Path("project.timeline.json")) is None
    assert text_exporter_for(Path("x.png"), "svg") is None


def test_ics_round_trip_statuses_dates_and_uids(tmp_path: Path) -> None:
    out = tmp_path / "cal.ics"
    TEXT_EXPORTERS[".ics"](interchange_project(), out)
    calendar = Calendar.from_ical(out.read_bytes())
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    # meetings and deadlines only: Brussels, Moscow, route, cancelled summit
    assert set(events) == {
        f"{i}@timeline-editor" for i in ("ent-brussels", "ent-moscow", "ent-route", "ent-cancelled")
    }
    brussels = events["ent-brussels@timeline-editor"]
    assert brussels.decoded("DTSTART") == dt.date(2021, 12, 15)
    assert brussels.decoded("DTEND") == dt.date(2021, 12, 16)
    assert str(brussels["STATUS"]) == "CONFIRMED"
    assert str(brussels["X-TIMELINE-EDTF"]) == "2021-12-15"
    assert "Example News" in str(brussels["DESCRIPTION"])
    assert "B (usually reliable)" in str(brussels["DESCRIPTION"])
    moscow = events["ent-moscow@timeline-editor"]
    assert str(moscow["STATUS"]) == "TENTATIVE"
    assert moscow.decoded("DTSTART") == dt.date(2021, 12, 1)
    assert moscow.decoded("DTEND") == dt.date(2022, 1, 1)
    assert str(moscow["X-TIMELINE-EDTF"]) == "2021-12~"
    cancelled = events["ent-cancelled@timeline-editor"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert cancelled.decoded("DTEND") == dt.date(2021, 10, 3)
    route = events["ent-route@timeline-editor"]
    assert "Deadline window: between 10 Nov 2020 and 10 Nov 2023" in str(route["DESCRIPTION"])


def test_csv_rows_bounds_and_names(tmp_path: Path) -> None:
    out = tmp_path / "table.csv"
    TEXT_EXPORTERS[".csv"](interchange_project(), out)
    text = out.read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["id"] for r in rows][:3] == ["ent-war", "ent-route", "ent-cancelled"]
    assert rows[-1]["id"] == "ent-hotline"
    moscow = next(r for r in rows if r["id"] == "ent-moscow")
    assert (moscow["earliest"], moscow["latest"]) == ("2021-11-01", "2022-01-31")
    brussels = next(r for r in rows if r["id"] == "ent-brussels")
    assert brussels["lane"] == "Diplomacy"
    assert brussels["actors"] == "Nikol Pashinian"
    assert brussels["sources"] == "Pashinian & Aliyev to meet <Brussels>"
    assert brussels["likelihood"] == "very_likely"


def test_csv_cells_cannot_run_formulas() -> None:
    assert safe_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert safe_cell("-cmd") == "'-cmd"
    assert safe_cell("-0044") == "'-0044"  # a spreadsheet would make it the number -44


def test_markdown_report_order_claims_footnotes_and_grades() -> None:
    text = to_markdown(build_report(interchange_project()))
    assert text.index("2020 war") < text.index("Brussels meeting") < text.index("Hotline")
    assert "Dmitry Peskov asserts (8 Nov 2021): being prepared[^" in text
    assert "Nikol Pashinian denies: not agreed" in text
    assert "DISPUTED" in text
    assert "“will meet on 15 December”" in text
    assert "reliability B (usually reliable)" in text
    assert r"Pashinian & Aliyev to meet \<Brussels\>" in text
    footnotes = [line for line in text.splitlines() if line.startswith("[^")]
    assert len(footnotes) == 3


class _Collector(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_report_is_escaped_and_linked() -> None:
    page = to_html(build_report(interchange_project()))
    parser = _Collector()
    parser.feed(page)
    assert "brussels" not in parser.tags  # the <Brussels> in a title stayed text
    assert "Pashinian & Aliyev to meet <Brussels>" in "".join(parser.text)
    assert 'href="#fn1"' in page
    assert 'id="fn1"' in page


def test_timelinejs_round_trip_keeps_entries_and_dates(tmp_path: Path) -> None:
    project = interchange_project()
    out = tmp_path / "web.timelinejs.json"
    text_exporter_for(out)(project, out)  # type: ignore[misc]
    back = import_file(out, "timelinejs")
    assert back.report.problems == []
    dated = [e for e in project.entries if e.when.edtf]
    got = {e.id: e for e in back.project.entries}
    assert set(got) == {e.id for e in dated}
    for entry in dated:
        twin = got[entry.id]
        assert (twin.title, twin.when, twin.kind, twin.status) == (
            entry.title,
            entry.when,
            entry.kind,
            entry.status,
        )
    assert [(e.title, e.when.edtf) for e in back.project.eras] == [
        ("2020 war", "2020-09-27/2020-11-10")
    ]


def test_timelinejs_round_trip_without_our_extra_keys(tmp_path: Path) -> None:
    project = Project(
        entries=(
            Entry(title="a & b", when=DateValue(edtf="2021-12-15")),
            Entry(title="month", when=DateValue(edtf="2021-11")),
            Entry(title="ancient", when=DateValue(edtf="-0044-03-15")),
            Entry(title="span", when=DateValue(edtf="2020-09-27/2020-11-10")),
        )
    )
    out = tmp_path / "plain.timelinejs.json"
    TEXT_EXPORTERS[".timelinejs.json"](project, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    for event in data["events"]:
        del event["timeline_editor"]
    out.write_text(json.dumps(data), encoding="utf-8")
    back = import_file(out, "timelinejs").project
    assert [(e.title, e.when.edtf) for e in back.entries] == [
        (e.title, e.when.edtf) for e in project.entries
    ]


@pytest.mark.parametrize("suffix", [".ics", ".csv", ".md", ".html", ".timelinejs.json"])
def test_failed_export_leaves_the_old_file(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"out{suffix}"
    out.write_bytes(b"old")
    broken = interchange_project().model_copy(update={"entries": (object(),)})
    with pytest.raises(AttributeError):
        TEXT_EXPORTERS[suffix](broken, out)
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]
