"""One undoable QUndoCommand per kind of edit, each calling Document methods."""
