"""The twitch diary page."""
