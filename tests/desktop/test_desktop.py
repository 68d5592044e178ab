"""The real program in a real X session (Xvfb): it opens a window and keeps running."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from tests.desktop.shoot import shoot

EXAMPLE = Path(__file__).resolve().parents[2] / "resources/examples/brussels-2021.timeline.json"


def test_app_shows_a_window_on_the_example(tmp_path: Path) -> None:
    picture = tmp_path / "screen.png"
    covered = shoot(picture, [str(EXAMPLE)])
    image = QImage(str(picture))
    assert (image.width(), image.height()) == (1600, 1000)
    assert covered > 200, "the window covers less than a fifth of the screen"
