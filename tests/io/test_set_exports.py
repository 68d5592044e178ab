"""Sets and seasons downstream: CSV, calendars, TimelineJS, reports, diff and merge."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import icalendar

from tests.samples.sets import ALL_OF, EITHER_OR, SPRING, sets_project
from timeline_editor.io.diff import diff_projects, format_diff
from timeline_editor.io.exporters.csv_export import csv_text
from timeline_editor.io.exporters.ics import build_calendar, export_ics
from timeline_editor.io.exporters.report import export_markdown
from timeline_editor.io.exporters.timelinejs_export import timelinejs_data
from timeline_editor.io.importers import import_file
from timeline_editor.io.merge import merge_projects
from timeline_editor.model.entities import DateValue, Project
from timeline_editor.model.vocab import EntryKind


def _meetings() -> Project:
    """The sample with every entry a meeting, so that all go into a calendar."""
    project = sets_project()
    entries = tuple(e.model_copy(update={"kind": EntryKind.MEETING}) for e in project.entries)
    return project.model_copy(update={"entries": entries})


def _events() -> list[icalendar.Component]:
    data, _ = build_calendar(_meetings())
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def _day(event: icalendar.Component, name: str) -> str:
    """A DTSTART or DTEND as its iCalendar text, e.g. 20211214."""
    value = event.decoded(name)
    assert isinstance(value, dt.date)
    return value.strftime("%Y%m%d")


def test_csv_keeps_the_edtf_text_and_gives_the_span() -> None:
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(csv_text(sets_project())))}
    assert rows["e-brussels"]["edtf"] == EITHER_OR
    assert rows["e-visits"]["edtf"] == ALL_OF
    assert rows["e-commission"]["edtf"] == SPRING
    assert (rows["e-commission"]["earliest"], rows["e-commission"]["latest"]) == (
        "2022-03-01",
        "2022-05-31",
    )


def test_an_either_or_meeting_is_tentative_free_time_on_its_first_candidate() -> None:
    event = next(e for e in _events() if str(e["UID"]) == "e-brussels@timeline-editor")
    assert _day(event, "DTSTART") == "20211214"
    assert _day(event, "DTEND") == "20211215"
    assert event["STATUS"] == "TENTATIVE" and event["TRANSP"] == "TRANSPARENT"
    assert "(14 or 15 Dec 2021)" in str(event["SUMMARY"])
    assert "One of these dates: 14 or 15 Dec 2021" in str(event["DESCRIPTION"])


def test_an_all_of_set_is_one_event_per_member_that_calendars_read() -> None:
    visits = [e for e in _events() if str(e["UID"]).startswith("e-visits")]
    uids = [str(e["UID"]) for e in visits]
    assert uids == [
        "e-visits@timeline-editor",
        "e-visits-part2@timeline-editor",
        "e-visits-part3@timeline-editor",
    ]
    starts = [_day(e, "DTSTART") for e in visits]
    assert starts == ["20211012", "20211125", "20220101"]
    assert _day(visits[2], "DTEND") == "20220201"  # January: the whole month
    assert [e["TRANSP"] for e in visits] == ["OPAQUE", "OPAQUE", "TRANSPARENT"]
    assert "(2 of 3)" in str(visits[1]["SUMMARY"])


def test_our_calendar_comes_back_as_one_entry_with_the_set(tmp_path: Path) -> None:
    path = tmp_path / "sets.ics"
    export_ics(_meetings(), path)
    project = import_file(path).project
    visits = [e for e in project.entries if e.title.startswith("EU envoy")]
    assert [e.when.edtf for e in visits] == [ALL_OF]
    brussels = next(e for e in project.entries if e.title.startswith("Pashinian"))
    assert brussels.when.edtf == EITHER_OR


def test_a_season_in_a_calendar_spans_its_months() -> None:
    event = next(e for e in _events() if str(e["UID"]) == "e-commission@timeline-editor")
    assert _day(event, "DTSTART") == "20220301"
    assert _day(event, "DTEND") == "20220601"
    assert "(spring 2022)" in str(event["SUMMARY"])


def test_timelinejs_gives_the_span_and_the_words() -> None:
    events = {e["unique_id"]: e for e in timelinejs_data(sets_project())["events"]}
    brussels = events["e-brussels"]
    assert brussels["start_date"] == {"year": 2021, "month": 12, "day": 14}
    assert brussels["end_date"] == {"year": 2021, "month": 12, "day": 15}
    assert brussels["display_date"] == "14 or 15 Dec 2021"
    spring = events["e-commission"]
    assert spring["start_date"] == {"year": 2022, "month": 3}
    assert spring["end_date"] == {"year": 2022, "month": 5}
    assert spring["display_date"] == "spring 2022"


def test_the_report_writes_the_dates_in_words(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    export_markdown(sets_project(), path)
    text = path.read_text(encoding="utf-8")
    assert "14 or 15 Dec 2021" in text
    assert "12 Oct 2021, 25 Nov 2021 and Jan 2022" in text
    assert "spring 2022" in text


def test_diff_and_merge_treat_sets_as_text() -> None:
    base = sets_project()
    moved = DateValue(edtf="[2021-12-15,2021-12-16]", as_stated="on 15 or 16 December")
    ours = base.model_copy(
        update={"entries": (base.entries[0].model_copy(update={"when": moved}), *base.entries[1:])}
    )
    shown = format_diff(diff_projects(base, ours))
    assert "[2021-12-14,2021-12-15]" in shown and "[2021-12-15,2021-12-16]" in shown
    retitled = base.entries[1].model_copy(update={"title": "Envoy visits"})
    theirs = base.model_copy(update={"entries": (base.entries[0], retitled, *base.entries[2:])})
    merged = merge_projects(ours, theirs, base)
    assert not merged.conflicts
    entries = {e.id: e for e in merged.merged.entries}
    assert entries["e-brussels"].when.edtf == "[2021-12-15,2021-12-16]"
    assert entries["e-visits"].when.edtf == ALL_OF and entries["e-visits"].title == "Envoy visits"
