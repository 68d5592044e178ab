"""The GUI export passes on what a text exporter left out."""

from __future__ import annotations

from pathlib import Path

from timeline_editor.model.entities import DateValue, Entry, Project
from timeline_editor.model.vocab import EntryKind, LaneMode
from timeline_editor.ui.dialogs.export import ExportRequest, perform_export


def test_perform_export_returns_the_exporters_notes(tmp_path: Path) -> None:
    project = Project(
        entries=(Entry(title="Hotline", kind=EntryKind.MEETING, when=DateValue(as_stated="soon")),)
    )
    request = ExportRequest(
        path=tmp_path / "c.ics", visible_only=False, use_filter=False, title="", width=1000
    )
    notes = perform_export(project, request, None, None, LaneMode.LANE)
    assert notes == ["left out 1 undated entry: “Hotline”"]
    assert (tmp_path / "c.ics").exists()
