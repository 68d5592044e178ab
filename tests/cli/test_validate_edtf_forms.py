"""``timeline-editor validate`` names bad EDTF sets and seasons at their entry."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.samples import raw_file_dict, write_json
from timeline_editor.app import main
from timeline_editor.io.project_file import ProjectFileError, load_project


def test_bad_sets_and_seasons_are_reported_at_their_entries(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = raw_file_dict()
    document["entries"][0]["when"] = {"edtf": "[" + ",".join(["2021"] * 10_000) + "]"}
    document["entries"][1]["when"] = {"edtf": "2001-42"}
    document["entries"][2]["when"] = {"edtf": "[2021-12-14,,2021-12-15]"}
    bad = write_json(tmp_path / "bad.timeline.json", document)
    assert main(["validate", "-q", str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}: entries[0].when.edtf: a set of 10,000 members is too many" in out
    assert "(the limit is 1,000)" in out
    assert f"{bad}: entries[1].when.edtf: season 42 out of range in '2001-42'" in out
    assert "entries[2].when.edtf: member 2 of '[2021-12-14,,2021-12-15]' is empty" in out


def test_new_forms_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = raw_file_dict()
    forms = ["[1667,1668,1670..1672]", "2001-21", "2004?-06-~11"]
    for entry, edtf in zip(document["entries"], forms, strict=True):
        entry["when"] = {"edtf": edtf}
    good = write_json(tmp_path / "good.timeline.json", document)
    assert main(["validate", str(good)]) == 0
    assert capsys.readouterr().out.strip() == f"{good}: ok (3 entries)"


def test_a_set_that_repeats_a_member_is_refused_by_validate_and_the_loader(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = raw_file_dict()
    document["entries"][1]["when"] = {"edtf": "[2021-12-14,2021-12-14]"}
    bad = write_json(tmp_path / "twice.timeline.json", document)
    assert main(["validate", "-q", str(bad)]) == 1
    said = "entries[1].when.edtf: member 2 of '[2021-12-14,2021-12-14]' repeats member 1"
    assert f"{bad}: {said}" in capsys.readouterr().out
    with pytest.raises(ProjectFileError, match=re.escape(said)):
        load_project(bad)
