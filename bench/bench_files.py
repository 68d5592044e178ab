"""Time project load and save at 1k, 10k, 100k and 1M entries; print a table and a JSON line.

Usage: ``python -m bench.bench_files [--sizes 1000,10000] [--runs 5] [--keep DIR]``.
Each load runs in a fresh process (as opening a file does), with the EDTF caches
cleared before every run; its peak memory is that process's maximum resident set size.
Entries of the 1M project are copies (with new ids) of the 100k pool, to save generating
time; the 100k pool's dates, citations and claims repeat ten times.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.synthetic import make_project  # noqa: E402
from timeline_editor.io.project_file import load_project, save_project  # noqa: E402
from timeline_editor.model.edtf_check import clear_cache  # noqa: E402
from timeline_editor.model.entities import Project, new_id  # noqa: E402

POOL = 100_000
COLUMNS = ["  entries", "     MB", " save s", " save cpu s", " load s", " load cpu s", " peak MB"]
HEADER = " ".join(COLUMNS)
TARGETS = {"load_100000": 1.0, "save_100000": 0.5, "load_1000000": 5.0}


def build(size: int, pool: Project | None) -> Project:
    """A synthetic project of ``size`` entries (copied from ``pool`` above its size)."""
    if pool is None or size <= len(pool.entries):
        return make_project(size)
    entries = tuple(
        pool.entries[i % len(pool.entries)].model_copy(update={"id": new_id()}) for i in range(size)
    )
    return pool.model_copy(update={"entries": entries, "title": f"{size} entries"})


def time_saves(project: Project, path: Path, runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds per save (the first creates the file, the rest keep a .bak)."""
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        save_project(project, path)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return times, cpu


def load_worker(path: Path, runs: int) -> None:
    """Child process: time ``runs`` loads, print JSON with times and peak memory."""
    times, cpu = [], []
    for _ in range(runs):
        clear_cache()
        start, start_cpu = time.perf_counter(), time.process_time()
        project = load_project(path)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        del project
    print(json.dumps({"times": times, "cpu": cpu, "peak_mb": peak_memory_mb()}))


def peak_memory_mb() -> float:
    """This process's peak resident memory (VmHWM; ru_maxrss would count the parent's)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def time_loads(path: Path, runs: int) -> dict[str, object]:
    """Run :func:`load_worker` in a fresh interpreter."""
    out = subprocess.run(
        [sys.executable, "-m", "bench.bench_files", "--load", str(path), "--runs", str(runs)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, object] = json.loads(out)
    return result


def measure(size: int, pool: Project | None, runs: int, folder: Path) -> dict[str, float]:
    """Save and load timings for one size."""
    project = build(size, pool)
    path = folder / f"synthetic-{size}.timeline.json"
    saves, saves_cpu = time_saves(project, path, runs)
    del project
    loads = time_loads(path, runs)
    times, cpu = loads["times"], loads["cpu"]
    assert isinstance(times, list) and isinstance(cpu, list)
    return {
        "entries": size,
        "mb": round(path.stat().st_size / 1e6, 1),
        "save_s": round(statistics.median(saves), 3),
        "save_cpu_s": round(statistics.median(saves_cpu), 3),
        "load_s": round(statistics.median(times), 3),
        "load_cpu_s": round(statistics.median(cpu), 3),
        "peak_mb": round(float(str(loads["peak_mb"]))),
    }


def main() -> None:
    """Run the benchmark and print the results."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    parser.add_argument("--load", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.load:
        load_worker(args.load, args.runs)
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-files-"))
    folder.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    pool = make_project(POOL) if max(sizes) > POOL else None
    rows = []
    print(HEADER)
    for size in sizes:
        row = measure(size, pool, args.runs if size < 1_000_000 else 2, folder)
        rows.append(row)
        cells = zip(COLUMNS, row.values(), strict=True)
        print(" ".join(f"{value:>{len(name)}}" for name, value in cells), flush=True)
    if args.keep is None:
        shutil.rmtree(folder)
    print(json.dumps({"bench": "files", "runs": args.runs, "rows": rows, "targets": TARGETS}))


if __name__ == "__main__":
    main()
