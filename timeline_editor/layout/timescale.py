"""The time scale: a linear map between day numbers (floats) and x pixels."""

from __future__ import annotations

from dataclasses import dataclass, replace

#: The narrowest span a view may show (one hour) and the widest (a million years).
MIN_SPAN_DAYS = 1.0 / 24.0
MAX_SPAN_DAYS = 365.2425 * 1_000_000


@dataclass(frozen=True, slots=True)
class TimeScale:
    """Maps days ``[start, end]`` onto pixels ``[x0, x0 + width]``."""

    start: float
    end: float
    x0: float
    width: float

    @property
    def span(self) -> float:
        """Days shown across the width."""
        return self.end - self.start

    @property
    def px_per_day(self) -> float:
        """Pixels per day at this zoom."""
        return self.width / self.span if self.span > 0 else 0.0

    def x_of(self, day: float) -> float:
        """Pixel x of a day number."""
        return self.x0 + (day - self.start) * self.px_per_day

    def day_at(self, x: float) -> float:
        """Day number at pixel x."""
        return self.start + (x - self.x0) / self.px_per_day

    def with_width(self, x0: float, width: float) -> TimeScale:
        """The same days spread over another pixel range."""
        return replace(self, x0=x0, width=max(1.0, width))

    def zoomed(self, factor: float, anchor_x: float) -> TimeScale:
        """Zoom by ``factor`` (>1 = in) keeping the day under ``anchor_x`` in place."""
        anchor = self.day_at(anchor_x)
        span = clamp_span(self.span / factor)
        ratio = (anchor_x - self.x0) / self.width
        start = anchor - ratio * span
        return replace(self, start=start, end=start + span)

    def panned(self, dx: float) -> TimeScale:
        """Move the view so that content shifts right by ``dx`` pixels."""
        delta = dx / self.px_per_day
        return replace(self, start=self.start - delta, end=self.end - delta)

    def showing(self, start: float, end: float) -> TimeScale:
        """The same pixel range showing days ``[start, end]`` (span clamped)."""
        span = clamp_span(end - start)
        middle = (start + end) / 2
        return replace(self, start=middle - span / 2, end=middle + span / 2)


def clamp_span(span: float) -> float:
    """A span kept between an hour and a million years."""
    return min(MAX_SPAN_DAYS, max(MIN_SPAN_DAYS, span))
