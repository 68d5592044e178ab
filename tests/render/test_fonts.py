"""The chart font comes from its files: the machine's font configuration cannot change it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from timeline_editor.render.fonts import FAMILY, load_chart_fonts
from timeline_editor.render.metrics import QtMetrics
from timeline_editor.render.qtapp import ensure_gui_app
from timeline_editor.render.style import make_font

SAMPLE = "Pashinian–Aliyev meeting, 15 Dec 2021"
PROBE = f"""
from timeline_editor.render.qtapp import ensure_gui_app
from timeline_editor.render.metrics import QtMetrics
from timeline_editor.render.style import make_font
ensure_gui_app()
font = make_font(14)
print(font.family(), QtMetrics(font).width({SAMPLE!r}))
"""


def _run(probe: str, env: dict[str, str]) -> str:
    """What ``probe`` prints in a new Python process with ``env``."""
    done = subprocess.run(
        [sys.executable, "-c", probe],
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_chart_font_loads_from_its_files() -> None:
    ensure_gui_app()
    assert load_chart_fonts()
    assert make_font(12).family() == FAMILY


def test_text_widths_do_not_depend_on_the_machine_fonts(tmp_path: Path) -> None:
    ensure_gui_app()
    here = f"{FAMILY} {QtMetrics(make_font(14)).width(SAMPLE)}"
    # A machine whose fontconfig knows no font at all.
    empty = tmp_path / "fonts.conf"
    empty.write_text('<?xml version="1.0"?><fontconfig></fontconfig>\n', encoding="utf-8")
    assert _run(PROBE, {**os.environ, "FONTCONFIG_FILE": str(empty)}) == here


def test_a_missing_font_folder_is_reported_not_fatal(tmp_path: Path) -> None:
    probe = (
        "from timeline_editor.render.qtapp import ensure_gui_app\n"
        "from timeline_editor.render.fonts import load_chart_fonts\n"
        "ensure_gui_app()\nprint(load_chart_fonts())\n"
    )
    assert _run(probe, {**os.environ, "TIMELINE_EDITOR_FONT_DIR": str(tmp_path)}) == "False"
