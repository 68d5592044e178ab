"""A source's stored text, read-only, with paragraph numbers and the cited passages marked.

Each paragraph is one block: its number, then its text exactly as stored (a line break
inside a paragraph shown as a line separator, one character for one), so a selection
maps back to the stored characters. Under a cited paragraph a small line names the
entries that cite it; passages found by their quote are highlighted.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QWidget

from timeline_editor.model.passages import Passage, paragraph_locator

_LINE_SEPARATOR = "\u2028"
HIGHLIGHT = QColor("#fde68a")
NUMBER_COLOUR = QColor("#8a8a8a")
CITED_NUMBER_COLOUR = QColor("#b45309")
CITING_COLOUR = QColor("#6b7280")


@dataclass(frozen=True, slots=True)
class Selection:
    """A selected passage: the verbatim quote and the paragraphs (from 1) it is in."""

    quote: str
    first: int
    last: int

    @property
    def locator(self) -> str:
        """ "paragraph N" or "paragraphs N–M"."""
        return paragraph_locator(self.first, self.last)


def _units(text: str) -> int:
    """Length of ``text`` in UTF-16 units: a document position counts those."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _format(
    colour: QColor | None = None, *, bold: bool = False, small: bool = False
) -> QTextCharFormat:
    result = QTextCharFormat()
    if colour is not None:
        result.setForeground(colour)
    if bold:
        result.setFontWeight(QFont.Weight.Bold)
    if small:
        result.setFontPointSize(max(QFont().pointSizeF() - 1, 6))
        result.setFontItalic(True)
    return result


class SourceTextView(QTextBrowser):
    """Shows one text; :meth:`selection` gives the selected passage."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceText")
        self.setAccessibleName("Source text")
        self.setOpenLinks(False)
        self.setTabChangesFocus(True)  # read-only: Tab goes on to the buttons
        # A caret to select with Shift+arrows: citing works without the mouse too.
        flags = Qt.TextInteractionFlag
        self.setTextInteractionFlags(flags.TextSelectableByMouse | flags.TextSelectableByKeyboard)
        self._spans: list[tuple[int, int]] = []
        self._paragraphs: tuple[str, ...] = ()

    def show_text(
        self,
        paragraphs: tuple[str, ...],
        passages: list[Passage],
        citing: dict[int, list[str]],
    ) -> None:
        """Show ``paragraphs``; ``citing`` maps a paragraph (from 0) to the citing titles."""
        self._paragraphs = paragraphs
        self._spans = []
        self.clear()
        cursor = QTextCursor(self.document())
        block = QTextBlockFormat()
        block.setBottomMargin(8)
        plain = QTextCharFormat()
        for number, paragraph in enumerate(paragraphs):
            if number:
                cursor.insertBlock(block)
            else:
                cursor.setBlockFormat(block)
            cited = number in citing
            colour = CITED_NUMBER_COLOUR if cited else NUMBER_COLOUR
            cursor.insertText(f"{number + 1}\u2003", _format(colour, bold=cited))
            start = cursor.position()
            cursor.insertText(paragraph.replace("\n", _LINE_SEPARATOR), plain)
            self._spans.append((start, cursor.position()))
            if cited:
                cursor.insertText(
                    _LINE_SEPARATOR + "Cited by: " + " · ".join(citing[number]),
                    _format(CITING_COLOUR, small=True),
                )
        self._highlight(passages)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _highlight(self, passages: list[Passage]) -> None:
        marked = QTextCharFormat()
        marked.setBackground(HIGHLIGHT)
        for passage in passages:
            if passage.start is None or passage.end is None:
                continue
            if passage.last >= len(self._spans):
                continue
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._position(passage.first, passage.start))
            cursor.setPosition(
                self._position(passage.last, passage.end), QTextCursor.MoveMode.KeepAnchor
            )
            cursor.mergeCharFormat(marked)

    def _position(self, paragraph: int, offset: int) -> int:
        """The document position of character ``offset`` of a paragraph (from 0)."""
        return self._spans[paragraph][0] + _units(self._paragraphs[paragraph][:offset])

    def selection(self) -> Selection | None:
        """The selected words of the text (numbers and "cited by" lines left out)."""
        cursor = self.textCursor()
        low, high = cursor.selectionStart(), cursor.selectionEnd()
        pieces: list[tuple[int, str]] = []
        for number, (start, end) in enumerate(self._spans):
            if start < high and low < end:
                part = QTextCursor(self.document())
                part.setPosition(max(low, start))
                part.setPosition(min(high, end), QTextCursor.MoveMode.KeepAnchor)
                text = part.selectedText().replace(_LINE_SEPARATOR, "\n")
                if text.strip():
                    pieces.append((number, text))
        if not pieces:
            return None
        quote = " ".join(text for _, text in pieces).strip()
        return Selection(quote, pieces[0][0] + 1, pieces[-1][0] + 1)

    def select_words(self, paragraph: int, start: int, end: int) -> None:
        """Select characters ``start:end`` of paragraph ``paragraph`` (from 1) and show them."""
        if not 1 <= paragraph <= len(self._spans):
            return
        cursor = self.textCursor()
        cursor.setPosition(self._position(paragraph - 1, start))
        cursor.setPosition(self._position(paragraph - 1, end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def paragraph_count(self) -> int:
        """How many paragraphs are shown."""
        return len(self._spans)
