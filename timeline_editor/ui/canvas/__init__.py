"""The timeline canvas: painting through render/, zoom and pan, hits, drags and in-place edits."""
