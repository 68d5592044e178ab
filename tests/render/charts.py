"""Draw a chart into a file as the program does (render the bytes, write them atomically)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from timeline_editor.io.atomic import atomic_write_bytes
from timeline_editor.model.entities import Project
from timeline_editor.render.export import chart_format, render_chart


def export_chart(project: Project, path: Path, **options: Any) -> None:
    """Render ``project`` in the format of ``path``'s suffix and write it there."""
    atomic_write_bytes(path, render_chart(project, chart_format(path), **options))
