"""The layers of DESIGN.md: the import-linter contracts in pyproject.toml hold them.

``lint-imports`` (run by .ci/run) checks the contracts; these tests check what the
contracts cannot see (Qt's sub-modules are one package to import-linter) and that a
contract really fails when a lower layer imports a higher one.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "timeline_editor"


def _imports(folder: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for path in sorted((PACKAGE / folder).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.extend((path.name, alias.name) for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.extend([(path.name, node.module)])
    return found


@pytest.mark.parametrize("folder", ["commands", "render"])
def test_commands_and_render_use_no_widgets(folder: str) -> None:
    bad = [(f, m) for f, m in _imports(folder) if m.startswith("PySide6.QtWidgets")]
    assert bad == []


def _lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    tool = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(tool), "--config", str(tree / "pyproject.toml"), "--no-cache"],
        cwd=tree,
        env={**os.environ, "PYTHONPATH": str(tree)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("module", "upward"),
    [
        ("model/vocab.py", "timeline_editor.io.atomic"),
        ("render/style.py", "timeline_editor.io.atomic"),
        ("ui/widgets/wording.py", "timeline_editor.ui.window.status"),
    ],
)
def test_an_upward_import_breaks_a_contract(tmp_path: Path, module: str, upward: str) -> None:
    tree = tmp_path / "tree"
    shutil.copytree(PACKAGE, tree / "timeline_editor", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tree)
    with (tree / "timeline_editor" / module).open("a", encoding="utf-8") as file:
        file.write(f"\nimport {upward}  # noqa\n")
    done = _lint_imports(tree)
    assert done.returncode != 0
    assert "BROKEN" in done.stdout
    assert upward in done.stdout
