"""The days a chart shows when nobody has chosen them: the whole project, with a margin.

One rule for the screen's "fit all" and for every export, so that an export of the
whole project frames it as the window does.
"""

from __future__ import annotations

from timeline_editor.model.edits import current_day

from .index import TimelineIndex

#: Days shown when nothing is dated: a year around the as-of day (else today).
EMPTY_SPAN = 365.0
#: Share of the data's span added on each side, so end marks are not cut at the edge.
MARGIN = 0.03


def padded_span(index: TimelineIndex, *, today: int, fit: bool = False) -> tuple[float, float]:
    """The whole project (or with ``fit``, only the entries shown) padded by 3 %.

    With ``fit`` (some rows or entries left out) eras and the as-of day do not count:
    they would crowd the entries shown into a corner of the chart.
    """
    extent = index.data_extent if fit else index.extent
    if extent is None:
        anchor = float(current_day(as_of=index.as_of, today=today))
        return anchor - EMPTY_SPAN / 2, anchor + EMPTY_SPAN / 2
    low, high = extent
    if index.as_of is not None and not fit:
        low, high = min(low, index.as_of - 1.0), max(high, index.as_of + 2.0)
    pad = max(1.0, (high - low) * MARGIN)
    return low - pad, high + pad
