"""Our CSV export and import are inverse: every field the table carries comes back."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.model.strategies import edtf_strings
from timeline_editor.io.csv_cells import join_list, split_list
from timeline_editor.io.exporters.csv_export import COLUMNS, csv_text, export_csv
from timeline_editor.io.importers import import_file
from timeline_editor.model.entities import (
    Actor,
    Citation,
    Claim,
    DateValue,
    Entry,
    Lane,
    Place,
    Project,
    Source,
)
from timeline_editor.model.vocab import Confidence, EntryKind, Likelihood, Stance, Status

# Any text Python can write as UTF-8: control characters, ; and ", line breaks, RTL marks.
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)
NAME = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=12)
# Lanes are matched by title ignoring case and outer spaces, as in every import.
LANE_TITLE = NAME.map(str.strip).filter(bool)


def _unique(values: list[str], key: object = None) -> list[str]:
    seen: set[str] = set()
    kept = []
    for value in values:
        folded = value.casefold() if key else value
        if folded not in seen:
            seen.add(folded)
            kept.append(value)
    return kept


@st.composite
def library(draw: st.DrawFn) -> dict[str, tuple[object, ...]]:
    """Actors, places, lanes and sources (distinct titles; some only a link) to refer to."""
    actors = tuple(
        Actor(id=f"a-{i}", name=n) for i, n in enumerate(draw(st.lists(NAME, max_size=3)))
    )
    places = tuple(
        Place(id=f"p-{i}", name=n) for i, n in enumerate(draw(st.lists(NAME, max_size=2)))
    )
    titles = _unique(draw(st.lists(LANE_TITLE, max_size=2)), key=True)
    lanes = tuple(Lane(id=f"l-{i}", title=t) for i, t in enumerate(titles))
    names = _unique(draw(st.lists(NAME, max_size=3)))
    sources = [Source(id=f"s-{i}", title=n) for i, n in enumerate(names)]
    if draw(st.booleans()):
        sources.append(Source(id="s-link", title="", url="https://example.org/only-a-link"))
    return {"actors": actors, "places": places, "lanes": lanes, "sources": tuple(sources)}


@st.composite
def entries(draw: st.DrawFn, number: int, refs: dict[str, tuple[object, ...]]) -> Entry:
    """An entry with every field the CSV carries, referring to the library."""
    ids = {name: [item.id for item in items] for name, items in refs.items()}  # type: ignore[attr-defined]
    cited = draw(st.lists(st.sampled_from(ids["sources"]), unique=True)) if ids["sources"] else []
    return Entry(
        id=f"e-{number}",
        kind=draw(st.sampled_from(EntryKind)),
        status=draw(st.sampled_from(Status)),
        title=draw(TEXT),
        when=DateValue(edtf=draw(edtf_strings()), as_stated=draw(TEXT)),
        description=draw(TEXT),
        lane_id=draw(st.sampled_from([None, *ids["lanes"]])),
        actor_ids=tuple(draw(st.lists(st.sampled_from(ids["actors"]), max_size=3)))
        if ids["actors"]
        else (),
        place_id=draw(st.sampled_from([None, *ids["places"]])),
        tags=tuple(draw(st.lists(NAME, max_size=3))),
        citations=tuple(Citation(source_id=s) for s in cited),
        likelihood=draw(st.sampled_from([None, *Likelihood])),
        confidence=draw(st.sampled_from([None, *Confidence])),
    )


@st.composite
def projects(draw: st.DrawFn) -> Project:
    """Small projects whose entries use every column of the CSV."""
    refs = draw(library())
    items = tuple(draw(entries(i, refs)) for i in range(draw(st.integers(1, 4))))
    return Project(entries=items, **refs)  # type: ignore[arg-type]


def _reimport(project: Project) -> tuple[Project, list[str]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "entries.csv"
        export_csv(project, path)
        result = import_file(path)
    return result.project, [*result.report.problems, *result.report.summary()]


@settings(max_examples=60, deadline=None)
@given(projects())
def test_csv_export_then_import_gives_back_every_field(project: Project) -> None:
    back, reported = _reimport(project)
    assert reported == []
    assert csv_text(back) == csv_text(project)
    lanes = {lane.id: lane.title for lane in (*project.lanes, *back.lanes)}
    actors = {a.id: a.name for a in (*project.actors, *back.actors)}
    places = {p.id: p.name for p in (*project.places, *back.places)}
    got = {entry.id: entry for entry in back.entries}
    for entry in project.entries:
        twin = got[entry.id]
        same = (
            "kind",
            "status",
            "title",
            "when",
            "description",
            "tags",
            "likelihood",
            "confidence",
        )
        assert {f: getattr(twin, f) for f in same} == {f: getattr(entry, f) for f in same}
        assert lanes.get(twin.lane_id or "") == lanes.get(entry.lane_id or "")
        assert [actors[a] for a in twin.actor_ids] == [actors[a] for a in entry.actor_ids]
        assert places.get(twin.place_id or "") == places.get(entry.place_id or "")
        assert len(twin.citations) == len(entry.citations)


@settings(max_examples=200, deadline=None)
@given(st.lists(NAME, max_size=4))
def test_list_cells_split_as_they_were_joined(names: list[str]) -> None:
    assert split_list(join_list(names)) == names


def test_disputed_flag_and_citation_count_are_written_and_not_read_back(tmp_path: Path) -> None:
    said = Citation(source_id="s-1", quote="being prepared")
    claims = (
        Claim(speaker_id="a-1", stance=Stance.ASSERTS, citation=said),
        Claim(speaker_id="a-1", stance=Stance.DENIES),
    )
    entry = Entry(id="e-1", title="Trilateral", when=DateValue(edtf="2021-12~"), claims=claims)
    project = Project(entries=(entry,), sources=(Source(id="s-1", title="Briefing"),))
    out = tmp_path / "entries.csv"
    export_csv(project, out)
    header, row = out.read_text(encoding="utf-8-sig").splitlines()
    cells = dict(zip(COLUMNS, row.split(","), strict=True))
    assert header.split(",") == list(COLUMNS)
    assert (cells["disputed"], cells["citations"], cells["sources"]) == ("yes", "1", "Briefing")
    result = import_file(out)
    (back,) = result.project.entries
    # Claims are not in the table: the flag and the count are not made up from it.
    assert back.claims == () and back.title == "Trilateral"
    assert result.report.problems == [] and result.report.summary() == []
    assert any("disputed, citations" in note for note in result.report.notes)


def test_our_csv_was_not_recognised_before(tmp_path: Path) -> None:
    """The issue's row: edtf, kind and status columns come back (no longer undated events)."""
    entry = Entry(
        kind=EntryKind.MEETING,
        status=Status.PROPOSED,
        title="Moscow trilateral",
        when=DateValue(edtf="2021-12~", as_stated="in December"),
    )
    out = tmp_path / "entries.csv"
    export_csv(Project(entries=(entry,)), out)
    (back,) = import_file(out).project.entries
    assert (back.kind, back.status, back.when) == (entry.kind, entry.status, entry.when)
