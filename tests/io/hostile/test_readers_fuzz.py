"""Every reader, fed random bytes or mutated valid files, raises only its own error.

And what a reader takes can be written again: a loaded project saves, an imported one
serialises. Example counts are modest so that the suite stays fast.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.io.hostile.mutations import mutated_csv, mutated_json, mutated_xml
from tests.samples import raw_file_dict
from timeline_editor.io.importers import ImportFileError, import_file
from timeline_editor.io.project_file import ProjectFileError, file_bytes, load_project

FIXTURES = Path(__file__).parents[1] / "fixtures"
TIMELINEJS = (FIXTURES / "timelinejs/basic.json").read_text(encoding="utf-8")
CSL = (FIXTURES / "csl/zotero.json").read_text(encoding="utf-8")
XML = (FIXTURES / "timeline_project/basic.timeline").read_bytes()
TEMPLATE_HEADER = (FIXTURES / "timelinejs/template.csv").read_text("utf-8").splitlines()[0]

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _project_text() -> str:
    import json

    return json.dumps(raw_file_dict())


def _load(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.timeline.json"
        path.write_bytes(data)
        try:
            project = load_project(path)
        except ProjectFileError as exc:
            assert exc.problems and str(path) in str(exc)
            return
        file_bytes(project, path)  # whatever loads can be saved


def _import(data: bytes, name: str, fmt: str | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            result = import_file(path, fmt)
        except ImportFileError as exc:
            assert str(path) in str(exc)
            return
        file_bytes(result.project, path)


@FUZZ
@given(st.binary(max_size=300))
def test_project_files_from_random_bytes(data: bytes) -> None:
    _load(data)


@FUZZ
@given(mutated_json(_project_text()))
def test_project_files_mutated(data: bytes) -> None:
    _load(data)


@FUZZ
@given(st.binary(max_size=300), st.sampled_from(["a.json", "b.csv", "c.timeline", "d.txt"]))
def test_imports_from_random_bytes_with_a_guessed_format(data: bytes, name: str) -> None:
    _import(data, name, None)


@FUZZ
@given(mutated_json(TIMELINEJS))
def test_timelinejs_mutated(data: bytes) -> None:
    _import(data, "t.json", "timelinejs")


@FUZZ
@given(mutated_json(CSL))
def test_csl_mutated(data: bytes) -> None:
    _import(data, "z.json", "csl")


@FUZZ
@given(mutated_xml(XML))
def test_timeline_project_mutated(data: bytes) -> None:
    _import(data, "p.timeline", "timeline-project")


@FUZZ
@given(mutated_csv(["date", "end", "title", "description", "url", "lane", "tags"]))
def test_csv_mutated(data: bytes) -> None:
    _import(data, "e.csv", "csv")


@FUZZ
@given(mutated_csv(TEMPLATE_HEADER.split(",")))
def test_timelinejs_template_mutated(data: bytes) -> None:
    _import(data, "t.csv", "timelinejs-csv")
