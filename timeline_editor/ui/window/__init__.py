"""The main window: menus and actions, file and edit controllers, status bar, start-up."""
