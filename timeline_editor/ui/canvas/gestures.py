"""Mouse gestures of the canvas, each a small class so that editing gestures can join them."""

from __future__ import annotations

from PySide6.QtCore import QPointF

DRAG_THRESHOLD = 4.0


class PanGesture:
    """Press and drag to pan; a press released without moving is a click."""

    def __init__(self) -> None:
        self.origin: QPointF | None = None
        self.last: QPointF | None = None
        self.dragging = False

    def press(self, pos: QPointF) -> None:
        """Remember where the press started."""
        self.origin, self.last, self.dragging = QPointF(pos), QPointF(pos), False

    def move(self, pos: QPointF) -> tuple[float, float] | None:
        """The pixels to pan since the last move, once past the drag threshold."""
        if self.origin is None or self.last is None:
            return None
        moved = pos - self.origin
        if not self.dragging and abs(moved.x()) + abs(moved.y()) < DRAG_THRESHOLD:
            return None
        self.dragging = True
        delta = pos - self.last
        self.last = QPointF(pos)
        return delta.x(), delta.y()

    def release(self) -> bool:
        """End the gesture; True when it was a click (no drag)."""
        was_click = self.origin is not None and not self.dragging
        self.origin, self.last, self.dragging = None, None, False
        return was_click


def toggled(selection: list[str], ident: str | None, *, extend: bool) -> list[str]:
    """The selection after clicking ``ident`` (None = empty place), Ctrl/Shift extending."""
    if ident is None:
        return selection if extend else []
    if not extend:
        return [ident]
    if ident in selection:
        return [s for s in selection if s != ident]
    return [*selection, ident]
