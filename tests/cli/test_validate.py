"""``timeline-editor validate``: exit status and one line per problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.samples import raw_file_dict, write_json
from timeline_editor.app import main


def test_valid_files_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = write_json(tmp_path / "a.timeline.json", raw_file_dict())
    b = write_json(tmp_path / "b.timeline.json", raw_file_dict())
    assert main(["validate", str(a), str(b)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{a}: ok (3 entries)",
        f"{b}: ok (3 entries)",
    ]


def test_one_bad_file_makes_exit_1_with_a_line_per_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write_json(tmp_path / "good.timeline.json", raw_file_dict())
    document = raw_file_dict()
    document["entries"][0]["when"] = {"edtf": "2021-02-30"}
    document["entries"][1]["lane_id"] = "l-404"
    bad = write_json(tmp_path / "bad.timeline.json", document)
    empty = tmp_path / "empty.timeline.json"
    empty.write_bytes(b"")
    assert main(["validate", "-q", str(good), str(bad), str(empty)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{bad}: entries[0].when.edtf: day 30 does not exist in 2021-02 in '2021-02-30'",
        f"{empty}: the file is empty",
    ]


def test_integrity_problems_are_listed_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = raw_file_dict()
    document["entries"][1]["lane_id"] = "l-404"
    bad = write_json(tmp_path / "bad.timeline.json", document)
    assert main(["validate", str(bad)]) == 1
    assert capsys.readouterr().out == f"{bad}: entries[1].lane_id: no lane with id 'l-404'\n"


def test_no_file_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["validate"])
    assert caught.value.code == 2
    assert "FILE" in capsys.readouterr().err


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "nope.json")]) == 1
    assert capsys.readouterr().out == f"{tmp_path / 'nope.json'}: no such file\n"


def test_schema_command_writes_the_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "s.json"
    assert main(["schema", "-o", str(out)]) == 0
    assert main(["schema"]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(capsys.readouterr().out)
