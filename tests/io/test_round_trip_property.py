"""Property: any valid project survives save/load unchanged, and re-saving is byte-identical."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_editor.io.project_file import load_project, save_project
from timeline_editor.model.entities import Citation, DateValue, Entry, Project, Source

# Any text Python can encode as UTF-8: control characters, RTL marks, astral planes.
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)
EDTF = st.sampled_from(["", "2021", "2021-11~", "2021-12-15", "2020-09-27/..", "[2020..2023]"])
KEYS = st.from_regex(r"x_[a-z]{1,6}", fullmatch=True)
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=8,
)
EXTRAS = st.dictionaries(KEYS, JSON_VALUES, max_size=2)


@st.composite
def projects(draw: Any) -> Project:
    """Small projects with arbitrary text, dates and unknown fields at several depths."""
    source = Source(id="s-1", title=draw(TEXT), **draw(EXTRAS))
    entries = tuple(
        Entry(
            id=f"e-{i}",
            title=draw(TEXT),
            when=DateValue(edtf=draw(EDTF), as_stated=draw(TEXT), **draw(EXTRAS)),
            citations=(Citation(id=f"c-{i}", source_id="s-1", quote=draw(TEXT), **draw(EXTRAS)),),
            known_since=draw(st.none() | EDTF.filter(bool)),
            **draw(EXTRAS),
        )
        for i in range(draw(st.integers(0, 3)))
    )
    return Project(title=draw(TEXT), entries=entries, sources=(source,), **draw(EXTRAS))


@settings(max_examples=25, deadline=None)
@given(projects())
def test_save_load_round_trip(project: Project) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.timeline.json"
        save_project(project, path)
        first = path.read_bytes()
        loaded = load_project(path)
        assert loaded == project
        save_project(loaded, path)
        assert path.read_bytes() == first
