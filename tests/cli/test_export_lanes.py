"""`export --lane` fits the chart to the chosen rows; names may be given in part."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest

from timeline_editor.app import main

EXAMPLE = Path(__file__).resolve().parents[2] / "resources/examples/brussels-2021.timeline.json"


def _svg_text(path: Path) -> str:
    root = ElementTree.parse(path).getroot()
    return " ".join("".join(node.itertext()) for node in root.iter() if node.tag.endswith("text"))


def test_one_lane_fits_its_entries_and_counts_only_them(tmp_path: Path) -> None:
    out = tmp_path / "eu.svg"
    assert main(["export", str(EXAMPLE), "-o", str(out), "--lane", "EU track"]) == 0
    text = _svg_text(out)
    # The span is the lane's own (Aug–Dec 2021), not the project's (2020 war to 2023).
    assert "As of 20 Nov 2021 · 9 entries · 1 Aug 2021 – 15 Dec 2021" in text
    assert "2020" not in text.replace("2020 war", "")
    # Undated entries of other lanes are left out with their lanes.
    assert "not placed in time" not in text  # the Undated strip's caption
    assert "trilateral" not in text and "Russia track" not in text


def test_lane_of_undated_entries_keeps_them(tmp_path: Path) -> None:
    out = tmp_path / "ru.svg"
    assert main(["export", str(EXAMPLE), "-o", str(out), "--lane", "russia"]) == 0
    text = _svg_text(out)
    assert "Putin–Aliyev–Pashinian trilateral" in text
    assert "Direct communication line" not in text


def test_whole_project_subtitle_shows_the_data_not_the_padding(tmp_path: Path) -> None:
    out = tmp_path / "all.svg"
    assert main(["export", str(EXAMPLE), "-o", str(out)]) == 0
    text = _svg_text(out)
    assert "16 entries · 26 Sep 2020 – 10 Nov 2023" in text
    # The key names dates in words.
    assert "(between 15 and 19 Nov 2021)" in text and "(undated)" in text
    assert "[2021-11-15..2021-11-19]" not in text


@pytest.mark.parametrize(
    ("option", "name", "message"),
    [
        ("--lane", "Nope", "--lane: no lane with id or name 'Nope'; the lanes are 'Armenia–"),
        ("--actor", "michel", "'michel' matches several actors: 'Charles Michel', 'Spokesman"),
    ],
)
def test_unknown_or_ambiguous_names_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, name: str, message: str
) -> None:
    out = tmp_path / "x.png"
    assert main(["export", str(EXAMPLE), "-o", str(out), option, name]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_actor_by_a_unique_part_of_the_name(tmp_path: Path) -> None:
    out = tmp_path / "putin.svg"
    assert main(["export", str(EXAMPLE), "-o", str(out), "--actor", "putin"]) == 0
    text = _svg_text(out)
    assert "trilateral" in text and "EU Eastern Partnership summit" not in text


def test_a_bad_lane_mode_names_itself_and_the_allowed_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.svg"
    with pytest.raises(SystemExit) as exc:
        main(["export", str(EXAMPLE), "-o", str(out), "--lanes-by", "colour"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "--lanes-by: 'colour' is not a lane mode; use one of lane, actor, kind" in err
    assert not out.exists()


def test_rows_by_kind_are_named_as_the_chart_names_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "meetings.svg"
    args = ["export", str(EXAMPLE), "-o", str(out), "--lanes-by", "kind"]
    assert main([*args, "--lane", "meeting"]) == 0
    assert "trilateral" in _svg_text(out) and "2020 war" not in _svg_text(out)
    assert main([*args, "--lane", "summit"]) == 2
    assert "no kind with id or name 'summit'; the kinds are 'Event', 'Meeting'" in (
        capsys.readouterr().err
    )
