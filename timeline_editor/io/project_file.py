"""Project files: load and save ``.timeline.json`` (minimal first version)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from timeline_editor.model.entities import Project
from timeline_editor.model.integrity import format_loc, project_problems


class ProjectFileError(Exception):
    """A project file that cannot be read; ``problems`` name places in the file."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__(f"{path}: {problems[0] if problems else 'unreadable'}")


def load_project(path: Path) -> Project:
    """Read and validate a project file; raises :class:`ProjectFileError`."""
    path = Path(path)
    try:
        project = Project.model_validate_json(path.read_bytes())
    except (OSError, ValidationError) as exc:
        if isinstance(exc, ValidationError):
            problems = [f"{format_loc(e['loc'])}: {e['msg']}" for e in exc.errors()]
        else:
            problems = [str(exc)]
        raise ProjectFileError(path, problems) from None
    found = project_problems(project)
    if found:
        raise ProjectFileError(path, [str(p) for p in found])
    return project


def save_project(project: Project, path: Path) -> None:
    """Write a project as pretty-printed JSON."""
    text = json.dumps(project.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    Path(path).write_text(text, encoding="utf-8")
