"""Positions that follow splices without renumbering, against ``list.index``."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_editor.model import positions as positions_module
from timeline_editor.model.positions import Positions
from timeline_editor.model.splice import inserted, without


def _check(found: Positions, ids: list[str], gone: set[str]) -> None:
    for position, ident in enumerate(ids):
        assert found.get(ident) == position
        assert ident in found
    for ident in gone:
        assert found.get(ident) is None and ident not in found
    assert len(found) == len(ids)
    assert found.as_dict() == {ident: n for n, ident in enumerate(ids)}


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**32), st.integers(0, 40), st.integers(1, 30))
def test_positions_follow_any_splices(seed: int, count: int, steps: int) -> None:
    rng = random.Random(seed)
    ids = [f"i{n}" for n in range(count)]
    found = Positions(lambda: list(ids))
    found.write()
    serial = count
    gone: set[str] = set()
    for _ in range(steps):
        if ids and rng.random() < 0.5:
            chosen = sorted(rng.sample(range(len(ids)), rng.randint(1, min(5, len(ids)))))
            names = [ids[p] for p in chosen]
            ids[:] = [i for n, i in enumerate(ids) if n not in chosen]
            found.removed(chosen, names)
            gone.update(names)
        else:
            new = [f"i{serial + k}" for k in range(rng.randint(1, 4))]
            serial += len(new)
            spots = [(rng.randint(0, len(ids) + k), n) for k, n in enumerate(new)]
            merged, placed = inserted(ids, spots)
            ids[:] = list(merged)
            if placed is None:
                found.forget()
            else:
                found.inserted(placed, new)
        _check(found, ids, gone)


def test_a_long_log_writes_the_positions_down_again() -> None:
    ids = [f"i{n}" for n in range(50)]
    found = Positions(lambda: list(ids))
    found.write()
    for _ in range(positions_module.MAX_LOG + 3):
        found.removed([0], [ids.pop(0)])
    _check(found, ids, {"i0", "i1"})


def test_without_removes_the_positions_given() -> None:
    assert without(["a", "b", "c", "d"], [0, 2]) == ("b", "d")
