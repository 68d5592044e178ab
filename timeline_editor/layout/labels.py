"""Label placement: each row's labels left to right, shortened or hidden, never overlapping."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

#: Titles are cut before measuring: nobody reads 10,000 characters on a chart.
MAX_LABEL_CHARS = 160
GAP = 4.0
#: Narrowest room worth a label.
MIN_LABEL_WIDTH = 28.0


class TextMetrics(Protocol):
    """Text measurement injected by the painter (Qt) or by tests."""

    def width(self, text: str) -> float:
        """Advance width of ``text`` in pixels."""
        ...

    def elide(self, text: str, width: float) -> str:
        """``text`` shortened with an ellipsis to fit ``width`` ("" if nothing fits)."""
        ...


class FixedMetrics:
    """Monospaced measurement for tests and for layout without a font."""

    def __init__(self, char_width: float = 6.5) -> None:
        self.char_width = char_width

    def width(self, text: str) -> float:
        """Width of ``text`` at a fixed advance per character."""
        return len(text) * self.char_width

    def elide(self, text: str, width: float) -> str:
        """Keep as many characters as fit, then an ellipsis."""
        if self.width(text) <= width:
            return text
        keep = int(width // self.char_width) - 1
        return text[:keep] + "…" if keep > 0 else ""


@dataclass(frozen=True, slots=True)
class Label:
    """A placed label: entry number, left x, baseline centre y, text and width."""

    entry: int
    x: float
    y: float
    text: str
    width: float
    badge: str = ""
    #: Set above a thin mark's line (a window's bracket), never through it.
    above: bool = False


@dataclass(frozen=True, slots=True)
class Slot:
    """A mark in one row, as label placement sees it."""

    entry: int
    x1: float
    x2: float
    title: str
    badge: str = ""
    #: Where the label must end (the next mark's start); None = the next slot's ``x1``.
    limit: float | None = None
    #: A thin line mark (a window): its label goes after it or above its line, never on it.
    thin: bool = False


def clean_title(title: str) -> str:
    """A title fit for one line: control characters and tabs become spaces, cut long."""
    short = title[:MAX_LABEL_CHARS]
    if short.isprintable():
        return short
    return "".join(ch if ch.isprintable() else " " for ch in short)


def badge_width(badge: str, metrics: TextMetrics) -> float:
    """Room a badge ("disputed") takes before its label: smaller type plus padding."""
    return metrics.width(badge) * 0.85 + 10 if badge else 0.0


def place_row(
    slots: Sequence[Slot],
    y: float,
    left: float,
    right: float,
    metrics: TextMetrics,
    *,
    min_width: float = MIN_LABEL_WIDTH,
) -> list[Label]:
    """Labels for one row of marks sorted by ``x1``; each stays before the next mark."""
    placed: list[Label] = []
    last_end = left
    for i, slot in enumerate(slots):
        if slot.limit is not None:
            limit = min(slot.limit, right)
        else:
            limit = min(slots[i + 1].x1 - GAP if i + 1 < len(slots) else right, right)
        label = _place_one(
            slot,
            max(slot.x1, left) + GAP,
            limit,
            last_end=last_end,
            y=y,
            metrics=metrics,
            min_width=min_width,
        )
        if label is None:
            continue
        placed.append(label)
        last_end = label.x + label.width
    return placed


def _fit(
    slot: Slot, anchor: float, limit: float, metrics: TextMetrics, min_width: float
) -> tuple[str, float, float] | None:
    badge_w = badge_width(slot.badge, metrics)
    room = limit - anchor - badge_w
    if room < min_width or not slot.title:
        return None
    text = clean_title(slot.title)
    width = metrics.width(text)
    if width > room:
        text = metrics.elide(text, room)
        width = metrics.width(text)
        if not text or width > room:
            return None
    return text, width, badge_w


def _place_one(
    slot: Slot,
    inside: float,
    limit: float,
    *,
    last_end: float,
    y: float,
    metrics: TextMetrics,
    min_width: float,
) -> Label | None:
    """Inside the bar when the whole title fits there, else just after the mark."""
    if slot.thin:
        return _place_thin(slot, inside, limit, last_end=last_end, y=y, metrics=metrics)
    if slot.x2 - inside > min_width and inside >= last_end + GAP:
        fitted = _fit(slot, inside, min(slot.x2, limit) - GAP, metrics, 0.0)
        if fitted is not None and fitted[0] == clean_title(slot.title):
            text, width, badge_w = fitted
            return Label(slot.entry, inside + badge_w, y, text, width, slot.badge)
    anchor = max(slot.x2 + GAP, last_end + GAP)
    fitted = _fit(slot, anchor, limit, metrics, min_width)
    if fitted is None:
        return None
    text, width, badge_w = fitted
    return Label(slot.entry, anchor + badge_w, y, text, width, slot.badge)


def _place_thin(
    slot: Slot, inside: float, limit: float, *, last_end: float, y: float, metrics: TextMetrics
) -> Label | None:
    """After a window mark, or above its line: the whole title where it fits, else the most."""
    anchor = max(slot.x2 + GAP, last_end + GAP)
    after = _fit(slot, anchor, limit, metrics, MIN_LABEL_WIDTH)
    over = None
    if inside >= last_end + GAP:
        over = _fit(slot, inside, min(slot.x2, limit) - GAP, metrics, MIN_LABEL_WIDTH)
    whole = clean_title(slot.title)
    after_whole = after is not None and after[0] == whole
    if over is not None and not after_whole and (after is None or over[1] > after[1]):
        text, width, badge_w = over
        return Label(slot.entry, inside + badge_w, y, text, width, slot.badge, above=True)
    if after is None:
        return None
    text, width, badge_w = after
    return Label(slot.entry, anchor + badge_w, y, text, width, slot.badge)
