"""Undo stacks for tests, emptied after each test while Python and Qt are both alive.

A parentless QUndoStack left to Python's cyclic collector deletes its commands from
C++ in whatever order the collector frees their wrappers, which crashes PySide. Tests
take their stacks from :func:`new_stack`; ``conftest`` empties them after every test.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

_LIVE: list[QUndoStack] = []


def new_stack() -> QUndoStack:
    """A fresh undo stack that is emptied when the test ends."""
    stack = QUndoStack()
    _LIVE.append(stack)
    return stack


def clear_stacks() -> None:
    """Delete every test stack's commands now, then forget the stacks."""
    for stack in _LIVE:
        stack.clear()
    _LIVE.clear()
