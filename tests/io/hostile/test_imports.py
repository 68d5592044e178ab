"""Imports of hostile files: repeated keys and odd numbers are reported, never raised."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_editor.io.html_text import _plain_tags_text, html_to_text_parsed
from timeline_editor.io.importers import ImportCancelledError, ImportFileError, import_file

BOM = b"\xef\xbb\xbf"
EVENT = '{"start_date": {"year": 2021, "month": 12, "day": 15}, "text": {"headline": "A"}}'


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def test_timelinejs_repeated_keys_are_reported_with_their_place(tmp_path: Path) -> None:
    text = (
        '{"events": [' + EVENT + ', {"start_date": {"year": 2020, "year": 1999},'
        ' "text": {"headline": "B", "headline": "C"}}]}'
    )
    result = import_file(_write(tmp_path, "t.json", text))
    assert [e.title for e in result.project.entries] == ["A", "C"]
    assert result.report.problems == [
        "events[1].start_date: the key 'year' appears more than once; the last value was taken",
        "events[1].text: the key 'headline' appears more than once; the last value was taken",
    ]


def test_csl_repeated_keys_are_reported(tmp_path: Path) -> None:
    text = '[{"type": "book", "title": "A", "title": "B"}]'
    result = import_file(_write(tmp_path, "z.json", text))
    assert [s.title for s in result.project.sources] == ["B"]
    assert result.report.problems == [
        "[0]: the key 'title' appears more than once; the last value was taken"
    ]


@pytest.mark.parametrize(
    "year", ["1e400", "-1e400", "1" * 5000, "-" + "9" * 5000, "1e300", "NaN", "Infinity"]
)
def test_timelinejs_numbers_that_cannot_be_kept_make_the_event_undated(
    tmp_path: Path, year: str
) -> None:
    text = '{"events": [' + EVENT + ', {"start_date": {"year": ' + year + '}, "text": "x"}]}'
    result = import_file(_write(tmp_path, "t.json", text))
    undated = result.project.entries[1]
    assert undated.when.edtf == ""
    [problem] = result.report.problems
    assert problem.startswith("events[1] (event 2): start_date:")
    assert len(problem) < 300


@pytest.mark.parametrize("number", ["1e400", "1" * 5000, "NaN"])
def test_csl_numbers_that_cannot_be_kept_leave_the_date_empty(tmp_path: Path, number: str) -> None:
    text = '[{"type": "book", "title": "A", "issued": {"date-parts": [[' + number + "]]}}]"
    result = import_file(_write(tmp_path, "z.json", text))
    assert [(s.title, s.issued) for s in result.project.sources] == [("A", "")]


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("t.json", '{"events": [' + EVENT + "]}"),
        ("e.csv", "date,title\n2021-12-15,A\n"),
        (
            "p.timeline",
            "<timeline><version>2.0</version><events><event><start>2021-12-15 00:00:00</start>"
            "<end>2021-12-15 00:00:00</end><text>A</text></event></events></timeline>",
        ),
    ],
)
def test_a_doubled_byte_order_mark_is_noted_and_ignored(
    tmp_path: Path, name: str, body: str
) -> None:
    result = import_file(_write(tmp_path, name, BOM * 3 + body.encode()))
    assert [e.title for e in result.project.entries] == ["A"]
    assert any("starts with 3 byte-order marks" in n for n in result.report.notes)


def test_a_repeated_csv_column_is_reported(tmp_path: Path) -> None:
    path = _write(tmp_path, "e.csv", "date,title,title\n2021-12-15,A,B\n")
    result = import_file(path)
    assert [e.title for e in result.project.entries] == ["B"]
    assert result.report.problems == [
        "line 1: the column 'title' appears 2 times; only the last one was read"
    ]


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("t.json", "[" * 100_000),
        ("t.json", '{"events": [' + "[" * 5000 + "]" * 5000 + "]}"),
        ("z.json", '[{"type": "book", "title": "\\ud800"}]'),
        ("t.json", '{"events": {"a": 1}}'),
    ],
)
def test_malformed_json_is_an_import_error_not_a_traceback(
    tmp_path: Path, name: str, body: str
) -> None:
    path = _write(tmp_path, name, body)
    try:
        import_file(path)
    except ImportFileError as exc:
        assert str(path) in str(exc)


def _events(count: int) -> str:
    return json.dumps(
        {
            "events": [
                {"start_date": {"year": 2000 + i % 20}, "text": {"headline": f"e{i}"}}
                for i in range(count)
            ]
        }
    )


def test_progress_is_reported_and_reaches_the_total(tmp_path: Path) -> None:
    path = _write(tmp_path, "t.json", _events(2500))
    seen: list[tuple[int, int]] = []
    import_file(path, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 0), (1000, 2500), (2000, 2500), (2500, 2500)]


@pytest.mark.parametrize("fmt_name", ["t.json", "e.csv"])
def test_a_cancel_stops_the_import(tmp_path: Path, fmt_name: str) -> None:
    if fmt_name.endswith(".csv"):
        body = "date,title\n" + "".join(f"2021-01-{i % 28 + 1:02d},e{i}\n" for i in range(3000))
    else:
        body = _events(3000)
    path = _write(tmp_path, fmt_name, body)
    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(ImportCancelledError, match="cancelled"):
        import_file(path, cancelled=cancelled)
    assert len(calls) == 3


_FRAGMENT = st.lists(
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "<br>",
            "<br/>",
            "<BR />",
            "<b>",
            "</b>",
            "<li>",
            "<div>",
            "<script>",
            "</script>",
            "<a>",
            "<strong>",
            "</x>",
            "<",
            ">",
            "a",
            " ",
            "\n",
            "é",
            "<p class=x>",
        ]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_FRAGMENT)
def test_the_quick_html_reading_agrees_with_the_parser(fragment: str) -> None:
    quick = _plain_tags_text(fragment)
    if quick is not None:
        assert quick == html_to_text_parsed(fragment)


def test_unpaired_surrogates_are_replaced_and_noted(tmp_path: Path) -> None:
    text = '{"events": [' + EVENT[:-1] + ', "group": "East\\ud800"}]}'
    result = import_file(_write(tmp_path, "t.json", text))
    assert [lane.title for lane in result.project.lanes] == ["East\ufffd"]
    assert any("unpaired UTF-16 surrogates" in n for n in result.report.notes)


def test_a_link_no_source_can_hold_is_reported(tmp_path: Path) -> None:
    url = "https://example.org/" + "a" * 5000
    result = import_file(_write(tmp_path, "e.csv", f"date,title,url\n2021-12-15,A,{url}\n"))
    [entry] = result.project.entries
    assert entry.citations == ()
    [problem] = result.report.problems
    assert (
        problem
        == "line 2: source link not imported: url: String should have at most 4000 characters"
    )
