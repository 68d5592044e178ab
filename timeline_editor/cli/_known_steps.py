"""``export --known-on-steps day|week|month``: the chart on each step, as a GIF or PNG frames.

The steps run from the first knowledge date of the project to the last (or from
``--steps-from`` to ``--steps-to``), the last day always included. Every frame draws
the same days (those of the whole project, or ``--from``/``--to``), so the scale stays
put and entries appear where they will stay; the caption names the day. ``-o OUT.gif``
writes a looping GIF; ``-o FOLDER/`` (a trailing slash, or an existing folder) writes
``known-on-YYYY-MM-DD.png`` frames into it. At most :data:`MAX_FRAMES` frames.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from timeline_editor.model.daynum import add_months, civil, day_number, days_in_month, format_day
from timeline_editor.model.entities import Project
from timeline_editor.model.filters import EntryFilter

STEPS = ("day", "week", "month")
MAX_FRAMES = 500


class StepsError(ValueError):
    """Steps that cannot be exported as asked (the message says why); exit status 2."""


def frames_target(output: Path, raw: str) -> str:
    """ "gif" or "folder" for ``-o``; StepsError for anything else."""
    if output.suffix.lower() == ".gif":
        return "gif"
    if raw.endswith(("/", "\\")) or output.is_dir():
        return "folder"
    raise StepsError(
        f"--known-on-steps writes an animated .gif or PNG frames into a folder; "
        f"'{raw}' is neither (end a folder with '/')"
    )


def step_days(first: int, last: int, step: str) -> list[int]:
    """The days from ``first`` to ``last`` by ``step``, ``last`` always among them."""
    days: list[int] = []
    day = first
    while day < last and len(days) <= MAX_FRAMES:
        days.append(day)
        day = _next(day, step, first)
    days.append(last)
    return days


def _next(day: int, step: str, first: int) -> int:
    if step == "day":
        return day + 1
    if step == "week":
        return day + 7
    year, month, _ = civil(day)
    _, _, wanted = civil(first)  # keep the first day's day of month where the month has it
    year, month = add_months(year, month, 1)
    return day_number(year, month, min(wanted, days_in_month(year, month)))


def step_range(project: Project, args: argparse.Namespace) -> list[int]:
    """The frame days the options ask for; StepsError when there are none or too many."""
    from timeline_editor.model.knowledge import knowledge_dates

    dates = knowledge_dates(project)
    first = args.steps_from if args.steps_from is not None else (dates[0] if dates else None)
    last = args.steps_to if args.steps_to is not None else (dates[-1] if dates else None)
    if first is None or last is None:
        raise StepsError(
            "nothing in the project is dated, so nothing changes from day to day; "
            "give --steps-from and --steps-to"
        )
    if first > last:
        start, end = format_day(first), format_day(last)
        raise StepsError(f"the steps start ({start}) after they end ({end})")
    days = step_days(first, last, args.known_on_steps)
    if len(days) > MAX_FRAMES:
        raise StepsError(
            f"--known-on-steps {args.known_on_steps} from {format_day(first)} to "
            f"{format_day(last)} makes more than {MAX_FRAMES} frames; use a longer step "
            "or fewer days (--steps-from, --steps-to)"
        )
    return days


def write_steps(
    project: Project,
    args: argparse.Namespace,
    chosen: EntryFilter,
    lanes: list[str] | None,
) -> None:
    """Draw every step and write the GIF or the frames (OSError, ValueError on failure)."""
    from timeline_editor.io.animation import check_gif_size, gif_bytes
    from timeline_editor.io.atomic import atomic_write_bytes
    from timeline_editor.ui.widgets import clock

    output = Path(args.output)
    target = frames_target(output, args.output)
    days = step_range(project, args)
    today = clock.today()
    frames = _Frames(project, args, chosen, lanes, today)
    if target == "gif":
        first = frames.draw(days[-1])
        width, height = _png_size(first)
        check_gif_size(len(days), width, height)
        images = [frames.draw(day) for day in days[:-1]] + [first]
        atomic_write_bytes(output, gif_bytes(images))
        print(f"timeline-editor export: {len(days)} frames to {output}", file=sys.stderr)
        return
    output.mkdir(exist_ok=True)
    for day in days:
        atomic_write_bytes(output / f"known-on-{format_day(day)}.png", frames.draw(day))
    print(f"timeline-editor export: {len(days)} frames into {output}", file=sys.stderr)


class _Frames:
    """Draws the chart of one day at the scale of the whole project."""

    def __init__(
        self,
        project: Project,
        args: argparse.Namespace,
        chosen: EntryFilter,
        lanes: list[str] | None,
        today: int,
    ) -> None:
        from timeline_editor.model.knowledge import knowledge
        from timeline_editor.render.export import chart_days, day_of

        self.project, self.args, self.lanes, self.today = project, args, lanes, today
        self.facts = knowledge(project)
        self.current = project
        self.predicate = None if chosen.is_empty() else chosen.bind(lambda: self.current)
        low, high = chart_days(
            project, today=today, lanes=lanes, predicate=self.predicate, lane_mode=args.lanes_by
        )
        self.start = day_of(args.start, end=False) if args.start else low
        self.end = day_of(args.end, end=True) if args.end else high

    def draw(self, day: int) -> bytes:
        """The PNG of the chart as known on ``day``."""
        from timeline_editor.model.knowledge_view import as_known_on, known_caption
        from timeline_editor.render.export import render_chart

        known = as_known_on(self.project, day, self.facts)
        self.current = known.certain_project()
        return render_chart(
            self.current,
            "png",
            today=self.today,
            start=self.start,
            end=self.end,
            width=self.args.width,
            scale=self.args.scale,
            title=self.args.title,
            lanes=self.lanes,
            predicate=self.predicate,
            lane_mode=self.args.lanes_by,
            caption_suffix=known_caption(day, len(known.possible)),
        )


def _png_size(png: bytes) -> tuple[int, int]:
    # Width and height are the first fields of the IHDR chunk, at bytes 16-24.
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
