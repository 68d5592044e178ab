"""The README's "Known on" picture: the example's window on two days, side by side.

Run from the repository root (starts its own Xvfb)::

    .venv/bin/python -m tests.desktop.known_shot docs/known-on.png

The window runs on a real X server; the day is typed into the Known on field and
Enter pressed, as a user would; each window is grabbed once painted and the two
grabs are put side by side with a caption over each.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tests.desktop.shoot import xvfb

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources/examples/brussels-2021.timeline.json"
DAYS = ("2021-11-12", "2021-11-20")
WIDTH, HEIGHT = 1280, 860


def _child(out: Path) -> None:
    """Inside the X session: open the window, type each day, grab, compose."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from timeline_editor.ui import open_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = open_window(EXAMPLE)
    window.resize(WIDTH, HEIGHT)
    window.actions_by_name["view_split"].trigger()
    window.timeline.set_legend_visible(False)  # it would cover the Undated strip
    for dock in (window.inspector, window.source_library):
        dock.hide()
    window.show()
    shots = []
    for day in DAYS:
        field = window.known_on.bar.field
        field.setFocus()
        field.selectAll()
        QTest.keyClicks(field, day)
        QTest.keyClick(field, Qt.Key.Key_Return)
        for _ in range(20):
            app.processEvents()
            QTest.qWait(50)
        shots.append(window.grab().toImage())
    _compose(shots, out)
    window.close()


def _compose(shots: list[QImage], out: Path) -> None:
    """The grabs side by side, each under the day it shows."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    gap, head = 16, 34
    width = sum(s.width() for s in shots) + gap
    height = max(s.height() for s in shots) + head
    sheet = QImage(width, height, QImage.Format.Format_RGB32)
    sheet.fill(QColor("#ffffff"))
    painter = QPainter(sheet)
    painter.setFont(QFont("DejaVu Sans", 13, QFont.Weight.Bold))
    x = 0
    for day, shot in zip(DAYS, shots, strict=True):
        painter.drawText(QPointF(x + 10, 23), f"Known on {day}")
        painter.drawImage(QPointF(x, head), shot)
        x += shot.width() + gap
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(str(out))


def main(args: list[str]) -> int:
    """``known_shot OUT.png``: start Xvfb and run the window in it."""
    out = Path(args[0] if args else "docs/known-on.png").resolve()
    if len(args) > 1 and args[1] == "--child":
        _child(out)
        return 0
    with xvfb(3200, 1100) as env:
        command = [sys.executable, "-m", "tests.desktop.known_shot", str(out), "--child"]
        return subprocess.run(command, env=env, cwd=ROOT, check=False, timeout=120).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
