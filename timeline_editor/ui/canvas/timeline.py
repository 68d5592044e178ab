"""The timeline canvas: one custom-painted widget that draws only what is visible."""

from __future__ import annotations

import math
from functools import partial

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QUndoStack,
    QWheelEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from timeline_editor.layout.known_day import DayState
from timeline_editor.layout.scene import Frame, build_frame
from timeline_editor.model.changes import ChangeSet
from timeline_editor.model.document import Document
from timeline_editor.model.filters import EntryPredicate
from timeline_editor.model.vocab import LaneMode
from timeline_editor.render.chart import paint_frame
from timeline_editor.render.legend import legend_size, paint_legend, sets_on
from timeline_editor.render.metrics import QtMetrics
from timeline_editor.render.style import ChartStyle
from timeline_editor.ui.canvas import hits
from timeline_editor.ui.canvas.editor import CanvasEditor
from timeline_editor.ui.canvas.gestures import PanGesture, toggled
from timeline_editor.ui.canvas.overview import HEIGHT as OVERVIEW_H
from timeline_editor.ui.canvas.overview import OverviewStrip
from timeline_editor.ui.canvas.tooltip import tooltip_text
from timeline_editor.ui.canvas.view import ZOOM_STEP, CanvasView

PAN_KEY_FRACTION = 0.1
__all__ = ["TimelineCanvas", "tooltip_text"]
EMPTY_HINT = "Double-click to add an entry, or File → Open / Import…"


