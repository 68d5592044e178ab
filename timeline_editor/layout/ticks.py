"""Calendar-aware axis ticks, from millennia down to hours, built on day numbers.

``datetime`` stops at year 1, so every step here works on :mod:`daynum` integers.
The unit is the finest whose spacing leaves room for its label; a second,
coarser row names the context ("December 2021" above the days).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from timeline_editor.model.daynum import add_months, civil, day_number

from .timescale import TimeScale

Measure = Callable[[str], float]

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
YEAR_DAYS = 365.2425
LABEL_GAP = 14.0


@dataclass(frozen=True, slots=True)
class Unit:
    """A tick unit: its kind (hour, day, week, month, year), step and name."""

    kind: str
    step: int
    name: str

    @property
    def days(self) -> float:
        """Approximate length in days (for choosing by zoom)."""
        base = {"hour": 1 / 24, "day": 1.0, "week": 7.0, "month": YEAR_DAYS / 12}
        return base.get(self.kind, YEAR_DAYS) * self.step


UNITS: tuple[Unit, ...] = (
    Unit("hour", 1, "hour"),
    Unit("hour", 3, "3 hours"),
    Unit("hour", 6, "6 hours"),
    Unit("hour", 12, "12 hours"),
    Unit("day", 1, "day"),
    Unit("week", 1, "week"),
    Unit("month", 1, "month"),
    Unit("month", 3, "quarter"),
    Unit("year", 1, "year"),
    Unit("year", 2, "2 years"),
    Unit("year", 5, "5 years"),
    Unit("year", 10, "decade"),
    Unit("year", 20, "20 years"),
    Unit("year", 50, "50 years"),
    Unit("year", 100, "century"),
    Unit("year", 200, "2 centuries"),
    Unit("year", 500, "5 centuries"),
    *(Unit("year", m * 10**e, f"{m * 10**e} years") for e in range(3, 6) for m in (1, 2, 5)),
    Unit("year", 1_000_000, "1000000 years"),
)


@dataclass(frozen=True, slots=True)
class Tick:
    """One tick: its day, the day the next tick of its row starts, and its label."""

    day: float
    until: float
    label: str


@dataclass(frozen=True, slots=True)
class Axis:
    """The ticks of a view: fine row, coarse row and the units chosen."""

    unit: Unit
    context_unit: Unit | None
    minor: tuple[Tick, ...]
    major: tuple[Tick, ...]


def year_label(year: int) -> str:
    """A year for a reader: ``2021``, ``44 BCE`` (year 0 is 1 BCE)."""
    return str(year) if year > 0 else f"{1 - year} BCE"


def _sample(unit: Unit, year: int) -> str:
    samples = {"hour": "00:00", "day": "28", "week": "28", "month": "Sep"}
    if unit.kind == "month" and unit.step == 3:
        return "Q4"
    return samples.get(unit.kind, year_label(year) + ("s" if unit.step >= 10 else ""))


def choose_unit(scale: TimeScale, measure: Measure) -> Unit:
    """The finest unit whose ticks are far enough apart for their labels."""
    year = civil(math.floor(scale.start))[0] if abs(scale.start) < 4e8 else 0
    for unit in UNITS:
        if unit.days * scale.px_per_day >= measure(_sample(unit, year)) + LABEL_GAP:
            return unit
    return UNITS[-1]


def context_unit(unit: Unit) -> Unit | None:
    """The coarser unit named in the second row."""
    if unit.kind == "hour":
        return Unit("day", 1, "day")
    if unit.kind in ("day", "week"):
        return Unit("month", 1, "month")
    if unit.kind == "month":
        return Unit("year", 1, "year")
    bigger = [u for u in UNITS if u.kind == "year" and u.step >= unit.step * 10]
    return bigger[0] if bigger else None


def _year_ticks(unit: Unit, start: float, end: float) -> Iterator[tuple[int, int]]:
    first = (civil(math.floor(start))[0] // unit.step) * unit.step
    year = first
    while True:
        day = day_number(year, 1, 1)
        if day > end:
            return
        yield day, year
        year += unit.step


def _label(unit: Unit, day: float, year: int, month: int, dom: int, *, context: bool) -> str:
    if unit.kind == "hour":
        return f"{round((day % 1) * 24) % 24:02d}:00"
    if unit.kind == "day" and context:
        wd = WEEKDAYS[(math.floor(day) + 3) % 7]
        return f"{wd} {dom} {MONTHS[month - 1]} {year_label(year)}"
    if unit.kind in ("day", "week"):
        return str(dom)
    if unit.kind == "month":
        if context:
            return f"{MONTHS[month - 1]} {year_label(year)}"
        if unit.step == 3:
            return f"Q{(month - 1) // 3 + 1}"
        return MONTHS[month - 1][:3]
    suffix = "s" if unit.step >= 10 and year != 0 else ""
    return year_label(year) + suffix


def tick_days(unit: Unit, start: float, end: float) -> list[float]:
    """Days of every tick of ``unit`` from the last one at or before ``start`` to ``end``."""
    if unit.kind == "year":
        return [float(d) for d, _ in _year_ticks(unit, start, end)]
    if unit.kind == "month":
        y, m, _ = civil(math.floor(start))
        m = ((m - 1) // unit.step) * unit.step + 1
        days: list[float] = []
        while (d := day_number(y, m, 1)) <= end:
            days.append(float(d))
            y, m = add_months(y, m, unit.step)
        return days
    size = {"hour": unit.step / 24, "day": 1.0, "week": 7.0}[unit.kind]
    # 1970-01-05 (day 4) was a Monday: weeks start on Mondays.
    offset = 4.0 if unit.kind == "week" else 0.0
    first = math.floor((start - offset) / size) * size + offset
    count = min(10_000, math.floor((end - first) / size) + 1)
    return [first + i * size for i in range(max(0, count))]


def _ticks(unit: Unit, start: float, end: float, context: bool) -> tuple[Tick, ...]:
    days = tick_days(unit, start, end)
    if not days:
        return ()
    nxt = tick_days(unit, days[-1] + unit.days * 0.75, days[-1] + unit.days * 2)
    bounds = [*days[1:], nxt[0] if nxt and nxt[0] > days[-1] else days[-1] + unit.days]
    ticks = []
    for day, until in zip(days, bounds, strict=True):
        y, m, d = civil(math.floor(day))
        ticks.append(Tick(day, until, _label(unit, day, y, m, d, context=context)))
    return tuple(ticks)


def axis_for(scale: TimeScale, measure: Measure) -> Axis:
    """Ticks for a view: the chosen unit and its context row."""
    unit = choose_unit(scale, measure)
    coarse = context_unit(unit)
    minor = _ticks(unit, scale.start, scale.end, context=False)
    major = _ticks(coarse, scale.start, scale.end, context=True) if coarse else ()
    return Axis(unit, coarse, minor, major)


def labels_at_tick(unit: Unit) -> bool:
    """True when a unit's labels name an instant (an hour, a week's first day).

    Those sit just after their tick, so "15" over a week is read as the 15th; the
    labels of calendar spans (days, months, quarters, years) are centred in the span.
    """
    return unit.kind in ("hour", "week")


def minor_label_x(
    x1: float, x2: float, text_w: float, left: float, right: float, *, at_tick: bool
) -> float | None:
    """Where a fine tick's label starts, or None when it has no room inside the view.

    The view's edges are honoured here rather than by a clip: an SVG export ignores
    the painter's clip, and a label in the lane-name column reads as a wrong date.
    """
    if at_tick:
        x = x1 + 3
    else:
        lo, hi = max(x1, left), min(x2, right)
        x = (lo + hi) / 2 - text_w / 2 if hi - lo > text_w + 6 else x1 + 3
    if x < left or x + text_w > right:
        return None
    return x
