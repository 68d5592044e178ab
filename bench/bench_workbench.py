"""The researcher's paths through the real window (offscreen), at 10k, 100k and 1M entries.

Usage: ``python -m bench.bench_workbench [--sizes 10000,100000,1000000] [--runs 5]
[--keep DIR]``. Not a test: prints a table and one JSON line.

Each size runs in fresh interpreters on a synthetic file (:mod:`bench.synthetic`; above
100k the 100k pool's entries repeat with new ids) in the program's window,
``timeline_editor.ui.open_window(path)``. Each action is timed to the end of the events
it causes (repaints included), the median of ``--runs``:

* open: ``open_window(path)`` until the chart is painted, each in a fresh interpreter;
* title, date, lane and status edit: the command the inspector pushes, on an entry
  selected and brought into view first (View ▸ Zoom to Selection);
* select 1,000 entries; delete them (Edit ▸ Delete) and undo that;
* the chronology table's build (View ▸ Table) and its slowest sort (first and later);
* window Save (File ▸ Save after an edit: lineage, file, saved-version snapshot);
* file load and save alone (``load_project``, ``save_project``); peak memory (VmHWM).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from functools import partial
from itertools import cycle
from pathlib import Path
from typing import TYPE_CHECKING

from bench.workbench_report import TARGETS, missed, table

if TYPE_CHECKING:
    from timeline_editor.model.entities import Entry
    from timeline_editor.ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def make_file(size: int, folder: Path) -> Path:
    """The synthetic project file of ``size`` entries (made once per folder)."""
    path = folder / f"workbench-{size}.timeline.json"
    if not path.exists():
        from bench.bench_files import POOL, build
        from bench.synthetic import make_project
        from timeline_editor.io.project_file import save_project

        pool = make_project(POOL) if size > POOL else None
        save_project(build(size, pool), path)
    return path


def peak_mb() -> float:
    """This process's peak resident memory in MB (VmHWM)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Session:
    """One size measured in this process: a window on the file and its actions."""

    def __init__(self, path: Path, runs: int, work: Path) -> None:
        from PySide6.QtWidgets import QApplication

        self.app = QApplication.instance() or QApplication([])
        self.path, self.runs, self.work = path, runs, work
        self.rng = random.Random(9)
        self.window: MainWindow | None = None
        self.rss_after_open = 0.0
        self.first_sort = 0.0

    def settle(self) -> None:
        """Let the window handle everything queued (repaints included)."""
        self.app.processEvents()
        self.app.processEvents()

    def timed(
        self, action: Callable[[], object], before: Callable[[], object] | None = None
    ) -> float:
        """Median seconds of ``action`` (and the events it causes) over the runs."""
        times = []
        for _ in range(self.runs):
            if before is not None:
                before()
                self.settle()
            start = time.perf_counter()
            action()
            self.settle()
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    # -- the window ------------------------------------------------------------------

    def open(self) -> float:
        """Seconds of ``open_window(path)`` until painted (once: the window stays open).

        Each open runs in its own interpreter: a closed window still holds its
        project (a leak outside this benchmark), and at a million entries two
        projects do not fit in memory.
        """
        from timeline_editor.ui import open_window

        start = time.perf_counter()
        self.window = open_window(self.path)
        self.settle()
        seconds = time.perf_counter() - start
        self.rss_after_open = rss_mb()
        return seconds

    @property
    def main(self) -> MainWindow:
        assert self.window is not None
        return self.window

    def pick(self) -> Entry:
        """A random dated entry in a lane."""
        entries = self.main.document.project.entries
        while True:
            entry = entries[self.rng.randrange(len(entries))]
            if entry.when.edtf and entry.lane_id:
                return entry

    def edited(self, entry: Entry, kind: str) -> Entry:
        """``entry`` with one field changed as the inspector would change it."""
        from timeline_editor.model import edits
        from timeline_editor.model.vocab import LaneMode, Status

        at = "2021-11-20"
        if kind == "title":
            return entry.model_copy(update={"title": entry.title + " (edited)"})
        if kind == "date":
            return edits.shifted(entry, days=40, at=at)
        if kind == "lane":
            lanes = [
                lane.id for lane in self.main.document.project.lanes if lane.id != entry.lane_id
            ]
            new = self.rng.choice(lanes)
            return edits.relaned(
                entry, mode=LaneMode.LANE, old_key=entry.lane_id or "", new_key=new
            )
        status = Status.CANCELLED if entry.status is not Status.CANCELLED else Status.OCCURRED
        return edits.with_status(entry, status=status, at=at)

    def push_edit(self, entry: Entry, kind: str) -> None:
        """Push the command the inspector pushes for one field of ``entry``."""
        from timeline_editor.commands.items import EditItems

        new = self.edited(entry, kind)
        self.main.undo_stack.push(EditItems(self.main.document, "entries", [new], kind))

    def edit(self, kind: str) -> float:
        """Median seconds of one edit of an entry selected and brought into view first."""
        chosen: list[Entry] = []

        def select() -> None:
            chosen[:] = [self.pick()]
            self.main.select([chosen[0].id])
            self.main.viewing.zoom_to_selection()

        return self.timed(lambda: self.push_edit(chosen[0], kind), select)

    def sample(self, count: int) -> list[str]:
        """Ids of ``count`` random entries."""
        entries = self.main.document.project.entries
        return [entries[n].id for n in self.rng.sample(range(len(entries)), count)]

    def select(self) -> float:
        """Median seconds to select 1,000 entries (in every view and the inspector)."""
        chosen: list[str] = []

        def clear() -> None:
            self.main.select([])
            chosen[:] = self.sample(1000)

        return self.timed(lambda: self.main.select(chosen), clear)

    def delete_and_undo(self) -> tuple[float, float]:
        """Medians of Edit ▸ Delete of 1,000 selected entries and of its undo."""
        deletes, undos = [], []
        for _ in range(self.runs):
            self.main.select(self.sample(1000))
            self.settle()
            start = time.perf_counter()
            self.main.edits.delete()
            self.settle()
            deletes.append(time.perf_counter() - start)
            start = time.perf_counter()
            self.main.undo_stack.undo()
            self.settle()
            undos.append(time.perf_counter() - start)
        return statistics.median(deletes), statistics.median(undos)

    def save(self) -> float:
        """Median seconds of File ▸ Save after an edit (new content each time)."""
        files = self.main.files
        files.path = self.work / "window-save.timeline.json"

        def edit() -> None:
            files.versions.wait()  # the last save's snapshot, written on a thread
            self.push_edit(self.pick(), "title")

        return self.timed(files.save, edit)

    def table(self) -> tuple[float | None, float | None, str]:
        """The table's build (View ▸ Table) and its slowest sort, or why not measured.

        Build: the table was hidden while the project was read again, so showing it
        makes its rows. Sort: each column's first sort (its keys are made then) once,
        then the median of sorts the other way round; the slowest column of each.
        """
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QTableView

        actions = self.main.actions_by_name
        view = self.main.findChild(QTableView, "chronologyTable")
        if view is None or "view_list" not in actions:
            return None, None, "no chronology table in this window"

        def hide_and_reread() -> None:
            actions["view_timeline"].trigger()
            self.main.document.reset(self.main.document.project)

        build = self.timed(actions["view_list"].trigger, hide_and_reread)

        def flip(column: int, orders: Iterator[Qt.SortOrder]) -> None:
            view.sortByColumn(column, next(orders))

        first, kept = [], []
        for column in range(view.model().columnCount()):
            orders = cycle([Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder])
            start = time.perf_counter()
            flip(column, orders)
            self.settle()
            first.append(time.perf_counter() - start)
            kept.append(self.timed(partial(flip, column, orders)))
        self.first_sort = max(first, default=0.0)
        return build, max(kept, default=None), ""


