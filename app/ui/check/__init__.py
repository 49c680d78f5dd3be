"""The red-flag self-check page."""
