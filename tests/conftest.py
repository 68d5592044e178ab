"""Test set-up: Qt must never look for a display (pytest would abort with no summary)."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# No test may write into the real user folders (settings, autosave, saved versions):
# everything goes to one temporary home unless a test sets its own.
os.environ.setdefault("TIMELINE_EDITOR_HOME", tempfile.mkdtemp(prefix="timeline-editor-test-home-"))
