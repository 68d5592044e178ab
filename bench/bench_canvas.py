"""Canvas and export benchmark (not a test): synthetic projects rendered offscreen at 1600x900.

Run: ``python -m bench.bench_canvas [--mix uniform] [SIZES...]`` from the repository root.
Prints a table and one JSON line.

``--mix uniform`` is the workload of the vis-timeline comparison: 8 lanes, dates
uniform over 2000-2020, 30 % ranges of 1 hour to 90 days (log-uniform; under a day
is one day here, the smallest unit a date has), 35 % boxes and 35 % points (one day
each), titles "Item i"; a zoom from the full range to 1 % in 30 geometric steps
around the middle, and 30 pans of 10 % of a 1 % window.
"""

from __future__ import annotations

import json
import math
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage, QPainter

from timeline_editor.layout.index import TimelineIndex
from timeline_editor.layout.scene import build_frame
from timeline_editor.layout.timescale import TimeScale
from timeline_editor.model.daynum import day_number, format_day
from timeline_editor.model.entities import DateValue, Entry, Lane, Project
from timeline_editor.model.vocab import EntryKind, Status
from timeline_editor.render.chart import paint_frame
from timeline_editor.render.export import render_chart
from timeline_editor.render.metrics import QtMetrics
from timeline_editor.render.qtapp import ensure_gui_app
from timeline_editor.render.style import ChartStyle

WIDTH, HEIGHT = 1600, 900
FIRST = day_number(1990, 1, 1)
DAYS = day_number(2025, 12, 31) - FIRST


def _when(rng: random.Random) -> str:
    day = FIRST + int(rng.triangular(0, DAYS, DAYS * 0.8))
    text = format_day(day)
    roll = rng.random()
    if roll < 0.55:
        return text
    if roll < 0.70:
        return text[:7]
    if roll < 0.75:
        return text + "~"
    if roll < 0.80:
        return text + "?"
    if roll < 0.92:
        return f"{text}/{format_day(day + rng.randint(0, 120))}"
    if roll < 0.97:
        return f"[{text}..{format_day(day + rng.randint(10, 900))}]"
    return f"{text}/.."


def synthetic(count: int, seed: int = 7) -> Project:
    """A project of ``count`` entries in 8 lanes with mixed precisions and heavy overlap."""
    rng = random.Random(seed)
    lanes = tuple(Lane(id=f"l{i}", title=f"Lane {i}") for i in range(8))
    entries = tuple(
        Entry.model_construct(
            id=f"e{i}",
            title=f"Entry {i} {rng.choice(('talks', 'visit', 'summit', 'call'))}",
            kind=EntryKind.EVENT,
            status=Status.CANCELLED if i % 50 == 0 else Status.OCCURRED,
            when=DateValue.model_construct(edtf=_when(rng), as_stated=""),
            lane_id=f"l{i % 8}",
            claims=(),
            actor_ids=(),
        )
        for i in range(count)
    )
    return Project.model_construct(
        title="Synthetic",
        as_of="2024-06-01",
        entries=entries,
        lanes=lanes,
        eras=(),
        sources=(),
        actors=(),
        places=(),
        id="bench",
    )


UNIFORM_FIRST = day_number(2000, 1, 1)
UNIFORM_DAYS = day_number(2020, 12, 31) - UNIFORM_FIRST


def uniform(count: int, seed: int = 11) -> Project:
    """The vis-timeline comparison's mix (see the module docstring)."""
    rng = random.Random(seed)
    lanes = tuple(Lane(id=f"l{i}", title=f"Lane {i}") for i in range(8))
    entries = []
    for i in range(count):
        day = UNIFORM_FIRST + rng.randrange(UNIFORM_DAYS)
        edtf = format_day(day)
        if rng.random() < 0.3:
            days = int(math.exp(rng.uniform(math.log(1 / 24), math.log(90))))
            edtf = f"{edtf}/{format_day(day + days)}" if days >= 1 else edtf
        entries.append(
            Entry.model_construct(
                id=f"e{i}",
                title=f"Item {i}",
                kind=EntryKind.EVENT,
                status=Status.OCCURRED,
                when=DateValue.model_construct(edtf=edtf, as_stated=""),
                lane_id=f"l{i % 8}",
                claims=(),
                actor_ids=(),
            )
        )
    return Project.model_construct(
        title="Uniform",
        as_of="2021-01-01",
        entries=tuple(entries),
        lanes=lanes,
        eras=(),
        sources=(),
        actors=(),
        places=(),
        id="uniform",
    )


def _uniform_modes(
    index: TimelineIndex, draw: Callable[[TimeScale], float]
) -> dict[str, list[float]]:
    low, high = index.extent or (0.0, 1.0)
    full = TimeScale(low, high, 150, WIDTH - 158)
    middle = full.x0 + full.width / 2
    modes: dict[str, list[float]] = {"full view": [draw(full) for _ in range(30)]}
    zoom, scale = [], full
    for _ in range(30):
        scale = scale.zoomed(100 ** (1 / 30), middle)
        zoom.append(draw(scale))
    modes["zoom to 1%"] = zoom
    centre = (low + high) / 2
    scale = full.showing(centre - full.span / 200, centre + full.span / 200)
    pans = []
    for _ in range(30):
        scale = scale.panned(-scale.width * 0.1)
        pans.append(draw(scale))
    modes["pan at 1%"] = pans
    return modes


