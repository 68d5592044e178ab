"""``timeline-editor source-text FILE SOURCE_ID --from TEXTFILE``: store a source's text."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from timeline_editor.cli._shared import CommandError, fail, load, save

NAME = "source-text"
HELP = "store the text of a source (.txt, .html or .pdf) in the project file"
ORDER = 35


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the command."""
    parser.add_argument("file", type=Path, metavar="FILE", help="the project file")
    parser.add_argument("source_id", metavar="SOURCE_ID", help="the id of the source")
    parser.add_argument(
        "--from",
        dest="text_file",
        type=Path,
        required=True,
        metavar="TEXTFILE",
        help="the file to read the text from (.txt, .html or .pdf)",
    )
    parser.add_argument(
        "--force", action="store_true", help="replace a text the source already holds"
    )


def run(args: argparse.Namespace) -> int:
    """Read the text, store it in the source and save the project atomically."""
    from timeline_editor.io.source_texts import SourceTextReadError, read_source_text

    try:
        project = load(args.file)
        index = next((i for i, s in enumerate(project.sources) if s.id == args.source_id), None)
        if index is None:
            known = ", ".join(f"{s.id} ({s.title[:30]})" for s in project.sources[:10])
            raise CommandError(
                f"{args.file}: no source with id '{args.source_id}' (sources: {known or 'none'})"
            )
        source = project.sources[index]
        if source.text is not None and not args.force:
            raise CommandError(
                f"source '{args.source_id}' already holds a text (read from "
                f"'{source.text.origin}' on {source.text.read_on or 'an unknown day'}); "
                "give --force to replace it"
            )
        try:
            text = read_source_text(args.text_file, read_on=dt.date.today().isoformat())
        except SourceTextReadError as exc:
            raise CommandError(str(exc)) from None
        sources = list(project.sources)
        sources[index] = source.model_copy(update={"text": text})
        save(project.model_copy(update={"sources": tuple(sources)}), args.file)
    except CommandError as exc:
        return fail(str(exc))
    print(
        f"{args.file}: stored {len(text.paragraphs)} paragraphs from {args.text_file.name} "
        f"in source '{args.source_id}'"
    )
    return 0
