"""Headless sub-commands of ``timeline-editor``, one module each.

Each module listed in :data:`COMMAND_MODULES` defines ``NAME``, ``HELP``,
``add_arguments(parser)`` and ``run(args) -> int``. Keep imports inside ``run`` light
so that ``timeline-editor --help`` stays fast.
"""

from __future__ import annotations

#: Modules (under ``timeline_editor.cli``) that provide a sub-command, in help order.
COMMAND_MODULES: tuple[str, ...] = ()
