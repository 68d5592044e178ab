"""Prompts and help windows show the right things."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTableWidget, QTextBrowser

from tests.ui.conftest import Shown
from timeline_editor.model.daynum import day_number
from timeline_editor.ui.dialogs import help_pages, messages
from timeline_editor.ui.window.main_window import MainWindow


@pytest.mark.parametrize(
    ("text", "day"),
    [("2021-12-15", day_number(2021, 12, 15)), ("2021-11", day_number(2021, 11, 1)),
     (" 2020~ ", day_number(2019, 1, 1)), ("2021-11-19/..", day_number(2021, 11, 19))],
)  # fmt: skip
def test_parse_day_accepts_iso_and_edtf(text: str, day: int) -> None:
    assert messages.parse_day(text) == day


@pytest.mark.parametrize("text", ["15/12/2021", "2021-02-30", "", "../2021"])
def test_parse_day_refuses_non_dates(text: str) -> None:
    with pytest.raises(ValueError):
        messages.parse_day(text)


def test_go_to_date_with_bad_text_explains(
    window: MainWindow, shown: Shown, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(messages, "ask_text", lambda *a, **k: "next week")
    window.actions_by_name["view_go_to_date"].trigger()
    assert "Not a date" in shown.texts()[0]


def test_shortcuts_dialog_lists_the_keys(window: MainWindow) -> None:
    dialog = help_pages.shortcuts_dialog(window, window.actions_by_name.values())
    table = dialog.findChild(QTableWidget)
    assert table is not None
    cells = [(table.item(r, 0), table.item(r, 1)) for r in range(table.rowCount())]
    rows = {a.text(): b.text() for a, b in cells if a is not None and b is not None}
    assert rows["Find…"].startswith("Ctrl+F")
    assert rows["Save"].startswith("Ctrl+S")
    assert rows["Timeline: Select entries in a rectangle (Ctrl adds)"] == "Shift+drag empty place"


def test_legend_explains_every_case(window: MainWindow) -> None:
    browser = help_pages.legend_dialog(window).findChild(QTextBrowser)
    assert browser is not None
    text = browser.toPlainText()
    for name in help_pages.legend_names():
        assert name in text
        assert help_pages.EXPLANATIONS[name] in text


def test_problems_box_caps_the_list() -> None:
    problems = [f"entries[{i}].title: bad" for i in range(30)]
    from pathlib import Path

    box = messages.problems_box(None, Path("x.json"), problems)
    assert "30 problems" in box.text()
    assert "… and 10 more" in box.informativeText()
    assert box.detailedText().count("\n") == 29
