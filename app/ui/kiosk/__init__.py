"""Kiosk mode: a policy over the normal window for unattended, shared touch screens."""
