"""Project files with what JSON parsers let through: refused at load, naming the place.

Whatever loads must save again, so numbers no writer can write back are refused here,
not at the next save; repeated keys are refused because another tool would show the
other value; an item without an id gets the same id on every load.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.samples import raw_file_dict, write_json
from timeline_editor.app import main
from timeline_editor.io import project_file
from timeline_editor.io.merge import merge_projects
from timeline_editor.io.project_file import ProjectFileError, load_project, save_project

VALID = json.dumps(raw_file_dict()).encode()


def _with_entry_field(text: str) -> bytes:
    """The valid file with ``text`` (``"key": value``) put first into entries[1]."""
    at = VALID.index(b'"id": "e-2"')
    return VALID[:at] + text.encode() + b", " + VALID[at:]


CASES = [
    ("1e400 at the top", b'{"x": 1e400, ' + VALID[1:], "x: the number 1e400 is too large"),
    ("-1e400 in an entry", _with_entry_field('"w": -1e400'), "entries[1].w: the number -1e400"),
    (
        "1e400 in a known field",
        VALID.replace(b'"latitude": 50.85', b'"latitude": 1e999'),
        "places[0].latitude: the number 1e999",
    ),
    ("repeated key at the top", b'{"title": "Decoy", ' + VALID[1:], "(top level): the key 'title'"),
    (
        "repeated key in an entry",
        _with_entry_field('"title": "Decoy"'),
        "entries[1]: the key 'title' appears more than once",
    ),
    (
        "5,000-digit integer",
        b'{"x": ' + b"7" * 5000 + b", " + VALID[1:],
        "a number with more digits than can be read",
    ),
    ("two byte-order marks", b"\xef\xbb\xbf" * 2 + VALID, "two byte-order marks"),
]


@pytest.mark.parametrize(("case", "data", "words"), CASES, ids=[c[0] for c in CASES])
def test_refused_at_load_naming_the_place(
    tmp_path: Path, case: str, data: bytes, words: str
) -> None:
    assert b"latitude" in VALID
    path = tmp_path / "p.timeline.json"
    path.write_bytes(data)
    with pytest.raises(ProjectFileError) as caught:
        load_project(path)
    assert words in str(caught.value), caught.value.problems


@pytest.mark.parametrize(("case", "data", "words"), CASES, ids=[c[0] for c in CASES])
def test_the_fast_path_never_takes_them(case: str, data: bytes, words: str) -> None:
    assert project_file._fast_load(data.removeprefix(b"\xef\xbb\xbf")) is None


def test_validate_names_the_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.timeline.json"
    path.write_bytes(_with_entry_field('"title": "Decoy"'))
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().out == (
        f"{path}: entries[1]: the key 'title' appears more than once\n"
    )


def test_large_but_keepable_numbers_load_and_save_back(tmp_path: Path) -> None:
    path = tmp_path / "p.timeline.json"
    big = "9" * 4000
    path.write_bytes(b'{"x": ' + big.encode() + b', "y": 1.5e308, ' + VALID[1:])
    project = load_project(path)
    save_project(project, path)
    assert load_project(path).model_extra == project.model_extra


def _without_ids(document: dict[str, object]) -> dict[str, object]:
    entries = document["entries"]
    assert isinstance(entries, list)
    del entries[0]["id"]
    del entries[0]["citations"][0]["id"]
    entries.append(json.loads(json.dumps(entries[0])))  # the same content again
    return document


def test_items_without_ids_get_the_same_ids_on_every_load(tmp_path: Path) -> None:
    document = _without_ids(raw_file_dict())
    del document["id"]
    path = write_json(tmp_path / "p.timeline.json", document)
    first, second = load_project(path), load_project(path)
    assert first == second
    ids = [e.id for e in first.entries]
    assert len(set(ids)) == len(ids)
    assert first.entries[0].citations[0].id == second.entries[0].citations[0].id
    assert first.entries[0].citations[0].id != first.entries[-1].citations[0].id
    assert {"e-2", "e-3"} <= set(ids)


def test_a_derived_id_never_takes_one_the_file_uses(tmp_path: Path) -> None:
    path = write_json(tmp_path / "p.timeline.json", _without_ids(raw_file_dict()))
    derived = load_project(path).entries[0].id
    document = _without_ids(raw_file_dict())
    document["entries"][1]["id"] = derived  # type: ignore[index]
    taken = load_project(write_json(tmp_path / "q.timeline.json", document))
    ids = [e.id for e in taken.entries]
    assert ids.count(derived) == 1 and len(set(ids)) == len(ids)


def test_a_merge_of_two_copies_does_not_duplicate_an_id_less_entry(tmp_path: Path) -> None:
    path = write_json(tmp_path / "p.timeline.json", _without_ids(raw_file_dict()))
    ours, theirs = load_project(path), load_project(path)
    result = merge_projects(ours, theirs.model_copy(update={"title": "Renamed"}), ours)
    assert len(result.merged.entries) == len(ours.entries)
    assert result.merged.title == "Renamed"
