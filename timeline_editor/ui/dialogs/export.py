"""File → Export…: a chart (PNG, SVG, PDF) or a text export (ICS, CSV, Markdown…)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from timeline_editor.io.atomic import atomic_write_bytes
from timeline_editor.io.exporters import TEXT_EXPORTERS, text_exporter_for
from timeline_editor.model.entities import Project
from timeline_editor.model.filters import EntryPredicate, filtered_project
from timeline_editor.model.vocab import LaneMode
from timeline_editor.render.export import render_chart
from timeline_editor.ui.widgets import clock
from timeline_editor.ui.widgets.mnemonics import give_mnemonics

CHART_SUFFIXES = (".png", ".svg", ".pdf")


def export_suffixes() -> list[str]:
    """File suffixes the export writes: charts first, then the text formats."""
    return list(CHART_SUFFIXES) + sorted(TEXT_EXPORTERS)


def can_export(path: Path) -> bool:
    """True when the export writes files named like ``path`` (``.timelinejs.json`` too)."""
    return text_exporter_for(path) is not None or path.suffix.lower() in CHART_SUFFIXES


def suggested_export_path(project_path: Path | None) -> Path:
    """Where to export by default: beside the project, ``mine.timeline.json`` -> ``mine.png``."""
    folder = project_path.parent if project_path else Path.home()
    stem = project_path.stem if project_path else "timeline"
    # "mine.timeline.json" has the stem "mine.timeline"; the export is not a timeline file.
    if stem.lower().endswith(".timeline") and len(stem) > len(".timeline"):
        stem = stem[: -len(".timeline")]
    return folder / f"{stem}{CHART_SUFFIXES[0]}"


@dataclass(frozen=True)
class ExportRequest:
    """What the user asked for in the export dialog."""

    path: Path
    visible_only: bool
    use_filter: bool
    title: str
    width: int


class ExportDialog(QDialog):
    """Asks for a file (its suffix picks the format), a range, a title and a width."""

    def __init__(self, parent: QWidget | None, suggested: Path, filter_active: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export")
        self.suffixes = export_suffixes()
        form = QFormLayout(self)
        self._add_file_rows(form, suggested)
        self._add_content_rows(form, filter_active)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._check_and_accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        give_mnemonics(self)

    def _add_file_rows(self, form: QFormLayout, suggested: Path) -> None:
        self.path_edit = QLineEdit(str(suggested), self)
        # Room for a folder and a file name, not just the name's last few letters.
        self.path_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 48))
        self.path_edit.setToolTip("Formats: " + ", ".join(self.suffixes))
        browse = QPushButton("Browse…", self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow("File:", row)
        # A layout has no buddy; the label names the field it sits before.
        label = form.labelForField(row)
        if isinstance(label, QLabel):
            label.setBuddy(self.path_edit)
        self.problem = QLabel(self)
        self.problem.setObjectName("export_problem")
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        self.problem.hide()
        form.addRow("", self.problem)

    def _add_content_rows(self, form: QFormLayout, filter_active: bool) -> None:
        self.whole = QRadioButton("Whole timeline", self)
        self.visible = QRadioButton("Current view", self)
        self.whole.setChecked(True)
        form.addRow("Range:", self.whole)
        form.addRow("", self.visible)
        self.use_filter = QCheckBox("Only entries that pass the filter", self)
        self.use_filter.setChecked(filter_active)
        form.addRow("", self.use_filter)
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText("the project's title")
        form.addRow("Title:", self.title_edit)
        self.width_spin = QSpinBox(self)
        self.width_spin.setRange(400, 20_000)
        self.width_spin.setValue(1600)
        self.width_spin.setSuffix(" px")
        form.addRow("Chart width:", self.width_spin)

    def _browse(self) -> None:
        patterns = " ".join(f"*{s}" for s in self.suffixes)
        name, _ = QFileDialog.getSaveFileName(
            self, "Export to", self.path_edit.text(), f"Exports ({patterns})"
        )
        if name:
            self.path_edit.setText(name)

    def _check_and_accept(self) -> None:
        path = Path(self.path_edit.text().strip()).expanduser()
        if not can_export(path):
            self._refuse("Name the file with one of: " + ", ".join(self.suffixes))
            return
        if not path.parent.is_dir():
            self._refuse(f"The folder “{path.parent}” does not exist.")
            return
        self.path_edit.setStyleSheet("")
        self.problem.hide()
        self.accept()

    def _refuse(self, message: str) -> None:
        """Keep the dialog open, mark the field and say what is wrong with it."""
        self.path_edit.setStyleSheet("background: #ffd7d7")
        self.path_edit.setToolTip(message)
        self.problem.setText(message)
        self.problem.show()
        self.path_edit.setFocus()

    def request(self) -> ExportRequest:
        """The choices made."""
        return ExportRequest(
            path=Path(self.path_edit.text().strip()).expanduser(),
            visible_only=self.visible.isChecked(),
            use_filter=self.use_filter.isChecked(),
            title=self.title_edit.text().strip(),
            width=self.width_spin.value(),
        )


def perform_export(
    project: Project,
    request: ExportRequest,
    predicate: EntryPredicate | None,
    visible_range: tuple[int, int] | None,
    lane_mode: LaneMode,
    *,
    caption_suffix: str = "",
) -> list[str]:
    """Write the export and return notes on what it left out; raises OSError or ValueError.

    ``caption_suffix`` ends the chart's caption (e.g. "as known on 12 Nov 2021").
    """
    suffix = request.path.suffix.lower()
    chosen = predicate if request.use_filter else None
    text_exporter = text_exporter_for(request.path)
    if text_exporter is not None:
        return text_exporter(filtered_project(project, chosen), request.path) or []
    if suffix not in CHART_SUFFIXES:
        raise ValueError(f"cannot export to '{suffix}' files")
    start, end = visible_range if request.visible_only and visible_range else (None, None)
    data = render_chart(
        project,
        suffix.lstrip("."),
        today=clock.today(),
        start=start,
        end=end,
        width=request.width,
        title=request.title or None,
        predicate=chosen,
        lane_mode=lane_mode,
        caption_suffix=caption_suffix,
    )
    atomic_write_bytes(request.path, data)
    return []
