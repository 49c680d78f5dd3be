"""Forget a kiosk visitor: every table that holds what a visitor did is emptied."""

from __future__ import annotations

from app.services.store import Store

#: Tables that only ever hold what the person at the screen did.
VISITOR_TABLES = (
    "lesson_progress",
    "quiz_answers",
    "quiz_cards",
    "stretch_sessions",
    "custom_routines",
    "settings",
)


def wipe_visit(store: Store) -> None:
    """Empty the visitor tables in one transaction.

    Raises:
        StoreError: if it could not be done (the kiosk store is in memory, so it cannot fill).
    """
    with store.transaction() as connection:
        for table in VISITOR_TABLES:
            connection.execute(f"DELETE FROM {table}")
