"""PySide6 6.12.0 aborts Python 3.11 after many calls of void methods (none_dealloc)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
from PySide6.QtCore import QPointF
point = QPointF(1.0, 2.0)
for i in range(200_000):
    point.setX(float(i))
print("ok")
"""


def test_void_qt_method_called_200k_times_does_not_abort() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"
