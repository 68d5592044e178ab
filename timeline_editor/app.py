"""Command line and application start-up: ``timeline-editor [FILE]`` or a sub-command."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from timeline_editor import __version__
from timeline_editor.cli import command_modules

DESCRIPTION = """\
Timeline Editor: build diplomatic chronologies with uncertain dates, disputed claims
and graded sources.

  timeline-editor [FILE ...]           open the editor (on FILE if given)
  timeline-editor COMMAND [options]    run a command without a window

Run 'timeline-editor COMMAND --help' for a command's options.

In the window, dates may be typed as EDTF (2021-12-15, 2022-21, [2021-12-14,2021-12-15],
2021-12-14T17:00+01:00) or in words ("spring 2022", "Q1 2022", "late November 2021",
"14 or 15 December 2021", "by the end of the year"); the date field's "?" lists them.
An entry's date may count from another entry's (inspector: Count from an entry...).
View > Known on (Alt+PgUp/PgDown: a day, with Shift a week; Alt+P plays) shows the
chronology as it stood on a day; View > What Changed (Ctrl+Shift+W) lists what became
known between two days. README.md explains each.
"""


def _parser(commands: dict[str, ModuleType]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline-editor",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    if commands:
        sub = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")
        for name, module in commands.items():
            command = sub.add_parser(name, help=module.HELP, description=module.HELP)
            module.add_arguments(command)
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline-editor",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("files", nargs="*", metavar="FILE", help="project files to open")
    return parser


def _run_command(module: ModuleType, parsed: argparse.Namespace) -> int:
    try:
        result: int = module.run(parsed)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return result


def _gui_problem(files: Sequence[str], commands: dict[str, ModuleType]) -> str:
    """Why the window cannot start as asked (empty when it can)."""
    for name in files:
        path = Path(name)
        if not path.exists() and not path.suffix and "/" not in name and "\\" not in name:
            listed = ", ".join(commands)
            return f"unknown command '{name}' (commands: {listed}); to open a file, give its path"
    headless = sys.platform.startswith("linux") and not any(
        os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    )
    if headless:
        return (
            "no display to open a window on (DISPLAY is not set). Commands that need no"
            " window: " + ", ".join(commands) + " (see timeline-editor --help)"
        )
    return ""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``timeline-editor`` script; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    commands = command_modules()
    if args and (args[0] in commands or args[0] in ("-h", "--help")):
        parsed = _parser(commands).parse_args(args)
        if parsed.command is None:
            _parser(commands).print_help()
            return 2
        return _run_command(commands[parsed.command], parsed)
    gui_args = _gui_parser().parse_args(args)
    problem = _gui_problem(gui_args.files, commands)
    if problem:
        print(f"timeline-editor: {problem}", file=sys.stderr)
        return 2
    from timeline_editor.ui.window.start import run_gui

    return run_gui(gui_args.files)
