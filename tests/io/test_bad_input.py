"""Every kind of bad project file: one clear message naming file and place, nothing written."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest

from tests.samples import raw_file_dict
from timeline_editor.io import project_file
from timeline_editor.io.json_guard import MAX_FILE_BYTES, JsonError
from timeline_editor.io.migrations import MigrationError
from timeline_editor.io.project_file import ProjectFileError, load_project

HEADER = b'{"format": "timeline-editor", "schema_version": 1'


def _with(**changes: Any) -> bytes:
    return json.dumps(raw_file_dict() | changes).encode()


def _entry(**when: str) -> bytes:
    document = raw_file_dict()
    document["entries"][0]["when"] = when
    return json.dumps(document).encode()


def _dangling() -> bytes:
    document = raw_file_dict()
    document["entries"][1]["claims"][0]["citation"]["source_id"] = "s-404"
    return json.dumps(document).encode()


def _duplicate() -> bytes:
    document = raw_file_dict()
    document["actors"].append({"id": "e-1", "name": "Someone"})
    return json.dumps(document).encode()


def _missing_name() -> bytes:
    document = raw_file_dict()
    del document["actors"][0]["name"]
    return json.dumps(document).encode()


# (case, file bytes, expected place, expected words)
CASES: list[tuple[str, bytes, str, str]] = [
    ("empty", b"", "", "the file is empty"),
    ("only whitespace", b" \n\t", "", "the file is empty"),
    ("not json", b"Minutes of the meeting", "line 1 column 1", "not valid JSON"),
    ("truncated", _with()[:-40], "line 1 column", "ends too early (truncated?)"),
    ("array", b"[1, 2]", "", "holds an array, not a project"),
    ("string", b'"timeline"', "", "holds a string, not a project"),
    ("no format", b'{"title": "x"}', "format", "not a Timeline Editor project"),
    ("wrong format", b'{"format": "vis-timeline"}', "format", "'vis-timeline' is not"),
    ("no version", b'{"format": "timeline-editor"}', "schema_version", "missing"),
    (
        "bad version",
        b'{"format": "timeline-editor", "schema_version": "1"}',
        "schema_version",
        "not a version number",
    ),
    ("newer", _with(schema_version=9), "schema_version", "newer Timeline Editor"),
    (
        "newer, too new for us",
        _with(schema_version=9, min_reader_version=5),
        "schema_version",
        "open it with a newer version",
    ),
    ("wrong type", _with(title=["a"]), "title", "valid string"),
    ("wrong type deep", _entry(edtf=2021), "entries[0].when.edtf", "valid string"),  # type: ignore[arg-type]
    ("missing field", _missing_name(), "actors[0].name", "Field required"),
    ("month 13", _entry(edtf="2021-13-45"), "entries[0].when.edtf", "month 13 out of range"),
    ("30 February", _entry(edtf="2021-02-30"), "entries[0].when.edtf", "day 30 does not exist"),
    ("not edtf", _entry(edtf="abc"), "entries[0].when.edtf", "'abc' is not an EDTF date"),
    (
        "end before start",
        _entry(edtf="2021-12-15/2021-11-01"),
        "entries[0].when.edtf",
        "end 2021-11-01 is before start 2021-12-15",
    ),
    ("dangling", _dangling(), "entries[1].claims[0].citation.source_id", "no source with id"),
    ("duplicate id", _duplicate(), "actors[2].id", "duplicate id 'e-1' (first used at entries[0]"),
    (
        "deep",
        HEADER + b', "x": ' + b"[" * 10_000 + b"]" * 10_000 + b"}",
        "line 1 column",
        "nested more than 200 levels",
    ),
    ("invalid utf-8", HEADER + b', "title": "Bak\xff"}', "line 1 column", "not valid UTF-8"),
    ("NaN", HEADER + b', "x": NaN}', "line 1 column 57", "Infinity are not JSON"),
    (
        "Infinity",
        HEADER + b', "places": [{"name": "a", "latitude": -Infinity}]}',
        "line 1",
        "Infinity are not JSON",
    ),
    (
        "raw control character",
        HEADER + b', "title": "a\x07b"}',
        "line 1 column",
        "raw control character",
    ),
    ("lone surrogate", HEADER + b', "title": "\\ud800"}', "line 1 column", "not valid JSON"),
]


def _snapshot(folder: Path) -> list[tuple[str, int, int]]:
    return [(p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.iterdir())]


@pytest.mark.parametrize(("case", "data", "place", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_file_gives_one_clear_message_and_writes_nothing(
    tmp_path: Path, case: str, data: bytes, place: str, words: str
) -> None:
    path = tmp_path / "bad.timeline.json"
    path.write_bytes(data)
    before = _snapshot(tmp_path)
    with pytest.raises(ProjectFileError) as caught:
        load_project(path)
    problems = caught.value.problems
    assert len(problems) == 1, problems
    assert problems[0].startswith(place), problems
    assert words in problems[0], problems
    assert str(caught.value).startswith(f"{path}: ")
    assert _snapshot(tmp_path) == before
    assert path.read_bytes() == data


def test_several_problems_are_each_listed_with_their_place(tmp_path: Path) -> None:
    document = raw_file_dict()
    document["entries"][0]["when"] = {"edtf": "abc"}
    document["entries"][2]["status"] = "done"
    path = tmp_path / "bad.timeline.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ProjectFileError) as caught:
        load_project(path)
    assert [p.split(":")[0] for p in caught.value.problems] == [
        "entries[0].when.edtf",
        "entries[2].status",
    ]
    assert "(got 'done')" in caught.value.problems[1]


def test_a_huge_file_is_refused_by_its_size_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.timeline.json"
    with path.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used, no time spent
    before = _snapshot(tmp_path)
    start = time.perf_counter()
    with pytest.raises(ProjectFileError, match="the limit is"):
        load_project(path)
    assert time.perf_counter() - start < 0.5
    assert _snapshot(tmp_path) == before


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.timeline.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(raw_file_dict()).encode())
    assert load_project(path).title == raw_file_dict()["title"]


def test_a_bom_before_bad_json_still_reports_the_place(tmp_path: Path) -> None:
    path = tmp_path / "bom.timeline.json"
    path.write_bytes(b"\xef\xbb\xbf" + HEADER)
    with pytest.raises(ProjectFileError, match="line 1 column"):
        load_project(path)


@pytest.mark.parametrize("name", ["missing.timeline.json", "."])
def test_a_missing_file_or_a_folder_is_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(ProjectFileError, match=r"no such file|is a folder, not a file"):
        load_project(tmp_path / name)


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(ProjectFileError, match="not a regular file"):
        load_project(tmp_path / "pipe")


def test_escaped_control_characters_load_and_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "ctl.timeline.json"
    path.write_bytes(HEADER + b', "title": "a\\u0000\\u0007b"}')
    assert load_project(path).title == "a\x00\x07b"


@pytest.mark.parametrize(("case", "data", "place", "words"), CASES, ids=[c[0] for c in CASES])
def test_the_fast_path_never_accepts_what_the_diagnostic_path_refuses(
    case: str, data: bytes, place: str, words: str
) -> None:
    if case in ("dangling", "duplicate id"):
        return  # well-formed projects: the integrity checks after either path refuse them
    assert project_file._fast_load(data) is None
    with pytest.raises((JsonError, MigrationError, project_file._ProblemsError)):
        project_file._diagnostic_load(data)
