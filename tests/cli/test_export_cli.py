"""The export sub-command: formats, text exporters first, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.samples import chart_project
from timeline_editor.app import main
from timeline_editor.io.exporters import TEXT_EXPORTERS
from timeline_editor.io.project_file import save_project
from timeline_editor.model.entities import Project


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    path = tmp_path / "p.timeline.json"
    save_project(chart_project(), path)
    return path


@pytest.mark.parametrize("suffix", ["svg", "png", "pdf"])
def test_draws_each_format(project_file: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"out.{suffix}"
    assert main(["export", str(project_file), "-o", str(out), "--scale", "1"]) == 0
    assert out.stat().st_size > 5000


def test_format_option_and_options(project_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "chart.bin"
    args = [
        "export",
        str(project_file),
        "-o",
        str(out),
        "--format",
        "svg",
        "--from",
        "2021-11",
        "--to",
        "2021-12-31",
        "--title",
        "T",
        "--lane",
        "Armenia",
        "--lanes-by",
        "lane",
        "--width",
        "900",
    ]
    assert main(args) == 0
    assert out.read_bytes().startswith(b"<?xml")


def test_text_exporter_is_preferred(
    project_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Path] = []

    def fake(project: Project, path: Path) -> None:
        seen.append(path)

    monkeypatch.setitem(TEXT_EXPORTERS, ".zzz", fake)
    out = tmp_path / "x.zzz"
    assert main(["export", str(project_file), "-o", str(out)]) == 0
    assert seen == [out]


@pytest.mark.parametrize(
    "bad",
    [
        ["--width", "abc"],
        ["--from", "nonsense"],
        ["--scale", "0"],
        ["--format", "gif"],
        ["--lanes-by", "colour"],
    ],
)
def test_nonsense_arguments_exit_2(
    project_file: Path, tmp_path: Path, bad: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["export", str(project_file), "-o", str(tmp_path / "x.png"), *bad])
    assert exc.value.code == 2
    assert "error" in capsys.readouterr().err


def test_unknown_suffix_exit_2(
    project_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(project_file), "-o", str(tmp_path / "x.gif")]) == 2
    assert "cannot tell the format" in capsys.readouterr().err


def test_unreadable_project_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["export", str(bad), "-o", str(tmp_path / "x.png")]) == 1
    assert "cannot read" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


@pytest.mark.parametrize("suffix", ["md", "png"])
def test_missing_output_folder_is_named_without_temp_file(
    project_file: Path, tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "nowhere" / f"z.{suffix}"
    assert main(["export", str(project_file), "-o", str(out), "--scale", "1"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (
        f"timeline-editor export: cannot write {out}: folder {out.parent} does not exist"
    )


def test_text_export_names_what_it_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from timeline_editor.model.entities import DateValue, Entry
    from timeline_editor.model.vocab import EntryKind

    source = tmp_path / "p.timeline.json"
    undated = Entry(title="Hotline", kind=EntryKind.MEETING, when=DateValue(as_stated="soon"))
    save_project(Project(entries=(undated,)), source)
    assert main(["export", str(source), "-o", str(tmp_path / "c.ics")]) == 0
    err = capsys.readouterr().err
    assert err == "timeline-editor export: left out 1 undated entry: “Hotline”\n"


@pytest.mark.parametrize("spelling", ["same", "dotted", "link"])
def test_refuses_to_overwrite_the_project_itself(
    project_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], spelling: str
) -> None:
    before = project_file.read_bytes()
    out = {
        "same": project_file,
        "dotted": tmp_path / "." / "sub" / ".." / project_file.name,
        "link": tmp_path / "link.csv",
    }[spelling]
    if spelling == "link":
        out.symlink_to(project_file)
    assert main(["export", str(project_file), "-o", str(out), "--format", "csv"]) == 2
    assert "is the project file itself" in capsys.readouterr().err
    assert project_file.read_bytes() == before
