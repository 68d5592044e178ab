"""Exports reuse pytest-qt's QApplication, so widget tests later in the run still work."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def _qt_app(qapp: QApplication) -> None:
    """A QGuiApplication made by an export first would stop QWidgets later on."""
