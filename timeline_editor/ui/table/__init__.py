"""The list of entries beside the chart."""
