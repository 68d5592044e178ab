"""Loading pauses the garbage collector and leaves the new objects in the oldest generation."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from tests.samples import raw_file_project
from timeline_editor.io.project_file import load_project, save_project
from timeline_editor.model.gc_pause import gc_paused


class _Node:
    """Something that can take part in a reference cycle and be weakly referenced."""

    def __init__(self) -> None:
        self.other: _Node | None = None


def test_objects_made_while_paused_skip_the_young_generations() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        kept: list[list[int]] = [[] for _ in range(5000)]  # more than one young collection's worth
    assert gc.isenabled()
    assert gc.get_count()[0] < 100, "the new objects would be walked by the next collection"
    assert all(gc.is_tracked(item) for item in kept[:10])


def test_garbage_cycles_made_while_paused_are_still_collected() -> None:
    with gc_paused():
        first, second = _Node(), _Node()
        first.other, second.other = second, first
        gone = weakref.ref(first)
        del first, second
    assert gone() is not None  # a cycle: only the collector frees it
    gc.collect()
    assert gone() is None


def test_the_collector_stays_off_when_it_was_off(tmp_path: Path) -> None:
    path = tmp_path / "p.timeline.json"
    save_project(raw_file_project(), path)
    gc.disable()
    try:
        load_project(path)
        assert not gc.isenabled()
    finally:
        gc.enable()
