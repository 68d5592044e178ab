"""Exports that are not drawings (calendar, table, report, web timeline).

``TEXT_EXPORTERS`` maps a file suffix (lower case, with its dot, e.g. ``".ics"``) to
a function ``(project, path) -> None`` that writes the file atomically. The
``export`` command looks here first and draws a chart only for the other suffixes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from timeline_editor.model.entities import Project

Exporter = Callable[[Project, Path], None]

TEXT_EXPORTERS: dict[str, Exporter] = {}
