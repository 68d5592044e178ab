"""Qt text measurement for the layout (injected, so layout itself stays Qt-free)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF


class QtMetrics:
    """Measures with a font; widths are cached because titles repeat every frame."""

    def __init__(self, font: QFont) -> None:
        self._metrics = QFontMetricsF(font)
        self._widths: dict[str, float] = {}

    def width(self, text: str) -> float:
        """Advance width of ``text``."""
        found = self._widths.get(text)
        if found is None:
            if len(self._widths) > 200_000:
                self._widths.clear()
            found = self._widths[text] = self._metrics.horizontalAdvance(text)
        return found

    def elide(self, text: str, width: float) -> str:
        """``text`` cut with an ellipsis to fit ``width``."""
        if width <= 0:
            return ""
        elided = self._metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        return elided if elided != "…" else ""
