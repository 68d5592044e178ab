"""The chart's font, loaded from its files so that no machine's font choice changes it.

The chart and every export draw in DejaVu Sans. Asking Qt for the family by name goes
through fontconfig, which may answer with another font (or none) on a machine that has
other fonts; loading the files directly gives the same glyphs and widths everywhere.
``.ci/setup`` installs them with Debian's ``fonts-dejavu-core``; the environment
variable ``TIMELINE_EDITOR_FONT_DIR`` names another folder that holds them.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QFontDatabase

FAMILY = "DejaVu Sans"
FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
DEBIAN_DIR = Path("/usr/share/fonts/truetype/dejavu")
#: The families loaded from files, or None before the first attempt.
_loaded: list[str] | None = None


def font_dir() -> Path:
    """The folder the chart font is read from."""
    chosen = os.environ.get("TIMELINE_EDITOR_FONT_DIR")
    return Path(chosen) if chosen else DEBIAN_DIR


def load_chart_fonts() -> bool:
    """Register the chart font's files with Qt (once); False when they are missing.

    Needs a running QGuiApplication. When the files are missing the chart still draws,
    with whatever fontconfig offers for the family.
    """
    global _loaded  # noqa: PLW0603 - one registration per process, as Qt keeps it
    if _loaded is None:
        _loaded = []
        for name in FILES:
            ident = QFontDatabase.addApplicationFont(str(font_dir() / name))
            if ident >= 0:
                _loaded.extend(QFontDatabase.applicationFontFamilies(ident))
    return FAMILY in _loaded
