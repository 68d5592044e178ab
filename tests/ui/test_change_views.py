"""Each view applies just what a change set names, and ends up where a rebuild would."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QModelIndex

from tests.layout.test_index_patch import assert_same_index
from tests.samples import detailed_project
from tests.stacks import new_stack
from tests.ui.helpers import QtBot
from timeline_editor.commands.items import AddItems, DeleteItems, EditItems
from timeline_editor.layout.index import TimelineIndex
from timeline_editor.model.document import Document
from timeline_editor.model.entities import Citation, Entry
from timeline_editor.model.queries import cited_source_ids
from timeline_editor.ui.search.filter_panel import FilterPanel
from timeline_editor.ui.sources.table_model import CITED_BY, SourceTableModel
from timeline_editor.ui.window.main_window import MainWindow


def _fresh_counts(document: Document) -> Counter[str]:
    return Counter(s for e in document.project.entries for s in cited_source_ids(e))


def test_cited_by_counts_follow_edits_of_the_entries_that_changed() -> None:
    document = Document(detailed_project())
    model = SourceTableModel(document)
    model.cited_by("s-eu")  # counted once, now adjusted edit by edit
    resets: list[bool] = []
    changed_rows: list[tuple[int, int, int]] = []
    model.modelAboutToBeReset.connect(lambda: resets.append(True))
    model.dataChanged.connect(
        lambda a, b, _roles=(): changed_rows.append((a.row(), b.row(), a.column()))
    )
    stack = new_stack()
    hotline = document.entry("e-hotline")
    cited = hotline.model_copy(
        update={"citations": (*hotline.citations, Citation(id="c-new", source_id="s-tass"))}
    )
    stack.push(EditItems(document, "entries", [cited]))
    assert model.cited_by("s-tass") == _fresh_counts(document)["s-tass"]
    row = model.row_of("s-tass")
    assert any(a <= row <= b and column <= CITED_BY for a, b, column in changed_rows)
    stack.push(DeleteItems(document, "entries", ["e-moscow", "e-hotline"]))
    stack.push(AddItems(document, "entries", [Entry(id="n", citations=cited.citations)]))
    stack.undo()
    stack.undo()
    for source in document.project.sources:
        assert model.cited_by(source.id) == _fresh_counts(document)[source.id]
    source = document.source("s-eu")
    stack.push(EditItems(document, "sources", [source.model_copy(update={"title": "EU"})]))
    assert resets == []  # entry and source edits update rows; no reset
    assert model.data(model.index(model.row_of("s-eu"), 0)) == "EU"
    assert model.rowCount(QModelIndex()) == len(document.project.sources)


def test_the_filter_panel_counts_tags_once_and_then_by_edit(qtbot: QtBot) -> None:
    document = Document(detailed_project())
    panel = FilterPanel(document)
    qtbot.addWidget(panel)
    assert panel.tag.count() == 1  # hidden: tags not counted yet, only "any"
    panel.show()

    def tags() -> list[str]:
        return [panel.tag.itemData(i) for i in range(1, panel.tag.count())]

    known = tags()
    document.append("entries", [Entry(id="t1", tags=("hotline-talks",))])
    assert tags() == sorted({*known, "hotline-talks"}, key=str.casefold)
    panel.tag.setCurrentIndex(panel.tag.findData("hotline-talks"))
    heard: list[object] = []
    panel.filter_changed.connect(heard.append)
    document.replace("entries", [document.entry("t1").model_copy(update={"title": "x"})])
    assert heard == [] and panel.tag.currentData() == "hotline-talks"
    document.remove("entries", ["t1"])
    assert tags() == known
    assert panel.tag.currentData() is None and len(heard) == 1  # the filter let go of it


def test_deleted_entries_leave_the_selection_and_an_edit_keeps_it(loaded: MainWindow) -> None:
    loaded.select(["e-brussels", "e-war"])
    document = loaded.document
    loaded.undo_stack.push(
        EditItems(document, "entries", [document.entry("e-war").model_copy(update={"title": "W"})])
    )
    assert loaded.selected_ids() == ["e-brussels", "e-war"]
    loaded.undo_stack.push(DeleteItems(document, "entries", ["e-war"]))
    assert loaded.selected_ids() == ["e-brussels"]
    assert loaded.timeline.selected_ids() == ["e-brussels"]


def test_the_chart_patched_by_delete_and_undo_equals_a_fresh_index(loaded: MainWindow) -> None:
    loaded.select(["e-brussels", "e-route", "e-hotline"])
    loaded.edits.delete()
    index = loaded.timeline.view.index
    assert_same_index(index, TimelineIndex(loaded.document.project))
    loaded.undo_stack.undo()
    assert loaded.timeline.view.index is index  # patched, not rebuilt
    assert_same_index(index, TimelineIndex(loaded.document.project))


def test_the_inspector_ignores_edits_of_entries_it_does_not_show(
    loaded: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    inspector = loaded.inspector
    loaded.select(["e-brussels", "e-moscow"])
    shown: list[list[str]] = []
    original = inspector.show_entries

    def show(ids: list[str]) -> None:
        shown.append(ids)
        original(ids)

    monkeypatch.setattr(inspector, "show_entries", show)
    document = loaded.document
    war = document.entry("e-war").model_copy(update={"title": "Renamed"})
    loaded.undo_stack.push(EditItems(document, "entries", [war]))
    assert shown == []
    moscow = document.entry("e-moscow").model_copy(update={"title": "Moved"})
    loaded.undo_stack.push(EditItems(document, "entries", [moscow]))
    assert shown == [["e-brussels", "e-moscow"]]
    assert "Moved" in inspector.summary.text()
