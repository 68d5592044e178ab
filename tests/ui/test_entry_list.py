"""The list view: grouping, filtering, selection signals and following the document."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.samples import small_project
from timeline_editor.commands.items import AddItems
from timeline_editor.model.document import Document
from timeline_editor.model.entities import DateValue, Entry
from timeline_editor.model.vocab import LaneMode
from timeline_editor.ui.table.entry_list import EntryListView


def _view(qtbot: QtBot) -> tuple[EntryListView, Document]:
    document = Document(small_project())
    view = EntryListView(document)
    qtbot.addWidget(view)
    view.show()
    return view, document


def test_groups_by_lane_then_date(qtbot: QtBot) -> None:
    view, _ = _view(qtbot)
    assert view.shown_ids() == ["e-brussels", "e-war", "e-moscow", "e-route", "e-hotline"]
    view.set_lane_mode(LaneMode.KIND)
    assert view.shown_ids()[:2] == ["e-route", "e-hotline"]  # deadline, event
    assert view.headerItem().text(2) == "Kind"


def test_selection_signal_and_set_selection(qtbot: QtBot) -> None:
    view, _ = _view(qtbot)
    with qtbot.waitSignal(view.selection_changed) as blocker:
        item = view.topLevelItem(1)
        assert item is not None
        view.setCurrentItem(item)
    assert blocker.args == [["e-war"]]
    view.set_selection(["e-moscow", "e-hotline", "missing"])
    assert sorted(view.selected_ids()) == ["e-hotline", "e-moscow"]


def test_follows_document_and_keeps_selection(qtbot: QtBot) -> None:
    view, document = _view(qtbot)
    view.set_selection(["e-war"])
    document.append("entries", [Entry(id="e-new", title="New", when=DateValue(edtf="2019"))])
    assert "e-new" in view.shown_ids()
    assert view.selected_ids() == ["e-war"]
    with qtbot.waitSignal(view.selection_changed):
        document.remove("entries", ["e-war"])
    assert view.selected_ids() == []


def test_filter_and_visible_range(qtbot: QtBot) -> None:
    view, _document = _view(qtbot)
    with qtbot.waitSignal(view.visible_range_changed) as blocker:
        view.set_filter(lambda e: e.kind.value == "period")
        view.rebuild()
    assert view.shown_ids() == ["e-war"]
    start, end = blocker.args
    assert end - start == 44  # 2020-09-27 .. 2020-11-10


def test_zoom_changes_text_size_and_fit_resets(qtbot: QtBot) -> None:
    view, document = _view(qtbot)
    size = view.font().pointSizeF()
    view.zoom_in()
    assert view.font().pointSizeF() > size
    view.zoom_out()
    view.zoom_out()
    assert view.font().pointSizeF() < size
    view.fit_all()
    assert view.font().pointSizeF() == size
    view.go_to_day(0)  # scrolls, never raises
    stack_command = AddItems(document, "entries", [Entry(title="x")])
    stack_command.redo()
    assert len(view.shown_ids()) == 6
