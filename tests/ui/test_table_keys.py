"""The table's bulk sort keys agree with the one-row keys they speed up."""

from __future__ import annotations

import numpy as np
import pytest

from bench.synthetic import make_project
from timeline_editor.model.entities import Entry
from timeline_editor.ui.table.columns import TEXT_KEYS, Col, Lookup, sort_key
from timeline_editor.ui.table.sort_keys import UNDATED, SortKeys, column_keys, date_keys


@pytest.fixture(scope="module")
def entries_and_lookup() -> tuple[list[Entry], Lookup]:
    project = make_project(400, seed=7)
    lookup = Lookup()
    lookup.refresh(project)
    return list(project.entries), lookup


@pytest.mark.parametrize("col", list(Col), ids=[c.name.lower() for c in Col])
def test_bulk_keys_match_row_keys(entries_and_lookup: tuple[list[Entry], Lookup], col: Col) -> None:
    entries, lookup = entries_and_lookup
    keys = column_keys(entries, col, lookup)
    slow = [sort_key(e, col, lookup) for e in entries]
    assert keys.blank.tolist() == [k is None for k in slow]
    filled = [k for k in slow if k is not None]
    assert [v for v, b in zip(keys.values, keys.blank, strict=True) if not b] == filled
    assert len({v for v, b in zip(keys.values, keys.blank, strict=True) if b}) <= 1
    assert (col in TEXT_KEYS) == isinstance(keys.values, list)


def test_date_keys_put_undated_last(entries_and_lookup: tuple[list[Entry], Lookup]) -> None:
    entries, lookup = entries_and_lookup
    dates = date_keys(entries)
    slow = [sort_key(e, Col.DATE, lookup) for e in entries]
    assert dates.tolist() == [UNDATED if k is None else k for k in slow]
    assert any(k is None for k in slow) and np.all(dates[[k is None for k in slow]] == UNDATED)


def test_kept_keys_follow_appends_removals_and_edits(
    entries_and_lookup: tuple[list[Entry], Lookup],
) -> None:
    entries, lookup = entries_and_lookup
    rows = list(entries[:300])
    store = SortKeys(lookup, rows)
    store.keys(Col.TITLE, rows)
    store.keys(Col.STATUS, rows)
    store.append(entries[300:])
    rows += entries[300:]
    store.remove([0, 5, 399])
    rows = [e for i, e in enumerate(rows) if i not in (0, 5, 399)]
    rows[7] = rows[7].model_copy(update={"title": "", "status": rows[3].status})
    store.update([7], rows, {Col.TITLE, Col.STATUS})
    for col in (Col.TITLE, Col.STATUS, Col.DATE):
        fresh = column_keys(rows, col, lookup)
        kept = store.keys(col, rows)
        assert kept.blank.tolist() == fresh.blank.tolist()
        assert list(kept.values) == list(fresh.values)
