"""Widgets: the main window, one sub-package per page, shared widgets and the theme."""
