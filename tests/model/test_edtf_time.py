"""Times of day with an optional zone: read, written canonically, bounded, said in words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_editor.model.date_cases import (
    DateCase,
    DateCaseError,
    DateParts,
    describe,
    from_edtf,
    to_edtf,
)
from timeline_editor.model.datewords import date_words
from timeline_editor.model.daynum import day_number
from timeline_editor.model.edtf import EdtfError, Precision, Shape, parse_edtf
from timeline_editor.model.edtf_check import ensure_valid_edtf
from timeline_editor.model.edtf_time import (
    NO_TIME,
    canonical_edtf,
    minute_key,
    moment_minutes,
    zone_offset,
)
from timeline_editor.model.written_dates import WrittenDateError, read_written_date

DAY = day_number(2021, 12, 14)

FORMS = [
    # text, canonical, minute of the day in UTC (local when no zone)
    ("2021-12-14T17:00", "2021-12-14T17:00:00", 17 * 60),
    ("2021-12-14T17:00:00", "2021-12-14T17:00:00", 17 * 60),
    ("2021-12-14T17:00Z", "2021-12-14T17:00:00Z", 17 * 60),
    ("2021-12-14T09:30:15Z", "2021-12-14T09:30:15Z", 9 * 60 + 30),
    ("2021-12-14T17:00+01:00", "2021-12-14T17:00:00+01:00", 16 * 60),
    ("2021-12-14T17:00-05:00", "2021-12-14T17:00:00-05:00", 22 * 60),
    ("2021-12-14T17:00+0100", "2021-12-14T17:00:00+01:00", 16 * 60),
    ("2021-12-14T17:00+01", "2021-12-14T17:00:00+01:00", 16 * 60),
    ("2021-12-14T17:00+05:45", "2021-12-14T17:00:00+05:45", 17 * 60 - 345),
    ("2021-12-14T17:00-00:00", "2021-12-14T17:00:00+00:00", 17 * 60),
    # The zone moves the moment into the UTC day before or after: the key says so.
    ("2021-12-14T00:30+01:00", "2021-12-14T00:30:00+01:00", -30),
    ("2021-12-14T23:00-05:00", "2021-12-14T23:00:00-05:00", 28 * 60),
]


@pytest.mark.parametrize(("text", "canonical", "minute"), FORMS)
def test_forms_are_read_kept_canonically_and_bounded_by_their_day(
    text: str, canonical: str, minute: int
) -> None:
    parsed = parse_edtf(text)
    point = parsed.start
    assert point is not None
    assert parsed.shape is Shape.POINT and point.precision is Precision.DAY
    assert parsed.to_edtf() == canonical == canonical_edtf(text)
    assert point.utc_minute == minute
    assert (parsed.earliest, parsed.latest) == (DAY, DAY)  # the day as written
    assert parse_edtf(canonical) == parsed
    ensure_valid_edtf(text)  # the loader's check agrees with the parser


BAD = [
    ("T17:00", "has a time but no date"),
    ("2021-12T17:00", "a time needs a full day (YYYY-MM-DD)"),
    ("2021T17:00", "a time needs a full day"),
    ("2021-12-XXT17:00", "a time needs a full day"),
    ("2021-12-14T25:00", "hour 25 out of range (00-23)"),
    ("2021-12-14T24:00", "write 00:00 of the next day"),
    ("2021-12-14T17:60", "minute 60 out of range (00-59)"),
    ("2021-12-14T17:00:61", "second 61 out of range"),
    ("2021-12-14T17:00+15:00", "zone +15:00 out of range (UTC-12:00 to UTC+14:00)"),
    ("2021-12-14T17:00-13:00", "zone -13:00 out of range"),
    ("2021-12-14T17:00+01:75", "zone minutes 75 out of range"),
    ("2021-12-14T17:00~", "qualifies a time: put ~ ? % on the day"),
    ("2021-12-14?T17:00", "qualifies a day that has a time"),
    ("2021-12-14T17:00:00.5", "fractions of a second are not kept"),
    ("2021-12-14T1700", "'1700' after T: not a time of day"),
    ("2021-12-14T17", "not a time of day"),
    ("2021-12-14T17:00 CET", "not a time of day"),
    ("2021-02-30T17:00", "day 30 does not exist"),
    ("2021-12-14T17:00/2021-12-15", "start: '2021-12-14T17:00' is not an EDTF date"),
]


@pytest.mark.parametrize(("text", "message"), BAD)
def test_bad_times_are_refused_saying_why(text: str, message: str) -> None:
    with pytest.raises(EdtfError) as caught:
        parse_edtf(text)
    assert message in str(caught.value)
    assert canonical_edtf(text) == text  # left for the parser to refuse


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 23),
    st.integers(0, 59),
    st.integers(0, 59),
    st.sampled_from(["", "Z", "+01:00", "-05:00", "+05:45", "+14:00", "-12:00"]),
)
def test_every_clock_and_zone_round_trips(hour: int, minute: int, second: int, zone: str) -> None:
    text = f"2021-12-14T{hour:02d}:{minute:02d}:{second:02d}{zone}"
    point = parse_edtf(text).start
    assert point is not None and point.to_edtf() == text
    offset = zone_offset(point) or 0
    assert point.utc_minute == hour * 60 + minute - offset
    assert moment_minutes(point) == DAY * 1440 + hour * 60 + minute - offset


def test_minute_key_orders_within_a_day_and_puts_dates_without_time_first() -> None:
    texts = ["2021-12-14T17:00+01:00", "2021-12-14", "2021-12-14T18:00+03:00", "2021-12-14T09:00"]
    keys = {t: minute_key(parse_edtf(t)) for t in texts}
    assert keys["2021-12-14"] == NO_TIME
    assert sorted(texts, key=keys.__getitem__) == [
        "2021-12-14",
        "2021-12-14T09:00",
        "2021-12-14T18:00+03:00",  # 15:00 UTC
        "2021-12-14T17:00+01:00",  # 16:00 UTC
    ]
    assert minute_key(parse_edtf("2021-12-14/2021-12-15")) == NO_TIME


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2021-12-14T17:00+01:00", "14 Dec 2021, 17:00 UTC+1"),
        ("2021-12-14T17:00Z", "14 Dec 2021, 17:00 UTC"),
        ("2021-12-14T17:00+00:00", "14 Dec 2021, 17:00 UTC"),
        ("2021-12-14T17:00", "14 Dec 2021, 17:00"),
        ("2021-12-14T09:30:15-05:00", "14 Dec 2021, 09:30:15 UTC-5"),
        ("2021-12-14T17:00+05:30", "14 Dec 2021, 17:00 UTC+5:30"),
    ],
)
def test_times_in_words(text: str, words: str) -> None:
    assert date_words(text) == words


def test_the_exact_case_holds_a_time_and_writes_it_canonically() -> None:
    parts = from_edtf("2021-12-14T17:00+01:00")
    assert parts == DateParts(DateCase.EXACT, "2021-12-14T17:00:00+01:00")
    typed = DateParts(DateCase.EXACT, "2021-12-14T17:00+01:00")
    assert to_edtf(typed) == "2021-12-14T17:00:00+01:00"
    assert describe(typed) == "2021-12-14T17:00+01:00 (to the minute)"


@pytest.mark.parametrize(
    ("parts", "field", "message"),
    [
        (DateParts(DateCase.APPROXIMATE, "2021-12-14T17:00"), "start", "qualifies a time"),
        (DateParts(DateCase.EXACT, "2021-12-14T25:00"), "start", "hour 25"),
        (
            DateParts(DateCase.BETWEEN, "2021-12-14T17:00", "2021-12-20"),
            "start",
            "a time of day goes with a single date only",
        ),
        (
            DateParts(DateCase.FROM_TO, "2021-12-14", "2021-12-14T19:00"),
            "end",
            "a time of day goes with a single date only",
        ),
    ],
)
def test_date_cases_refuse_times_where_they_cannot_go(
    parts: DateParts, field: str, message: str
) -> None:
    with pytest.raises(DateCaseError) as caught:
        to_edtf(parts)
    assert caught.value.field == field
    assert message in str(caught.value)


def test_the_written_date_reader_keeps_an_edtf_time_canonically() -> None:
    read = read_written_date("2021-12-14T17:00+01:00")
    assert (read.edtf, read.as_stated) == ("2021-12-14T17:00:00+01:00", "")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2021-12-15T25:00", "hour 25 out of range"),
        ("T17:00", "has a time but no date"),
        ("2021-12T17:00", "a time needs a full day"),
    ],
)
def test_the_written_date_reader_refuses_a_bad_time_instead_of_dropping_it(
    text: str, message: str
) -> None:
    with pytest.raises(WrittenDateError, match=message):
        read_written_date(text)
    # A time after a space is not EDTF: the day is read and the time left out, as before.
    assert read_written_date("2021-12-15 10:30").edtf == "2021-12-15"
