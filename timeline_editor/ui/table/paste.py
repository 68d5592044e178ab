"""Rows pasted as new entries: read all of them, then add them as one undo step.

Reading is :func:`timeline_editor.io.importers.table_rows.pasted_entries` (all rows
or none, bad rows listed); this module pushes the result on the undo stack and words
the refusal for a message box.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from timeline_editor.commands.paste import AddToCollections
from timeline_editor.io.importers.table_rows import (
    AskMapping,
    PastedRows,
    PasteError,
    pasted_entries,
)
from timeline_editor.model.document import Document
from timeline_editor.ui.widgets.wording import counted

#: A refusal lists this many bad rows; the rest are counted.
SHOWN_PROBLEMS = 15


def refusal_text(error: PasteError) -> str:
    """The message for a paste refused: why, then the bad rows (the first few)."""
    lines = [f"Nothing was pasted: {error}."]
    shown = error.problems[:SHOWN_PROBLEMS]
    lines += [f"• {problem}" for problem in shown]
    if len(error.problems) > len(shown):
        lines.append(f"… and {len(error.problems) - len(shown)} more")
    return "\n".join(lines)


def push_pasted(document: Document, stack: QUndoStack, pasted: PastedRows) -> list[str]:
    """Add the pasted entries and what they name as one undo step; their ids ([] if refused)."""
    text = f"Paste {counted(len(pasted.entries), 'entry')}"
    command = AddToCollections(
        document,
        [
            ("lanes", pasted.lanes),
            ("actors", pasted.actors),
            ("places", pasted.places),
            ("sources", pasted.sources),
            ("entries", pasted.entries),
        ],
        text,
    )
    stack.push(command)
    return [] if command.error else [e.id for e in pasted.entries]


def paste_rows(
    document: Document, stack: QUndoStack, text: str, ask: AskMapping | None
) -> list[str] | None:
    """Paste ``text`` as new entries; their ids, or None when the mapping was cancelled.

    Raises PasteError (nothing changed) when any row cannot be taken.
    """
    pasted = pasted_entries(text, document.project, ask)
    if pasted is None:
        return None
    return push_pasted(document, stack, pasted)
