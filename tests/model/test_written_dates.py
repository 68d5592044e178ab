"""Written dates read into EDTF, refusals worded plainly, and the forms agreeing."""

from __future__ import annotations

import calendar

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from timeline_editor.model.datewords import MONTHS as SHORT_MONTHS
from timeline_editor.model.datewords import date_words
from timeline_editor.model.daynum import days_in_month, format_year
from timeline_editor.model.edtf import is_valid_edtf, parse_edtf
from timeline_editor.model.written_dates import WrittenDate, WrittenDateError, read_written_date
from timeline_editor.model.written_points import MONTH_NAMES

from .strategies import intervals, points, windows

TABLE = [
    # one day
    ("15 Dec 2021", "2021-12-15"),
    ("15 December 2021", "2021-12-15"),
    ("December 15, 2021", "2021-12-15"),
    ("Dec. 15 2021", "2021-12-15"),
    ("15 Dec, 2021", "2021-12-15"),
    ("15th of December 2021", "2021-12-15"),
    ("December 15th, 2021", "2021-12-15"),
    ("15-Dec-2021", "2021-12-15"),
    ("15 DECEMBER 2021", "2021-12-15"),
    ("15.12.2021", "2021-12-15"),
    ("15/12/2021", "2021-12-15"),
    ("15-12-2021", "2021-12-15"),
    ("5.3.2021", "2021-03-05"),
    ("09/11/2021", "2021-11-09"),
    ("12/15/2021", "2021-12-15"),
    ("2021-12-15", "2021-12-15"),
    ("2021/12/15", "2021-12-15"),
    ("2021-12-15T10:30:00Z", "2021-12-15T10:30:00Z"),
    ("2021-12-15 10:30:00", "2021-12-15"),
    ("29 Feb 2020", "2020-02-29"),
    ("Wednesday, 15 December 2021", "2021-12-15"),
    # a month, a year
    ("December 2021", "2021-12"),
    ("Dec 2021", "2021-12"),
    ("sept 2021", "2021-09"),
    ("12/2021", "2021-12"),
    ("2021", "2021"),
    ("602", "0602"),
    ("15 Mar 602", "0602-03-15"),
    # spaces and a final period
    ("  15   Dec 2021  ", "2021-12-15"),
    ("2021.", "2021"),
    ("15 Dec. 2021.", "2021-12-15"),
    # qualifiers
    ("~2021-11", "2021-11~"),
    ("2021-11 ~", "2021-11~"),
    ("about 2021", "2021~"),
    ("Around Nov 2021", "2021-11~"),
    ("circa 1950", "1950~"),
    ("c. 1950", "1950~"),
    ("ca. 1950", "1950~"),
    ("approx. 15 Dec 2021", "2021-12-15~"),
    ("2021?", "2021?"),
    ("?2021", "2021?"),
    ("perhaps 15 Dec 2021", "2021-12-15?"),
    ("possibly December 2021", "2021-12?"),
    ("about 2021?", "2021%"),
    ("perhaps about Nov 2021", "2021-11%"),
    # one side, windows and periods
    ("before 2022", "[..2022]"),
    ("by 15 Dec 2021", "[..2021-12-15]"),
    ("after 19 November 2021", "[2021-11-19..]"),
    ("before about Dec 2021", "[..2021-12~]"),
    ("between 10 Nov 2020 and 10 Nov 2023", "[2020-11-10..2023-11-10]"),
    ("Between 1 AND 10 nov 2021", "[2021-11-01..2021-11-10]"),
    ("between 2020 and 2021", "[2020..2021]"),
    ("from 27 Sep 2020 to 10 Nov 2020", "2020-09-27/2020-11-10"),
    ("from 27 September to 10 November 2020", "2020-09-27/2020-11-10"),
    ("from September to November 2020", "2020-09/2020-11"),
    ("from Dec 2020 until Jan 2021", "2020-12/2021-01"),
    ("from about 2019 till 2021", "2019~/2021"),
    # BC and AD
    ("44 BC", "-0043"),
    ("44 BCE", "-0043"),
    ("44 B.C.", "-0043"),
    ("15 March 44 BC", "-0043-03-15"),
    ("circa 44 BC", "-0043~"),
    ("1 BC", "0000"),
    ("AD 44", "0044"),
    ("44 CE", "0044"),
    ("12000 BC", "Y-11999"),
    ("from 50 BC to 44 BC", "-0049/-0043"),
    # EDTF unchanged, and EDTF digits inside words
    ("2021-11~", "2021-11~"),
    ("2021-1X", "2021-1X"),
    ("-0044", "-0044"),
    ("Y-170000", "Y-170000"),
    ("[2020-11-10..2023-11-10]", "[2020-11-10..2023-11-10]"),
    ("2021-11-19/..", "2021-11-19/.."),
    ("before 2021-1x", "[..2021-1X]"),
]


