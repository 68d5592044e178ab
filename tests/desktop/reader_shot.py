"""The README's picture of the reader beside the inspector, on a statement written for it.

The statement is fiction (the repository holds no news article). Run under a display::

    DISPLAY=:57 .venv/bin/python -m tests.desktop.reader_shot docs/reader.png
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from timeline_editor.model.entities import Citation, DateValue, Entry, Lane, Project, Source
from timeline_editor.model.source_text import make_source_text
from timeline_editor.model.vocab import EntryKind, Reliability, Status

PARAGRAPHS = (
    (
        "Press statement of the Ministry of Foreign Affairs of the Republic of Veldonia, 12 "
        "March 2024"
    ),
    (
        "Foreign Minister Anna Korvel received the delegation of the Republic of Ostrava in "
        "Lindau yesterday. The two sides agreed to resume the border talks that were suspended "
        "last November."
    ),
    (
        "The first round of the renewed talks will take place in Geneva on 4 April 2024, under "
        "the auspices of the OSCE."
    ),
    (
        "The ministers also agreed to set up a joint commission on water resources “within the "
        "next six months”. Its members are to be named by early May."
    ),
    (
        "Minister Korvel said on Monday that the talks would be “difficult but necessary”, and "
        "that Veldonia remained committed to a settlement within the next three years."
    ),
    ("The Ostravan side has not yet confirmed the date of the Geneva round."),
)
STATEMENT = "\n\n".join(PARAGRAPHS)


def sample_project() -> Project:
    """A small fictional chronology whose source holds the statement above."""
    text = make_source_text(STATEMENT, origin="veldonia-statement.txt", read_on="2024-03-13")
    source = Source(
        id="s-mfa",
        title="Press statement on the Lindau meeting",
        container_title="Veldonian Ministry of Foreign Affairs",
        issued="2024-03-12",
        language="en",
        reliability=Reliability.B,
        text=text,
    )
    lane = Lane(id="l-talks", title="Border talks")
    entries = (
        Entry(
            id="e-lindau",
            kind=EntryKind.MEETING,
            title="Korvel receives the Ostravan delegation in Lindau",
            when=DateValue(edtf="2024-03-11", as_stated="yesterday"),
            lane_id=lane.id,
            citations=(
                Citation(
                    source_id=source.id,
                    quote="Foreign Minister Anna Korvel received the delegation of the "
                    "Republic of Ostrava in Lindau yesterday",
                    locator="paragraph 2",
                ),
            ),
        ),
        Entry(
            id="e-geneva",
            kind=EntryKind.MEETING,
            title="First round of renewed border talks, Geneva",
            when=DateValue(edtf="2024-04-04", as_stated="on 4 April 2024"),
            status=Status.SCHEDULED,
            lane_id=lane.id,
            citations=(
                Citation(
                    source_id=source.id,
                    quote="The first round of the renewed talks will take place in Geneva on "
                    "4 April 2024",
                    locator="paragraph 3",
                ),
                Citation(
                    source_id=source.id,
                    quote="The Ostravan side has confirmed the date",  # not what it says
                    locator="paragraph 6",
                ),
            ),
        ),
    )
    return Project(
        title="Veldonia–Ostrava border talks (fictional)",
        as_of="2024-03-13",
        entries=entries,
        sources=(source,),
        lanes=(lane,),
    )


def main(out: Path) -> None:
    """Open the window on the sample, show the reader beside the inspector, save a picture."""
    from timeline_editor.io.project_file import save_project
    from timeline_editor.ui import open_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    path = out.with_suffix(".timeline.json")
    save_project(sample_project(), path)
    window = open_window(path)
    window.resize(1500, 900)
    window.reader.show()
    window.reader.show_source("s-mfa")
    window.select(["e-geneva"])
    words = PARAGRAPHS[4]
    start = words.index("the talks would be")
    window.reader.view.select_words(5, start, start + len("the talks would be “difficult"))
    window.inspector.focus_section("citations")  # the mismatch badge in view
    window.reader.view.setFocus()
    for _ in range(20):
        app.processEvents()
    window.grab().save(str(out))
    path.unlink()
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
