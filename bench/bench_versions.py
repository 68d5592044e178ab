"""Cost of a versioned save (hash + lineage + gzip snapshot) against a plain save."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline_editor.io.project_file import save_project
from timeline_editor.io.versions import VersionStore, content_hash, save_version
from timeline_editor.model.entities import DateValue, Entry, Project


def synthetic(count: int) -> Project:
    """A project of ``count`` dated entries."""
    entries = tuple(
        Entry(
            title=f"Entry {i}",
            description="A meeting of ministers " * 3,
            when=DateValue(edtf=f"{1900 + i % 120}-{1 + i % 12:02d}-{1 + i % 28:02d}"),
        )
        for i in range(count)
    )
    return Project(title="bench", entries=entries)


def timed(action: object) -> float:
    """Seconds one call takes."""
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - start


def measure(count: int) -> tuple[float, ...]:
    """Plain save, hash, versioned save, unchanged re-save (s) and snapshot size (MB)."""
    project = synthetic(count)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.json"
        store = VersionStore(Path(folder) / "versions")
        plain = timed(lambda: save_project(project, path))
        hashing = timed(lambda: content_hash(project))
        saved: list[Project] = []
        versioned = timed(lambda: saved.append(save_version(project, path, store)))
        resave = timed(lambda: save_version(saved[0], path, store))
        size = sum(p.stat().st_size for p in store.root.glob("*/*.gz")) / 1e6
    return plain, hashing, versioned, resave, size


def main() -> None:
    """Print the table for 10k and 100k entries."""
    print("entries  plain s  hash s  versioned s  resave s  snapshot MB")
    for count in (10_000, 100_000):
        plain, hashing, versioned, resave, size = measure(count)
        print(
            f"{count:>7} {plain:8.2f} {hashing:7.2f} {versioned:12.2f} {resave:9.2f} {size:12.1f}"
        )


if __name__ == "__main__":
    main()
