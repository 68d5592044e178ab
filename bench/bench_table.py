"""Time the chronology table in the real window (offscreen); print a table and a JSON line.

Usage: ``python -m bench.bench_table [--size 100000] [--runs 5]``.
A synthetic project is saved and opened in a ``MainWindow`` with the chart alone (the
table hidden), then: View ▸ Table (the table's build: rows, date order, first paint);
a sort by every column, first with its keys not yet made and then with them kept; and
the table's share of edits made through it (its model and proxy following the document;
the chart and the other views are timed elsewhere). Medians of ``--runs``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.synthetic import make_project  # noqa: E402
from timeline_editor.commands.items import delete_entries  # noqa: E402
from timeline_editor.io.project_file import save_project  # noqa: E402
from timeline_editor.model.changes import ChangeSet  # noqa: E402
from timeline_editor.ui.table.columns import HEADERS, Col  # noqa: E402
from timeline_editor.ui.table.model import ChronologyTableModel  # noqa: E402
from timeline_editor.ui.window.main_window import MainWindow  # noqa: E402

TARGETS_MS = {"build": 200.0, "sort": 300.0}
_SPENT = [0.0]


def _timed_follow() -> None:
    """Count the time the table's model spends following the document."""
    follow = ChronologyTableModel._on_document_changed

    def timed(self: ChronologyTableModel, changes: ChangeSet) -> None:
        start = time.perf_counter()
        follow(self, changes)
        _SPENT[0] += time.perf_counter() - start

    ChronologyTableModel._on_document_changed = timed  # type: ignore[method-assign]


def _median_ms(action: Callable[[], object], runs: int, share: bool = False) -> float:
    app = QApplication.instance()
    times = []
    for _ in range(runs):
        _SPENT[0] = 0.0
        start = time.perf_counter()
        action()
        if app is not None:
            app.processEvents()
        times.append(_SPENT[0] if share else time.perf_counter() - start)
    return round(1000 * statistics.median(times), 1)


def _open(size: int, folder: Path, runs: int) -> tuple[MainWindow, float, float]:
    """Open a project with the chart alone, then show the table: the first build's ms, and
    the median of ``runs`` more (the project read again while the table was hidden)."""
    path = folder / "bench.timeline.json"
    save_project(make_project(size), path)
    window = MainWindow()
    window.show()
    assert window.files.load(path)
    times = []
    for run in range(runs + 1):
        if run:
            window.actions_by_name["view_timeline"].trigger()
            window.document.reset(window.document.project)
            QApplication.processEvents()
        start = time.perf_counter()
        window.actions_by_name["view_list"].trigger()
        QApplication.processEvents()
        times.append(1000 * (time.perf_counter() - start))
    return window, round(times[0], 1), round(statistics.median(times[1:]), 1)


def _sorts(window: MainWindow, runs: int) -> dict[str, tuple[float, float]]:
    table = window.table
    out: dict[str, tuple[float, float]] = {}
    orders = (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder)
    for col in Col:
        other = Col.TITLE if col is Col.DATE else Col.DATE
        cold: list[float] = []
        kept: list[float] = []
        for run in range(runs):
            table.sortByColumn(other, Qt.SortOrder.AscendingOrder)
            table.source.sort_keys.drop([col])
            for bucket in (cold, kept):
                start = time.perf_counter()
                table.sortByColumn(col, orders[run % 2])
                QApplication.processEvents()
                bucket.append(1000 * (time.perf_counter() - start))
                table.sortByColumn(other, Qt.SortOrder.AscendingOrder)
        out[HEADERS[col]] = (round(statistics.median(cold), 1), round(statistics.median(kept), 1))
    table.sortByColumn(Col.DATE, Qt.SortOrder.AscendingOrder)
    return out


def _edits(window: MainWindow, runs: int) -> dict[str, float]:
    table, source = window.table, window.table.source
    ids = table.shown_ids()
    step = max(1, len(ids) // 1000)
    thousand = ids[::step][:1000]
    count = [0]

    def edit(col: Col, values: Callable[[int], str], rows: list[str]) -> Callable[[], object]:
        def run() -> None:
            count[0] += 1
            chosen = [source.row_of(i) for i in rows]
            source.apply_edit(chosen, col, values(count[0]), chosen[0])

        return run

    return {
        "title edit": _median_ms(edit(Col.TITLE, lambda n: f"Title {n}", ids[5:6]), runs, True),
        "date edit": _median_ms(
            edit(Col.DATE, lambda n: f"2010-05-{1 + n % 9:02d}", ids[7:8]), runs, True
        ),
        "status of 1,000 rows": _median_ms(
            edit(Col.STATUS, lambda n: ("cancelled", "occurred")[n % 2], thousand), runs, True
        ),
        "select 1,000": _median_ms(lambda: table.set_selection(thousand), runs),
        "delete 1,000": _median_ms(
            lambda: delete_entries(window.document, window.undo_stack, thousand), 1, True
        ),
        "undo the delete": _median_ms(window.undo_stack.undo, 1, True),
    }


def main() -> None:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    _timed_follow()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["TIMELINE_EDITOR_HOME"] = folder
        window, first, build = _open(args.size, Path(folder), args.runs)
        sorts = _sorts(window, args.runs)
        edits = _edits(window, args.runs)
        window.undo_stack.setClean()  # closing asks nothing
        window.close()
    print(f"{args.size:,} entries; table build (View ▸ Table): {first:.0f} ms after opening,")
    print(f"  {build:.0f} ms median when the project is read again")
    print(f"{'sort by':<12} {'first ms':>9} {'keys kept ms':>13}")  # first: keys made too
    for name, (cold, kept) in sorts.items():
        print(f"{name:<12} {cold:>9.0f} {kept:>13.0f}")
    print("the table's own time (its model and proxy following the document):")
    for name, value in edits.items():
        print(f"{name:<22} {value:>6.1f} ms")
    worst = max(cold for cold, _ in sorts.values())
    summary = {"size": args.size, "first_build_ms": first, "build_ms": build}
    summary |= {"worst_sort_ms": round(worst), "sorts": sorts, "edits": edits}
    print(json.dumps(summary | {"targets_ms": TARGETS_MS}))
    del app


if __name__ == "__main__":
    main()
