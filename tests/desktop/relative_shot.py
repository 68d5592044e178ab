"""The README's picture of a date counted from another entry: the example's route.

Run under a display::

    DISPLAY=:57 .venv/bin/python -m tests.desktop.relative_shot docs/relative-date.png
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

EXAMPLE = Path(__file__).resolve().parents[2] / "resources/examples/brussels-2021.timeline.json"
ROUTE = "f929bb56-f5b2-5af5-9e32-89373b2ef5af"


def main(out: Path) -> None:
    """Open the example, select the route, show its relation with the choices open."""
    from timeline_editor.ui import open_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / EXAMPLE.name
        shutil.copyfile(EXAMPLE, path)
        window = open_window(path)
        window.resize(1500, 900)
        window.select([ROUTE])
        window.inspector.entry_form.relation_editor.open_choices()
        window.inspector.focus_section("date")
        for _ in range(20):
            app.processEvents()
        window.grab().save(str(out))
        window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
