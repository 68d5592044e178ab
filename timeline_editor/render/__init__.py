"""Paints a layout on any QPainter; PNG, SVG and PDF export through the same painter."""
