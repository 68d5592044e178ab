"""The views of a chronology the main window can show, and where they come from.

The timeline canvas draws the chronology; the chronology table lists it, one row per
entry, beside the chart or instead of it. Both answer the :class:`ChronologyView`
protocol the window talks to.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QUndoStack

from timeline_editor.model.document import Document
from timeline_editor.model.filters import EntryPredicate
from timeline_editor.model.vocab import LaneMode
from timeline_editor.ui.canvas.timeline import TimelineCanvas
from timeline_editor.ui.table.view import ChronologyTable


class ChronologyView(Protocol):
    """What the main window asks of the canvas and of the table."""

    @property
    def selection_changed(self) -> SignalInstance:
        """Emitted with the ids the user selected in this view."""

    @property
    def entry_activated(self) -> SignalInstance:
        """Emitted with the id of an entry the user double-clicked."""

    @property
    def visible_range_changed(self) -> SignalInstance:
        """Emitted with the first and last day the view shows."""

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

    def set_lane_mode(self, mode: LaneMode) -> None:
        """Rows by lane, actor or kind."""

    def set_filter(self, predicate: EntryPredicate | None) -> None:
        """Show only the entries the predicate accepts."""


def make_timeline_view(document: Document, undo_stack: QUndoStack) -> TimelineCanvas:
    """The timeline canvas on ``document``; its edits go on ``undo_stack``."""
    return TimelineCanvas(document, undo_stack=undo_stack)


def make_table_view(document: Document, undo_stack: QUndoStack) -> ChronologyTable:
    """The chronology table on ``document``; its cell edits go on ``undo_stack``."""
    return ChronologyTable(document, undo_stack)
