"""``export … -o OUT.csl.json`` and ``-o OUT.timeline``, and the window's export dialog."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from timeline_editor.app import main
from timeline_editor.io.importers import import_file
from timeline_editor.io.project_file import load_project
from timeline_editor.model.vocab import LaneMode
from timeline_editor.ui.dialogs.export import ExportDialog, ExportRequest, perform_export

EXAMPLE = Path(__file__).resolve().parents[2] / "resources/examples/brussels-2021.timeline.json"


def test_export_writes_the_source_library_as_csl_json(tmp_path: Path) -> None:
    out = tmp_path / "sources.csl.json"
    assert main(["export", str(EXAMPLE), "-o", str(out)]) == 0
    items = json.loads(out.read_text("utf-8"))
    assert [item["title"] for item in items] == [s.title for s in load_project(EXAMPLE).sources]
    assert items[0]["custom"]["timeline-editor"]["reliability"] == "B"


def test_export_writes_a_timeline_project_file_and_names_what_it_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "brussels.timeline"
    assert main(["export", str(EXAMPLE), "-o", str(out)]) == 0
    assert "left out 2 undated entries" in capsys.readouterr().err
    assert len(import_file(out).project.entries) == len(load_project(EXAMPLE).entries) - 2


@pytest.mark.parametrize(("fmt", "name"), [("csl", "refs.json"), ("timeline-project", "t.xml")])
def test_format_names_choose_the_exporter(tmp_path: Path, fmt: str, name: str) -> None:
    out = tmp_path / name
    assert main(["export", str(EXAMPLE), "-o", str(out), "--format", fmt]) == 0
    assert import_file(out, "csl" if fmt == "csl" else "timeline-project").project


def test_the_export_dialog_offers_and_writes_both(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ExportDialog(None, tmp_path / "x.png", filter_active=False)
    qtbot.addWidget(dialog)
    assert {".csl.json", ".timeline"} <= set(dialog.suffixes)
    project = load_project(EXAMPLE)
    for name in ("sources.csl.json", "chronology.timeline"):
        request = ExportRequest(tmp_path / name, False, False, "", 1600)
        perform_export(project, request, None, None, LaneMode.LANE)
    assert import_file(tmp_path / "sources.csl.json").project.sources[0].title == (
        project.sources[0].title
    )
    back = import_file(tmp_path / "chronology.timeline").project
    assert [e.title for e in back.entries] == [e.title for e in project.entries if e.when.edtf]
