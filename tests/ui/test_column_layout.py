"""Tables give the title the room: sources dock and list view keep it wide and first."""

from __future__ import annotations

from tests.samples import small_project
from tests.stacks import new_stack
from tests.ui.helpers import QtBot
from timeline_editor.commands.items import AddItems
from timeline_editor.model.document import Document
from timeline_editor.model.entities import Entry, Source
from timeline_editor.ui.sources.library import SourceLibraryDock
from timeline_editor.ui.sources.table_model import COLUMNS
from timeline_editor.ui.table.entry_list import COLUMNS as LIST_COLUMNS
from timeline_editor.ui.table.entry_list import MAX_COLUMN_WIDTH, EntryListView


def _dock(qtbot: QtBot, width: int) -> SourceLibraryDock:
    project = small_project()
    long_outlet = Source(
        id="s-long",
        title="Senior EU official on the upcoming meeting of the leaders",
        container_title="Radio Free Europe/Radio Liberty (RFE/RL) — Armenian Service",
        author=("Someone With A Long Name",),
    )
    project = project.model_copy(update={"sources": (*project.sources, long_outlet)})
    dock = SourceLibraryDock(Document(project), new_stack())
    qtbot.addWidget(dock)
    dock.resize(width, 400)
    dock.show()
    qtbot.waitExposed(dock)
    return dock


def test_source_title_is_wide_and_grades_are_in_sight(qtbot: QtBot) -> None:
    dock = _dock(qtbot, 460)
    table = dock.table
    room = table.viewport().width()
    assert COLUMNS[0] == "Title"
    assert table.columnWidth(0) >= 0.4 * room
    header = table.horizontalHeader()
    for name in ("Reliability", "Cited by"):
        column = COLUMNS.index(name)
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= room
    # Reliability shows its letter; the words are in the tooltip and still filterable.
    assert dock.proxy.index(0, COLUMNS.index("Reliability")).data() in list("ABCDEF")
    dock.resize(900, 400)
    qtbot.wait(1)
    assert table.columnWidth(0) >= table.viewport().width() * 0.4


def test_sources_dock_keeps_its_width_when_the_count_changes(qtbot: QtBot) -> None:
    dock = _dock(qtbot, 460)
    before = dock.minimumSizeHint().width()
    button = dock.citing_button.sizeHint().width()
    dock.select_source("s-rfe")
    assert dock.citing_button.text() != "Citing entries (0)"
    assert dock.minimumSizeHint().width() == before
    assert dock.citing_button.sizeHint().width() == button


def test_list_view_puts_the_title_second_and_wide(qtbot: QtBot) -> None:
    document = Document(small_project())
    view = EntryListView(document)
    qtbot.addWidget(view)
    view.resize(800, 300)
    view.show()
    qtbot.waitExposed(view)
    long_words = "said to be agreed at some point in the weeks after the talks " * 2
    entry = Entry(title="Wordy", when={"edtf": "2021-11", "as_stated": long_words})
    new_stack().push(AddItems(document, "entries", [entry]))
    assert LIST_COLUMNS[:2] == ("Date", "Title") and LIST_COLUMNS[-1] == "As stated"
    last = len(LIST_COLUMNS) - 1
    assert view.columnWidth(1) >= int(0.35 * view.viewport().width())
    assert view.columnWidth(last) < view.columnWidth(1)
    # With room to spare, every column fits and the title takes what is left.
    view.resize(1500, 300)
    qtbot.wait(1)
    room = view.viewport().width()
    assert sum(view.columnWidth(c) for c in range(len(LIST_COLUMNS))) <= room
    assert view.columnWidth(last) == MAX_COLUMN_WIDTH
    assert view.columnWidth(1) > 0.35 * room
