"""Qt widgets: main window, timeline canvas, inspector, source library, dialogs."""
