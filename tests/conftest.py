"""Test set-up: Qt must never look for a display (pytest would abort with no summary)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
