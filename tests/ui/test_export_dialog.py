"""File → Export…: the dialog against the export contract, with recording exporters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from timeline_editor.io import exporters
from timeline_editor.model.entities import Project
from timeline_editor.ui.dialogs import export
from timeline_editor.ui.dialogs.export import ExportDialog
from timeline_editor.ui.window.main_window import MainWindow


class Recorder:
    """Stands in for ``render_chart`` and records its calls."""

    DRAWN = b"<svg/>"

    def __init__(self) -> None:
        self.calls: list[tuple[Project, str, dict[str, Any]]] = []

    def __call__(self, project: Project, kind: str, **options: Any) -> bytes:
        self.calls.append((project, kind, options))
        return self.DRAWN


@pytest.fixture
def chart(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    recorder = Recorder()
    monkeypatch.setattr(export, "render_chart", recorder)
    return recorder


def _accept_with(
    monkeypatch: pytest.MonkeyPatch, path: Path, visible: bool
) -> list[tuple[str, bool, str]]:
    """Fill in and accept the first time; cancel a reopened dialog, recording what it held."""
    seen: list[tuple[str, bool, str]] = []

    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, ExportDialog)
        seen.append((dialog.path_edit.text(), dialog.visible.isChecked(), dialog.title_edit.text()))
        if len(seen) > 1:
            return int(QDialog.DialogCode.Rejected.value)
        dialog.path_edit.setText(str(path))
        (dialog.visible if visible else dialog.whole).setChecked(True)
        dialog.title_edit.setText("Briefing")
        dialog._check_and_accept()
        return int(dialog.result())

    monkeypatch.setattr(QDialog, "exec", run)
    return seen


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
    [(project, kind, options)] = chart.calls
    assert (tmp_path / "out.svg").read_bytes() == Recorder.DRAWN
    assert kind == "svg"
    assert options["title"] == "Briefing"
    assert options["lane_mode"] == "actor"
    assert (options["start"], options["end"]) == window.viewing.visible_range
    predicate = options["predicate"]
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


def test_unknown_suffix_is_refused_at_the_field(qtbot: QtBot) -> None:
    dialog = ExportDialog(None, Path("/tmp/x.docx"), filter_active=False)
    qtbot.addWidget(dialog)
    dialog._check_and_accept()
    assert dialog.result() != QDialog.DialogCode.Accepted.value
    assert ".svg" in dialog.path_edit.toolTip()


def test_failed_export_is_reported(
    qtbot: QtBot, loaded: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(project: Project, kind: str, **options: Any) -> bytes:
        raise OSError("disk full")

    monkeypatch.setattr(export, "render_chart", broken)
    reported: list[str] = []
    monkeypatch.setattr(
        "timeline_editor.ui.dialogs.messages.show_error",
        lambda parent, title, text: reported.append(text),
    )
    seen = _accept_with(monkeypatch, tmp_path / "out.png", visible=True)
    loaded.actions_by_name["file_export"].trigger()
    assert reported and "disk full" in reported[0]
    # The dialog came back with the choices made, so nothing has to be typed again.
    assert len(seen) == 2
    assert seen[1] == (str(tmp_path / "out.png"), True, "Briefing")


def test_missing_folder_is_refused_at_the_field(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ExportDialog(None, tmp_path / "no such folder" / "x.png", filter_active=False)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog._check_and_accept()
    assert dialog.result() != QDialog.DialogCode.Accepted.value
    assert dialog.problem.isVisible()
    assert "does not exist" in dialog.problem.text()
    dialog.path_edit.setText(str(tmp_path / "x.png"))
    dialog._check_and_accept()
    assert dialog.result() == QDialog.DialogCode.Accepted.value


def test_file_field_is_wide_enough_for_a_path(qtbot: QtBot) -> None:
    dialog = ExportDialog(None, Path("/home/analyst/projects/2021/mine.png"), False)
    qtbot.addWidget(dialog)
    dialog.show()
    metrics = dialog.path_edit.fontMetrics()
    assert dialog.path_edit.width() >= metrics.horizontalAdvance("/home/analyst/projects/mine.png")


def test_suggested_name_drops_the_timeline_suffix() -> None:
    suggested = export.suggested_export_path(Path("/data/mine.timeline.json"))
    assert suggested == Path("/data/mine.png")
    assert export.suggested_export_path(Path("/d/plain.json")) == Path("/d/plain.png")
    assert export.suggested_export_path(None).name == "timeline.png"
