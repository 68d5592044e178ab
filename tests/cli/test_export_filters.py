"""`export` takes the filter panel's criteria: charts and text exports show the same entries."""

from __future__ import annotations

import csv
from pathlib import Path
from xml.etree import ElementTree

import pytest

from timeline_editor.app import main

EXAMPLE = Path(__file__).resolve().parents[2] / "resources/examples/brussels-2021.timeline.json"
TRILATERAL = "Putin–Aliyev–Pashinian trilateral meeting in Moscow"
BRUSSELS = "Pashinian–Aliyev meeting in Brussels, with Michel"


def _svg_text(path: Path) -> str:
    root = ElementTree.parse(path).getroot()
    return " ".join("".join(node.itertext()) for node in root.iter() if node.tag.endswith("text"))


def _csv_titles(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return [row["title"] for row in csv.DictReader(stream)]


def test_disputed_only_chart_and_table(tmp_path: Path) -> None:
    svg, table = tmp_path / "d.svg", tmp_path / "d.csv"
    assert main(["export", str(EXAMPLE), "-o", str(svg), "--disputed-only"]) == 0
    assert main(["export", str(EXAMPLE), "-o", str(table), "--disputed-only"]) == 0
    text = _svg_text(svg)
    assert "trilateral meeting" in text
    assert "Worst border fighting" not in text
    assert _csv_titles(table) == [TRILATERAL]


def test_kind_status_and_dates_for_a_calendar_list(tmp_path: Path) -> None:
    table = tmp_path / "m.csv"
    args = ["--kind", "meeting", "--status", "scheduled", "--from", "2021-12", "--to", "2021-12"]
    assert main(["export", str(EXAMPLE), "-o", str(table), *args]) == 0
    assert BRUSSELS in _csv_titles(table)
    assert TRILATERAL not in _csv_titles(table)


def test_actor_by_name_and_format_option(tmp_path: Path) -> None:
    out = tmp_path / "chronology.txt"
    assert (
        main(["export", str(EXAMPLE), "-o", str(out), "--format", "md", "--actor", "Dmitry Peskov"])
        == 0
    )
    report = out.read_text(encoding="utf-8")
    assert "trilateral" in report
    assert "Worst border fighting" not in report


def test_unknown_actor_is_a_usage_error_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.svg"
    assert main(["export", str(EXAMPLE), "-o", str(out), "--actor", "Nobody"]) == 2
    assert "no actor with id or name 'Nobody'" in capsys.readouterr().err
    assert not out.exists()
