"""Modal dialogs and message boxes: export, merge, CSV mapping, recovery, help."""
