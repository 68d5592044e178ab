"""Test set-up: Qt must never look for a display (pytest would abort with no summary)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

import pytest
from hypothesis.configuration import set_hypothesis_home_dir

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True, scope="session")
def _writes_stay_in_pytest_tmp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Point every folder the code or Hypothesis writes to into pytest's temporary folder.

    No test may write into the real user folders (settings, autosave, saved versions), so
    everything goes to one temporary home unless a test sets its own; a home set outside
    the tests is overridden too. Hypothesis would write its caches and example database
    into ``.hypothesis/`` in the repository unless ``HYPOTHESIS_STORAGE_DIRECTORY`` says
    where.
    """
    if not os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY"):
        set_hypothesis_home_dir(tmp_path_factory.mktemp("hypothesis"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TIMELINE_EDITOR_HOME", str(tmp_path_factory.mktemp("home")))
        yield


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
        # Tests put QMimeData of their own there too (text "from a spreadsheet"): clear
        # whatever is on it, not only the program's entries, or exit crashes.
        QGuiApplication.clipboard().clear()
