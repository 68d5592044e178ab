"""Tables give the title the room: the sources dock and the chronology table keep it wide."""

from __future__ import annotations

from tests.samples import small_project
from tests.stacks import new_stack
from tests.ui.helpers import QtBot
from timeline_editor.commands.items import AddItems
from timeline_editor.model.document import Document
from timeline_editor.model.entities import Entry, Source
from timeline_editor.ui.sources.library import SourceLibraryDock
from timeline_editor.ui.sources.table_model import COLUMNS
from timeline_editor.ui.table.columns import Col
from timeline_editor.ui.table.view import TITLE_SHARE, ChronologyTable


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


def test_table_gives_the_title_the_room(qtbot: QtBot) -> None:
    document = Document(small_project())
    table = ChronologyTable(document, new_stack())
    qtbot.addWidget(table)
    table.resize(2200, 300)
    table.show()
    qtbot.waitExposed(table)
    long_words = "said to be agreed at some point in the weeks after the talks " * 2
    entry = Entry(title="Wordy", when={"edtf": "2021-11", "as_stated": long_words})
    new_stack().push(AddItems(document, "entries", [entry]))
    title, stated = table.columnWidth(Col.TITLE), table.columnWidth(Col.AS_STATED)
    assert title >= int(TITLE_SHARE * table.viewport().width())
    assert stated < title  # a long wording is elided, whole on hover
    room = table.viewport().width()
    assert sum(table.columnWidth(c) for c in Col) <= room
    # A narrow window keeps the title at its share; the right-hand columns scroll.
    table.resize(700, 300)
    qtbot.wait(1)
    assert table.columnWidth(Col.TITLE) >= int(TITLE_SHARE * table.viewport().width())