class TimelineCanvas(QWidget):
    """Zoomable, pannable chart of a document's entries, with selection and an overview."""

    selection_changed = Signal(list)
    entry_activated = Signal(str)
    visible_range_changed = Signal(int, int)
    legend_toggled = Signal(bool)
    status_message = Signal(str)

    def __init__(
        self,
        document: Document,
        parent: QWidget | None = None,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.editor = CanvasEditor(self, self, document, self.undo_stack, self.status_message.emit)
        self.style_ = ChartStyle()
        self.view = CanvasView(document.project)
        self.metrics = QtMetrics(self.style_.label_font)
        self.frame: Frame | None = None
        self._frame_key: tuple[object, ...] = ()
        self._selection: list[str] = []
        self._legend_visible = False
        self.legend_heading = "Legend"
        self._legend_close: QRectF | None = None
        self._pan = PanGesture()
        self._last_range = (0, 0)
        self.overview = OverviewStrip(self)
        self.overview.window_moved.connect(self._on_overview_moved)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.setMinimumSize(320, 200)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self._unsubscribe = document.subscribe(self._on_document_changed)
        self.destroyed.connect(lambda *_: self._unsubscribe())

    # --- public API -----------------------------------------------------------------

    def set_selection(self, ids: list[str]) -> None:
        """Select entries by id (no signal: the caller already knows)."""
        self._selection = list(ids)
        self.update()

    def selected_ids(self) -> list[str]:
        """Ids of the selected entries."""
        return list(self._selection)

    def choose(self, ids: list[str]) -> None:
        """Select entries as the user did (the selection signal follows a change)."""
        if ids != self._selection:
            self._selection = list(ids)
            self.selection_changed.emit(list(ids))
        self.update()

    def zoom_in(self) -> None:
        """Zoom in one step around the middle."""
        self._zoom(ZOOM_STEP)

    def zoom_out(self) -> None:
        """Zoom out one step around the middle."""
        self._zoom(1 / ZOOM_STEP)

    def fit_all(self) -> None:
        """Show the whole project."""
        self.view.fit_all()
        self._changed_view()

    def zoom_to_selection(self) -> None:
        """Show the dates of the selected entries."""
        if self.view.show_ids(self._selection):
            self._changed_view()

    def go_to_day(self, day: int) -> None:
        """Centre the view on a day number."""
        self.view.go_to_day(day + 0.5)
        self._changed_view()

    def set_lane_mode(self, mode: LaneMode) -> None:
        """Rows by lane, actor or kind."""
        self.view.lane_mode = mode
        self._rebuild()

    def set_filter(self, predicate: EntryPredicate | None) -> None:
        """Draw only entries for which ``predicate`` is true (None = all)."""
        self.view.predicate = predicate
        self._rebuild()

    def set_known_day(self, day: DayState | None, caption: str = "") -> None:
        """Draw the chronology as known on ``day`` (None: all); ``caption`` heads the legend."""
        self.view.set_known(day, partial(self.document.index_of, "entries"))
        self.legend_heading = f"Legend — {caption}" if caption else "Legend"
        self.overview.set_known(None if day is None else day.day)
        self.update()

    def set_legend_visible(self, visible: bool) -> None:
        """Show or hide the legend box (``legend_toggled`` reports a change)."""
        if visible != self._legend_visible:
            self._legend_visible = visible
            self._legend_close = None
            self.legend_toggled.emit(visible)
        self.update()

    def legend_visible(self) -> bool:
        """True while the legend box is drawn over the chart."""
        return self._legend_visible

    def set_overview_visible(self, visible: bool) -> None:
        """Show or hide the overview strip."""
        self.overview.setVisible(visible)
        self._layout_children()

    def overview_visible(self) -> bool:
        """True when the overview strip is shown (or will be, once the canvas is)."""
        return not self.overview.isHidden()

    def entry_at(self, pos: QPointF) -> str | None:
        """Id of the entry whose mark, label or chip is at ``pos``."""
        number = self._entry_number_at(pos)
        return None if number is None else self.view.index.entries[number].id

    def day_at_x(self, x: float) -> float:
        """Day number (fractional) at widget x."""
        return self.view.scale.day_at(x)

    def x_of_day(self, day: float) -> float:
        """Widget x of a day number."""
        return self.view.scale.x_of(day)

    # --- internals ------------------------------------------------------------------

    def _chart_height(self) -> float:
        return float(self.height() - (OVERVIEW_H if self.overview.isVisible() else 0))

    def _layout_children(self) -> None:
        self.overview.setGeometry(0, self.height() - OVERVIEW_H, self.width(), OVERVIEW_H)
        self.view.resize(self.width(), self._chart_height())
        self.overview.set_index(self.view.index, self.view.full_range(), self.view.geometry.gutter)
        self._changed_view()

    def _rebuild(self) -> None:
        self.view.rebuild(self.document.project)
        self._after_index_change()

    def _after_index_change(self) -> None:
        known = self.view.ids
        self._selection = [s for s in self._selection if s in known]
        self._frame_key = ()  # the index is the same object after a patch
        self._layout_children()

    def _on_document_changed(self, changes: ChangeSet) -> None:
        # An edit patches the index where it changed; a new project builds it again.
        if not changes.reset and self.view.patch(self.document, changes):
            self._after_index_change()
            return
        self._rebuild()
        if changes.reset:
            # Another project (opened, recovered, merged): show all of it.
            self.fit_all()

    def _zoom(self, factor: float, anchor_x: float | None = None) -> None:
        self.view.zoom(factor, anchor_x)
        self._changed_view()

    def _changed_view(self) -> None:
        scale = self.view.scale
        self.overview.set_window(scale.start, scale.end)
        now = (math.floor(scale.start), math.floor(scale.end))
        if now != self._last_range:
            self._last_range = now
            self.visible_range_changed.emit(*now)
        self.update()

    def _on_overview_moved(self, day: float) -> None:
        self.view.go_to_day(day)
        self._changed_view()

    def current_frame(self) -> Frame:
        """The layout of what is on screen now (rebuilt when the view has changed)."""
        view = self.view
        key = (view.drawn, view.scale, view.y_offset, self._chart_height())
        if self.frame is None or key != self._frame_key:
            self.frame = build_frame(
                key[0],
                view.scale,
                self.metrics,
                geometry=view.geometry,
                y_offset=view.y_offset,
                bottom=key[3],
            )
            self._frame_key = key
        return self.frame

    def _entry_number_at(self, pos: QPointF) -> int | None:
        return hits.entry_at(self.current_frame(), pos.x(), pos.y(), self.metrics)

    # --- painting -------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        """Lay out and draw the visible part only."""
        painter = QPainter(self)
        height = self._chart_height()
        painter.fillRect(QRectF(0, 0, self.width(), height), self.style_.background)
        painter.setClipRect(QRectF(0, 0, self.width(), height))
        frame = self.current_frame()
        focus = self._selection[-1] if self._selection and self.hasFocus() else None
        paint_frame(
            painter,
            frame,
            self.view.drawn,
            self.style_,
            selected=self._selection,
            focus=focus,
            bottom=height,
        )
        self.editor.paint(painter, frame)
        if not self.document.project.entries:
            self._paint_empty_hint(painter, height)
        if self._legend_visible:
            self._paint_legend(painter, height)
        if self.hasFocus():
            painter.setPen(QPen(self.style_.focus, 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(1, 1, self.width() - 2, height - 2))
        painter.end()

    def _paint_empty_hint(self, painter: QPainter, height: float) -> None:
        """How to begin, in the middle of an empty project's chart."""
        painter.setFont(self.style_.label_font)
        painter.setPen(QColor("#57606a"))
        box = QRectF(0, 0, self.width(), height)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, EMPTY_HINT)

    def _paint_legend(self, painter: QPainter, height: float) -> None:
        sets = sets_on(self.current_frame().marks)  # either/or, all-of: only when shown
        width, legend_h = legend_size(min(self.width() - 40.0, 800.0), sets)
        x, y = self.width() - width - 24, height - legend_h - 24
        painter.setPen(QPen(QColor("#d0d7de"), 1.0))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRoundedRect(QRectF(x - 10, y - 6, width + 20, legend_h + 12), 6, 6)
        paint_legend(painter, x, y, width, self.style_, sets=sets, heading=self.legend_heading)
        # A small × in the box's corner dismisses it; View → Legend brings it back.
        close = QRectF(x + width - 6, y - 2, 14, 14)
        painter.setPen(QPen(QColor("#57606a"), 1.4))
        inset = close.adjusted(3.5, 3.5, -3.5, -3.5)
        painter.drawLine(inset.topLeft(), inset.bottomRight())
        painter.drawLine(inset.topRight(), inset.bottomLeft())
        self._legend_close = close

    # --- events ---------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the days shown when the widget changes size."""
        self._layout_children()

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Wheel zooms around the cursor; Shift+wheel or a horizontal wheel pans."""
        delta = event.angleDelta()
        if delta.x() or event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.view.pan((delta.x() or delta.y()) / 2)
            self._changed_view()
        elif delta.y():
            self._zoom(ZOOM_STEP ** (delta.y() / 120), event.position().x())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Start a pan or a click."""
        close = self._legend_close
        if close is not None and close.adjusted(-3, -3, 3, 3).contains(event.position()):
            self.set_legend_visible(False)
            return
        if event.button() == Qt.MouseButton.LeftButton:
            self._pan.press(event.position())
            if not self.editor.press(event):
                self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Pan while dragging (unless an editing gesture owns the drag)."""
        if self.editor.move(event):
            return
        moved = self._pan.move(event.position())
        if moved is not None:
            self.view.pan(*moved)
            self._changed_view()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A release without a drag selects what is under the cursor."""
        self.unsetCursor()
        if self.editor.release(event):
            self._pan.release()
            return
        if event.button() != Qt.MouseButton.LeftButton or not self._pan.release():
            return
        mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        extend = bool(event.modifiers() & mods)
        chosen = toggled(self._selection, self.entry_at(event.position()), extend=extend)
        if chosen != self._selection:
            self._selection = chosen
            self.selection_changed.emit(list(chosen))
            self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Double-click on an entry's mark, label or chip activates it; elsewhere: a new one."""
        ident = self.entry_at(event.position())
        if ident is not None:
            self.entry_activated.emit(ident)
        else:
            self.editor.double_click(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """+/- zoom, Ctrl+0 fits all, arrows pan, Escape clears the selection."""
        if self.editor.key(event):
            return
        key, mods = event.key(), event.modifiers()
        step = self.view.scale.width * PAN_KEY_FRACTION
        if key == Qt.Key.Key_0 and mods & Qt.KeyboardModifier.ControlModifier:
            self.fit_all()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.view.pan(step if key == Qt.Key.Key_Left else -step)
            self._changed_view()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.view.pan(0, 60 if key == Qt.Key.Key_Up else -60)
            self.update()
        elif key == Qt.Key.Key_Escape and self._selection:
            self._selection = []
            self.selection_changed.emit([])
            self.update()
        else:
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        """Tooltips describe the entry under the cursor."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            number = self._entry_number_at(QPointF(event.pos()))
            if number is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), tooltip_text(self.view.drawn.entries[number]))
            return True
        return super().event(event)
