"""Editing on the canvas: create by double-click, drag, resize, rubber band, delete, nudge.

The canvas hands its mouse and key events here first. Every edit becomes one command
on the undo stack; while a drag lasts only a local preview is drawn.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QUndoStack
from PySide6.QtWidgets import QWidget

from timeline_editor.commands.items import AddItems, MoveEntries, delete_entries
from timeline_editor.layout.scene import Frame, LaneBand
from timeline_editor.model.date_shift import day_to_edtf
from timeline_editor.model.document import Document
from timeline_editor.model.edits import change_day, current_day, new_entry, nudged, unrecorded
from timeline_editor.model.entities import DateValue, Entry
from timeline_editor.model.queries import as_of_day
from timeline_editor.render.marks import paint_mark
from timeline_editor.render.style import ChartStyle
from timeline_editor.ui.canvas.drag import EntryDrag, Grab, mark_box
from timeline_editor.ui.canvas.gestures import DRAG_THRESHOLD
from timeline_editor.ui.canvas.hits import (
    band_at,
    box_at,
    box_of,
    chip_at,
    edge_at,
    in_undated_strip,
)
from timeline_editor.ui.canvas.inline_title import InlineTitleEditor
from timeline_editor.ui.canvas.moves import (
    status_warning,
    step_days,
    zoom_precision,
)
from timeline_editor.ui.canvas.rubber_band import RubberBand
from timeline_editor.ui.canvas.view import CanvasView
from timeline_editor.ui.widgets import clock

NEW_TITLE = "New event"

#: The canvas's mouse and key gestures, for the keyboard-shortcuts help and the README.
CANVAS_GESTURES: tuple[tuple[str, str], ...] = (
    ("New entry here (type its title; Enter adds, Esc cancels)", "Double-click empty place"),
    ("Move entries in time or to another row", "Drag an entry"),
    ("Resize a period or window", "Drag its start or end"),
    ("Give an undated entry a date", "Drag it from the Undated strip"),
    ("Cancel a drag", "Esc"),
    ("Pan", "Drag empty place, arrows, Shift+wheel"),
    ("Zoom around the cursor", "Wheel, +, -"),
    ("Select entries in a rectangle (Ctrl adds)", "Shift+drag empty place"),
    ("Add or remove an entry from the selection", "Ctrl+click"),
    ("Nudge the selection one step of the zoom", "Alt+Left/Right, Ctrl+Left/Right"),
    ("Delete the selection", "Delete, Backspace"),
)
_NUDGE_MODS = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier
_EDGE_CURSOR = Qt.CursorShape.SizeHorCursor


class EditedChart(Protocol):
    """What the editor reads of the chart it edits (the timeline canvas, in the program)."""

    @property
    def view(self) -> CanvasView:
        """The index, scale and row mode on screen."""

    @property
    def style_(self) -> ChartStyle:
        """Colours and fonts the chart is drawn with."""

    def current_frame(self) -> Frame:
        """The layout of what is on screen now."""

    def entry_at(self, pos: QPointF) -> str | None:
        """Id of the entry whose mark, label or chip is at ``pos``."""

    def selected_ids(self) -> list[str]:
        """Ids of the selected entries."""

    def choose(self, ids: list[str]) -> None:
        """Select entries as the user did."""


class CanvasEditor:
    """The editing gestures on one chart, pushing commands on ``stack``.

    ``widget`` is the surface the gestures happen on (cursor, repaint, focus, and the
    parent of the in-place title editor); ``say`` puts a warning in the status bar.
    ``is_unsaved(id)`` says whether an entry has yet to be saved for the first time:
    its moves are then not recorded in its history (by default every move is).
    """

    def __init__(
        self,
        widget: QWidget,
        chart: EditedChart,
        document: Document,
        stack: QUndoStack,
        say: Callable[[str], None],
    ) -> None:
        self.widget = widget
        self.chart = chart
        self.document = document
        self.stack = stack
        self._say = say
        self._grab: Grab | None = None
        self._band: RubberBand | None = None
        self._drag: EntryDrag | None = None
        self._live = False
        self._extend = False
        self.title_editor: InlineTitleEditor | None = None
        self._new_at: tuple[str, LaneBand | None, float] | None = None
        self.is_unsaved: Callable[[str], bool] = lambda _ident: False

    @property
    def busy(self) -> bool:
        """True while a drag or a rubber band is under way."""
        return self._live

    # --- mouse ----------------------------------------------------------------------

    def press(self, event: QMouseEvent) -> bool:
        """Take a press on an entry (drag) or a Shift+press on an empty place (band)."""
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        pos, mods = event.position(), event.modifiers()
        frame = self.chart.current_frame()
        self._extend = bool(mods & Qt.KeyboardModifier.ControlModifier)
        self._grab = self._grab_at(frame, pos, extend=self._extend)
        if self._grab is None and mods & Qt.KeyboardModifier.ShiftModifier:
            self._band = RubberBand(pos.x(), pos.y(), pos.x(), pos.y())
        if self._grab is not None and self._grab.edge in ("start", "end"):
            self.widget.setCursor(_EDGE_CURSOR)
        return self._grab is not None or self._band is not None

    def _grab_at(self, frame: Frame, pos: QPointF, *, extend: bool) -> Grab | None:
        view = self.chart.view
        x, y = pos.x(), pos.y()
        chip = chip_at(frame, x, y)
        if chip is not None:
            return Grab([chip.entry], chip.entry, "place", x, y)
        box = box_at(frame, x, y)
        if box is None:
            ident = self.chart.entry_at(pos)  # a label grabs its mark
            number = view.ids.get(ident) if ident is not None else None
            box = box_of(frame, number, y) if number is not None else None
        if box is None:
            return None
        entry = view.index.entries[box.entry]
        edge = edge_at(box, entry.when.edtf, x)
        band = next((b for b in frame.bands if b.lane == box.lane), None)
        numbers = [box.entry]
        selected = self.chart.selected_ids()
        if not edge and not extend and entry.id in selected:
            numbers = [view.ids[s] for s in selected if s in view.ids]
        return Grab(numbers, box.entry, edge, x, y, band)

    def move(self, event: QMouseEvent) -> bool:
        """Follow a drag; True while this editor owns the gesture (no panning then)."""
        if self._grab is None and self._band is None:
            return False
        pos = event.position()
        start = self._grab or self._band
        assert start is not None
        origin = (start.x, start.y) if isinstance(start, Grab) else (start.x1, start.y1)
        if not self._live:
            if abs(pos.x() - origin[0]) + abs(pos.y() - origin[1]) < DRAG_THRESHOLD:
                return True
            self._live = True
        frame = self.chart.current_frame()
        if self._grab is not None:
            if self._drag is None:
                view = self.chart.view
                at = self._change_day()
                self._drag = EntryDrag(self._grab, view.index, view.lane_mode, at)
                if not self._grab.edge:
                    self.widget.setCursor(Qt.CursorShape.ClosedHandCursor)
            if self._drag.update(pos.x(), pos.y(), frame):
                self.widget.update()
        elif self._band is not None:
            self._band.update(pos.x(), pos.y())
            self.widget.update()
        return True

    def release(self, event: QMouseEvent) -> bool:
        """Finish a drag (one command) or a band (a selection); False for a plain click."""
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        live, drag, band = self._live, self._drag, self._band
        self.cancel()
        if not live:
            return False
        if drag is not None:
            self._commit_drag(drag)
        elif band is not None:
            self._select_band(band)
        return True

    def _unless_unsaved(self, moved: list[Entry]) -> list[Entry]:
        """The moved entries, without new history lines for those not yet saved."""
        result = []
        for entry in moved:
            before = self.document.find_entry(entry.id) if self.is_unsaved(entry.id) else None
            result.append(entry if before is None else unrecorded(before, entry))
        return result

    def _commit_drag(self, drag: EntryDrag) -> None:
        entries = self._unless_unsaved(drag.changed())
        anchor = drag.index.entries[drag.grab.anchor].id
        moved_ids = [drag.index.entries[n].id for n in drag.grab.numbers]
        if entries:
            self._warn_status(entries)
            command = MoveEntries(self.document, entries)
            if drag.grab.edge in ("start", "end"):
                command.setText(command.text().replace("Move", "Resize", 1))
            elif drag.grab.edge == "place":
                command.setText(command.text().replace("Move", "Date", 1))
            self.stack.push(command)
        selected = self.chart.selected_ids()
        if self._extend:
            moved_ids = selected + ([] if anchor in selected else [anchor])
        elif anchor not in selected:
            moved_ids = [anchor]
        self.chart.choose(moved_ids)

    def _warn_status(self, after: list[Entry]) -> None:
        """Say so when a move puts an "occurred" entry after the as-of date."""
        document = self.document
        before = [e for e in (document.find_entry(a.id) for a in after) if e is not None]
        message = status_warning(before, after, as_of_day(document.project))
        if message:
            self._say(message)

    def _select_band(self, band: RubberBand) -> None:
        index = self.chart.view.index
        ids = [index.entries[n].id for n in band.numbers(self.chart.current_frame())]
        if self._extend:
            kept = self.chart.selected_ids()
            ids = kept + [i for i in ids if i not in kept]
        self.chart.choose(ids)

    def cancel(self) -> None:
        """Drop any gesture in progress; nothing is pushed."""
        was_live = self._live
        self._grab, self._band, self._drag, self._live = None, None, None, False
        self.widget.unsetCursor()
        if was_live:
            self.widget.update()

    # --- double-click: a new entry --------------------------------------------------

    def double_click(self, event: QMouseEvent) -> bool:
        """On an empty place, start a new entry there with its title typed in place."""
        pos = event.position()
        frame = self.chart.current_frame()
        if pos.x() < frame.scale.x0 or pos.y() < frame.top + frame.geometry.axis_h:
            return False
        if in_undated_strip(frame, pos.y()):
            edtf, band = "", None
        else:
            day = math.floor(self.chart.view.scale.day_at(pos.x()))
            edtf = day_to_edtf(day, zoom_precision(frame.scale.px_per_day))
            band = band_at(frame, pos.y())
        self.begin_title(edtf, band, pos.x(), pos.y())
        return True

    def begin_title(self, edtf: str, band: LaneBand | None, x: float, y: float) -> None:
        """Open the in-place title editor for a new entry at ``edtf`` in row ``band``."""
        self.end_title()
        geometry = self.chart.view.geometry
        if band is not None:
            y = band.top + geometry.lane_pad + geometry.row_h / 2
        scale = self.chart.current_frame().scale
        right = scale.x0 + scale.width
        editor = InlineTitleEditor(self.widget, x + 10, y, NEW_TITLE, right=right)
        editor.committed.connect(self._on_title_committed)
        editor.cancelled.connect(self.end_title)
        self.title_editor, self._new_at = editor, (edtf, band, y)
        editor.show()
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.widget.update()

    def end_title(self) -> None:
        """Forget the new entry being titled (the editor closes itself)."""
        had = self.title_editor is not None
        self.title_editor, self._new_at = None, None
        if had:
            self.widget.update()
            self.widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_title_committed(self, title: str) -> None:
        if self._new_at is None:
            return
        edtf, band, _ = self._new_at
        view = self.chart.view
        key = band.info.key if band is not None else ""
        # Without an as-of date, knowledge stops today: later dates are still planned.
        as_of = current_day(as_of=as_of_day(self.document.project), today=clock.today())
        entry = new_entry(title=title, edtf=edtf, as_of=as_of, mode=view.lane_mode, key=key)
        self.end_title()
        self.stack.push(AddItems(self.document, "entries", [entry]))
        self.chart.choose([entry.id])

    # --- keys -----------------------------------------------------------------------

    def key(self, event: QKeyEvent) -> bool:
        """Esc cancels a drag; Delete deletes; Alt/Ctrl+Left/Right nudge the selection."""
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Escape and self._live:
            self.cancel()
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.chart.selected_ids():
            self.delete_selected()
            return True
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and mods & _NUDGE_MODS:
            self.nudge(-1 if key == Qt.Key.Key_Left else 1)
            return True
        return False

    def _change_day(self) -> str:
        """The day a move is recorded on in the entries' history."""
        return change_day(as_of=self.document.project.as_of, today=clock.today())

    def delete_selected(self) -> None:
        """Delete the selected entries as one command."""
        if delete_entries(self.document, self.stack, self.chart.selected_ids()):
            self.chart.choose([])

    def nudge(self, direction: int) -> None:
        """Move the selected entries one step of the zoom; runs of nudges undo together."""
        chosen = set(self.chart.selected_ids())
        project = self.document.project
        entries = [e for e in project.entries if e.id in chosen and e.when.edtf]
        step = direction * step_days(self.chart.view.scale.px_per_day)
        at = self._change_day()
        moved = self._unless_unsaved([nudged(e, step=step, at=at) for e in entries])
        if any(new != old for new, old in zip(moved, entries, strict=True)):
            self._warn_status(moved)
            command = MoveEntries(self.document, moved, nudge=True)
            command.setText(command.text().replace("Move", "Nudge", 1))
            self.stack.push(command)

    # --- painting -------------------------------------------------------------------

    def paint(self, painter: QPainter, frame: Frame) -> None:
        """Draw the drag preview, the band, or the mark of the entry being titled."""
        style = self.chart.style_
        if self._drag is not None and self._live:
            self._drag.paint(painter, frame, style)
        if self._band is not None and self._live:
            self._band.paint(painter, style)
        if self._new_at is not None:
            self._paint_new(painter, frame)

    def _paint_new(self, painter: QPainter, frame: Frame) -> None:
        assert self._new_at is not None
        edtf, band, y = self._new_at
        if not edtf:
            return
        index = self.chart.view.index
        lane = band.lane if band is not None else 0
        box = mark_box(
            Entry(when=DateValue(edtf=edtf)), -1, frame, lane=lane, y=y, as_of=index.as_of
        )
        if box is None:
            return
        colour = self.chart.style_.lane_colour(lane, band.info.colour if band else "")
        geometry = frame.geometry
        paint_mark(
            painter,
            box,
            colour,
            self.chart.style_,
            bar_h=geometry.bar_h,
            min_w=geometry.min_mark,
            selected=True,
        )
