"""``timeline-editor info``: title, as-of, counts, disputed and undated entries, range."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.samples import raw_file_dict, write_json
from timeline_editor.app import main


def test_info_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_json(tmp_path / "p.timeline.json", raw_file_dict())
    assert main(["info", str(path), "--json"]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert facts == {
        "title": "Brussels track — Ереван · Bakı",
        "as_of": "2021-11-20",
        "entries": 3,
        "by_kind": {"meeting": 2, "period": 1},
        "by_status": {"occurred": 1, "proposed": 1, "scheduled": 1},
        "sources": 1,
        "disputed": ["Moscow trilateral"],
        "undated": ["Moscow trilateral"],
        # '~' widens each end of the 2020 war by one day.
        "date_range": ["2020-09-26", "2021-12-15"],
    }


def test_info_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_json(tmp_path / "p.timeline.json", raw_file_dict())
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Title:      Brussels track — Ереван · Bakı\n" in out
    assert "  by kind:   meeting 2, period 1\n" in out
    assert "Date range: 2020-09-26 to 2021-12-15\n" in out
    assert "Disputed entries: 1\n  - Moscow trilateral\n" in out
    assert "Undated entries: 1\n  - Moscow trilateral\n" in out


def test_info_on_an_empty_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_json(
        tmp_path / "p.timeline.json", {"format": "timeline-editor", "schema_version": 1}
    )
    assert main(["info", str(path), "--json"]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert facts["date_range"] == [None, None]
    assert facts["by_kind"] == {}


def test_info_on_a_bad_file_exits_1_with_the_problem_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.timeline.json"
    path.write_bytes(b"[]")
    assert main(["info", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"{path}: the file holds an array, not a project (a JSON object)\n"
