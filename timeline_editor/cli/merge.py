"""``timeline-editor merge OURS THEIRS [--base BASE] -o OUT``: merge a colleague's copy.

Without ``--base`` the last common version is found by itself: from the saved versions
on this computer, or a ``OURS.base`` / ``THEIRS.base`` file (see ``io/versions.py``);
when there is none the merge is two-way. The result is saved like a save in the
window: its lineage records both copies, and it goes into the version store.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline_editor.io.versions import VersionStore
    from timeline_editor.model.entities import Project

NAME = "merge"
HELP = "merge a colleague's copy of a project into yours (finds the common version)"
ORDER = 41


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's options."""
    parser.add_argument("ours", type=Path, metavar="OURS", help="your copy")
    parser.add_argument("theirs", type=Path, metavar="THEIRS", help="the colleague's copy")
    parser.add_argument(
        "--base",
        type=Path,
        metavar="BASE",
        help="the last common version (default: found from saved versions, else two-way)",
    )
    parser.add_argument(
        "--two-way",
        action="store_true",
        help="do not look for a base: every difference is a conflict",
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


def _base(args: argparse.Namespace, ours: Project, theirs: Project) -> Project | None:
    """The base named, found, or None (two-way); says which on stderr."""
    from timeline_editor.io.versions import VersionStore, find_base, sidecars_for

    from ._shared import load

    if args.base:
        return load(args.base)
    if args.two_way:
        print("base: none (two-way merge, as asked)", file=sys.stderr)
        return None
    found = find_base(ours, theirs, VersionStore.default(), sidecars_for(args.theirs, args.ours))
    if found.project is None:
        print(f"base: none, two-way merge ({found.description})", file=sys.stderr)
    else:
        print(f"base: {found.description}", file=sys.stderr)
    return found.project


def run(args: argparse.Namespace) -> int:
    """Merge, list what was applied and what conflicts; write only a settled result."""
    from timeline_editor.io.merge import MergeError, merge_projects
    from timeline_editor.io.versions import VersionStore, merged_lineage

    from ._shared import CommandError, fail, load

    try:
        ours, theirs = load(args.ours), load(args.theirs)
        if theirs.id != ours.id:
            raise MergeError(
                f"{args.theirs} is a different project ('{theirs.title}') from {args.ours} "
                f"('{ours.title}'); only copies of one project can be merged"
            )
        result = merge_projects(ours, theirs, _base(args, ours, theirs))
        for line in result.applied:
            print(f"applied: {line}")
        for conflict in result.conflicts:
            print(f"conflict: {conflict.describe()}", file=sys.stderr)
        if result.conflicts and args.prefer is None:
            return fail(f"{len(result.conflicts)} conflicts; nothing written (use --prefer)")
        merged, repairs = result.resolve([args.prefer or "ours"] * len(result.conflicts))
        for line in repairs:
            print(f"repaired: {line}")
        merged = merged.model_copy(update={"lineage": merged_lineage(ours, theirs)})
        _save(merged, theirs, args.output, VersionStore.default())
    except (CommandError, MergeError) as exc:
        return fail(str(exc))
    print(f"{args.output}: merged, {len(result.conflicts)} conflicts settled")
    return 0


def _save(merged: Project, theirs: Project, path: Path, store: VersionStore) -> None:
    """Write the result as a versioned save; keep their copy as a known version."""
    from timeline_editor.io.atomic import write_failure
    from timeline_editor.io.versions import save_version

    from ._shared import CommandError

    try:
        save_version(merged, path, store)
    except OSError as exc:
        raise CommandError(write_failure(path, exc)) from None
    with contextlib.suppress(OSError):  # only a later merge's automatic base needs it
        store.put(theirs)
