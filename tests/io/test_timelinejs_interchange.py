"""TimelineJS both ways: BCE years, slides that tell the truth, lossless round trips."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.model.strategies import edtf_strings
from timeline_editor.io.exporters.timelinejs_export import export_timelinejs, timelinejs_year
from timeline_editor.io.importers import import_file
from timeline_editor.io.importers.timelinejs import edtf_year
from timeline_editor.model.daynum import format_year
from timeline_editor.model.entities import Claim, DateValue, Entry, Project
from timeline_editor.model.vocab import EntryKind, Stance, Status

FIXTURES = Path(__file__).parent / "fixtures"


def _export(project: Project, folder: Path) -> dict[str, Any]:
    out = folder / "web.timelinejs.json"
    export_timelinejs(project, out)
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def _reimport(data: dict[str, Any], folder: Path) -> Project:
    path = folder / "back.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return import_file(path, "timelinejs").project


# -- years: TimelineJS has no year 0 ----------------------------------------------------


def test_bce_years_are_one_apart_in_the_two_counts(tmp_path: Path) -> None:
    ides = Entry(title="Ides of March", when=DateValue(edtf="-0044-03-15"))
    data = _export(Project(entries=(ides,)), tmp_path)
    assert data["events"][0]["start_date"] == {"year": -45, "month": 3, "day": 15}
    assert timelinejs_year(0) == -1  # EDTF 0000 is 1 BCE
    sumer = import_file(FIXTURES / "timelinejs/dropped.json").project.entries[0]
    assert (sumer.title, sumer.when.edtf) == ("Writing in Sumer", "-3499")  # 3500 BCE


@settings(max_examples=300, deadline=None)
@given(st.integers(-999_999, 999_999))
def test_any_year_maps_back_to_itself(year: int) -> None:
    assert edtf_year(timelinejs_year(year)) == year
    if year != 0:  # TimelineJS has no year 0
        assert timelinejs_year(edtf_year(year)) == year


@settings(max_examples=60, deadline=None)
@given(st.integers(-9999, 9999), st.sampled_from(["", "-03", "-03-15"]))
def test_any_edtf_year_goes_through_a_timelinejs_file(year: int, rest: str) -> None:
    edtf = format_year(year) + rest
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        data = _export(Project(entries=(Entry(title="x", when=DateValue(edtf=edtf)),)), folder)
        assert data["events"][0]["start_date"]["year"] == (year if year > 0 else year - 1)
        del data["events"][0]["timeline_editor"]  # the years alone carry the date
        (back,) = _reimport(data, folder).entries
    assert back.when.edtf == edtf


def test_year_zero_is_read_as_1_bce_and_reported() -> None:
    result = import_file(FIXTURES / "timelinejs/dropped.json")
    assert result.project.entries[2].when.edtf == "0000"
    assert any(
        line.startswith("year 0, which TimelineJS does not have")
        for line in result.report.summary()
    )


# -- slides that tell the truth -----------------------------------------------------------


def _slide_project() -> Project:
    disputed = (Claim(stance=Stance.ASSERTS, text="being prepared"), Claim(stance=Stance.DENIES))
    entries = (
        Entry(
            id="route", kind=EntryKind.DEADLINE, status=Status.SCHEDULED, title="Route agreed",
            when=DateValue(edtf="[2020-11-10..2023-11-10]", as_stated="within three years"),
        ),
        Entry(
            id="moscow", kind=EntryKind.MEETING, status=Status.PROPOSED, title="Moscow trilateral",
            when=DateValue(edtf="2021-12~", as_stated="in December"), claims=disputed,
        ),
        Entry(
            id="fighting", title="Border fighting",
            when=DateValue(edtf="2021-11-16", as_stated="YESTERDAY"),
        ),
        Entry(
            id="summit", kind=EntryKind.MEETING, status=Status.CANCELLED, title="Summit",
            when=DateValue(edtf="[..2022-08-15]"), description="Called off.",
        ),
        Entry(id="visit", kind=EntryKind.MEETING, title="Visit", when=DateValue(edtf="2022-03-02")),
    )  # fmt: skip
    return Project(as_of="2021-11-29", entries=entries)


def test_date_line_is_the_date_in_words_and_the_wording_goes_to_the_text(tmp_path: Path) -> None:
    events = {e["unique_id"]: e for e in _export(_slide_project(), tmp_path)["events"]}
    assert events["route"]["display_date"] == "between 10 Nov 2020 and 10 Nov 2023"
    assert events["moscow"]["display_date"] == "Dec 2021 (approx.)"
    assert events["summit"]["display_date"] == "on or before 15 Aug 2022"
    fighting = events["fighting"]
    assert fighting["display_date"] == "16 Nov 2021"
    assert fighting["text"]["text"] == "As stated: “YESTERDAY”"
    assert events["summit"]["text"]["text"] == "Called off."


def test_headlines_mark_planned_cancelled_and_disputed_entries(tmp_path: Path) -> None:
    events = {e["unique_id"]: e for e in _export(_slide_project(), tmp_path)["events"]}
    headlines = {key: event["text"]["headline"] for key, event in events.items()}
    assert headlines == {
        "route": "[scheduled] Route agreed",
        "moscow": "[proposed · disputed] Moscow trilateral",
        "fighting": "Border fighting",
        "summit": "[cancelled] Summit",
        "visit": "[planned] Visit",  # occurred as a status, but after the as-of date
    }


def test_round_trip_takes_off_what_the_slides_added(tmp_path: Path) -> None:
    project = _slide_project()
    back = {e.id: e for e in _reimport(_export(project, tmp_path), tmp_path).entries}
    for entry in project.entries:
        twin = back[entry.id]
        same = ("title", "description", "when", "kind", "status")
        assert {f: getattr(twin, f) for f in same} == {f: getattr(entry, f) for f in same}


WORDING = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            edtf_strings().filter(bool),
            WORDING,
            st.sampled_from(EntryKind),
            st.sampled_from(Status),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_project_to_timelinejs_and_back_keeps_dates_kinds_and_statuses(
    rows: list[tuple[str, str, EntryKind, Status]],
) -> None:
    entries = tuple(
        Entry(
            id=f"e{i}",
            title=f"Entry {i}",
            when=DateValue(edtf=edtf, as_stated=words),
            kind=kind,
            status=status,
        )
        for i, (edtf, words, kind, status) in enumerate(rows)
    )
    project = Project(as_of="2021-11-29", entries=entries)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        back = _reimport(_export(project, folder), folder)
    assert [(e.id, e.title, e.when, e.kind, e.status) for e in back.entries] == [
        (e.id, e.title, e.when, e.kind, e.status) for e in entries
    ]


# -- nothing dropped silently -------------------------------------------------------------


def test_every_kind_of_thing_left_out_has_a_report_line() -> None:
    summary = import_file(FIXTURES / "timelinejs/dropped.json").report.summary()
    heads = [line.split(": ")[0] for line in summary]
    assert heads == [
        "slide backgrounds not imported",
        "media alt not imported",
        "media thumbnail not imported",
        "links inside the text",
        "'location' of slides not imported",
        "times of day not kept (our dates are days)",
        "year 0, which TimelineJS does not have",
        "era texts not imported (an era has a title only)",
        "title slide media not imported",
        "title slide background not imported",
    ]
    assert summary[0] == (
        'slide backgrounds not imported: 2 records (first: events[0] (event 1): {"url": '
        '"https://example.org/clay.jpg"})'
    )


def test_the_spreadsheet_template_names_lines_in_its_report(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "Year,Month,Day,Headline,Media,Media Thumbnail,Background\n"
        "2021,12,15,Brussels,https://example.org/a,https://example.org/t.jpg,#ffeeee\n",
        encoding="utf-8",
    )
    summary = import_file(sheet).report.summary()
    assert summary == [
        "slide backgrounds not imported: 1 record (first: line 2: #ffeeee)",
        "media thumbnail not imported: 1 record (first: line 2: https://example.org/t.jpg)",
    ]


def test_a_caption_without_a_link_is_reported(tmp_path: Path) -> None:
    data = {"events": [{"start_date": {"year": 2021}, "media": {"caption": "Signing ceremony"}}]}
    back = tmp_path / "caption.json"
    back.write_text(json.dumps(data), encoding="utf-8")
    assert import_file(back).report.summary() == [
        'media without a link not imported: 1 record (first: events[0] (event 1): {"caption": '
        '"Signing ceremony"})'
    ]
