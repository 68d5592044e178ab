"""Test set-up: Qt must never look for a display (pytest would abort with no summary)."""

from __future__ import annotations

import gc
import os
import tempfile
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# No test may write into the real user folders (settings, autosave, saved versions):
# everything goes to one temporary home unless a test sets its own.
os.environ.setdefault("TIMELINE_EDITOR_HOME", tempfile.mkdtemp(prefix="timeline-editor-test-home-"))


@pytest.fixture(autouse=True)
def _collect_garbage_while_qt_lives(request: pytest.FixtureRequest) -> Iterator[None]:
    # Widgets caught in reference cycles must be collected while the QApplication is
    # alive: left to the interpreter's final collection, PySide segfaults.
    yield
    if {"qtbot", "qapp"} & set(request.fixturenames):
        gc.collect()
