"""Test set-up: Qt must never look for a display (pytest would abort with no summary)."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# No test may write into the real user folders (settings, autosave, saved versions):
# everything goes to one temporary home unless a test sets its own.
os.environ.setdefault("TIMELINE_EDITOR_HOME", tempfile.mkdtemp(prefix="timeline-editor-test-home-"))


@pytest.fixture(autouse=True)
def _empty_test_undo_stacks() -> Iterator[None]:
    yield
    stacks = sys.modules.get("tests.stacks")
    if stacks is not None:
        stacks.clear_stacks()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Clear our clipboard data while Python still runs (see release_clipboard)."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        from timeline_editor.ui.window.edits import EditController

        EditController.release_clipboard()
