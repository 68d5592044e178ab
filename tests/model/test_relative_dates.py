"""Dates counted from another entry: resolution, following, hand edits and circles."""

from __future__ import annotations

import pytest

from timeline_editor.model.entities import DateValue, Entry, RelativeDate
from timeline_editor.model.relative_dates import (
    RelationError,
    dependents_index,
    follow_anchors,
    relation_words,
    resolve,
    with_relation,
)
from timeline_editor.model.vocab import Relation, TimeUnit


def _entry(ident: str, edtf: str, relative: RelativeDate | None = None) -> Entry:
    return Entry(id=ident, title=ident.title(), when=DateValue(edtf=edtf), relative_to=relative)


def _rel(
    anchor: str, relation: str = "within_after", amount: int = 3, unit: str = "year"
) -> RelativeDate:
    return RelativeDate(
        anchor=anchor, relation=Relation(relation), amount=amount, unit=TimeUnit(unit)
    )


@pytest.mark.parametrize(
    ("anchor", "relation", "amount", "unit", "expected"),
    [
        ("2020-11-10", "within_after", 3, "year", "[2020-11-10..2023-11-10]"),
        ("2020-11-10", "within_before", 2, "week", "[2020-10-27..2020-11-10]"),
        ("2020-11-10", "after", 3, "day", "2020-11-13"),
        ("2020-11-10", "before", 1, "month", "2020-10-10"),
        ("2020-11", "within_after", 3, "year", "[2020-11..2023-11]"),
        ("2020-11", "after", 3, "day", "[2020-11-04..2020-12-03]"),
        ("2020", "after", 2, "year", "2022"),
        ("2020-01-31", "after", 1, "month", "2020-02-29"),
        ("2020-02-29", "after", 1, "year", "2021-02-28"),
        ("2020-11-10~", "after", 0, "day", "2020-11-10"),
        # A period: "after" counts from its end, "before" from its start.
        ("2020-09-27/2020-11-10", "within_after", 1, "month", "[2020-11-10..2020-12-10]"),
        ("2020-09-27/2020-11-10", "before", 1, "day", "2020-09-26"),
        # A window: every day the unknown day could give.
        ("[2020-11-10..2020-11-20]", "after", 1, "week", "[2020-11-17..2020-11-27]"),
        ("2021-1X", "within_after", 1, "month", "[2021-10..2022-01]"),
    ],
)
def test_resolution(anchor: str, relation: str, amount: int, unit: str, expected: str) -> None:
    relative = _rel("a", relation, amount, unit)
    assert resolve(relative, _entry("a", anchor)) == expected


@pytest.mark.parametrize(
    ("anchor", "reason"),
    [
        ("", "has no date"),
        ("2021-11-19/..", "no known end"),
        ("[..2021-12]", "open-ended"),
        ("9999-06", "beyond the years"),
    ],
)
def test_anchors_that_give_nothing_are_refused(anchor: str, reason: str) -> None:
    with pytest.raises(RelationError, match=reason):
        resolve(_rel("a", amount=3), _entry("a", anchor))


def test_words() -> None:
    ceasefire = Entry(id="c", title="Russia-brokered ceasefire")
    assert relation_words(_rel("c"), ceasefire) == "up to 3 years after: Russia-brokered ceasefire"
    one = _rel("c", "before", 1, "week")
    assert relation_words(one, None) == "1 week before: anchor gone"


def _finder(*entries: Entry):  # type: ignore[no-untyped-def]
    found = {e.id: e for e in entries}
    return found.get


def test_with_relation_resolves_and_refuses_circles() -> None:
    a = _entry("a", "2020-11-10")
    b = _entry("b", "2021", _rel("a"))
    c = _entry("c", "2022", _rel("b", "after", 1, "day"))
    find = _finder(a, b, c)
    assert with_relation(b, _rel("a"), find).when.edtf == "[2020-11-10..2023-11-10]"
    with pytest.raises(RelationError, match=r"'A' cannot count from 'C'.*'A' → 'C' → 'B' → 'A'"):
        with_relation(a, _rel("c"), find)
    with pytest.raises(RelationError, match="circle"):
        with_relation(a, _rel("a"), find)
    with pytest.raises(RelationError, match="no entry with id 'zz'"):
        with_relation(a, _rel("zz"), find)
    assert with_relation(b, None, find).relative_to is None
    assert with_relation(b, None, find).when == b.when


def test_moving_an_anchor_moves_its_dependents_transitively() -> None:
    a = _entry("a", "2020-11-10")
    b = _entry("b", "[2020-11-10..2023-11-10]", _rel("a"))
    c = _entry("c", "[2020-11-11..2023-11-11]", _rel("b", "after", 1, "day"))
    other = _entry("x", "2021")
    entries = (a, b, c, other)
    moved = a.model_copy(update={"when": DateValue(edtf="2020-11-12")})
    out = {
        e.id: e.when.edtf
        for e in follow_anchors([moved], _finder(*entries), dependents_index(entries))
    }
    assert out == {
        "a": "2020-11-12",
        "b": "[2020-11-12..2023-11-12]",
        "c": "[2020-11-13..2023-11-13]",
    }


def test_a_date_set_by_hand_drops_the_relation_unless_it_agrees() -> None:
    a = _entry("a", "2020-11-10")
    b = _entry("b", "[2020-11-10..2023-11-10]", _rel("a"))
    find = _finder(a, b)
    by_hand = b.model_copy(update={"when": DateValue(edtf="2022")})
    [out] = follow_anchors([by_hand], find, dependents_index((a, b)))
    assert out.relative_to is None and out.when.edtf == "2022"
    # Both moved together by the same month: the relation still holds and stays.
    a2 = a.model_copy(update={"when": DateValue(edtf="2020-12-10")})
    b2 = b.model_copy(update={"when": DateValue(edtf="[2020-12-10..2023-12-10]")})
    _, out_b = follow_anchors([a2, b2], find, dependents_index((a, b)))
    assert out_b.relative_to == b.relative_to


def test_an_undated_anchor_leaves_the_last_resolved_date() -> None:
    a = _entry("a", "2020-11-10")
    b = _entry("b", "[2020-11-10..2023-11-10]", _rel("a"))
    undated = a.model_copy(update={"when": DateValue()})
    out = follow_anchors([undated], _finder(a, b), dependents_index((a, b)))
    assert [e.id for e in out] == ["a"]


def test_a_circle_already_in_a_file_does_not_hang() -> None:
    a = _entry("a", "2020", _rel("b", "after", 1, "year"))
    b = _entry("b", "2021", _rel("a", "after", 1, "year"))
    moved = a.model_copy(update={"when": DateValue(edtf="2030")})
    out = follow_anchors([moved], _finder(a, b), dependents_index((a, b)))
    # Set by hand against its relation, so "a" drops it; "b" follows "a" once.
    assert [(e.id, e.when.edtf, e.relative_to is None) for e in out] == [
        ("a", "2030", True),
        ("b", "2031", False),
    ]
