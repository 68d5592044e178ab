"""The import, diff and merge sub-commands, end to end through ``main``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.samples import interchange_project
from timeline_editor.app import main
from timeline_editor.io.project_file import load_project, save_project
from timeline_editor.model.entities import Project
from timeline_editor.model.vocab import Status

FIXTURES = Path(__file__).parents[1] / "io" / "fixtures"


def _edit(project: Project, ident: str, **changes: object) -> Project:
    entries = tuple(e.model_copy(update=changes) if e.id == ident else e for e in project.entries)
    return project.model_copy(update={"entries": entries})


def test_import_writes_project_and_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.timeline.json"
    assert main(["import", str(FIXTURES / "csv/events.csv"), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert "8 entries" in captured.out
    assert "line 7:" in captured.err and "encoding: UTF-8" in captured.err
    assert "  end before start: the two ends swapped: 1 record (first: line 7: " in captured.err
    assert len(load_project(out).entries) == 8


def test_import_csv_mapping_options(tmp_path: Path) -> None:
    out = tmp_path / "out.timeline.json"
    args = ["import", str(FIXTURES / "csv/semicolon.csv"), "-o", str(out), "--format", "csv"]
    assert main([*args, "--delimiter", ";", "--title-col", "title", "--lane-col", "lane"]) == 0
    assert [lane.title for lane in load_project(out).lanes] == ["Diplomatie", "Konflikt"]


@pytest.mark.parametrize("name", ["timeline_project/bomb.timeline", "timelinejs/truncated.json"])
def test_import_bad_file_fails_cleanly_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    out = tmp_path / "out.timeline.json"
    assert main(["import", str(FIXTURES / name), "-o", str(out)]) == 1
    assert capsys.readouterr().err.startswith("error: ")
    assert list(tmp_path.iterdir()) == []


def test_import_csl_into_existing_project(tmp_path: Path) -> None:
    existing, out = tmp_path / "p.timeline.json", tmp_path / "out.timeline.json"
    save_project(interchange_project(), existing)
    args = ["import", str(FIXTURES / "csl/zotero.json"), "--into", str(existing), "-o", str(out)]
    assert main(args) == 0
    project = load_project(out)
    assert len(project.entries) == 7
    assert len(project.sources) == 2 + 4


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["import", "x.csv", "--format", "nope", "-o", "y"])
    assert info.value.code == 2


def test_diff_and_merge_on_two_edited_copies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = interchange_project()
    paths = {name: tmp_path / f"{name}.timeline.json" for name in ("base", "ours", "theirs")}
    save_project(base, paths["base"])
    save_project(_edit(base, "ent-moscow", status=Status.SCHEDULED), paths["ours"])
    theirs = _edit(base, "ent-moscow", status=Status.CANCELLED)
    save_project(_edit(theirs, "ent-war", title="Karabakh war"), paths["theirs"])
    assert main(["diff", str(paths["base"]), str(paths["theirs"]), "--exit-code"]) == 3
    text = capsys.readouterr().out
    assert "status: proposed -> cancelled" in text and "title: 2020 war -> Karabakh war" in text
    out = tmp_path / "merged.timeline.json"
    args = ["merge", str(paths["ours"]), str(paths["theirs"]), "--base", str(paths["base"])]
    assert main([*args, "-o", str(out)]) == 1
    assert "conflict: entry 'Moscow trilateral' status" in capsys.readouterr().err
    assert not out.exists()
    assert main([*args, "-o", str(out), "--prefer", "theirs"]) == 0
    merged = {e.id: e for e in load_project(out).entries}
    assert merged["ent-moscow"].status == Status.CANCELLED
    assert merged["ent-war"].title == "Karabakh war"


def test_merge_unrelated_project_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ours, other = tmp_path / "a.timeline.json", tmp_path / "b.timeline.json"
    save_project(interchange_project(), ours)
    save_project(Project(id="other-project"), other)
    assert main(["merge", str(ours), str(other), "-o", str(tmp_path / "m.json")]) == 1
    assert "different project" in capsys.readouterr().err


def test_diff_of_a_broken_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, bad = tmp_path / "a.timeline.json", tmp_path / "b.timeline.json"
    save_project(interchange_project(), good)
    bad.write_text('{"entries": [', encoding="utf-8")
    assert main(["diff", str(good), str(bad)]) == 1
    assert "cannot open project" in capsys.readouterr().err


def test_import_into_missing_folder_names_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.csv"
    source.write_text("date,title\n2021-12-15,Brussels\n", encoding="utf-8")
    out = tmp_path / "gone" / "p.timeline.json"
    assert main(["import", str(source), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"error: cannot write {out}: folder {out.parent} does not exist" in err
    assert ".tmp" not in err


@pytest.mark.parametrize(("text", "what"), [("[]", "sources"), ("{}", "events")])
def test_import_of_an_empty_file_exits_1_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, what: str
) -> None:
    source, out = tmp_path / "empty.json", tmp_path / "out.timeline.json"
    source.write_text(text, encoding="utf-8")
    assert main(["import", str(source), "-o", str(out)]) == 1
    assert f"error: no {what} found in {source}" in capsys.readouterr().err
    assert not out.exists()


def test_merge_of_two_date_moves_reports_one_conflict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from timeline_editor.model.entities import DateValue, HistoryItem

    base = interchange_project()
    paths = {name: tmp_path / f"{name}.timeline.json" for name in ("base", "ours", "theirs")}
    save_project(base, paths["base"])
    for name, edtf in (("ours", "2021-12-20"), ("theirs", "2022-01")):
        moved = HistoryItem(field="when", old="2021-12~", new=edtf, at="2021-11-25")
        edited = _edit(base, "ent-moscow", when=DateValue(edtf=edtf), history=(moved,))
        save_project(edited, paths[name])
    out = tmp_path / "merged.timeline.json"
    args = ["merge", str(paths["ours"]), str(paths["theirs"]), "--base", str(paths["base"])]
    assert main([*args, "-o", str(out)]) == 1
    conflicts = [x for x in capsys.readouterr().err.splitlines() if x.startswith("conflict:")]
    assert conflicts == [
        "conflict: entry 'Moscow trilateral' when: ours 2021-12-20, theirs 2022-01"
    ]
    assert main([*args, "-o", str(out), "--prefer", "theirs"]) == 0
    merged = next(e for e in load_project(out).entries if e.id == "ent-moscow")
    assert [h.new for h in merged.history] == ["2021-12-20", "2022-01"]


def test_import_refuses_an_existing_output_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.timeline.json"
    save_project(interchange_project(), out)
    before = out.read_bytes()
    args = ["import", str(FIXTURES / "csv/events.csv"), "-o", str(out)]
    assert main(args) == 2
    assert "exists; use --force" in capsys.readouterr().err
    assert out.read_bytes() == before
    assert main([*args, "--force"]) == 0
    assert len(load_project(out).entries) == 8


def test_import_never_writes_over_its_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "events.csv"
    source.write_bytes((FIXTURES / "csv/events.csv").read_bytes())
    assert main(["import", str(source), "-o", str(source), "--force"]) == 2
    assert "is the input file" in capsys.readouterr().err
    assert source.read_bytes() == (FIXTURES / "csv/events.csv").read_bytes()


def test_import_csl_into_the_same_project_needs_no_force(tmp_path: Path) -> None:
    existing = tmp_path / "p.timeline.json"
    save_project(interchange_project(), existing)
    args = ["import", str(FIXTURES / "csl/zotero.json"), "--into", str(existing)]
    assert main([*args, "-o", str(existing)]) == 0
    assert len(load_project(existing).sources) == 2 + 4


@pytest.mark.parametrize(
    ("flag", "days"),
    [([], ["", ""]), (["--day-first"], ["2021-11-09", "2021-03-04"]),
     (["--month-first"], ["2021-09-11", "2021-04-03"])],
)  # fmt: skip
def test_import_csv_date_order_flags(tmp_path: Path, flag: list[str], days: list[str]) -> None:
    out = tmp_path / "out.timeline.json"
    assert main(["import", str(FIXTURES / "csv/undecided.csv"), "-o", str(out), *flag]) == 0
    assert [e.when.edtf for e in load_project(out).entries] == days


def test_import_csv_date_order_flags_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["import", "x.csv", "-o", "y", "--day-first", "--month-first"])
    assert "not allowed with argument" in capsys.readouterr().err


def test_cli_mapping_options_are_the_importer_fields() -> None:
    from dataclasses import fields

    from timeline_editor.cli.import_ import FORMATS, MAPPING
    from timeline_editor.io.importers import FORMATS as IMPORT_FORMATS
    from timeline_editor.io.importers import CsvMapping

    assert tuple(f.name for f in fields(CsvMapping)) == MAPPING
    assert set(IMPORT_FORMATS) == set(FORMATS)


def test_import_an_invitation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.timeline.json"
    assert main(["import", str(FIXTURES / "ics/invitation.ics"), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert "3 entries" in captured.out
    assert "  attendees not imported (the organiser is kept): 1 record (first: event 1: " in (
        captured.err
    )
    (first, *_) = load_project(out).entries
    assert (first.kind, first.status, first.when.edtf) == (
        "meeting",
        Status.CONFIRMED,
        "2021-12-15",
    )
