"""Desktop check: run the real app under Xvfb and photograph the X screen from outside.

Usable from tests and by hand, e.g. to refresh the README's screenshot::

    .venv/bin/python -m tests.desktop.shoot docs/main-window.png \
        resources/examples/brussels-2021.timeline.json
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

GRAB = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
image = app.primaryScreen().grabWindow(0).toImage()
samples = [image.pixel(x, y) & 0xFFFFFF for x in range(0, image.width(), 17)
           for y in range(0, image.height(), 13)]
image.save(sys.argv[1])
print(1000 * sum(1 for s in samples if s) // len(samples))
"""


def _free_display() -> int:
    for number in range(90, 140):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            return number
    raise RuntimeError("no free X display number between :90 and :139")


@contextlib.contextmanager
def xvfb(width: int = 1600, height: int = 1000) -> Iterator[dict[str, str]]:
    """Start Xvfb on a free display; yield an environment that points Qt at it."""
    binary = shutil.which("Xvfb")
    if binary is None:
        raise RuntimeError("Xvfb is not installed (run: bash .ci/setup)")
    display = f":{_free_display()}"
    server = subprocess.Popen(
        [binary, display, "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
    try:
        yield env
    finally:
        server.terminate()
        server.wait(timeout=10)


def grab(path: Path, env: dict[str, str]) -> int:
    """Save the whole X screen to ``path``; return how much of it (per mille) is not black."""
    done = subprocess.run(
        [sys.executable, "-c", GRAB, str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if done.returncode != 0:
        return 0
    return int(done.stdout.strip() or 0)


def shoot(path: Path, app_args: Sequence[str], settle: float = 2.0, timeout: float = 60) -> int:
    """Run the app with ``app_args`` under Xvfb, photograph it; return per mille covered.

    Raises RuntimeError if the app dies before a window shows.
    """
    with xvfb() as env:
        app = subprocess.Popen(
            [sys.executable, "-m", "timeline_editor", *app_args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        try:
            return _wait_and_grab(app, path, env, settle, timeout)
        finally:
            app.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                app.wait(timeout=10)
            if app.poll() is None:
                app.kill()


def _wait_and_grab(
    app: subprocess.Popen[bytes], path: Path, env: dict[str, str], settle: float, timeout: float
) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if app.poll() is not None:
            output = app.stdout.read().decode(errors="replace") if app.stdout else ""
            raise RuntimeError(f"the app exited with {app.returncode}:\n{output[-3000:]}")
        if grab(path, env) > 50:
            time.sleep(settle)
            return grab(path, env)
        time.sleep(0.5)
    raise RuntimeError("no window appeared on the X screen")


if __name__ == "__main__":
    print(shoot(Path(sys.argv[1]), sys.argv[2:]))
