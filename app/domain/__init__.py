"""Pure domain model: frozen dataclasses and functions. No Qt, no sqlite3, no file I/O."""
