"""The Qt-free layers must stay Qt-free; commands and render must not use QtWidgets."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "timeline_editor"


def _imports(folder: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for path in sorted((PACKAGE / folder).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.extend((path.name, alias.name) for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.extend([(path.name, node.module)])
    return found


@pytest.mark.parametrize("folder", ["model", "io", "layout"])
def test_qt_free_layers_import_no_qt(folder: str) -> None:
    bad = [(f, m) for f, m in _imports(folder) if m.split(".")[0] in ("PySide6", "shiboken6")]
    assert bad == []


@pytest.mark.parametrize("folder", ["model", "io", "layout"])
def test_qt_free_layers_import_no_gui_package(folder: str) -> None:
    banned = ("timeline_editor.ui", "timeline_editor.render", "timeline_editor.commands")
    bad = [(f, m) for f, m in _imports(folder) if m.startswith(banned)]
    assert bad == []


def test_model_imports_nothing_above_it() -> None:
    bad = [(f, m) for f, m in _imports("model") if m.startswith("timeline_editor.io")]
    assert bad == []


@pytest.mark.parametrize("folder", ["commands", "render"])
def test_commands_and_render_use_no_widgets(folder: str) -> None:
    bad = [(f, m) for f, m in _imports(folder) if m.startswith("PySide6.QtWidgets")]
    assert bad == []
