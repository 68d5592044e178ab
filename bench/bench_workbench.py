"""The researcher's paths through the real window (offscreen), at 10k, 100k and 1M entries.

Usage: ``python -m bench.bench_workbench [--sizes 10000,100000,1000000] [--runs 5]
[--keep DIR]``. Not a test: prints a table and one JSON line.

Each size runs in a fresh interpreter (so that its peak memory is its own) on a
synthetic project file (:mod:`bench.synthetic`; above 100k, the 100k pool's entries
repeat with new ids, as in :mod:`bench.bench_files`). The window is the program's:
``timeline_editor.ui.open_window(path)``. Every action is timed up to the end of the
event processing it causes (repaints included) and given as the median of ``--runs``:

* open: ``open_window(path)`` until the chart is painted, each in a fresh interpreter;
* title, date, lane and status edit: the command the inspector pushes, on an entry
  selected and brought into view first (View ▸ Zoom to Selection);
* select 1,000 entries; delete them (Edit ▸ Delete) and undo that;
* the chronology table's build and its slowest sort, when the window has one;
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
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline_editor.model.entities import Entry
    from timeline_editor.ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: Targets on the 2-core machine, from issue 9: (action, size or None for any, limit).
#: Times in seconds, memory in MB; "field_edit" is the slowest of date, lane and status.
TARGETS: list[tuple[str, int | None, float]] = [
    ("open", 100_000, 2.0),
    ("open", 1_000_000, 20.0),
    ("title_edit", None, 0.030),
    ("field_edit", 100_000, 0.050),
    ("field_edit", 1_000_000, 0.200),
    ("select_1000", None, 0.050),
    ("delete_1000", None, 0.200),
    ("undo_delete_1000", None, 0.200),
    ("table_build", 100_000, 0.200),
    ("table_sort", 100_000, 0.300),
    ("window_save", 100_000, 1.5),
    ("file_load", 100_000, 1.0),
    ("file_save", 100_000, 0.5),
    ("peak_mb", 1_000_000, 1024),
]
ACTIONS = (
    "open",
    "title_edit",
    "date_edit",
    "lane_edit",
    "status_edit",
    "select_1000",
    "delete_1000",
    "undo_delete_1000",
    "table_build",
    "table_sort",
    "window_save",
    "file_load",
    "file_save",
)


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
        """Build and slowest sort of the chronology table, or why they were not measured."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QTableView

        view = self.main.findChild(QTableView, "chronologyTable")
        action = self.main.actions_by_name.get("view_table")
        if view is None or action is None:
            return None, None, "no chronology table in this window (not merged yet)"
        build = self.timed(action.trigger, self.main.actions_by_name["view_timeline"].trigger)
        action.trigger()
        self.settle()
        model = view.model()
        sorts = []
        for column in range(model.columnCount()):
            order = Qt.SortOrder.AscendingOrder
            sorts.append(self.timed(partial(view.sortByColumn, column, order)))
        return build, max(sorts, default=None), ""


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
        results["window_save"] = session.save()
        results["peak_mb"] = round(peak_mb())
    shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(results))


def _run_child(path: Path, folder: Path, *options: str) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["TIMELINE_EDITOR_HOME"] = str(folder / "home")
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


def _cell(value: object) -> str:
    if not isinstance(value, float):
        return "—" if value is None else str(value)
    return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"


def table(rows: list[dict[str, object]]) -> str:
    """Actions down, sizes across (a Markdown table)."""
    sizes = [f"{int(str(r['entries'])):,}" for r in rows]
    lines = ["| action | " + " | ".join(sizes) + " |", "|---|" + "---:|" * len(rows)]
    for action in (*ACTIONS, "peak_mb", "rss_after_open_mb"):
        lines.append(f"| {action} | " + " | ".join(_cell(r.get(action)) for r in rows) + " |")
    return "\n".join(lines)


def missed(rows: list[dict[str, object]]) -> list[str]:
    """Every target missed, with its figure."""
    out = []
    for row in rows:
        size = int(str(row["entries"]))
        for action, at, limit in TARGETS:
            if at is not None and at != size:
                continue
            value: object = row.get(action)
            if action == "field_edit":
                values = [row.get(f"{k}_edit") for k in ("date", "lane", "status")]
                value = max((v for v in values if isinstance(v, float)), default=None)
            if isinstance(value, int | float) and value > limit:
                shown = f"{value} MB" if action == "peak_mb" else _cell(float(value))
                goal = f"{limit:.0f} MB" if action == "peak_mb" else _cell(limit)
                out.append(f"{action} at {size:,}: {shown} (target ≤ {goal})")
    return out


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
