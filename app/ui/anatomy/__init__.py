"""The anatomy page and its reusable diagram view."""
