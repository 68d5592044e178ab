"""``timeline-editor export FILE -o OUT``: a chart (PNG, SVG, PDF) or a registered text export."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from timeline_editor.cli._filter_args import (
    FilterArgumentError,
    add_filter_arguments,
    entry_filter_from,
    resolve_name,
)
from timeline_editor.cli._known_on import KNOWN_ON_HELP, day_argument
from timeline_editor.cli._known_steps import STEPS
from timeline_editor.layout.lanes import lane_rows
from timeline_editor.model.entities import Project
from timeline_editor.model.filters import EntryPredicate
from timeline_editor.model.vocab import LaneMode, parse_lane_mode

if TYPE_CHECKING:
    from timeline_editor.io.exporters import Exporter

NAME = "export"
HELP = "export a project as a chart (.png .svg .pdf) or a registered text format"
ORDER = 20
FORMATS = ("png", "svg", "pdf", "ics", "csv", "md", "html", "timelinejs", "csl", "timeline-project")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if not 200 <= value <= 20_000:
        raise argparse.ArgumentTypeError(f"{value} is out of range (200 to 20000)")
    return value


def _scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if not 0.25 <= value <= 8:
        raise argparse.ArgumentTypeError(f"{value} is out of range (0.25 to 8)")
    return value


def _date(text: str) -> str:
    from timeline_editor.model.edtf import parse_edtf

    try:
        parsed = parse_edtf(text.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if parsed.earliest is None and parsed.latest is None:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date")
    return text.strip()


def _lane_mode(text: str) -> LaneMode:
    try:
        return parse_lane_mode(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the export command."""
    parser.add_argument("file", metavar="FILE", help="project file (.timeline.json)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="format (default: from OUT's extension)",
    )
    parser.add_argument(
        "--from",
        dest="start",
        type=_date,
        metavar="DATE",
        help="first day shown (ISO or EDTF; default: the whole project)",
    )
    parser.add_argument("--to", dest="end", type=_date, metavar="DATE", help="last day shown")
    parser.add_argument(
        "--width",
        type=_positive_int,
        default=1600,
        help="width in pixels of a PNG or SVG (a PDF is laid out for its paper)",
    )
    parser.add_argument(
        "--scale", type=_scale, help="PNG pixel ratio (default 2; 1 for --known-on-steps)"
    )
    parser.add_argument("--title", help="chart title (default: the project's title)")
    _add_row_arguments(parser)
    parser.add_argument("--paper", choices=("a4", "letter"), default="a4", help="PDF paper")
    add_filter_arguments(parser)
    _add_known_arguments(parser)


def _add_row_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lane",
        dest="lanes",
        action="append",
        metavar="ID_OR_TITLE",
        help="only this row (repeatable): a lane, or an actor or kind with --lanes-by",
    )
    parser.add_argument(
        "--lanes-by",
        type=_lane_mode,
        default=LaneMode.LANE,
        metavar="{" + ",".join(LaneMode) + "}",
        help="rows by lane, actor or kind",
    )


def _add_known_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("knowledge time (see README: 'What was known when')")
    which = group.add_mutually_exclusive_group()
    which.add_argument("--known-on", type=day_argument, metavar="DAY", help=KNOWN_ON_HELP)
    which.add_argument(
        "--known-on-steps",
        choices=STEPS,
        help="the chart as known on each day, week or month from the first knowledge date "
        "to the last, at one scale: -o OUT.gif (animated) or -o FOLDER/ (PNG frames)",
    )
    group.add_argument(
        "--steps-from", type=day_argument, metavar="DAY", help="first step (default: first date)"
    )
    group.add_argument(
        "--steps-to", type=day_argument, metavar="DAY", help="last step (default: last date)"
    )


def _fail(message: str, status: int) -> int:
    print(f"timeline-editor export: {message}", file=sys.stderr)
    return status


def _chart_kind(output: Path, fmt: str | None) -> str | None:
    kind = fmt or output.suffix.lstrip(".").lower()
    return kind if kind in ("png", "svg", "pdf") else None


def _load(path: Path) -> Project | None:
    """The project, or None when it cannot be read (said on stderr)."""
    from timeline_editor.io.project_file import ProjectFileError, load_project

    try:
        return load_project(path)
    except ProjectFileError as exc:
        details = "".join(f"\n  {problem}" for problem in exc.problems[:20])
        _fail(f"cannot read {path}:{details}", 1)
        return None


