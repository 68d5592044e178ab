"""The source library dock: the sortable table of sources and the source dialog."""