def rss_mb() -> float:
    """Resident memory now, in MB."""
    pages = int(Path("/proc/self/statm").read_text(encoding="ascii").split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def files_alone(path: Path, runs: int, work: Path) -> dict[str, float]:
    """Medians of ``load_project`` (caches cleared) and ``save_project`` without a window."""
    from timeline_editor.io.project_file import load_project, save_project
    from timeline_editor.model.edtf_check import clear_cache

    loads, saves = [], []
    project = None
    for _ in range(runs):
        project = None  # one project in memory at a time (a million entries take 8 GB)
        gc.collect()
        clear_cache()
        start = time.perf_counter()
        project = load_project(path)
        loads.append(time.perf_counter() - start)
    assert project is not None
    for _ in range(runs):
        start = time.perf_counter()
        save_project(project, work / "plain.timeline.json")
        saves.append(time.perf_counter() - start)
    del project
    gc.collect()
    return {"file_load": statistics.median(loads), "file_save": statistics.median(saves)}


def child(path: Path, runs: int, open_only: bool) -> None:
    """Measure one file in this process; print the results as one JSON line."""
    work = Path(tempfile.mkdtemp(prefix="bench-workbench-"))
    results: dict[str, object] = {} if open_only else dict(files_alone(path, runs, work))
    session = Session(path, runs, work)
    results["open"] = session.open()
    if not open_only:
        results["rss_after_open_mb"] = round(session.rss_after_open)
        for kind in ("title", "date", "lane", "status"):
            results[f"{kind}_edit"] = session.edit(kind)
        results["select_1000"] = session.select()
        results["delete_1000"], results["undo_delete_1000"] = session.delete_and_undo()
        build, sort, note = session.table()
        results["table_build"], results["table_sort"], results["table_note"] = build, sort, note
        results["table_first_sort"] = session.first_sort if build is not None else None
        results["window_save"] = session.save()
        results["peak_mb"] = round(peak_mb())
    shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(results))


def _run_child(path: Path, folder: Path, *options: str) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # A home of its own: settings one run leaves (the table shown) must not change the next.
    env["TIMELINE_EDITOR_HOME"] = tempfile.mkdtemp(prefix="home-", dir=folder)
    command = [sys.executable, "-m", "bench.bench_workbench", "--child", str(path), *options]
    done = subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure(size: int, folder: Path, runs: int) -> dict[str, object]:
    """One interpreter for everything, and one more per further open (medians of ``runs``)."""
    path = make_file(size, folder)
    result = _run_child(path, folder, "--runs", str(runs))
    opens = [result["open"]]
    opens += [_run_child(path, folder, "--open-only")["open"] for _ in range(runs - 1)]
    result["open"] = statistics.median(float(str(t)) for t in opens)
    result["entries"] = size
    return result


def main() -> None:
    """Run the sizes asked for and print the table, the missed targets and one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes_pos", nargs="*", type=int, metavar="SIZE")
    parser.add_argument("--sizes", default="")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--open-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.runs, args.open_only)
        return
    sizes = args.sizes_pos or [int(s) for s in args.sizes.split(",") if s] or [10_000, 100_000]
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-workbench-files-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in sizes:
        rows.append(measure(size, folder, args.runs))
        print(f"measured {size:,} entries", file=sys.stderr, flush=True)
    if args.keep is None:
        shutil.rmtree(folder, ignore_errors=True)
    print(table(rows))
    for line in missed(rows):
        print("missed:", line)
    print(json.dumps({"bench": "workbench", "runs": args.runs, "rows": rows, "targets": TARGETS}))


if __name__ == "__main__":
    main()
