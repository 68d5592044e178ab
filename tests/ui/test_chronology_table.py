"""The chronology table: a row per entry in date order, sorting, cell edits, following edits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from tests.samples import small_project
from tests.ui.helpers import QtBot
from tests.ui.table_helpers import (
    cell,
    click_cell,
    click_header,
    make_table,
    pick,
    type_into,
)
from timeline_editor.commands.items import AddItems, EditItems, delete_entries
from timeline_editor.model.changes import ChangeKind
from timeline_editor.model.document import Document
from timeline_editor.model.entities import DateValue, Entry, Lane
from timeline_editor.model.vocab import LaneMode, Status
from timeline_editor.ui.table.columns import EDITABLE, HEADERS, Col, Lookup, sort_key
from timeline_editor.ui.table.view import ChronologyTable

DATE_ORDER = ["e-war", "e-route", "e-moscow", "e-brussels", "e-hotline"]


def _oracle(table: ChronologyTable, col: Col, descending: bool) -> list[str]:
    """The order a sort must give, worked out the slow way, one key per entry."""
    lookup = Lookup()
    lookup.refresh(table.source._document.project)
    entries = list(table.source.entries())

    def key(row: int) -> tuple[object, ...]:
        entry = entries[row]
        own, date = sort_key(entry, col, lookup), sort_key(entry, Col.DATE, lookup)
        dated = (0, date) if isinstance(date, int) else (1, 0)
        return (own is None, own or 0, dated, row)

    rows = sorted(range(len(entries)), key=key)
    filled = [r for r in rows if key(r)[0] is False]
    blank = [r for r in rows if key(r)[0] is True]
    if descending:
        # Equal keys keep date order; blank cells stay last.
        groups: dict[object, list[int]] = {}
        for row in filled:
            groups.setdefault(key(row)[1], []).append(row)
        filled = [r for k in sorted(groups, reverse=True) for r in groups[k]]  # type: ignore[type-var]
    return [entries[r].id for r in filled + blank]


def test_one_row_per_entry_in_date_order_undated_last(qtbot: QtBot) -> None:
    table = make_table(qtbot)
    assert table.objectName() == "chronologyTable"
    assert table.shown_ids() == DATE_ORDER
    assert [table.model().headerData(c, Qt.Orientation.Horizontal) for c in Col] == list(HEADERS)
    brussels = cell(table, "e-brussels", Col.DATE)
    assert brussels.data() == "15 Dec 2021"
    assert brussels.data(Qt.ItemDataRole.ToolTipRole) == "EDTF: 2021-12-15"
    assert cell(table, "e-hotline", Col.DATE).data() == "undated"
    assert cell(table, "e-brussels", Col.SOURCES).data() == "1 · B"
    assert cell(table, "e-hotline", Col.SOURCES).data() == "—"
    assert cell(table, "e-moscow", Col.DISPUTED).data() == "disputed"
    assert cell(table, "e-brussels", Col.ACTORS).data() == "Nikol Pashinian; Ilham Aliyev"
    assert cell(table, "e-brussels", Col.LANE).data() == "EU track"
    assert cell(table, "e-brussels", Col.PLACE).data() == "Brussels"


@pytest.mark.parametrize("col", list(Col), ids=[c.name.lower() for c in Col])
def test_a_header_click_sorts_by_its_column_both_ways(qtbot: QtBot, col: Col) -> None:
    document = Document(small_project())
    extra = Entry(id="e-extra", title="a later talk", when=DateValue(edtf="2021-12-15"))
    document.append("entries", [extra])
    table = make_table(qtbot, document)
    first = Qt.SortOrder.DescendingOrder if col is Col.DATE else Qt.SortOrder.AscendingOrder
    if col is not Col.DATE:
        click_header(qtbot, table, col)
        assert table.horizontalHeader().sortIndicatorOrder() == first
        assert table.shown_ids() == _oracle(table, col, descending=False)
    click_header(qtbot, table, col)
    assert table.shown_ids() == _oracle(table, col, descending=True)
    assert table.shown_ids()[-1] == "e-hotline" or col is not Col.DATE


def test_undated_rows_stay_last_either_way(qtbot: QtBot) -> None:
    table = make_table(qtbot)
    click_header(qtbot, table, Col.DATE)
    assert table.shown_ids() == ["e-brussels", "e-moscow", "e-route", "e-war", "e-hotline"]


def test_lanes_group_on_request_each_in_date_order(qtbot: QtBot) -> None:
    table = make_table(qtbot)
    table.set_lane_mode(LaneMode.KIND)  # the chart's rows: the table stays one chronology
    assert table.shown_ids() == DATE_ORDER
    click_header(qtbot, table, Col.LANE)
    # EU track, then the Russian track in date order, then entries in no lane.
    assert table.shown_ids() == ["e-brussels", "e-war", "e-moscow", "e-route", "e-hotline"]


def test_title_edit_in_the_cell_is_one_undo_step(qtbot: QtBot) -> None:
    table = make_table(qtbot)
    stack = table.source._undo_stack
    assert stack is not None
    type_into(qtbot, table, "e-war", Col.TITLE, "The 44-day war")
    assert table.source._document.entry("e-war").title == "The 44-day war"
    assert stack.count() == 1 and stack.text(0) == "Rename ('The 44-day war')"
    assert cell(table, "e-war", Col.TITLE).data() == "The 44-day war"
    stack.undo()
    assert cell(table, "e-war", Col.TITLE).data() == "Second Karabakh war"


def test_invalid_date_stays_red_with_the_reason_and_nothing_applied(qtbot: QtBot) -> None:
    table = make_table(qtbot)
    document = table.source._document
    editor = type_into(qtbot, table, "e-brussels", Col.DATE, "2021-13-45")
    assert editor.isVisible()  # Enter did not close it
    assert "month 13" in str(editor.property("te_error"))
    assert "#c0392b" in editor.styleSheet()
    assert document.entry("e-brussels").when.edtf == "2021-12-15"
    qtbot.keyClicks(editor, "x")  # typing clears the mark until the next Enter
    assert editor.styleSheet() == ""
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert table.source._undo_stack is not None and table.source._undo_stack.count() == 0


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        # The written-date reader's reason, as in the quick-add line and the README.
        ("spring 20222", "a year beyond 9999 (20222) takes no season: 'spring 20222'"),
        ("2001-42", "season 42 out of range in '2001-42'"),
        # Digits and signs in no written form: the EDTF parser names the problem.
        ("[2021-12-14,2021-12-14]", "member 2 of '[2021-12-14,2021-12-14]' repeats member 1"),
    ],
)
def test_a_refused_date_says_why_as_the_quick_add_line_does(
    qtbot: QtBot, typed: str, reason: str
) -> None:
    table = make_table(qtbot)
    editor = type_into(qtbot, table, "e-brussels", Col.DATE, typed)
    assert reason in str(editor.property("te_error"))
    assert table.source._document.entry("e-brussels").when.edtf == "2021-12-15"


def test_tag_too_long_is_refused_at_the_cell(qtbot: QtBot) -> None:
    table = make_table(qtbot)
    editor = type_into(qtbot, table, "e-war", Col.TAGS, "war, " + "x" * 201)
    assert "at most 200 characters" in str(editor.property("te_error"))
    assert table.source._document.entry("e-war").tags == ("war",)
    # Tab is refused the same way; leaving the cell otherwise drops the edit and says why.
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.isVisible()
    with qtbot.waitSignal(table.status_message) as blocker:
        table.commit_cell(cell(table, "e-war", Col.TAGS), "x" * 201)
    assert blocker.args[0].startswith("Not changed: ")


def test_date_edit_moves_the_row_keeps_it_selected_and_records_history(qtbot: QtBot) -> None:
    table = make_table(qtbot)
    click_cell(qtbot, table, "e-brussels", Col.TITLE)
    type_into(qtbot, table, "e-brussels", Col.DATE, "15 May 2019")
    entry = table.source._document.entry("e-brussels")
    assert entry.when.edtf == "2019-05-15"
    assert entry.when.as_stated == "on 15 December"  # the source's words stay
    [change] = entry.history
    assert (change.field, change.old, change.new, change.at) == (
        "when",
        "2021-12-15",
        "2019-05-15",
        "2021-11-30",  # the project's as-of date
    )
    assert table.shown_ids()[0] == "e-brussels"
    assert table.selected_ids() == ["e-brussels"]


def test_status_of_several_rows_is_one_undo_step_with_history(qtbot: QtBot) -> None:
    table = make_table(qtbot)
    document = table.source._document
    click_cell(qtbot, table, "e-war", Col.TITLE)
    click_cell(qtbot, table, "e-moscow", Col.TITLE, ctrl=True)
    click_cell(qtbot, table, "e-hotline", Col.TITLE, ctrl=True)
    assert table.selected_ids() == ["e-war", "e-moscow", "e-hotline"]
    pick(qtbot, table, "e-moscow", Col.STATUS, "cancelled")
    ids = ["e-war", "e-moscow", "e-hotline"]
    assert [document.entry(i).status for i in ids] == [Status.CANCELLED] * 3
    assert all(document.entry(i).history[-1].new == "cancelled" for i in ids)
    stack = table.source._undo_stack
    assert stack is not None and stack.count() == 1
    assert stack.text(0) == "Set status cancelled (3 entries)"
    stack.undo()
    assert [document.entry(i).status for i in ids] == [
        Status.OCCURRED,
        Status.PROPOSED,
        Status.PROPOSED,
    ]
    assert document.entry("e-brussels").status is Status.SCHEDULED


def test_lane_and_kind_of_several_rows(qtbot: QtBot) -> None:
    table = make_table(qtbot)
    document = table.source._document
    table.set_selection(["e-route", "e-hotline"])
    pick(qtbot, table, "e-route", Col.LANE, "l-eu")
    assert {document.entry(i).lane_id for i in ("e-route", "e-hotline")} == {"l-eu"}
    pick(qtbot, table, "e-hotline", Col.KIND, "meeting")
    assert {document.entry(i).kind.value for i in ("e-route", "e-hotline")} == {"meeting"}
    assert table.source._undo_stack is not None and table.source._undo_stack.count() == 2


def test_tags_typed_in_one_of_several_rows_are_added_to_each(qtbot: QtBot) -> None:
    table = make_table(qtbot)
    document = table.source._document
    table.set_selection(["e-war", "e-brussels"])
    type_into(qtbot, table, "e-war", Col.TAGS, "war, talks")
    assert document.entry("e-war").tags == ("war", "talks")
    assert document.entry("e-brussels").tags == ("summit", "talks")
    assert table.source._undo_stack is not None and table.source._undo_stack.count() == 1


def test_title_typed_with_several_selected_renames_one_row(qtbot: QtBot) -> None:
    table = make_table(qtbot)
    table.set_selection(["e-war", "e-brussels"])
    type_into(qtbot, table, "e-war", Col.TITLE, "War")
    assert table.source._document.entry("e-brussels").title != "War"


def test_derived_columns_are_not_edited_in_the_cell(qtbot: QtBot) -> None:
    table = make_table(qtbot)
    flags = {c: bool(cell(table, "e-war", c).flags() & Qt.ItemFlag.ItemIsEditable) for c in Col}
    assert {c for c, editable in flags.items() if editable} == EDITABLE
    assert Col.SOURCES not in EDITABLE and Col.ACTORS not in EDITABLE


def test_double_click_on_a_derived_cell_opens_the_entry(qtbot: QtBot) -> None:
    table = make_table(qtbot)
    index = cell(table, "e-moscow", Col.SOURCES)
    with qtbot.waitSignal(table.entry_activated) as blocker:
        rect = table.visualRect(index)
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["e-moscow"]


def test_selection_is_reported_and_set_quietly(qtbot: QtBot) -> None:
    table = make_table(qtbot)
    with qtbot.waitSignal(table.selection_changed) as blocker:
        click_cell(qtbot, table, "e-route", Col.TITLE)
    assert blocker.args == [["e-route"]]
    with qtbot.assertNotEmitted(table.selection_changed):
        table.set_selection(["e-hotline", "e-war", "missing"])
    assert table.selected_ids() == ["e-war", "e-hotline"]


def test_model_follows_the_document_row_by_row(qtbot: QtBot) -> None:
    table = make_table(qtbot)
    document, source = table.source._document, table.source
    changed: list[tuple[int, int]] = []
    resets: list[bool] = []
    source.dataChanged.connect(lambda a, b, _r: changed.append((a.row(), b.row())))
    source.modelReset.connect(lambda: resets.append(True))
    war = document.entry("e-war")
    EditItems(document, "entries", [war.model_copy(update={"title": "War"})]).redo()
    assert changed == [(source.row_of("e-war"), source.row_of("e-war"))]
    new = Entry(id="e-new", title="New", when=DateValue(edtf="2020-10"))
    AddItems(document, "entries", [new]).redo()
    assert table.shown_ids() == ["e-war", "e-new", "e-route", "e-moscow", "e-brussels", "e-hotline"]
    document.remove("entries", ["e-route", "e-brussels"])
    assert table.shown_ids() == ["e-war", "e-new", "e-moscow", "e-hotline"]
    assert not resets
    document.reset(small_project())
    assert resets and table.shown_ids() == DATE_ORDER


def test_one_fields_change_touches_only_its_columns(qtbot: QtBot) -> None:
    table = make_table(qtbot)
    document, source = table.source._document, table.source
    spans: list[tuple[int, int]] = []
    source.dataChanged.connect(lambda a, b, _r: spans.append((a.column(), b.column())))
    war = document.entry("e-war")
    document.replace("entries", [war.model_copy(update={"title": "War"})])
    spans.clear()
    source.apply_change(ChangeKind.CHANGED, ["e-war"], {"title"})
    assert spans == [(Col.TITLE, Col.TITLE)]


def test_renamed_lane_shows_at_once(qtbot: QtBot) -> None:
    table = make_table(qtbot)
    document = table.source._document
    document.replace("lanes", [Lane(id="l-eu", title="Brussels track")])
    assert cell(table, "e-brussels", Col.LANE).data() == "Brussels track"


def test_filter_and_visible_range(qtbot: QtBot) -> None:
    table = make_table(qtbot)
    table.set_selection(["e-war", "e-brussels"])
    with qtbot.assertNotEmitted(table.selection_changed):
        table.set_filter(lambda e: e.kind.value == "period")
    assert table.shown_ids() == ["e-war"]
    with qtbot.waitSignal(table.visible_range_changed) as blocker:
        table.set_filter(lambda e: e.kind.value in ("period", "deadline"))
    start, end = blocker.args
    assert (start, end) == (table_day("2020-09-27"), table_day("2023-11-10"))
    table.set_filter(None)
    assert table.shown_ids() == DATE_ORDER


def table_day(text: str) -> int:
    """A day number."""
    from timeline_editor.model.edtf import parse_edtf

    earliest = parse_edtf(text).earliest
    assert earliest is not None
    return earliest


def test_zoom_is_text_size_and_go_to_day_scrolls(qtbot: QtBot) -> None:
    table = make_table(qtbot)
    size = table.font().pointSizeF()
    table.zoom_in()
    assert table.font().pointSizeF() > size
    table.fit_all()
    assert table.font().pointSizeF() == size
    table.go_to_day(table_day("2021-12-01"))  # never raises, on any order
    click_header(qtbot, table, Col.TITLE)
    table.go_to_day(table_day("2021-12-01"))
    table.set_filter(lambda e: False)
    table.go_to_day(0)
    table.zoom_to_selection()


def test_many_rows_scroll_the_selected_one_into_view(qtbot: QtBot) -> None:
    entries = [
        Entry(
            id=f"e{i}", title=f"Entry {i}", when=DateValue(edtf=f"2000-01-01/2000-{1 + i % 12:02d}")
        )
        for i in range(500)
    ]
    table = make_table(
        qtbot, Document(small_project().model_copy(update={"entries": tuple(entries)}))
    )
    table.set_selection(["e499"])
    rect = table.visualRect(cell(table, "e499", Col.TITLE))
    assert table.viewport().rect().intersects(rect)
    assert table.rowAt(rect.center().y()) == cell(table, "e499", Col.TITLE).row()


def test_deleting_many_rows_and_undo_keep_the_order(qtbot: QtBot) -> None:
    entries = [
        Entry(id=f"e{i}", title=f"{i:03d}", when=DateValue(edtf=f"{1900 + i}")) for i in range(300)
    ]
    document = Document(small_project().model_copy(update={"entries": tuple(entries)}))
    table = make_table(qtbot, document)
    stack = table.source._undo_stack
    assert stack is not None
    click_header(qtbot, table, Col.TITLE)
    click_header(qtbot, table, Col.TITLE)  # descending
    before = table.shown_ids()
    table.set_selection([f"e{i}" for i in range(0, 300, 3)])
    delete_entries(document, stack, table.selected_ids())
    assert table.shown_ids() == [i for i in before if int(i[1:]) % 3]
    stack.undo()
    assert table.shown_ids() == before


def test_rows_edited_while_sorted_stay_in_order(qtbot: QtBot) -> None:
    entries = [
        Entry(id=f"e{i}", title=f"t{(i * 37) % 101}", when=DateValue(edtf=f"{1950 + i % 40}"))
        for i in range(120)
    ]
    document = Document(small_project().model_copy(update={"entries": tuple(entries)}))
    table = make_table(qtbot, document)
    click_header(qtbot, table, Col.TITLE)
    for step in range(40):
        ident = f"e{(step * 7) % 120}"
        entry = document.entry(ident)
        update = (
            {"title": f"t{(step * 13) % 50}"}
            if step % 2
            else {"when": DateValue(edtf=f"{1990 + step}")}
        )
        document.replace("entries", [entry.model_copy(update=update)])
        assert table.shown_ids() == _oracle(table, Col.TITLE, descending=False)
    many = [document.entry(f"e{i}").model_copy(update={"title": f"u{i % 7}"}) for i in range(100)]
    document.replace("entries", many)
    assert table.shown_ids() == _oracle(table, Col.TITLE, descending=False)


def test_the_proxy_maps_both_ways(qtbot: QtBot) -> None:
    table = make_table(qtbot)
    proxy = table.proxy
    for row in range(proxy.rowCount()):
        source = proxy.mapToSource(proxy.index(row, 2))
        assert proxy.mapFromSource(source).row() == row
    assert not proxy.mapToSource(QModelIndex()).isValid()
    assert proxy.headerData(0, Qt.Orientation.Vertical) == 1
