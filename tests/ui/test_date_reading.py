"""The reading under the inspector's date fields says one exact date in words."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.stacks import new_stack
from timeline_editor.model.date_cases import DateCase, DateParts
from timeline_editor.model.date_reading import reading
from timeline_editor.model.document import Document
from timeline_editor.model.entities import DateValue, Entry, Project
from timeline_editor.ui.inspector.dock import InspectorDock


@pytest.mark.parametrize(
    ("edtf", "said"),
    [
        ("2021-12-14T17:00:00+01:00", "14 Dec 2021, 17:00 UTC+1 (to the minute)"),
        ("2022-33", "Q1 2022 (to the season)"),
        ("2021-12-14", "14 Dec 2021 (to the day)"),
    ],
)
def test_the_inspector_reads_an_exact_date_in_words(qtbot: QtBot, edtf: str, said: str) -> None:
    entry = Entry(id="e1", title="Meeting", when=DateValue(edtf=edtf))
    dock = InspectorDock(Document(Project(title="t", entries=(entry,))), new_stack())
    qtbot.addWidget(dock)
    dock.show()
    dock.show_entries(["e1"])
    assert dock.entry_form.date_editor.reading.text() == said


def test_a_date_as_typed_is_read_in_words_and_other_cases_as_before() -> None:
    typed = DateParts(DateCase.EXACT, "2021-12-14T17:00+01:00")
    assert reading(typed) == "14 Dec 2021, 17:00 UTC+1 (to the minute)"
    assert reading(DateParts(DateCase.EXACT, "2021-13")).startswith("2021-13 ")  # as typed
    window = DateParts(DateCase.BETWEEN, "2020-11-10", "2023-11-10")
    assert reading(window) == "one day between 2020-11-10 and 2023-11-10"
