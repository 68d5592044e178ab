"""Helpers shared by the interchange sub-commands: loading, saving, reporting."""

from __future__ import annotations

import sys
from pathlib import Path

from timeline_editor.model.entities import Project


class CommandError(Exception):
    """A failure to report as 'error: ...' with exit status 1."""


def load(path: Path) -> Project:
    """Load a project file; CommandError with every named problem when it fails."""
    from timeline_editor.io.project_file import ProjectFileError, load_project

    try:
        return load_project(path)
    except ProjectFileError as exc:
        shown = exc.problems[:10]
        more = f"\n  ... and {len(exc.problems) - 10} more" if len(exc.problems) > 10 else ""
        lines = "\n".join(f"  {p}" for p in shown)
        raise CommandError(f"{path}: cannot open project:\n{lines}{more}") from None


def save(project: Project, path: Path) -> None:
    """Save a project file; CommandError when it cannot be written."""
    from timeline_editor.io.atomic import write_failure
    from timeline_editor.io.project_file import save_project

    try:
        save_project(project, path)
    except OSError as exc:
        raise CommandError(write_failure(path, exc)) from None


def same_file(first: Path, second: Path) -> bool:
    """True when both paths name one file (links and relative spellings included)."""
    try:
        return first.samefile(second)
    except OSError:
        pass
    try:
        # One of them does not exist (yet): compare where they would be.
        return first.resolve() == second.resolve()
    except (OSError, RuntimeError):  # Python 3.11 raises RuntimeError on a link loop
        return first.absolute() == second.absolute()


def fail(message: str) -> int:
    """Print an error to stderr and return exit status 1."""
    print(f"error: {message}", file=sys.stderr)
    return 1
