"""``timeline-editor merge OURS THEIRS --base BASE -o OUT``: merge a colleague's copy."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "merge"
HELP = "merge a colleague's copy of a project into yours (three-way with --base)"
ORDER = 41


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's options."""
    parser.add_argument("ours", type=Path, metavar="OURS", help="your copy")
    parser.add_argument("theirs", type=Path, metavar="THEIRS", help="the colleague's copy")
    parser.add_argument(
        "--base",
        type=Path,
        metavar="BASE",
        help="the last common version (without it every difference conflicts)",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="OUT",
        help="merged project file to write",
    )
    parser.add_argument(
        "--prefer",
        choices=("ours", "theirs"),
        help="settle every conflict this way (default: stop and list them)",
    )


def run(args: argparse.Namespace) -> int:
    """Merge, list what was applied and what conflicts; write only a settled result."""
    from timeline_editor.io.merge import MergeError, merge_projects

    from ._shared import CommandError, fail, load, save

    try:
        ours, theirs = load(args.ours), load(args.theirs)
        base = load(args.base) if args.base else None
        result = merge_projects(ours, theirs, base)
        for line in result.applied:
            print(f"applied: {line}")
        for conflict in result.conflicts:
            print(f"conflict: {conflict.describe()}", file=sys.stderr)
        if result.conflicts and args.prefer is None:
            return fail(f"{len(result.conflicts)} conflicts; nothing written (use --prefer)")
        merged, repairs = result.resolve([args.prefer or "ours"] * len(result.conflicts))
        for line in repairs:
            print(f"repaired: {line}")
        save(merged, args.output)
    except (CommandError, MergeError) as exc:
        return fail(str(exc))
    print(f"{args.output}: merged, {len(result.conflicts)} conflicts settled")
    return 0
