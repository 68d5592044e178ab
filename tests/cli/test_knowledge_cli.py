"""Knowledge time on the command line: info --known-on, changes, export --known-on."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from timeline_editor.app import main

EXAMPLE = Path(__file__).resolve().parents[2] / "resources/examples/brussels-2021.timeline.json"
TRILATERAL = "Putin–Aliyev–Pashinian trilateral meeting in Moscow"
BRUSSELS = "Pashinian–Aliyev meeting in Brussels, with Michel"


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    assert main([*args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_info_known_on_counts_what_was_known(capsys: pytest.CaptureFixture[str]) -> None:
    facts = run_json(capsys, "info", str(EXAMPLE), "--known-on", "2021-11-12")
    assert facts["known_on"] == "2021-11-12"
    assert facts["as_of"] == "2021-11-12"
    assert facts["entries"] == 4
    assert facts["disputed"] == []
    assert facts["undated"] == [TRILATERAL]
    later = run_json(capsys, "info", str(EXAMPLE), "--known-on", "2021-11-20")
    assert later["disputed"] == [TRILATERAL]
    assert "Direct communication line between defence ministers" in later["possibly_known"]
    assert later["entries"] + len(later["possibly_known"]) == 16


def test_info_known_on_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", str(EXAMPLE), "--known-on", "2021-10-25"]) == 0
    out = capsys.readouterr().out
    assert "Known on:   2021-10-25 (the chronology as it stood that day)\n" in out
    assert "Entries:    2\n" in out
    assert "Possibly known entries: 1\n  - Michel speaks to both leaders 4-6 times\n" in out


def test_plain_info_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    facts = run_json(capsys, "info", str(EXAMPLE))
    assert "known_on" not in facts
    assert facts["entries"] == 16


@pytest.mark.parametrize("day", ["2021-11", "2021-02-30", "soon", "2021-11-20?"])
def test_a_bad_day_exits_2_naming_it(day: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["info", str(EXAMPLE), "--known-on", day])
    assert caught.value.code == 2
    assert f"argument --known-on: '{day}' is not" in capsys.readouterr().err


def test_changes_name_the_brussels_meeting(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["changes", str(EXAMPLE), "--from", "2021-11-15", "--to", "2021-11-20"]
    assert main(args) == 0
    lines = capsys.readouterr().out.splitlines()
    assert f"2021-11-19  added            {BRUSSELS}" in lines
    assert any(line.startswith("2021-11-20  claim made") and TRILATERAL in line for line in lines)
    document = run_json(capsys, *args)
    assert (document["from"], document["to"]) == ("2021-11-15", "2021-11-20")
    added = [c for c in document["changes"] if c["kind"] == "added" and c["title"] == BRUSSELS]
    assert added[0]["day"] == "2021-11-19"


def test_changes_when_nothing_changed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["changes", str(EXAMPLE), "--from", "2021-12-01", "--to", "2021-12-31"]) == 0
    assert capsys.readouterr().out == "Nothing changed after 2021-12-01 up to 2021-12-31.\n"


def test_changes_refuse_days_in_the_wrong_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["changes", str(EXAMPLE), "--from", "2021-11-20", "--to", "2021-11-15"]) == 2
    assert "--from 2021-11-20 is after --to 2021-11-15" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        main(["changes", str(EXAMPLE), "--from", "2021-11-31", "--to", "2021-12-01"])
    assert caught.value.code == 2


def test_changes_of_an_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.timeline.json"
    bad.write_text("{", encoding="utf-8")
    assert main(["changes", str(bad), "--from", "2021-11-15", "--to", "2021-11-20"]) == 1
    assert "cannot open project" in capsys.readouterr().err


def test_export_known_on_draws_the_chronology_of_that_day(tmp_path: Path) -> None:
    out = tmp_path / "nov12.svg"
    assert main(["export", str(EXAMPLE), "--known-on", "2021-11-12", "-o", str(out)]) == 0
    svg = out.read_text(encoding="utf-8")
    assert "as known on 12 Nov 2021" in svg
    assert "Russia-brokered ceasefire" in svg
    assert "Brussels, with Michel" not in svg


def test_export_known_on_writes_text_formats_and_notes_what_was_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "nov20.csv"
    assert main(["export", str(EXAMPLE), "--known-on", "2021-11-20", "-o", str(out)]) == 0
    with out.open(encoding="utf-8", newline="") as stream:
        titles = [row["title"] for row in csv.DictReader(stream)]
    assert BRUSSELS in titles
    assert len(titles) == 12
    assert "4 entries only possibly known on 2021-11-20 left out" in capsys.readouterr().err
