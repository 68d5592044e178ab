"""The reader dock: one source's stored text, its cited passages and the dates it names.

Select words and press Ctrl+Shift+C (Edit ▸ Cite Selected Passage, from anywhere in the
window): the selected entry gets a citation with the words as its quote and "paragraph
N" as its locator, one undo step. "New Entry from Selection" asks the window for a new
entry with that citation and a date found in the passage. A text is attached from a
.txt, .html or .pdf file or pasted from the clipboard, one undo step either way; a text
the source held is replaced (Undo brings it back). Every change of the document is only
noted here; the reader redraws once, when it next shows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from timeline_editor.io.source_dates import source_dates
from timeline_editor.io.source_texts import SourceTextReadError, read_source_text
from timeline_editor.model.changes import ChangeSet
from timeline_editor.model.daynum import format_day
from timeline_editor.model.document import Document
from timeline_editor.model.entities import Citation, DateValue, Source, SourceText
from timeline_editor.model.passages import cited_passages, citing_by_paragraph
from timeline_editor.model.quotes import QuoteChecker, source_name
from timeline_editor.model.short_text import shortened
from timeline_editor.model.source_text import SourceTextError, make_source_text
from timeline_editor.model.text_dates import FoundDate
from timeline_editor.ui.reader import edits
from timeline_editor.ui.reader.dates import DateChecklist
from timeline_editor.ui.reader.text_view import Selection, SourceTextView
from timeline_editor.ui.widgets import clock
from timeline_editor.ui.widgets.fields import error_label

TEXT_FILTER = "Source texts (*.txt *.text *.md *.html *.htm *.xhtml *.pdf);;All files (*)"
NO_TEXT = "No text stored for this source: attach it from a file or paste it."


class ReaderDock(QDockWidget):
    """Shows a source's text; cites selected passages for the selected entry."""

    new_entry_requested = Signal(str, object, object)  # title, DateValue, Citation

    def __init__(
        self,
        document: Document,
        undo_stack: QUndoStack,
        selected: Callable[[], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Reader", parent)
        self.setObjectName("reader")
        self._document = document
        self._undo_stack = undo_stack
        self._selected = selected
        self._source_id: str | None = None
        self._found: list[FoundDate] = []
        self._dates_of: tuple[Source | None, list[FoundDate]] = (None, [])
        self._stale = True
        self._build()
        unsubscribe = document.subscribe(self._on_document_changed)
        self.destroyed.connect(lambda *_: unsubscribe())
        self.visibilityChanged.connect(self._on_visibility_changed)

    def _build(self) -> None:
        self.source_combo = QComboBox()
        self.source_combo.setAccessibleName("Source to read")
        self.source_combo.activated.connect(
            lambda: self.show_source(self.source_combo.currentData())
        )
        self.origin_label = QLabel(NO_TEXT)
        self.origin_label.setWordWrap(True)
        self.origin_label.setStyleSheet("color: #555;")
        self.attach_button = QPushButton("Attach &Text from File…")
        self.paste_button = QPushButton("Paste Te&xt")
        self.attach_button.clicked.connect(lambda _checked=False: self.attach_from_file())
        self.paste_button.clicked.connect(lambda _checked=False: self.paste_text())
        self.view = SourceTextView()
        self.cite_button = QPushButton("&Cite Selection (Ctrl+Shift+C)")
        self.new_entry_button = QPushButton("New E&ntry from Selection")
        self.cite_button.clicked.connect(self.cite_selection)
        self.new_entry_button.clicked.connect(self.new_entry_from_selection)
        self.message = error_label()
        self.dates = DateChecklist()
        self.dates.date_chosen.connect(self._on_date_chosen)
        self.setWidget(self._layout())
        self.setMinimumWidth(440)

    def _layout(self) -> QWidget:
        top = QHBoxLayout()
        top.addWidget(QLabel("Source:"))
        top.addWidget(self.source_combo, 1)
        files = QHBoxLayout()
        files.addWidget(self.attach_button)
        files.addWidget(self.paste_button)
        files.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.cite_button)
        actions.addWidget(self.new_entry_button)
        actions.addStretch(1)
        reading = QWidget()
        column = QVBoxLayout(reading)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.view, 1)
        column.addLayout(actions)
        column.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(reading)
        splitter.addWidget(self.dates)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.origin_label)
        layout.addLayout(files)
        layout.addWidget(splitter, 1)
        return page

    # -- what is shown ------------------------------------------------------------------
    def source(self) -> Source | None:
        """The source shown, if it still exists."""
        return self._document.find_source(self._source_id) if self._source_id else None

    def show_source(self, source_id: str | None) -> None:
        """Show the text of the source ``source_id`` (None: the first source)."""
        self._source_id = source_id
        self._stale = True
        self._refresh_if_stale()  # a hidden reader draws when it is next shown

    def _on_source_chosen(self) -> None:
        self.show_source(self.source_combo.currentData())

    def _on_visibility_changed(self, shown: bool) -> None:
        if shown:
            self._refresh_if_stale()

    def follow_entries(self, ids: list[str]) -> None:
        """Show a source the one selected entry cites, unless the one shown is among them."""
        entry = self._document.find_entry(ids[0]) if len(ids) == 1 else None
        if entry is None:
            return
        cited = [c.source_id for c in entry.citations]
        cited += [c.citation.source_id for c in entry.claims if c.citation is not None]
        if not cited or self._source_id in cited:
            return
        with_text = [i for i in cited if (s := self._document.find_source(i)) and s.text]
        self.show_source((with_text or cited)[0])

    def _on_document_changed(self, change: ChangeSet) -> None:
        # Thin on purpose: note it, redraw once after the edit (or when next shown).
        del change
        if not self._stale:
            self._stale = True
            QTimer.singleShot(0, self._refresh_if_stale)

    def _refresh_if_stale(self) -> None:
        if not self._stale or not self.isVisible():
            return
        self._stale = False
        self._fill_sources()
        self._show_text()

    def _fill_sources(self) -> None:
        sources = self._document.project.sources
        if self._source_id is None or self._document.find_source(self._source_id) is None:
            # The first source with a text, else the first source.
            ranked = sorted(sources, key=lambda s: s.text is None)
            self._source_id = ranked[0].id if ranked else None
        self.source_combo.blockSignals(True)
        self.source_combo.clear()
        for source in sources:
            mark = "" if source.text is None else f" ({len(source.text.paragraphs)} ¶)"
            self.source_combo.addItem(source_name(source, source.id) + mark, source.id)
        self.source_combo.setCurrentIndex(max(self.source_combo.findData(self._source_id), 0))
        self.source_combo.blockSignals(False)
        has_source = bool(sources)
        for button in (self.attach_button, self.paste_button):
            button.setEnabled(has_source)

    def _show_text(self) -> None:
        source = self.source()
        text = source.text if source is not None else None
        for button in (self.cite_button, self.new_entry_button):
            button.setEnabled(text is not None)
        if source is None or text is None:
            self.view.show_text((), [], {})
            self.origin_label.setText(NO_TEXT if source else "The project has no sources yet.")
            self.dates.show_dates([], {})
            self._found = []
            return
        project = self._document.project
        passages = cited_passages(project, source.id, QuoteChecker(project.sources))
        by_paragraph = citing_by_paragraph(passages)
        titles = {e.id: e.title or "(untitled)" for e in project.entries}
        citing = {n: [titles.get(i, i) for i in ids] for n, ids in by_paragraph.items()}
        self.view.show_text(text.paragraphs, passages, citing)
        self.origin_label.setText(
            f"{len(text.paragraphs)} paragraphs from {text.origin or 'an unknown origin'}, "
            f"read on {text.read_on or 'an unknown day'}; issued {source.issued or 'not given'}"
        )
        if self._dates_of[0] is not source:
            self._dates_of = (source, source_dates(source))
        self._found = self._dates_of[1]
        self.dates.show_dates(self._found, citing)

    # -- edits ----------------------------------------------------------------------------
    def _say(self, text: str, error: bool = True) -> None:
        colour = "#c0392b" if error else "#1e7e34"
        self.message.setStyleSheet(f"color: {colour};")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _citation(self) -> tuple[Citation, Selection] | None:
        source = self.source()
        selection = self.view.selection()
        if source is None or source.text is None:
            self._say("Show a source that has a text to cite from.")
            return None
        if selection is None:
            self._say("Select the words to cite in the text first.")
            return None
        return edits.passage_citation(source.id, selection), selection

    def cite_selection(self) -> bool:
        """Give the selected entry a citation of the selected words; False if not done."""
        found = self._citation()
        if found is None:
            return False
        citation, _ = found
        ids = self._selected()
        if len(ids) != 1:
            self._say("Select one entry (in the chart or the table) to cite the passage for.")
            return False
        entry = self._document.entry(ids[0])
        command = edits.cite(self._document, entry, citation)
        if command is None:
            self._say(f"'{shortened(entry.title)}' already cites these words.")
            return False
        self._undo_stack.push(command)
        self._say(f"Cited {citation.locator} for '{shortened(entry.title)}'.", error=False)
        return True

    def new_entry_from_selection(self) -> bool:
        """Ask for a new entry citing the selected words, dated by a date found there."""
        found = self._citation()
        if found is None:
            return False
        citation, selection = found
        when: DateValue = edits.suggested_date(self._found, selection)
        self._say("")
        self.new_entry_requested.emit(edits.suggested_title(selection.quote), when, citation)
        return True

    def attach_from_file(self, path: Path | None = None) -> bool:
        """Read the shown source's text from a file (asked for when None); False if not."""
        source = self.source()
        if source is None:
            return False
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, "Attach source text", "", TEXT_FILTER)
            if not name:
                return False
            path = Path(name)
        try:
            text = read_source_text(path, read_on=format_day(clock.today()))
        except SourceTextReadError as exc:
            self._say(f"Nothing attached: {exc}.")
            return False
        return self._attach(source, text)

    def paste_text(self, text: str | None = None) -> bool:
        """Store pasted text (the clipboard's when None) as the shown source's text."""
        source = self.source()
        if source is None:
            return False
        if text is None:
            text = QGuiApplication.clipboard().text()
        try:
            stored = make_source_text(text, origin="pasted", read_on=format_day(clock.today()))
        except SourceTextError as exc:
            self._say(f"Nothing pasted: {exc}.")
            return False
        return self._attach(source, stored)

    def _attach(self, source: Source, text: SourceText) -> bool:
        replaced = source.text is not None
        self._undo_stack.push(edits.attach_text(self._document, source, text))
        again = " (the text it held is replaced; Undo brings it back)" if replaced else ""
        self._say(f"Stored {len(text.paragraphs)} paragraphs{again}.", error=False)
        self.show_source(source.id)
        return True

    def _on_date_chosen(self, found: FoundDate) -> None:
        self.view.select_words(found.paragraph, found.start, found.end)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
