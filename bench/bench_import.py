"""Time ``timeline-editor import`` of generated CSV and TimelineJS files; print a table.

Usage: ``python -m bench.bench_import [--sizes 100000] [--runs 3] [--keep DIR]``.
Each import runs the real command line in a fresh process (as a user would), writing a
project file; its peak memory is that process's maximum resident set size. Records:
a day, a month or a year range, a five-word title, a twenty-word description (HTML in
TimelineJS), one of 5,000 source links, one of three lanes, two tags.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.synthetic import WORDS

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"seconds": 10.0, "peak_mb": 1024}


def _record(rng: random.Random) -> tuple[tuple[int, int, int], int | None, str, str, str, str]:
    y, m, d = rng.randint(1990, 2030), rng.randint(1, 12), rng.randint(1, 28)
    end = y + 1 if rng.random() < 0.3 else None
    title = " ".join(rng.choices(WORDS, k=5))
    text = " ".join(rng.choices(WORDS, k=20))
    url = f"https://news.example.org/{rng.randint(1, 5000)}"
    return (y, m, d), end, title, text, url, rng.choice(["East", "West", "UN"])


def write_csv(path: Path, size: int) -> None:
    """A generic CSV table of ``size`` records."""
    rng = random.Random(1)
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["date", "end", "title", "description", "url", "lane", "tags"])
        for _ in range(size):
            (y, m, d), end, title, text, url, lane = _record(rng)
            writer.writerow([f"{y}-{m:02d}-{d:02d}", end or "", title, text, url, lane, "a;b"])


def write_timelinejs(path: Path, size: int) -> None:
    """A TimelineJS JSON file of ``size`` events."""
    rng = random.Random(1)
    events = []
    for number in range(size):
        (y, m, d), end, title, text, url, lane = _record(rng)
        event = {
            "start_date": {"year": y, "month": m, "day": d},
            "text": {"headline": title, "text": f"<p>{text}</p>"},
            "group": lane,
            "media": {"url": url, "credit": "Agency"},
            "unique_id": f"ev-{number}",
        }
        if end:
            event["end_date"] = {"year": end}
        events.append(event)
    data = {"title": {"text": {"headline": "Generated"}}, "events": events}
    path.write_text(json.dumps(data), encoding="utf-8")


def run_import(source: Path, folder: Path) -> tuple[float, float]:
    """(wall seconds, peak MB) of one ``import`` in a fresh process."""
    out = folder / "out.timeline.json"
    out.unlink(missing_ok=True)
    code = (
        "import resource, sys; from timeline_editor.app import main; status = main(sys.argv[1:]);"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); "
        "sys.exit(status)"
    )
    command = [sys.executable, "-c", code, "import", str(source), "-o", str(out)]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=True)
    seconds = time.perf_counter() - started
    peak_kb = int(done.stderr.strip().splitlines()[-1])
    return seconds, peak_kb / 1024


def main() -> None:
    """Generate the files, import each ``--runs`` times, print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="folder for the generated files")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-import-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    print("   records  format       MB   import s   peak MB")
    for size in (int(s) for s in args.sizes.split(",")):
        for name, write in (("csv", write_csv), ("timelinejs", write_timelinejs)):
            source = folder / f"generated-{size}.{'csv' if name == 'csv' else 'json'}"
            if not source.exists():
                write(source, size)
            runs = [run_import(source, folder) for _ in range(args.runs)]
            seconds = statistics.median(r[0] for r in runs)
            peak = max(r[1] for r in runs)
            mb = source.stat().st_size / 1e6
            print(f"{size:>10}  {name:<10} {mb:6.1f} {seconds:10.2f} {peak:9.0f}")
            rows.append(
                {"records": size, "format": name, "s": round(seconds, 2), "peak_mb": round(peak)}
            )
    print(json.dumps({"bench": "import", "runs": args.runs, "rows": rows, "targets": TARGETS}))


if __name__ == "__main__":
    main()
