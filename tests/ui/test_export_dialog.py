"""File → Export…: the dialog against the export contract, with recording exporters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from timeline_editor.io import exporters
from timeline_editor.model.entities import Project
from timeline_editor.ui import export_dialog
from timeline_editor.ui.export_dialog import ExportDialog
from timeline_editor.ui.main_window import MainWindow


class Recorder:
    """Stands in for ``export_chart`` and records its calls."""

    def __init__(self) -> None:
        self.calls: list[tuple[Project, Path, dict[str, Any]]] = []

    def __call__(self, project: Project, path: Path, **options: Any) -> None:
        self.calls.append((project, path, options))


@pytest.fixture
def chart(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    recorder = Recorder()
    monkeypatch.setattr(export_dialog, "chart_exporter", lambda: recorder)
    return recorder


def _accept_with(monkeypatch: pytest.MonkeyPatch, path: Path, visible: bool) -> None:
    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, ExportDialog)
        dialog.path_edit.setText(str(path))
        (dialog.visible if visible else dialog.whole).setChecked(True)
        dialog.title_edit.setText("Briefing")
        dialog._check_and_accept()
        return int(dialog.result())

    monkeypatch.setattr(QDialog, "exec", run)


def test_chart_export_gets_range_filter_and_lane_mode(
    chart: Recorder, qtbot: QtBot, project_file: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.files.load(project_file)
    assert window.actions_by_name["file_export"].isEnabled()
    window.filter_panel.disputed.click()
    window.actions_by_name["view_lanes_actor"].trigger()
    _accept_with(monkeypatch, tmp_path / "out.svg", visible=True)
    window.actions_by_name["file_export"].trigger()
    [(project, path, options)] = chart.calls
    assert path == tmp_path / "out.svg"
    assert options["fmt"] == "svg"
    assert options["title"] == "Briefing"
    assert options["lane_mode"] == "actor"
    assert (options["start"], options["end"]) == window.visible_range
    predicate = options["entry_filter"]
    assert [e.id for e in project.entries if predicate(e)] == ["e-moscow"]


def test_text_export_gets_filtered_project(
    chart: Recorder, qtbot: QtBot, loaded: MainWindow, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    written: list[Project] = []
    monkeypatch.setitem(exporters.TEXT_EXPORTERS, ".csv", lambda p, path: written.append(p))
    loaded.filter_panel.unsourced.click()
    _accept_with(monkeypatch, tmp_path / "out.csv", visible=False)
    loaded.actions_by_name["file_export"].trigger()
    [project] = written
    assert {e.id for e in project.entries} == {"e-moscow", "e-war", "e-hotline"}
    assert chart.calls == []


def test_unknown_suffix_is_refused_at_the_field(chart: Recorder, qtbot: QtBot) -> None:
    dialog = ExportDialog(None, Path("/tmp/x.docx"), filter_active=False)
    qtbot.addWidget(dialog)
    dialog._check_and_accept()
    assert dialog.result() != QDialog.DialogCode.Accepted.value
    assert ".svg" in dialog.path_edit.toolTip()


def test_failed_export_is_reported(
    qtbot: QtBot, loaded: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(project: Project, path: Path, **options: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(export_dialog, "chart_exporter", lambda: broken)
    reported: list[str] = []
    monkeypatch.setattr(
        "timeline_editor.ui.dialogs.show_error", lambda parent, title, text: reported.append(text)
    )
    _accept_with(monkeypatch, tmp_path / "out.png", visible=False)
    loaded.actions_by_name["file_export"].setEnabled(True)
    loaded.actions_by_name["file_export"].trigger()
    assert reported and "disk full" in reported[0]
