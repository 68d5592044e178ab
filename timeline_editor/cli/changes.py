"""``timeline-editor changes FILE --from D1 --to D2``: what became known between two days."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from timeline_editor.cli._known_on import day_argument
from timeline_editor.model.knowledge_changes import KnowledgeChange

NAME = "changes"
HELP = (
    "what became known after one day up to another: entries added, status and date "
    "changes, claims made or retracted, one line each with the entry's title"
)
ORDER = 25


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the command."""
    parser.add_argument("file", type=Path, metavar="FILE", help="a project file")
    parser.add_argument(
        "--from",
        dest="first",
        type=day_argument,
        required=True,
        metavar="D1",
        help="the day compared from (YYYY-MM-DD); what was known then is not listed",
    )
    parser.add_argument(
        "--to",
        dest="last",
        type=day_argument,
        required=True,
        metavar="D2",
        help="the day compared to (YYYY-MM-DD), included",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def _as_json(changes: list[KnowledgeChange], first: int, last: int) -> dict[str, object]:
    """The changes as one JSON object: the two days and one object per change."""
    from timeline_editor.model.daynum import format_day

    rows = [
        {
            "day": format_day(c.day) if c.day is not None else None,
            "kind": c.kind.value,
            "entry_id": c.entry_id,
            "title": c.title,
            "old": c.old,
            "new": c.new,
            "claim_id": c.claim_id,
            "claim": c.claim,
        }
        for c in changes
    ]
    return {"from": format_day(first), "to": format_day(last), "changes": rows}


def run(args: argparse.Namespace) -> int:
    """Print the changes; 1 when the file cannot be read, 2 when D1 is after D2."""
    from timeline_editor.model.daynum import format_day
    from timeline_editor.model.knowledge_changes import changes_between

    from ._shared import CommandError, load

    if args.first > args.last:
        print(
            f"timeline-editor changes: --from {format_day(args.first)} is after "
            f"--to {format_day(args.last)}; give the earlier day first",
            file=sys.stderr,
        )
        return 2
    try:
        project = load(args.file)
    except CommandError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    changes = changes_between(project, args.first, args.last)
    if args.json:
        print(json.dumps(_as_json(changes, args.first, args.last), ensure_ascii=False))
        return 0
    for change in changes:
        print(change.text())
    if not changes:
        print(f"Nothing changed after {format_day(args.first)} up to {format_day(args.last)}.")
    return 0
