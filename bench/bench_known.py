"""Moving the "Known on" day in the real window (offscreen, 1600x900): frames per step.

Usage: ``python -m bench.bench_known [SIZES...]`` (default 100000). Not a test: prints a
table and one JSON line.

The project is the canvas benchmark's (8 lanes, mixed precisions, events that occurred,
so each is known from its own date), with two claims that disagree on every 20th entry
(said a week and a month after the event: such an entry is disputed only from the
second claim on) and a date change learnt later on every 100th. The window opens it
from a file, View ▸ Known on is set to a day in the busiest decade, and then:

* day / week: Alt+PgDown's and Alt+Shift+PgDown's action, 60 steps each;
* drag: the overview handle moved 60 times by a few pixels (``known_moved``);
* table: a day back, 60 times, with the chronology table shown below the chart (the
  others with the chart alone, View ▸ Timeline), timed until the table too has
  filtered its rows and repainted (it does so after the chart has painted);
* chart_first: the same, timed to the end of the chart's repaint only (the table
  then catches up, untimed);

each (but the table's) timed from the action to the end of the repaint it causes
(``processEvents``, which paints the chart). The first day set (which computes the
knowledge arrays, one pass over the project) is timed on its own.

Measured on the 2-core machine, five runs alternating with the code before this
work (load average 1.0, shared with other work, so p95 is noisy), the median over
the runs of each figure; median / p95 in ms:

================  ===========  ===========
row               before       after
================  ===========  ===========
first day set     1234         1265
day               19.1 / 25.4  15.2 / 19.9
week              21.4 / 31.2  16.3 / 17.5
drag              20.9 / 24.2  17.7 / 19.6
table             39.8 / 51.6  29.9 / 40.5
chart_first       --           18.6 / 27.8
================  ===========  ===========

In the quietest run (load 0.8): day 15.1 / 15.9, week 15.8 / 16.8, drag 16.0 / 16.7
(before 18.2 / 21.8, 20.3 / 23.3, 18.7 / 21.2). A plain pan of the same view costs
about 12-13 ms, nearly all of it painting the marks.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from bench.bench_canvas import synthetic
from timeline_editor.io.project_file import save_project
from timeline_editor.model.daynum import day_number, format_day
from timeline_editor.model.entities import Actor, Claim, DateValue, HistoryItem, Project
from timeline_editor.model.vocab import Stance
from timeline_editor.ui.window.main_window import MainWindow

STEPS = 60


def project(count: int) -> Project:
    """The canvas benchmark's project with claims on 1 in 20 and date changes on 1 in 50."""
    base = synthetic(count)
    entries = list(base.entries)
    for number in range(0, count, 20):
        entry = entries[number]
        day = entry.when.edtf[:10] if len(entry.when.edtf) >= 10 else ""
        if not day or not day[:4].isdigit():
            continue
        said = day_number(int(day[:4]), int(day[5:7]), int(day[8:10]))
        claims = tuple(
            Claim.model_construct(
                id=f"c{number}-{i}",
                speaker_id="a0",
                stance=stance,
                text="",
                said=DateValue.model_construct(edtf=format_day(said + lag), as_stated=""),
                citation=None,
                retracted=False,
            )
            for i, (stance, lag) in enumerate(((Stance.ASSERTS, 7), (Stance.DENIES, 30)))
        )
        update: dict[str, object] = {"claims": claims}
        if number % 100 == 0:
            change = HistoryItem(
                field="when", old=day, new=entry.when.edtf, at=format_day(said + 60)
            )
            update["history"] = (change,)
        entries[number] = entry.model_copy(update=update)
    speaker = Actor(id="a0", name="Speaker")
    return base.model_copy(update={"entries": tuple(entries), "actors": (speaker,)})


def timed(app: QApplication, window: MainWindow, action: Callable[[], object]) -> float:
    """Milliseconds from ``action`` to the end of the chart's repaint."""
    start = time.perf_counter()
    action()
    app.processEvents()  # the chart's repaint happens here
    return (time.perf_counter() - start) * 1000


def caught_up(app: QApplication, window: MainWindow, action: Callable[[], object]) -> float:
    """Milliseconds from ``action`` until the table, too, shows the day and has repainted."""
    start = time.perf_counter()
    action()
    app.processEvents()
    while window.table.known_pending():
        app.processEvents()
    app.processEvents()  # the table's repaint
    return (time.perf_counter() - start) * 1000


def run(count: int, folder: Path) -> dict[str, float]:
    """The timings of one size."""
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    path = folder / f"known-{count}.json"
    save_project(project(count), path)
    window = MainWindow()
    window.resize(1600, 900)
    window.show()
    assert window.files.load(path)
    app.processEvents()
    known = window.known_on
    first = timed(app, window, lambda: known.set_day(day_number(2015, 1, 1)))
    acts = known.bar.actions_by_name
    result = {"entries": float(count), "first_day_ms": first}
    window.actions_by_name["view_timeline"].trigger()
    for name, act in (("day", acts["known_day_forward"]), ("week", acts["known_week_forward"])):
        times = [timed(app, window, act.trigger) for _ in range(STEPS)]
        result |= _stats(name, times)
    window.actions_by_name["view_split"].trigger()
    app.processEvents()
    back = acts["known_day_back"]
    result |= _stats("table", [caught_up(app, window, back.trigger) for _ in range(STEPS)])
    firsts = []
    for _ in range(STEPS):
        firsts.append(timed(app, window, back.trigger))
        caught_up(app, window, lambda: None)  # untimed: the table catches up
    result |= _stats("chart_first", firsts)
    window.actions_by_name["view_timeline"].trigger()
    strip = window.timeline.overview
    x = strip.known_x()
    drags = []
    for step in range(STEPS):
        day = int(strip._day(x - 3 * step)) - 1
        drags.append(timed(app, window, partial(strip.known_moved.emit, day)))
    result |= _stats("drag", drags)
    window.close()
    return result


def _stats(name: str, times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {
        f"{name}_median_ms": statistics.median(ordered),
        f"{name}_p95_ms": ordered[max(0, round(0.95 * len(ordered)) - 1)],
    }


def main() -> None:
    """Run every size given (default 100,000) and print the table and a JSON line."""
    sizes = [int(arg) for arg in sys.argv[1:]] or [100_000]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        rows = [run(size, Path(folder)) for size in sizes]
    kinds = ("day", "week", "drag", "table", "chart_first")
    heads = " ".join(f"{k + ' med/p95':>16}" for k in kinds)
    print(f"{'entries':>9} {'first':>8} {heads}")
    for row in rows:
        cells = [f"{row[f'{k}_median_ms']:.1f}/{row[f'{k}_p95_ms']:.1f}" for k in kinds]
        first = f"{row['first_day_ms']:>6.0f}ms"
        print(f"{int(row['entries']):>9} {first:>8} " + " ".join(f"{c:>16}" for c in cells))
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
