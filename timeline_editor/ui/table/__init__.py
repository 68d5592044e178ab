"""The chronology table: every entry in one sortable, editable list beside the chart."""
