"""``timeline-editor diff A B``: a readable entry-level diff of two project files."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "diff"
HELP = "show what changed between two project files, entry by entry"
ORDER = 40


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's options."""
    parser.add_argument("a", type=Path, metavar="A", help="the older or own copy")
    parser.add_argument("b", type=Path, metavar="B", help="the newer or colleague's copy")
    parser.add_argument(
        "--exit-code",
        action="store_true",
        help="exit with 3 when the files differ (0 when they do not)",
    )


def run(args: argparse.Namespace) -> int:
    """Print the differences from A to B."""
    from timeline_editor.io.diff import diff_projects, format_diff

    from ._shared import CommandError, fail, load

    try:
        a, b = load(args.a), load(args.b)
    except CommandError as exc:
        return fail(str(exc))
    diff = diff_projects(a, b)
    print(format_diff(diff, str(args.a), str(args.b)), end="")
    return 3 if args.exit_code and not diff.empty else 0
