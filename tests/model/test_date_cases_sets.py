"""Sets in the date editor's cases: shown as a list, written back as the same set."""

from __future__ import annotations

import pytest

from timeline_editor.model.date_cases import (
    DateCase,
    DateCaseError,
    DateParts,
    describe,
    from_edtf,
    to_edtf,
)


@pytest.mark.parametrize(
    ("edtf", "case", "listed"),
    [
        ("[2021-12-14,2021-12-15]", DateCase.ONE_OF, "2021-12-14, 2021-12-15"),
        ("[1667,1668,1670..1672]", DateCase.ONE_OF, "1667, 1668, 1670..1672"),
        ("{1960,1961-12}", DateCase.ALL_OF, "1960, 1961-12"),
        ("{1667,1668,1670..1672}", DateCase.ALL_OF, "1667, 1668, 1670..1672"),
        ("[..1760-12-03,1762]", DateCase.ONE_OF, "..1760-12-03, 1762"),
        ("[1760,1762-12..]", DateCase.ONE_OF, "1760, 1762-12.."),
    ],
)
def test_a_set_is_a_list_of_its_members_and_comes_back_unchanged(
    edtf: str, case: DateCase, listed: str
) -> None:
    parts = from_edtf(edtf)
    assert parts == DateParts(case, listed)
    assert to_edtf(parts) == edtf


def test_a_window_typed_as_a_list_becomes_a_set() -> None:
    assert to_edtf(DateParts(DateCase.ONE_OF, "2021-12-14 , 2021-12-15")) == (
        "[2021-12-14,2021-12-15]"
    )
    assert describe(DateParts(DateCase.ALL_OF, "1960, 1961-12")) == "each of: 1960, 1961-12"


@pytest.mark.parametrize("typed", ["2021-12-14", "2021-12-14,", ", 2021-12-15", ""])
def test_a_list_of_fewer_than_two_dates_is_refused_at_the_field(typed: str) -> None:
    with pytest.raises(DateCaseError, match="two or more dates") as caught:
        to_edtf(DateParts(DateCase.ONE_OF, typed))
    assert caught.value.field == "start"


def test_a_bad_member_is_named() -> None:
    with pytest.raises(DateCaseError, match="2021-13"):
        to_edtf(DateParts(DateCase.ALL_OF, "2021-12-14, 2021-13"))
