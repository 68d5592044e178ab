"""Pasted rows read as entries: our own header, a foreign one, no header, and bad rows."""

from __future__ import annotations

import pytest

from tests.samples import small_project
from timeline_editor.io.importers import CsvMapping
from timeline_editor.io.importers.table_rows import (
    TABLE_COLUMNS,
    PastedRows,
    PasteError,
    is_table_header,
    pasted_entries,
    read_table,
)
from timeline_editor.model.vocab import Confidence, EntryKind, Likelihood, Status

OURS = "\t".join(TABLE_COLUMNS) + "\n"


def _paste(text: str, mapping: CsvMapping | None = None) -> PastedRows:
    result = pasted_entries(text, small_project(), (lambda _h: mapping) if mapping else None)
    assert result is not None
    return result


def test_our_header_reads_every_simple_column_and_skips_derived_ones() -> None:
    row = (
        "15 Dec 2021\t2021-12-15\ton 15 December\t'=Summit\tmeeting\tconfirmed\tEU track\t"
        "Nikol Pashinian; Someone New\tGeneva\tsummit, talks\tlikely (probable), 55-80%\t"
        "moderate\t1 · B\tdisputed\n"
    )
    pasted = _paste(OURS + row)
    [entry] = pasted.entries
    assert (entry.title, entry.when.edtf, entry.when.as_stated) == (
        "=Summit",
        "2021-12-15",
        "on 15 December",
    )
    assert (entry.kind, entry.status, entry.lane_id) == (
        EntryKind.MEETING,
        Status.CONFIRMED,
        "l-eu",
    )
    assert (entry.likelihood, entry.confidence) == (Likelihood.LIKELY, Confidence.MODERATE)
    assert entry.tags == ("summit", "talks") and entry.citations == () and entry.claims == ()
    assert entry.actor_ids[0] == "a-pash"
    assert [a.name for a in pasted.actors] == ["Someone New"]
    assert [p.name for p in pasted.places] == ["Geneva"] and entry.place_id == pasted.places[0].id


def test_our_header_without_edtf_reads_the_date_in_words_and_defaults() -> None:
    [entry] = _paste("Title\tDate\tLikelihood\nLater\t20 January 2022\troughly even\n").entries
    assert entry.when.edtf == "2022-01-20"
    assert entry.status is Status.PROPOSED  # an event after the as-of date: expected, not fixed
    assert entry.kind is EntryKind.EVENT and entry.likelihood is Likelihood.ROUGHLY_EVEN


def test_every_bad_row_is_listed_and_none_taken() -> None:
    text = OURS.replace("\tEDTF", "") + "\n".join(
        [
            "2021-12-15\t\tFine",
            "between 1 and 10 Nov 2021\t\tWords",
            "2021-12-15\t\tOdd kind\tparty",
            "2021-12-15\t\tOdd term\tevent\t\t\t\t\t\tsure",
        ]
    )
    with pytest.raises(PasteError) as caught:
        _paste(text)
    assert str(caught.value) == "3 of 4 rows cannot be pasted"
    problems = caught.value.problems
    assert [p.split(":")[0] for p in problems] == ["line 3", "line 4", "line 5"]
    assert "'party' is not one of: event, meeting" in problems[1]
    assert "almost no chance" in problems[2]


def test_foreign_header_goes_through_the_csv_mapping_strictly() -> None:
    mapping = CsvMapping(date="Datum", title="Ereignis", end="Bis")
    pasted = _paste("Datum\tBis\tEreignis\n2020-09-27\t10.11.2020\tKrieg\n", mapping)
    assert pasted.entries[0].when.edtf == "2020-09-27/2020-11-10"
    with pytest.raises(PasteError) as caught:
        _paste("Datum\tEreignis\n03/04/2021\tUnklar\n", CsvMapping(date="Datum"))
    assert caught.value.problems == ["line 2: '03/04/2021' could be day/month or month/day"]
    with pytest.raises(PasteError, match="no column 'Bis'"):
        _paste("Datum\tEreignis\n2021\tx\n", mapping)


def test_foreign_header_without_a_mapping_guesses_the_usual_names() -> None:
    pasted = _paste("when\theadline\tcategory\n2021-11\tTalks\tNew lane\n")
    assert pasted.entries[0].title == "Talks" and [x.title for x in pasted.lanes] == ["New lane"]
    with pytest.raises(PasteError, match="no column holds dates or titles"):
        _paste("foo\tbar\nx\ty\n")


def test_rows_without_a_header_get_numbered_columns() -> None:
    header, rows = read_table("2021-12-15\tSummit\n2021-11\tTalks\n")
    assert header == ["Column 1", "Column 2"]
    assert [line for line, _ in rows] == [1, 2]
    pasted = _paste("2021-12-15\tSummit\n", CsvMapping(date="Column 1", title="Column 2"))
    assert pasted.entries[0].title == "Summit"


def test_headers_that_are_ours() -> None:
    assert is_table_header(["Date", "Title", "sources"])
    assert not is_table_header(["Date", "Headline"])
    assert not is_table_header(["Kind", "Status"])


def test_a_cancelled_mapping_gives_none() -> None:
    assert pasted_entries("A\tB\nx\ty\n", small_project(), lambda _h: None) is None


@pytest.mark.parametrize("text", ["", "   \n", "Title\n"])
def test_nothing_to_paste(text: str) -> None:
    with pytest.raises(PasteError):
        _paste(text)
