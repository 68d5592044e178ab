"""The views of a chronology the main window can show, and where they come from.

The timeline canvas and the inspector/source-library docks are built elsewhere; they
are found here when their modules exist, so that this window runs without them.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any, Protocol

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDockWidget, QWidget

from timeline_editor.model.document import Document
from timeline_editor.model.filters import EntryPredicate
from timeline_editor.ui.entry_list import EntryListView


class ChronologyView(Protocol):
    """What the main window asks of the canvas and of the list view."""

    def set_selection(self, ids: list[str]) -> None:
        """Select exactly these entries."""

    def selected_ids(self) -> list[str]:
        """The selected entries."""

    def zoom_in(self) -> None:
        """Show less time, larger."""

    def zoom_out(self) -> None:
        """Show more time, smaller."""

    def fit_all(self) -> None:
        """Show everything."""

    def zoom_to_selection(self) -> None:
        """Show the selection."""

    def go_to_day(self, day: int) -> None:
        """Bring a day into view."""

    def set_lane_mode(self, mode: str) -> None:
        """Rows by "lane", "actor" or "kind"."""

    def set_filter(self, predicate: EntryPredicate | None) -> None:
        """Show only the entries the predicate accepts."""


def _optional_class(module: str, name: str) -> Any:
    """The class ``name`` of ``module``, or None when the module is not there."""
    if importlib.util.find_spec(module) is None:
        return None
    return getattr(importlib.import_module(module), name, None)


def make_timeline_view(document: Document, undo_stack: QUndoStack | None = None) -> QWidget | None:
    """The timeline canvas on ``document`` (editing through ``undo_stack``), if built in."""
    canvas_class = _optional_class("timeline_editor.ui.canvas", "TimelineCanvas")
    return None if canvas_class is None else canvas_class(document, None, undo_stack)


def make_list_view(document: Document) -> EntryListView:
    """The list view on ``document``."""
    return EntryListView(document)


def make_dock(module: str, name: str, *args: object) -> QDockWidget | None:
    """An optional dock (inspector, source library), or None when it is absent."""
    dock_class = _optional_class(module, name)
    return None if dock_class is None else dock_class(*args)
