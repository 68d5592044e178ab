"""Timeline Editor: a desktop editor for diplomatic chronologies."""

__version__ = "0.1.0"
