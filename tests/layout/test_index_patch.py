"""The patched index against its slow twin: after any edits it equals a fresh build."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_editor.layout import index as index_module
from timeline_editor.layout import restack as restack_module
from timeline_editor.layout.index import SHOWN_ROWS, TimelineIndex, stack_rows
from timeline_editor.layout.patch import patch_index
from timeline_editor.layout.restack import restack
from timeline_editor.model.changes import ChangeSet
from timeline_editor.model.document import Document
from timeline_editor.model.entities import Actor, Claim, DateValue, Entry, Era, Lane, Project
from timeline_editor.model.vocab import EntryKind, LaneMode, Stance, Status

#: Dates from a narrow range, so that marks overlap and stack several rows high.
DATES = (
    "",
    "2021",
    "2021-03",
    "2021-03-04",
    "2021-03-04~",
    "2021-03?",
    "2021-02-01/2021-05-30",
    "2021-03-10/..",
    "[2021-01..2021-06]",
    "2021-04-01",
    "2021-04-01/2021-04-03",
    "2022-01-05",
)
LANES = ("l1", "l2", "l3")
ACTORS = ("a1", "a2", "a3")


def _entry(rng: random.Random, ident: str) -> Entry:
    stances = rng.choice([(), (Stance.ASSERTS,), (Stance.ASSERTS, Stance.DENIES)])
    return Entry(
        id=ident,
        title=f"Entry {ident}",
        when=DateValue(edtf=rng.choice(DATES)),
        kind=rng.choice(list(EntryKind)),
        status=rng.choice([Status.OCCURRED, Status.CANCELLED, Status.SCHEDULED]),
        lane_id=rng.choice([*LANES, None]),
        actor_ids=tuple(rng.sample(ACTORS, rng.randint(0, 2))),
        claims=tuple(Claim(id=f"{ident}-c{i}", stance=s) for i, s in enumerate(stances)),
    )


def _project(rng: random.Random, count: int) -> Project:
    return Project(
        as_of="2021-03-20",
        lanes=tuple(Lane(id=k, title=f"Lane {k}") for k in LANES),
        actors=tuple(Actor(id=k, name=f"Actor {k}") for k in ACTORS),
        entries=tuple(_entry(rng, f"e{i}") for i in range(count)),
    )


def _edited(rng: random.Random, entry: Entry) -> Entry:
    fresh = _entry(rng, entry.id)
    field = rng.choice(["when", "lane_id", "status", "kind", "actor_ids", "claims", "title"])
    value = fresh.title + "!" if field == "title" else getattr(fresh, field)
    return entry.model_copy(update={field: value})


def _edit(rng: random.Random, document: Document, serial: list[int]) -> None:
    """One command's worth of mutator calls (a few of them, as a command may make)."""
    entries = document.project.entries
    for _ in range(rng.randint(1, 3)):
        action = rng.choice(["add", "remove", "change", "change", "lane", "era"])
        if action == "add":
            serial[0] += 1
            place = rng.randint(0, len(document.project.entries))
            document.insert("entries", [(place, _entry(rng, f"n{serial[0]}"))])
        elif action == "remove" and entries:
            gone = rng.sample([e.id for e in entries], rng.randint(1, min(4, len(entries))))
            document.remove("entries", gone)
        elif action == "change" and entries:
            chosen = rng.sample(list(document.project.entries), min(3, len(entries)))
            document.replace("entries", [_edited(rng, e) for e in chosen])
        elif action == "lane":
            lane = document.lane(rng.choice(LANES))
            document.replace("lanes", [lane.model_copy(update={"title": lane.title + "+"})])
        elif action == "era":
            serial[0] += 1
            era = Era(id=f"era{serial[0]}", title="War", when=DateValue(edtf="2021-02"))
            document.append("eras", [era])
        entries = document.project.entries


def assert_same_index(patched: TimelineIndex, fresh: TimelineIndex) -> None:
    """Two indexes hold the same entries, lanes and arrays (used by the window tests too)."""
    assert [e.id for e in patched.entries] == [e.id for e in fresh.entries]
    assert patched.entries == fresh.entries
    assert list(patched.titles) == list(fresh.titles)
    assert patched.ids.as_dict() == fresh.ids.as_dict()
    assert patched.undated == fresh.undated
    assert patched.lanes == fresh.lanes
    assert patched.eras == fresh.eras
    assert len(patched.arrays) == len(fresh.arrays)
    for mine, theirs in zip(patched.arrays, fresh.arrays, strict=True):
        for name in ("starts", "ends", "core_starts", "core_ends", "marks", "rows", "entries"):
            a, b = getattr(mine, name), getattr(theirs, name)
            assert a.dtype == b.dtype, name
            assert np.array_equal(a, b), name
        assert np.array_equal(mine.cummax_end, theirs.cummax_end)
        assert mine.row_count == theirs.row_count
        split, other = mine.split(SHOWN_ROWS), theirs.split(SHOWN_ROWS)
        assert np.array_equal(split.positions, other.positions)


