"""``timeline-editor info FILE``: what a project holds, as text or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from timeline_editor.cli._known_on import KNOWN_ON_HELP, day_argument
from timeline_editor.model.entities import Project

NAME = "info"
HELP = (
    "summarise a project: counts by kind and status, disputed and undated entries "
    "(with --known-on, as the chronology stood on a day)"
)
ORDER = 20


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the command."""
    parser.add_argument("file", type=Path, metavar="FILE", help="a project file")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--known-on",
        type=day_argument,
        metavar="DAY",
        help=KNOWN_ON_HELP + "; entries only possibly known then are counted apart",
    )


def summary(project: Project) -> dict[str, Any]:
    """The facts ``info`` reports, as plain JSON-ready values."""
    from timeline_editor.model.daynum import civil, format_year
    from timeline_editor.model.queries import is_disputed, is_undated, parsed_when

    def day(number: int) -> str:
        year, month, dayno = civil(number)
        return f"{format_year(year)}-{month:02d}-{dayno:02d}"

    dated = [parsed_when(e) for e in project.entries if not is_undated(e)]
    lows = [d.earliest for d in dated if d.earliest is not None]
    highs = [d.latest for d in dated if d.latest is not None]
    return {
        "title": project.title,
        "as_of": project.as_of,
        "entries": len(project.entries),
        "by_kind": dict(sorted(Counter(e.kind.value for e in project.entries).items())),
        "by_status": dict(sorted(Counter(e.status.value for e in project.entries).items())),
        "sources": len(project.sources),
        "disputed": [e.title for e in project.entries if is_disputed(e)],
        "undated": [e.title for e in project.entries if is_undated(e)],
        "date_range": [day(min(lows)) if lows else None, day(max(highs)) if highs else None],
    }


def known_summary(project: Project, day: int) -> dict[str, Any]:
    """:func:`summary` of the chronology as it stood on ``day``, possible entries apart."""
    from timeline_editor.cli._known_on import certain_on
    from timeline_editor.model.daynum import format_day

    certain, known = certain_on(project, day)
    facts = summary(certain)
    facts["known_on"] = format_day(day)
    facts["possibly_known"] = [e.title for e in known.project.entries if e.id in known.possible]
    return facts


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {count}" for name, count in counts.items()) or "none"


def _print_text(facts: dict[str, Any]) -> None:
    first, last = facts["date_range"]
    print(f"Title:      {facts['title']}")
    if "known_on" in facts:
        print(f"Known on:   {facts['known_on']} (the chronology as it stood that day)")
    print(f"As of:      {facts['as_of'] or 'not set'}")
    print(f"Entries:    {facts['entries']}")
    print(f"  by kind:   {_counts(facts['by_kind'])}")
    print(f"  by status: {_counts(facts['by_status'])}")
    print(f"Sources:    {facts['sources']}")
    print(f"Date range: {first or '..'} to {last or '..'}")
    for label in ("disputed", "undated", "possibly_known"):
        if label not in facts:
            continue
        print(f"{label.capitalize().replace('_', ' ')} entries: {len(facts[label])}")
        for title in facts[label]:
            print(f"  - {title}")


def run(args: argparse.Namespace) -> int:
    """Print the summary; 1 (with the problems on stderr) if the file is not valid."""
    from timeline_editor.io.project_file import ProjectFileError, load_project

    try:
        project = load_project(args.file)
    except ProjectFileError as exc:
        for problem in exc.problems:
            print(f"{args.file}: {problem}", file=sys.stderr)
        return 1
    known_on = args.known_on
    facts = summary(project) if known_on is None else known_summary(project, known_on)
    if args.json:
        print(json.dumps(facts, ensure_ascii=False))
    else:
        _print_text(facts)
    return 0