def _frame_timer(index: TimelineIndex) -> Callable[[TimeScale], float]:
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    style = ChartStyle()
    metrics = QtMetrics(style.label_font)

    def draw(scale: TimeScale) -> float:
        began = time.perf_counter()
        frame = build_frame(index, scale, metrics, bottom=HEIGHT)
        painter = QPainter(image)
        painter.fillRect(0, 0, WIDTH, HEIGHT, style.background)
        paint_frame(painter, frame, index, style, bottom=HEIGHT)
        painter.end()
        return (time.perf_counter() - began) * 1000

    return draw


def _stats(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50": statistics.median(ordered), "p95": p95, "max": ordered[-1]}


def _modes(index: TimelineIndex, draw: Callable[[TimeScale], float]) -> dict[str, list[float]]:
    low, high = index.extent or (0.0, 1.0)
    full = TimeScale(low, high, 150, WIDTH - 158)
    modes: dict[str, list[float]] = {"full view": [draw(full) for _ in range(30)]}
    zoom, scale = [], full
    step = (1000.0) ** (1 / 30)
    anchor = full.x_of(FIRST + DAYS * 0.8)
    for _ in range(30):
        scale = scale.zoomed(step, anchor)
        zoom.append(draw(scale))
    modes["zoom to 0.1%"] = zoom
    for name, fraction in (("pan at 1%", 0.01), ("pan at 0.1%", 0.001)):
        middle = FIRST + DAYS * 0.8
        scale = full.showing(middle - full.span * fraction / 2, middle + full.span * fraction / 2)
        times = []
        for _ in range(30):
            scale = scale.panned(-scale.width * 0.1)
            times.append(draw(scale))
        modes[name] = times
    return modes


def _rss_mb() -> float:
    """Resident memory now (not the peak), from /proc."""
    pages = int(Path("/proc/self/statm").read_text(encoding="ascii").split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _index_mb(index: TimelineIndex) -> float:
    """Bytes held by the index's numpy arrays (lane arrays and their row splits)."""
    return sum(arrays.nbytes for arrays in index.arrays) / 2**20


def run(count: int, mix: str = "skewed") -> dict[str, object]:
    """Measure one size of one mix ("skewed", the default, or "uniform")."""
    before = _rss_mb()
    project = uniform(count) if mix == "uniform" else synthetic(count)
    with_model = _rss_mb()
    began = time.perf_counter()
    index = TimelineIndex(project)
    build_s = time.perf_counter() - began
    with_index = _rss_mb()
    draw = _frame_timer(index)
    low, high = index.extent or (0.0, 1.0)
    first_ms = build_s * 1000 + draw(TimeScale(low, high, 150, WIDTH - 158))
    result: dict[str, object] = {
        "entries": count,
        "mix": mix,
        "index_build_s": round(build_s, 3),
        "first_frame_ms": round(first_ms, 1),
        "model_mb": round(with_model - before),
        "index_rss_mb": round(with_index - with_model),
        "index_arrays_mb": round(_index_mb(index), 1),
    }
    modes = _uniform_modes if mix == "uniform" else _modes
    for name, times in modes(index, draw).items():
        result[name] = {k: round(v, 2) for k, v in _stats(times).items()}
    if count == 10_000 and mix != "uniform":
        with tempfile.TemporaryDirectory() as folder:
            began = time.perf_counter()
            data = render_chart(project, "svg", today=day_number(2021, 11, 30))
            (Path(folder) / "x.svg").write_bytes(data)
            result["svg_export_s"] = round(time.perf_counter() - began, 3)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return result


def main(argv: list[str]) -> int:
    """Run the sizes given (default 1k, 10k, 100k, 1M) and print the table and JSON."""
    ensure_gui_app()
    mix = "uniform" if "--mix=uniform" in argv or "uniform" in argv else "skewed"
    sizes = [int(a) for a in argv if a.isdigit()] or [1_000, 10_000, 100_000, 1_000_000]
    results = [run(size, mix) for size in sizes]
    modes: tuple[str, ...] = ("full view", "zoom to 0.1%", "pan at 1%", "pan at 0.1%")
    if mix == "uniform":
        modes = ("full view", "zoom to 1%", "pan at 1%")
    print(
        f"{'entries':>9} {'build s':>8} {'first ms':>9} "
        + " ".join(f"{m + ' p50/p95/max ms':>32}" for m in modes)
        + f" {'rss MB':>7} {'model MB':>9} {'index MB':>9}"
    )
    for r in results:
        cells = []
        for m in modes:
            s = r[m]
            assert isinstance(s, dict)
            cells.append(f"{s['p50']:>9.1f}/{s['p95']:>6.1f}/{s['max']:>6.1f}".rjust(32))
        print(
            f"{r['entries']:>9} {r['index_build_s']:>8} {r['first_frame_ms']:>9} "
            + " ".join(cells)
            + f" {r['peak_rss_mb']:>7} {r['model_mb']:>9} {r['index_rss_mb']:>9}"
        )
    svg = [r["svg_export_s"] for r in results if "svg_export_s" in r]
    if svg:
        print(f"SVG export of 10k entries: {svg[0]} s")
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
