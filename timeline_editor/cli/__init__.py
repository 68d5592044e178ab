"""Headless sub-commands of ``timeline-editor``, one module each.

Every module in this package is a sub-command: it defines ``NAME``, ``HELP``,
``ORDER`` (position in ``--help``), ``add_arguments(parser)`` and ``run(args) -> int``.
Keep heavy imports inside ``run`` so that ``timeline-editor --help`` stays fast.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def command_modules() -> dict[str, ModuleType]:
    """Every sub-command module, by command name, in help order."""
    modules = [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_")
    ]
    modules.sort(key=lambda m: (getattr(m, "ORDER", 100), m.NAME))
    return {module.NAME: module for module in modules}
