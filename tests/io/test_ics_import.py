"""iCalendar import: an invitation becomes a meeting; our own calendars come back exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.samples import interchange_project
from timeline_editor.io.exporters.ics import export_ics
from timeline_editor.io.importers import ImportFileError, guess_format, import_file
from timeline_editor.model.entities import Project
from timeline_editor.model.vocab import EntryKind, Status

FIXTURES = Path(__file__).parent / "fixtures"
INVITATION = FIXTURES / "ics" / "invitation.ics"


def _by_title(project: Project) -> dict[str, object]:
    return {entry.title: entry for entry in project.entries}


def test_an_invitation_becomes_a_meeting_with_place_organiser_and_status() -> None:
    result = import_file(INVITATION)
    project = result.project
    brussels = project.entries[0]
    assert (brussels.kind, brussels.status) == (EntryKind.MEETING, Status.CONFIRMED)
    assert brussels.title == "Trilateral meeting: Pashinian, Aliyev, Michel"
    assert brussels.when.edtf == "2021-12-15"
    assert brussels.when.as_stated == "2021-12-15 10:00–12:30 Europe/Brussels"
    assert (
        brussels.description
        == "On the sidelines of the Eastern Partnership summit.\nAgenda to follow."
    )
    places = {p.id: p.name for p in project.places}
    actors = {a.id: a.name for a in project.actors}
    assert places[brussels.place_id or ""] == "Europa building, Brussels"
    assert [actors[a] for a in brussels.actor_ids] == [
        "Office of the President of the European Council"
    ]
    assert brussels.tags == ("summit", "EU")
    assert [s.url for s in project.sources] == ["https://example.org/eap-summit"]
    assert brussels.id == "7f3a9c2e-brussels-2021_example.org"  # the same UID, the same id
    assert project.title == "invitation"


def test_statuses_and_all_day_spans() -> None:
    entries = import_file(INVITATION).project.entries
    moscow, call = entries[1], entries[2]
    assert (moscow.status, moscow.when.edtf, moscow.when.as_stated) == (
        Status.PROPOSED, "2021-12-20/2021-12-21", "",
    )  # fmt: skip
    organiser = import_file(INVITATION).project.actors[1]
    assert organiser.name == "kremlin-protocol@example.ru"  # no name given: the address
    assert (call.status, call.when.edtf) == (Status.CANCELLED, "2021-11-22")
    assert call.when.as_stated == "2021-11-22 14:00–15:00 UTC"


def test_a_cancellation_cancels_the_meeting() -> None:
    result = import_file(FIXTURES / "ics" / "cancel.ics")
    (entry,) = result.project.entries
    assert (entry.title, entry.status, entry.when.edtf) == (
        "Moscow trilateral", Status.CANCELLED, "2021-12-20",
    )  # fmt: skip
    assert any("METHOD:CANCEL" in note for note in result.report.notes)


def test_a_missing_status_is_scheduled_and_an_unknown_one_reported(tmp_path: Path) -> None:
    path = tmp_path / "plain.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20211215\r\nSUMMARY:A\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:b\r\nDTSTART;VALUE=DATE:20211216\r\nSUMMARY:B\r\n"
        "STATUS:MAYBE\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:c\r\nSUMMARY:C\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    result = import_file(path)
    assert [(e.title, e.status, e.when.edtf) for e in result.project.entries] == [
        ("A", Status.SCHEDULED, "2021-12-15"),
        ("B", Status.SCHEDULED, "2021-12-16"),
        ("C", Status.SCHEDULED, ""),
    ]
    assert result.report.problems == [
        "event 2: STATUS MAYBE is not one of CONFIRMED, TENTATIVE, CANCELLED; "
        "imported as scheduled",
        "event 3: no DTSTART; imported as undated",
    ]


def test_nothing_is_dropped_silently() -> None:
    summary = import_file(INVITATION).report.summary()
    heads = [line.split(": ")[0] for line in summary]
    assert heads == [
        "VTODO not imported (only events are)",
        "times of day kept in the wording only (our dates are days)",
        "UIDs made into ids (@ and other characters as _)",
        "attendees not imported (the organiser is kept)",
        "X-GOOGLE-CONFERENCE not imported",
        "alarms not imported",
        "repeating events",
    ]
    assert (
        "repeating events: the first occurrence only: 1 record "
        "(first: event 3: FREQ=WEEKLY;COUNT=4)" in summary
    )


def test_our_own_calendar_comes_back_with_its_dates_kinds_statuses_and_titles(
    tmp_path: Path,
) -> None:
    project = interchange_project()
    out = tmp_path / "meetings.ics"
    export_ics(project, out)
    back = _by_title(import_file(out).project)
    for entry in project.entries:
        if entry.kind not in (EntryKind.MEETING, EntryKind.DEADLINE):
            continue
        twin = back[entry.title]
        assert (twin.id, twin.when.edtf, twin.kind, twin.status) == (  # type: ignore[attr-defined]
            entry.id, entry.when.edtf, entry.kind, entry.status,
        )  # fmt: skip


def test_the_format_is_told_by_name_or_by_content(tmp_path: Path) -> None:
    assert guess_format(INVITATION) == "ics"
    renamed = tmp_path / "invite.txt"
    renamed.write_bytes(b"\xef\xbb\xbf" + INVITATION.read_bytes())
    assert guess_format(renamed) == "ics"
    assert import_file(renamed).project.entries[0].when.edtf == "2021-12-15"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"Date,Title\n2021-12-15,x\n", "not an iCalendar file: no BEGIN:VCALENDAR"),
        (b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n", "no complete VCALENDAR"),
        (
            b"BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:A\nTZID:B\nEND:VTIMEZONE\nEND:VCALENDAR\n",
            "not a readable iCalendar file",
        ),
        (b"BEGIN:VCALENDAR\nEND:VCALENDAR\nBEGIN:VCALENDAR\nEND:VCALENDAR\n", "2 calendars"),
        (b"BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n", "no events found"),
    ],
)
def test_broken_calendars_are_refused_with_a_reason(
    tmp_path: Path, body: bytes, message: str
) -> None:
    path = tmp_path / "broken.ics"
    path.write_bytes(body)
    with pytest.raises(ImportFileError, match=message) as caught:
        import_file(path, "ics")
    assert str(path) in str(caught.value)


def test_progress_and_cancel_reach_the_calendar_import() -> None:
    seen: list[tuple[int, int]] = []
    import_file(INVITATION, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (3, 3)
