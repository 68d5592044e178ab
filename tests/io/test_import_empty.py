"""An import that finds nothing is an error; only a titled empty TimelineJS timeline imports."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline_editor.io.importers import ImportFileError, import_file
from timeline_editor.model.entities import Project, Source


@pytest.mark.parametrize(
    ("name", "text", "fmt", "message"),
    [
        ("a.json", "[]", None, "no sources found in {path} (read as CSL-JSON): the file holds"),
        ("b.json", "{}", None, "no events found in {path} (read as TimelineJS JSON): the file"),
        ("c.json", '{"events": []}', "timelinejs", "no events found in {path}"),
        ("d.timeline", "<timeline><events/></timeline>", None, "no events found in {path}"),
        ("e.json", '{"events": [5, "x"]}', None, "all 2 records were rejected (first: events[0]"),
        ("f.json", "[1]", "csl", "its one record was rejected (item 1: not imported"),
    ],
)
def test_nothing_found_is_an_error(
    tmp_path: Path, name: str, text: str, fmt: str | None, message: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        import_file(path, fmt)
    assert message.format(path=path) in str(caught.value)


def test_titled_empty_timelinejs_imports_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text('{"title": {"text": {"headline": "Talks"}}, "events": []}', encoding="utf-8")
    result = import_file(path)
    assert result.project.title == "Talks"
    assert result.project.entries == ()
    assert f"note: no events in {path}; the project holds the title only" in result.report.notes


def test_csl_into_with_only_duplicates_still_counts_as_found(tmp_path: Path) -> None:
    path = tmp_path / "z.json"
    path.write_text('[{"type": "webpage", "title": "T", "URL": "https://x.org/a"}]', "utf-8")
    into = Project(sources=(Source(id="s1", title="T", url="https://x.org/a"),))
    result = import_file(path, "csl", into=into)
    assert [s.id for s in result.project.sources] == ["s1"]
