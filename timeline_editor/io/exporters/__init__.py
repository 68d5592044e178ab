"""Exports that are not drawings (calendar, table, report, web timeline).

``TEXT_EXPORTERS`` maps a file suffix (lower case, with its dot, e.g. ``".ics"``) to
a function ``(project, path) -> list[str] | None`` that writes the file atomically
and may return short notes on what it left out ("left out 2 undated entries: …"),
for the caller to show; None or an empty list means everything went in. The
``export`` command asks :func:`text_exporter_for` first and draws a chart only
when it returns None. TimelineJS JSON is chosen by the two-part suffix
``.timelinejs.json`` or by the format name ``timelinejs``, CSL-JSON by ``.csl.json``
or ``csl`` (a plain ``.json`` is left alone: it is our own project format). The
Timeline Project's files end in ``.timeline`` (ours in ``.timeline.json``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from timeline_editor.model.entities import Project

from .csl_export import export_csl
from .csv_export import export_csv
from .ics import export_ics
from .report import export_html, export_markdown
from .timeline_project_export import export_timeline_project
from .timelinejs_export import export_timelinejs

Exporter = Callable[[Project, Path], list[str] | None]

TEXT_EXPORTERS: dict[str, Exporter] = {
    ".ics": export_ics,
    ".csv": export_csv,
    ".md": export_markdown,
    ".html": export_html,
    ".timelinejs.json": export_timelinejs,
    ".csl.json": export_csl,
    ".timeline": export_timeline_project,
}

#: Format names (as for ``--format``) and the suffix each stands for.
TEXT_FORMATS: dict[str, str] = {
    "ics": ".ics",
    "csv": ".csv",
    "md": ".md",
    "markdown": ".md",
    "html": ".html",
    "timelinejs": ".timelinejs.json",
    "csl": ".csl.json",
    "timeline-project": ".timeline",
}


def text_exporter_for(path: Path, fmt: str | None = None) -> Exporter | None:
    """The text exporter for a format name or, without one, for the path's suffix.

    Multi-part suffixes such as ``.timelinejs.json`` win over the last suffix;
    ``.htm`` counts as ``.html``. Returns None for drawings and unknown formats.
    """
    if fmt:
        suffix = TEXT_FORMATS.get(fmt.lower().lstrip("."))
        return TEXT_EXPORTERS.get(suffix) if suffix else None
    name = Path(path).name.lower()
    for suffix in sorted(TEXT_EXPORTERS, key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix):
            return TEXT_EXPORTERS[suffix]
    if name.endswith(".htm"):
        return TEXT_EXPORTERS[".html"]
    return None
