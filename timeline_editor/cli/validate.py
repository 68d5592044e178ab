"""``timeline-editor validate FILE...``: check project files, one line per problem."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "validate"
HELP = "check project files; exit 0 when all are valid, 1 otherwise"
ORDER = 10


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the command."""
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="project files")
    parser.add_argument("-q", "--quiet", action="store_true", help="print problems only")


def run(args: argparse.Namespace) -> int:
    """Print ``FILE: place: message`` per problem (and ``FILE: ok`` unless quiet).

    Quotes not found in their source's stored text are warnings (``FILE: warning: ...``):
    the file is valid, so they leave the exit status alone; ``quotes`` fails on them.
    So are relative dates whose anchor is gone or moved elsewhere; a circle of relative
    dates is a problem (exit 1), though the file still opens with its dates as written.
    """
    from timeline_editor.io.project_file import ProjectFileError, load_project
    from timeline_editor.model.quotes import quote_warnings
    from timeline_editor.model.relative_checks import relation_problems

    status = 0
    for path in args.files:
        try:
            project = load_project(path)
        except ProjectFileError as exc:
            status = 1
            for problem in exc.problems:
                print(f"{path}: {problem}")
            continue
        errors, warnings = relation_problems(project)
        for error in errors:
            print(f"{path}: {error}")
        status = 1 if errors else status
        if not args.quiet and not errors:
            print(f"{path}: ok ({len(project.entries)} entries)")
        for warning in [*quote_warnings(project), *map(str, warnings)]:
            print(f"{path}: warning: {warning}")
    return status