@pytest.mark.parametrize(("text", "edtf"), TABLE)
def test_table(text: str, edtf: str) -> None:
    read = read_written_date(text)
    words = "" if text.strip() == edtf else text.strip()
    assert read == WrittenDate(edtf, words)
    assert parse_edtf(read.edtf).to_edtf() == edtf


REFUSALS = [
    ("", "no date given: write one, e.g. 15 Dec 2021, December 2021, 2021-12-15 or about 2021"),
    ("   ", "no date given: write one, e.g. 15 Dec 2021, December 2021, 2021-12-15 or about 2021"),
    ("15 Decembr 2021", "no month called 'Decembr'"),
    ("Decembr 2021", "no month called 'Decembr'"),
    ("31 Nov 2021", "day 31 is not in November 2021"),
    ("November 31, 2021", "day 31 is not in November 2021"),
    ("29 Feb 2021", "day 29 is not in February 2021"),
    ("2021-02-29", "day 29 is not in February 2021"),
    ("30.02.2020", "day 30 is not in February 2020"),
    ("0 Dec 2021", "day 0 is not in December 2021"),
    ("29 Feb 44 BC", "day 29 is not in February 44 BC"),
    # EDTF's own form: what validate says of it (a month or a season code out of range).
    ("2021-13", "month 13 out of range in '2021-13' (seasons are 21–41)"),
    (
        "2001-42",
        "season 42 out of range in '2001-42' "
        "(seasons and sub-year groupings are 21–41, months 01–12)",
    ),
    ("15/13/2021", "there is no month 13 in '15/13/2021' (read as day/month/year)"),
    ("15/12/21", "write the year in full, not '21' (add BC or AD for a year before 100)"),
    ("15 Dec 21", "write the year in full, not '21' (add BC or AD for a year before 100)"),
    ("Dec 15 21", "write the year in full, not '21' (add BC or AD for a year before 100)"),
    ("21", "write the year in full, not '21' (add BC or AD for a year before 100)"),
    ("Dec 21", "'Dec 21' has no year: write the year in full"),
    ("15 December", "'15 December' has no year: write the year in full"),
    ("15/12", "'15/12' has no year: write the year in full"),
    ("0 BC", "there is no year 0 BC or AD 0: 1 BC is followed by AD 1"),
    ("Dec 12000", "a year beyond 9999 (12000) takes no month"),
    ("between 2021", "'between' needs two dates joined by 'and'"),
    ("between 2020 to 2021", "'between' needs two dates joined by 'and'"),
    ("from 2021", "'from' needs two dates joined by 'to'"),
    ("between 2022 and 2021", "the dates are the wrong way round: 2022 comes after 2021"),
    (
        "from 27 Dec to 5 Jan 2022",
        "the dates are the wrong way round: 2022-12-27 comes after 2022-01-05",
    ),
    ("between 1 and 10 Nov", "'10 Nov' has no year: write the year in full"),
    ("about", "'about' says how sure the date is, but gives no date"),
    ("Tuesday 15 December 2021", "15 December 2021 is a Wednesday, not a Tuesday"),
    ("Wed Dec 2021", "a weekday needs a day, not just December 2021"),
    ("15 December 2021 morning", "'morning' is left over after the date '15 December 2021'"),
    ("on 15 December 2021", "'on' comes before the date '15 December 2021' and is not part of it"),
    ("2021-12-15 or so", "'or so' is left over after the date '2021-12-15'"),
    (
        "the Tuesday",
        "'the Tuesday' is a relative date, which is out of scope: write the date itself "
        "(e.g. 15 Dec 2021, December 2021, 2021-12-15 or about 2021)",
    ),
    (
        "hello",
        "'hello' is not a date we can read; write it as "
        "e.g. 15 Dec 2021, December 2021, 2021-12-15 or about 2021",
    ),
]

RELATIVE = ["next Tuesday", "yesterday", "Tuesday", "in 2 weeks", "2 weeks ago", "last year"]


@pytest.mark.parametrize(("text", "message"), REFUSALS)
def test_refusals(text: str, message: str) -> None:
    with pytest.raises(WrittenDateError) as caught:
        read_written_date(text)
    assert str(caught.value) == message


@pytest.mark.parametrize("text", RELATIVE)
def test_relative_dates_are_out_of_scope(text: str) -> None:
    with pytest.raises(WrittenDateError) as caught:
        read_written_date(text)
    assert str(caught.value).startswith(f"'{text}' is a relative date, which is out of scope")


