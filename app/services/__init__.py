"""Services: clock, resources, content loading, the store, settings. QtCore at most."""
