"""Find (Ctrl+F) and the filter panel."""