@contextmanager
def _settings(cap: int, walk: bool) -> Iterator[None]:
    """A sub-row cap, and whether restacking walks (True) or stacks lanes whole."""
    saved = index_module.ROW_CAP, restack_module.DENSE
    index_module.ROW_CAP, restack_module.DENSE = cap, (2.0 if walk else 0.0)
    try:
        yield
    finally:
        index_module.ROW_CAP, restack_module.DENSE = saved


def _not_cancelled(entry: Entry) -> bool:
    return entry.status is not Status.CANCELLED


@settings(max_examples=150, deadline=None)
@given(
    seed=st.integers(0, 2**32),
    size=st.tuples(st.integers(0, 30), st.integers(1, 8)),
    view=st.tuples(st.sampled_from(list(LaneMode)), st.booleans()),
    tuning=st.tuples(st.sampled_from([2, 4, 32]), st.booleans()),
)
def test_patched_index_equals_a_fresh_one(
    seed: int,
    size: tuple[int, int],
    view: tuple[LaneMode, bool],
    tuning: tuple[int, bool],
) -> None:
    """Entries, steps; lane mode, filtered; sub-row cap, restack walks."""
    rng = random.Random(seed)
    (count, steps), (mode, filtered) = size, view
    document = Document(_project(rng, count))
    predicate = _not_cancelled if filtered else None
    heard: list[ChangeSet] = []
    document.subscribe(heard.append)
    serial = [0]

    def position(ident: str) -> int:
        return document.index_of("entries", ident)

    with _settings(*tuning):
        index = TimelineIndex(document.project, lane_mode=mode, predicate=predicate)
        for _ in range(steps):
            with document.batch():
                _edit(rng, document, serial)
            assert len(heard) <= 1  # one batch, one change set
            for changes in heard:
                assert patch_index(index, document.project, changes, position)
            heard.clear()
            fresh = TimelineIndex(document.project, lane_mode=mode, predicate=predicate)
            assert_same_index(index, fresh)


def test_a_new_as_of_day_asks_for_a_rebuild() -> None:
    document = Document(_project(random.Random(1), 5))
    heard: list[ChangeSet] = []
    document.subscribe(heard.append)
    index = TimelineIndex(document.project)
    document.set_meta(as_of="2021-05-01")
    assert not patch_index(index, document.project, heard[0], lambda i: 0)


def test_a_title_edit_keeps_the_lanes_arrays() -> None:
    document = Document(_project(random.Random(2), 12))
    heard: list[ChangeSet] = []
    document.subscribe(heard.append)
    index = TimelineIndex(document.project)
    arrays = list(index.arrays)
    first = document.project.entries[0]
    document.replace("entries", [first.model_copy(update={"title": "Renamed"})])
    assert patch_index(index, document.project, heard[0], lambda i: 0)
    assert index.titles[0] == "Renamed"
    assert all(a is b for a, b in zip(index.arrays, arrays, strict=True))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 40), st.sampled_from([1, 2, 5, 20]))),
    st.lists(st.booleans()),
    st.lists(st.tuples(st.integers(0, 40), st.sampled_from([1, 2, 5, 20])), max_size=5),
    st.integers(1, 5),
)
def test_restack_equals_stacking_the_whole_lane(
    marks: list[tuple[int, int]],
    kept: list[bool],
    added: list[tuple[int, int]],
    cap: int,
) -> None:
    old = sorted(marks, key=lambda m: (m[0], -m[1]))
    starts = np.array([float(s) for s, _ in old])
    ends = np.array([float(s + d) for s, d in old])
    rows = stack_rows(starts, ends, cap)
    keep = [kept[i] if i < len(kept) else True for i in range(len(old))]
    lane = [(s, s + d, i) for i, (s, d) in enumerate(old) if keep[i]]
    lane += [(s, s + d, -1) for s, d in added]
    lane.sort(key=lambda m: (m[0], -m[1], m[2] < 0))
    new_starts = np.array([float(m[0]) for m in lane])
    new_ends = np.array([float(m[1]) for m in lane])
    origin = np.array([m[2] for m in lane], np.int64)
    with _settings(32, walk=True):
        got = restack(rows, ends, new_starts, new_ends, origin, cap=cap)
    assert np.array_equal(got, stack_rows(new_starts, new_ends, cap))
