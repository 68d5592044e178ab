"""``timeline-editor quotes FILE``: check every quote against its source's stored text."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from timeline_editor.cli._shared import CommandError, fail, load

NAME = "quotes"
HELP = "check every quote against its source's stored text; exit 1 on a mismatch"
ORDER = 36


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the command."""
    parser.add_argument("file", type=Path, metavar="FILE", help="a project file")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def report(path: Path) -> dict[str, Any]:
    """Counts of matching, mismatched and unchecked quotes, and every mismatch."""
    from timeline_editor.model.quotes import QuoteState, check_quotes, source_name

    project = load(path)
    checks = check_quotes(project)
    sources = {s.id: s for s in project.sources}
    counts = {state.value: sum(c.state is state for c in checks) for state in QuoteState}
    mismatches = [
        {
            "place": c.place,
            "entry_id": c.entry_id,
            "entry": c.entry_title,
            "source_id": c.source_id,
            "source": source_name(sources.get(c.source_id), c.source_id),
            "quote": c.quote,
        }
        for c in checks
        if c.state is QuoteState.MISMATCH
    ]
    return {"file": str(path), "quotes": len(checks), **counts, "mismatches": mismatches}


def _print_text(facts: dict[str, Any]) -> None:
    for miss in facts["mismatches"]:
        quote = " ".join(miss["quote"].split())
        shown = quote if len(quote) <= 70 else quote[:69] + "…"
        print(f"{facts['file']}: {miss['place']}: entry '{miss['entry']}': not in the text of")
        print(f"  '{miss['source']}': “{shown}”")
    print(
        f"{facts['quotes']} quotes: {facts['matches']} match, {facts['mismatch']} do not, "
        f"{facts['unchecked']} unchecked (their source holds no text)"
    )


def run(args: argparse.Namespace) -> int:
    """Print the mismatches and the counts; 1 when a quote does not match."""
    try:
        facts = report(args.file)
    except CommandError as exc:
        return fail(str(exc))
    if args.json:
        print(json.dumps(facts, indent=2, ensure_ascii=False))
    else:
        _print_text(facts)
    return 1 if facts["mismatches"] else 0
