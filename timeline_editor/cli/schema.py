"""``timeline-editor schema``: print or write the JSON Schema of project files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "schema"
HELP = "print the JSON Schema of project files (or write it with -o)"
ORDER = 40


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the command."""
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE")


def run(args: argparse.Namespace) -> int:
    """Print or write the schema; 1 if the file cannot be written."""
    from timeline_editor.io.atomic import atomic_write_bytes
    from timeline_editor.io.schema import schema_text

    text = schema_text()
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        atomic_write_bytes(args.output, text.encode("utf-8"))
    except OSError as exc:
        print(f"{args.output}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0
