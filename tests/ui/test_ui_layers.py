"""Inside ``ui/``: the window is on top, and the parts it is built from never reach up to it.

``window`` > ``dialogs`` > (``canvas``, ``inspector``, ``sources``, ``table``, ``search``)
> ``widgets``. Imports under ``TYPE_CHECKING`` count too: they make the same loops.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "timeline_editor" / "ui"
PARTS = ("canvas", "inspector", "sources", "table", "search", "widgets")
MAIN_WINDOW = "timeline_editor.ui.window.main_window"


def _imported(path: Path) -> set[str]:
    """Every module an import statement in ``path`` names (``from a import b`` gives a, a.b)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


@pytest.mark.parametrize("part", PARTS)
def test_parts_of_the_window_import_neither_the_window_nor_dialogs(part: str) -> None:
    upward = ("timeline_editor.ui.window", "timeline_editor.ui.dialogs")
    bad = [
        (path.name, module)
        for path in sorted((UI / part).rglob("*.py"))
        for module in _imported(path)
        if module.startswith(upward)
    ]
    assert bad == []


def test_only_start_up_and_the_package_import_the_main_window() -> None:
    importers = {
        path.relative_to(UI).as_posix()
        for path in UI.rglob("*.py")
        if MAIN_WINDOW in _imported(path)
    }
    assert "window/start.py" in importers
    assert importers <= {"__init__.py", "window/start.py"}
