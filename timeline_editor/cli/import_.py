"""``timeline-editor import IN -o OUT.timeline.json``: import another tool's file.

A file in which nothing could be imported ("no events found in IN") exits 1 and
writes nothing; only a titled but empty TimelineJS timeline is written as an
empty project (see :mod:`timeline_editor.io.importers`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "import"
HELP = "import a TimelineJS, Timeline Project, CSV or CSL-JSON file as a project"
ORDER = 30
FORMATS = ("timelinejs", "timelinejs-csv", "timeline-project", "csv", "csl")
MAPPING = ("date", "end", "title", "description", "url", "lane", "tags")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's options."""
    parser.add_argument("input", type=Path, metavar="IN", help="file to import")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="OUT",
        help="project file to write (.timeline.json)",
    )
    parser.add_argument("--format", choices=FORMATS, help="input format (default: guessed)")
    parser.add_argument(
        "--into",
        type=Path,
        metavar="PROJECT",
        help="CSL-JSON: add the sources to this project's library",
    )
    parser.add_argument("--force", action="store_true", help="replace OUT when it already exists")
    group = parser.add_argument_group("CSV options")
    for name in MAPPING:
        group.add_argument(f"--{name}-col", metavar="COLUMN", help=f"column holding the {name}")
    group.add_argument("--delimiter", help="field delimiter (default: detected)")
    group.add_argument("--encoding", help="text encoding (default: UTF-8, else Windows-1252)")


def _output_refusal(args: argparse.Namespace) -> str:
    """Why OUT may not be written ("" when it may): never over the input, nor unasked."""
    from ._shared import same_file

    if same_file(args.output, args.input):
        return f"the output '{args.output}' is the input file"
    # The --into project may be rewritten in place: it is read first, and only added to.
    into_itself = args.into is not None and same_file(args.output, args.into)
    if args.output.exists() and not (args.force or into_itself):
        return f"'{args.output}' exists; use --force to replace it"
    return ""


def run(args: argparse.Namespace) -> int:
    """Import, report what could not be taken, and write the project atomically."""
    from timeline_editor.io.importers import CsvMapping, ImportFileError, import_file

    from ._shared import CommandError, fail, load, save

    refusal = _output_refusal(args)
    if refusal:
        print(f"timeline-editor import: {refusal}", file=sys.stderr)
        return 2
    mapping = CsvMapping(**{name: getattr(args, f"{name}_col") for name in MAPPING})
    try:
        into = load(args.into) if args.into else None
        if into is not None and (args.format or "csl") != "csl":
            return fail("--into works with CSL-JSON sources only (--format csl)")
        result = import_file(
            args.input,
            args.format,
            mapping=mapping,
            encoding=args.encoding,
            delimiter=args.delimiter,
            into=into,
        )
        project = result.project
        for note in result.report.notes:
            print(note, file=sys.stderr)
        for problem in result.report.problems:
            print(f"{args.input}: {problem}", file=sys.stderr)
        save(project, args.output)
    except (ImportFileError, CommandError) as exc:
        return fail(str(exc))
    print(
        f"{args.output}: {len(project.entries)} entries, {len(project.sources)} sources, "
        f"{len(project.lanes)} lanes, {len(project.eras)} eras; "
        f"{len(result.report.problems)} records reported"
    )
    return 0
