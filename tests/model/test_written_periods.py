"""Written periods (early November, spring, Q1, the first half), either/or and counted dates.

Seasons, quarters, halves (``2022-21``, ``2022-33``, ``2022-40``) and either/or sets
(``[2021-12-14,2021-12-15]``) are EDTF that the parser reads once issue 14's EDTF forms
are merged from their own branch; these tests assert the text produced, and check the
days it stands for through :func:`read_period`, which needs no parser. The windows and
one-sided dates are read back by :func:`parse_edtf` here already.
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline_editor.model.daynum import day_number, days_in_month, format_day
from timeline_editor.model.edtf import parse_edtf
from timeline_editor.model.written_dates import WrittenDate, WrittenDateError, read_written_date
from timeline_editor.model.written_periods import read_period
from timeline_editor.model.written_points import MONTH_NAMES

#: The as-of date of the example project: Friday 26 November 2021.
AS_OF = day_number(2021, 11, 26)

PERIODS = [
    # parts of a month: days 1-10, 11-20, 21 to the end
    ("early November 2021", "[2021-11-01..2021-11-10]"),
    ("mid-November 2021", "[2021-11-11..2021-11-20]"),
    ("mid Nov. 2021", "[2021-11-11..2021-11-20]"),
    ("late November 2021", "[2021-11-21..2021-11-30]"),
    ("late February 2024", "[2024-02-21..2024-02-29]"),
    ("in early December 2021", "[2021-12-01..2021-12-10]"),
    ("the beginning of March 2022", "[2022-03-01..2022-03-10]"),
    ("the middle of March 2022", "[2022-03-11..2022-03-20]"),
    ("the end of March 2022", "[2022-03-21..2022-03-31]"),
    ("late November this year", "[2021-11-21..2021-11-30]"),
    # before, after, between and from-to with a period: its last or first day
    ("before spring 2022", "[..2022-05-31]"),
    ("by late November 2021", "[..2021-11-30]"),
    ("after the first half of 2022", "[2022-01-01..]"),
    ("between early November 2021 and spring 2022", "[2021-11-01..2022-05-31]"),
    ("from 10 November 2021 to summer 2022", "2021-11-10/2022-08-31"),
    # by the end of a year, month or period: up to its last day
    ("by the end of 2022", "[..2022-12-31]"),
    ("by the end of the year", "[..2021-12-31]"),
    ("before the end of next year", "[..2022-12-31]"),
    ("By the End of This Year", "[..2021-12-31]"),
    ("by the end of November 2021", "[..2021-11-30]"),
    ("by the end of February 2024", "[..2024-02-29]"),
    ("by the end of the month", "[..2021-11-30]"),
    ("by the end of next month", "[..2021-12-31]"),
    ("by the end of Q1 2022", "[..2022-03-31]"),
    ("by the end of winter 2022", "[..2023-02-28]"),
    # counted forward from the reference day
    ("in the coming days", "[2021-11-26..2021-12-03]"),
    ("in the coming weeks", "[2021-11-26..2022-01-07]"),
    ("over the coming months", "[2021-11-26..2022-05-26]"),
    ("in the weeks to come", "[2021-11-26..2022-01-07]"),
]

#: Text the EDTF parser reads after the merge of issue 14's EDTF forms (see above).
GROUPINGS_AND_SETS = [
    ("spring 2022", "2022-21"),
    ("Spring 2022.", "2022-21"),
    ("in the spring of 2022", "2022-21"),
    ("summer 2022", "2022-22"),
    ("autumn 2022", "2022-23"),
    ("fall 2022", "2022-23"),
    ("winter 2022", "2022-24"),
    ("winter 2022/23", "2022-24"),
    ("winter 2022-2023", "2022-24"),
    ("spring 44 BC", "-0043-21"),
    ("Q1 2022", "2022-33"),
    ("q2 2022", "2022-34"),
    ("2022 Q3", "2022-35"),
    ("2022-Q4", "2022-36"),
    ("the first quarter of 2022", "2022-33"),
    ("the 3rd quarter of 2022", "2022-35"),
    ("the last quarter of 2022", "2022-36"),
    ("H1 2022", "2022-40"),
    ("H2 2022", "2022-41"),
    ("the first half of 2022", "2022-40"),
    ("the second half of 2022", "2022-41"),
    ("in the first half of next year", "2022-40"),
    ("spring next year", "2022-21"),
    ("14 or 15 December 2021", "[2021-12-14,2021-12-15]"),
    ("14, 15 or 16 December 2021", "[2021-12-14,2021-12-15,2021-12-16]"),
    ("14 or 15 or 16 December 2021", "[2021-12-14,2021-12-15,2021-12-16]"),
    ("December 14 or 15, 2021", "[2021-12-14,2021-12-15]"),
    ("15 or 14 December 2021", "[2021-12-14,2021-12-15]"),
    ("30 November or 1 December 2021", "[2021-11-30,2021-12-01]"),
    ("14 or 15 Dec 2021 or 3 Jan 2022", "[2021-12-14,2021-12-15,2022-01-03]"),
    ("November or December 2021", "[2021-11,2021-12]"),
    ("2021 or 2022", "[2021,2022]"),
    ("2021-12-14 or 2021-12-15", "[2021-12-14,2021-12-15]"),
]


@pytest.mark.parametrize(("text", "edtf"), PERIODS)
def test_periods_read_as_windows(text: str, edtf: str) -> None:
    assert read_written_date(text, reference=AS_OF) == WrittenDate(edtf, text)
    assert parse_edtf(edtf).to_edtf() == edtf


@pytest.mark.parametrize(("text", "edtf"), GROUPINGS_AND_SETS)
def test_seasons_quarters_halves_and_either_or(text: str, edtf: str) -> None:
    assert read_written_date(text, reference=AS_OF) == WrittenDate(edtf, text)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("spring 2022", (2022, 3, 1), (2022, 5, 31)),
        ("summer 2022", (2022, 6, 1), (2022, 8, 31)),
        ("autumn 2022", (2022, 9, 1), (2022, 11, 30)),
        ("winter 2023", (2023, 12, 1), (2024, 2, 29)),
        ("Q2 2022", (2022, 4, 1), (2022, 6, 30)),
        ("H2 2022", (2022, 7, 1), (2022, 12, 31)),
    ],
)
def test_a_grouping_spans_the_months_edtf_gives_it(
    text: str, first: tuple[int, int, int], last: tuple[int, int, int]
) -> None:
    period = read_period(text, None)
    assert period is not None
    assert (period.first, period.last) == (day_number(*first), day_number(*last))


@given(st.integers(100, 9999))
def test_quarters_and_halves_tile_the_year_and_seasons_follow_each_other(year: int) -> None:
    def span(code: int) -> tuple[int, int]:
        if code < 30:
            text = f"{('spring', 'summer', 'autumn', 'winter')[code - 21]} {year}"
        else:
            text = f"Q{code - 32} {year}" if code < 40 else f"H{code - 39} {year}"
        period = read_period(text, None)
        assert period is not None and period.edtf == f"{year:04d}-{code}"
        return period.first, period.last

    for codes in ((33, 34, 35, 36), (40, 41), (21, 22, 23, 24)):
        spans = [span(code) for code in codes]
        assert all(a[1] + 1 == b[0] for a, b in pairwise(spans))
    assert span(33)[0] == span(40)[0] == day_number(year, 1, 1)
    assert span(36)[1] == span(41)[1] == day_number(year, 12, 31)
    assert span(21)[0] == day_number(year, 3, 1) and span(24)[1] == day_number(year + 1, 3, 1) - 1


@given(st.integers(1000, 2999), st.integers(1, 12))
def test_parts_of_a_month_cover_it(year: int, month: int) -> None:
    name = MONTH_NAMES[month - 1]
    days = [read_period(f"{part} {name} {year}", None) for part in ("early", "mid", "late")]
    assert [(p.first, p.last) for p in days if p] == [
        (day_number(year, month, 1), day_number(year, month, 10)),
        (day_number(year, month, 11), day_number(year, month, 20)),
        (day_number(year, month, 21), day_number(year, month, days_in_month(year, month))),
    ]


@given(
    st.integers(1000, 2999),
    st.integers(1, 12),
    st.lists(st.integers(1, 28), min_size=2, max_size=6, unique=True),
)
def test_either_or_days_list_each_day_once_in_order(year: int, month: int, days: list[int]) -> None:
    *head, last = days
    text = f"{', '.join(map(str, head))} or {last} {MONTH_NAMES[month - 1]} {year}"
    members = [format_day(day_number(year, month, d)) for d in sorted(days)]
    assert read_written_date(text).edtf == f"[{','.join(members)}]"


@given(st.integers(day_number(1000, 1, 1), day_number(2999, 12, 31)))
def test_the_coming_weeks_are_six_weeks_from_the_reference_day(reference: int) -> None:
    window = read_written_date("in the coming weeks", reference=reference).edtf
    assert window == f"[{format_day(reference)}..{format_day(reference + 42)}]"
    assert parse_edtf(window).earliest == reference


REFUSALS = [
    ("spring 20222", "a year beyond 9999 (20222) takes no season: 'spring 20222'"),
    ("spring 22", "write the year in full, not '22' (add BC or AD for a year before 100)"),
    ("spring", "'spring' has no year: write the year in full"),
    ("summer 2022/23", "'summer 2022/23': only a winter runs into a second year"),
    ("winter 2022/24", "'winter 2022/24': winter 2022 runs into 2023"),
    (
        "about spring 2022",
        "'about spring 2022': a period such as 'spring 2022' is a span "
        "already; it takes no 'about' or 'perhaps'",
    ),
    ("Q5 2022", "there is no quarter 5 in 'Q5 2022': Q1 to Q4"),
    ("Q0 2022", "there is no quarter 0 in 'Q0 2022': Q1 to Q4"),
    ("Q1", "'Q1' has no year: write the year in full"),
    ("H3 2022", "there is no half 3 in 'H3 2022': H1 or H2"),
    ("the third half of 2022", "there is no half 3 in 'the third half of 2022': H1 or H2"),
    ("early Smarch", "no month called 'Smarch'"),
    ("late Smarch 2021", "no month called 'Smarch'"),
    ("early November", "'early November' has no year: write the year in full"),
    (
        "early 2022",
        "'early 2022': early, mid and late are read for a month (early November "
        "2021); for part of a year write a season, quarter or half (Q1 2022, the first half "
        "of 2022), or 'by the end of 2022'",
    ),
    ("14 or 35 December 2021", "day 35 is not in December 2021"),
    ("14 or 35 December", "'35 December' has no year: write the year in full"),
    ("14 or 14 December 2021", "2021-12-14 is given twice in '14 or 14 December 2021'"),
    ("about 14 or 15 Dec 2021", "one date of an either/or cannot be 'about' or 'perhaps'"),
    ("Q1 2022 or Q2 2022", "an either/or lists dates, not periods such as 'Q1 2022'"),
    ("or 15 December 2021", "'or' comes before the date '15 December 2021' and is not part of it"),
    (
        "by the end of Smarch",
        "'Smarch' is not a year, month or period: write e.g. 'by the end of 2022'",
    ),
    ("by the end of December", "'December' has no year: write the year in full"),
    (
        "between 15 June 2022 and spring 2022",
        "the dates are the wrong way round: 2022-06-15 comes after 2022-05-31",
    ),
]


@pytest.mark.parametrize(("text", "message"), REFUSALS)
def test_refusals_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(WrittenDateError) as caught:
        read_written_date(text, reference=AS_OF)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("text", "what", "example"),
    [
        ("by the end of the year", "a year", "e.g. by the end of 2022"),
        ("the first half of next year", "a year", "e.g. by the end of 2022"),
        ("by the end of the month", "a month", "e.g. by the end of December 2021"),
        ("in the coming weeks", "a first day", "e.g. between 1 and 30 November 2021"),
    ],
)
def test_without_a_reference_day_counted_dates_need_their_year(
    text: str, what: str, example: str
) -> None:
    with pytest.raises(WrittenDateError) as caught:
        read_written_date(text)
    assert str(caught.value) == (
        f"'{text}' needs {what}, and no day is given to count from: write it out ({example})"
    )


def test_other_relative_dates_stay_out_of_scope_even_with_a_reference() -> None:
    for text in ("next Tuesday", "in 2 weeks", "last year"):
        with pytest.raises(WrittenDateError, match="is a relative date, which is out of scope"):
            read_written_date(text, reference=AS_OF)
