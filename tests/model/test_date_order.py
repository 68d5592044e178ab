"""One chronology order for the table and the exports: ``model.date_order.order_key``."""

from __future__ import annotations

from timeline_editor.model.date_order import OPEN_END, OrderKey, order_key
from timeline_editor.model.daynum import day_number
from timeline_editor.model.edtf import parse_edtf

#: In the order a researcher expects them, each a different place.
CHRONOLOGY = [
    "2020-09-27/2020-11-10",  # the war: its first day
    "2021-12-14",
    "[2021-12-14,2021-12-15]",  # a set without a time, before the timed ones of its day
    "2021-12-14/..",  # open after: after every closed span of its day
    "2021-12-14T18:00:00+03:00",  # 15:00 UTC
    "2021-12-14T17:00:00+01:00",  # 16:00 UTC
    "2021-12-15",
    "[..2021-12-31]",  # by the end of the year: at 31 December, like a deadline
    "2022",
]


def _key(text: str) -> OrderKey:
    key = order_key(parse_edtf(text))
    assert key is not None
    return key


def test_the_chronology_order() -> None:
    shuffled = CHRONOLOGY[::2] + CHRONOLOGY[1::2]
    assert sorted(shuffled, key=_key) == CHRONOLOGY


def test_an_open_start_sorts_at_its_latest_day_and_undated_has_no_key() -> None:
    key = order_key(parse_edtf("[..2021-12-31]"))
    assert key is not None and (key.day, key.last) == (day_number(2021, 12, 31),) * 2
    both_open = order_key(parse_edtf("[..1760-12-03,1761..]"))
    assert both_open is not None and both_open.day == day_number(1760, 12, 3)
    assert both_open.last == OPEN_END
    assert order_key(parse_edtf("")) is None