def test_a_refusal_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="no month called 'Smarch'"):
        read_written_date("1 Smarch 2021")


@pytest.mark.parametrize(
    ("text", "day_first", "edtf"),
    [
        ("09/11/2021", None, "2021-11-09"),
        ("09/11/2021", True, "2021-11-09"),
        ("09/11/2021", False, "2021-09-11"),
        ("12/15/2021", None, "2021-12-15"),
        ("12/15/2021", False, "2021-12-15"),
        ("15/12/2021", None, "2021-12-15"),
        ("15/12/2021", True, "2021-12-15"),
        ("15 Dec 2021", False, "2021-12-15"),
        ("2021/12/05", False, "2021-12-05"),
    ],
)
def test_day_first(text: str, day_first: bool | None, edtf: str) -> None:
    assert read_written_date(text, day_first=day_first).edtf == edtf


@pytest.mark.parametrize(
    ("text", "day_first", "message"),
    [
        ("12/15/2021", True, "there is no month 15 in '12/15/2021' (read as day/month/year)"),
        ("15/12/2021", False, "there is no month 15 in '15/12/2021' (read as month/day/year)"),
        ("15/13/2021", None, "there is no month 13 in '15/13/2021' (read as day/month/year)"),
    ],
)
def test_day_first_kept_when_asked(text: str, day_first: bool | None, message: str) -> None:
    with pytest.raises(WrittenDateError) as caught:
        read_written_date(text, day_first=day_first)
    assert str(caught.value) == message


@st.composite
def calendar_days(draw: st.DrawFn, first_year: int = 1) -> tuple[int, int, int]:
    """A real (year, month, day) from ``first_year`` to 9999."""
    year = draw(st.integers(first_year, 9999))
    month = draw(st.integers(1, 12))
    return year, month, draw(st.integers(1, days_in_month(year, month)))


@given(calendar_days())
def test_written_forms_agree(day: tuple[int, int, int]) -> None:
    year, month, number = day
    written_year = str(year) if year >= 100 else f"AD {year}"
    iso = f"{year:04d}-{month:02d}-{number:02d}"
    forms = [
        f"{number} {SHORT_MONTHS[month - 1]} {written_year}",
        f"{MONTH_NAMES[month - 1]} {number}, {written_year}",
        iso,
        f"{number:02d}.{month:02d}.{written_year}",
    ]
    edtfs = {read_written_date(form).edtf for form in forms}
    assert edtfs == {iso}
    assert parse_edtf(iso).start is not None


@given(calendar_days(), st.booleans())
def test_numeric_order_follows_day_first(day: tuple[int, int, int], day_first: bool) -> None:
    year, month, number = day
    first, second = (number, month) if day_first else (month, number)
    text = f"{first}/{second}/{year:04d}"
    assert (
        read_written_date(text, day_first=day_first).edtf == f"{year:04d}-{month:02d}-{number:02d}"
    )


@given(calendar_days())
def test_bc_years_count_astronomically(day: tuple[int, int, int]) -> None:
    year, month, number = day
    # The strategy's days are valid in the year AD; 29 Feb needs the BC year to be leap.
    assume((month, number) != (2, 29) or calendar.isleap(1 - year))
    edtf = f"{format_year(1 - year)}-{month:02d}-{number:02d}"
    assert read_written_date(f"{number} {MONTH_NAMES[month - 1]} {year} BC").edtf == edtf
    assert read_written_date(edtf).edtf == edtf
    assert parse_edtf(edtf).start is not None


@given(calendar_days(first_year=100))
def test_reads_back_what_reports_write(day: tuple[int, int, int]) -> None:
    year, month, number = day
    for edtf in (f"{year:04d}", f"{year:04d}-{month:02d}", f"{year:04d}-{month:02d}-{number:02d}"):
        assert read_written_date(date_words(edtf)).edtf == edtf


@given(st.one_of(points(), intervals(), windows()))
def test_edtf_passes_through_unchanged(edtf: str) -> None:
    assert read_written_date(edtf) == WrittenDate(edtf, "")


WORDS = st.sampled_from(
    [
        *("15", "2021", "Dec", "December", "44", "BC", "about", "between", "and", "from"),
        *("to", "before", "after", "Wednesday", "c.", "1X", "x"),
        *("?", "~", "-", "/", ".", ",", " "),
    ]
)


@given(st.lists(WORDS, max_size=8).map(" ".join) | st.text(max_size=30))
def test_any_text_reads_or_is_refused(text: str) -> None:
    try:
        read = read_written_date(text)
    except WrittenDateError as exc:
        assert str(exc)
    else:
        assert is_valid_edtf(read.edtf)
        assert read.as_stated == ("" if read.edtf == text.strip() else text.strip())