def run(args: argparse.Namespace) -> int:
    """Load the project and write the export; 1 when the file cannot be read or written."""
    from timeline_editor.io.exporters import TEXT_EXPORTERS, text_exporter_for

    from ._shared import same_file

    output = Path(args.output)
    if same_file(output, Path(args.file)):
        return _fail(f"the output '{output}' is the project file itself; choose another OUT", 2)
    if args.known_on_steps:
        return _run_steps(args)
    if args.scale is None:
        args.scale = 2.0
    exporter = text_exporter_for(output, args.format)
    if exporter is None and _chart_kind(output, args.format) is None:
        known = ", ".join(sorted({".png", ".svg", ".pdf", *TEXT_EXPORTERS}))
        return _fail(f"cannot tell the format of '{output.name}'; use {known} or --format", 2)
    project = _load(Path(args.file))
    if project is None:
        return 1
    return _export(project, output, exporter, args)


def _export(
    project: Project, output: Path, exporter: Exporter | None, args: argparse.Namespace
) -> int:
    """Filter the project as the options say and write it; the exit status."""
    from timeline_editor.io.atomic import write_failure
    from timeline_editor.model.filters import filtered_project

    if args.known_on is not None:
        project = _known_on(project, args)
    try:
        chosen = entry_filter_from(args, project, dates=exporter is not None)
        lanes = lane_keys(project, args.lanes, args.lanes_by) if args.lanes else None
    except FilterArgumentError as exc:
        return _fail(str(exc), 2)
    predicate = None if chosen.is_empty() else chosen.bind(lambda: project)
    try:
        if exporter is not None:
            for note in exporter(filtered_project(project, predicate), output) or ():
                print(f"timeline-editor export: {note}", file=sys.stderr)
        else:
            _draw(project, output, args, predicate, lanes)
    except OSError as exc:
        return _fail(write_failure(output, exc), 1)
    except ValueError as exc:
        return _fail(f"{output}: {exc}", 1)
    return 0


def _known_on(project: Project, args: argparse.Namespace) -> Project:
    """The chronology certainly known on ``--known-on``; notes what only possibly was."""
    from timeline_editor.model.knowledge_view import known_caption

    from ._known_on import certain_on, possible_note

    certain, known = certain_on(project, args.known_on)
    args.caption_suffix = known_caption(args.known_on, len(known.possible))
    if note := possible_note(known):
        print(f"timeline-editor export: {note}", file=sys.stderr)
    return certain


def lane_keys(project: Project, wanted: list[str], mode: LaneMode) -> list[str]:
    """The row keys ``--lane`` names (ids, names or unique parts of names) for ``mode``."""
    known = [(row.key, row.title) for row in lane_rows(project, mode)]
    what = mode.value
    keys = []
    for name in wanted:
        try:
            keys.append(resolve_name("--lane", what, name, known))
        except FilterArgumentError as exc:
            names = ", ".join(f"'{title}'" for _, title in known[:20])
            raise FilterArgumentError(f"{exc}; the {what}s are {names}") from None
    return keys


def _draw(
    project: Project,
    output: Path,
    args: argparse.Namespace,
    predicate: EntryPredicate | None,
    lanes: list[str] | None,
) -> None:
    from timeline_editor.io.atomic import atomic_write_bytes
    from timeline_editor.render.export import chart_format, day_of, render_chart
    from timeline_editor.ui.widgets import clock

    kind = chart_format(output, args.format)
    first = day_of(args.start, end=False) if args.start else None
    last = day_of(args.end, end=True) if args.end else None
    if first is not None and last is not None and first > last:
        print(
            "timeline-editor export: note: --from is after --to; showing the span between",
            file=sys.stderr,
        )
    data = render_chart(
        project,
        kind,
        today=clock.today(),
        start=args.start,
        end=args.end,
        width=args.width,
        scale=args.scale,
        title=args.title,
        lanes=lanes,
        predicate=predicate,
        lane_mode=args.lanes_by,
        paper=args.paper,
        caption_suffix=getattr(args, "caption_suffix", ""),
    )
    atomic_write_bytes(output, data)


def _run_steps(args: argparse.Namespace) -> int:
    """``--known-on-steps``: load, check the options, draw and write every step."""
    from timeline_editor.io.animation import AnimationError
    from timeline_editor.io.atomic import write_failure

    from ._known_steps import StepsError, frames_target, write_steps
    from ._shared import CommandError, load

    output = Path(args.output)
    if args.scale is None:
        args.scale = 1.0
    try:
        frames_target(output, args.output)
        project = load(Path(args.file))
    except StepsError as exc:
        return _fail(str(exc), 2)
    except CommandError as exc:
        return _fail(str(exc), 1)
    try:
        chosen = entry_filter_from(args, project)
        lanes = lane_keys(project, args.lanes, args.lanes_by) if args.lanes else None
        write_steps(project, args, chosen, lanes)
    except (FilterArgumentError, StepsError, AnimationError) as exc:
        return _fail(str(exc), 2)
    except OSError as exc:
        return _fail(write_failure(output, exc), 1)
    except ValueError as exc:
        return _fail(f"{output}: {exc}", 1)
    return 0
