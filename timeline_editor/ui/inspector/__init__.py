"""The inspector dock: the form that edits the selected entries, their dates and claims."""
