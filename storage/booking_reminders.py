"""Which session reminders were decided: one row per (booking, kind, start).

The start is part of the key: a moved booking gets fresh reminders for its new time, and a
repeated or concurrent job finds the row and sends nothing twice.
"""

from __future__ import annotations

from datetime import datetime

from storage.columns import time_to_db
from storage.db import Unit


async def record(
    unit: Unit, booking_id: int, kind: str, starts_at: datetime, now: datetime, *, sent: bool
) -> bool:
    """Log the reminder (``sent=False``: skipped); False when it was logged before."""
    cursor = await unit.execute(
        "INSERT INTO booking_reminder_log (booking_id, kind, starts_at, created_at, sent) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (booking_id, kind, starts_at) DO NOTHING",
        (booking_id, kind, time_to_db(starts_at), time_to_db(now), int(sent)),
    )
    return cursor.rowcount == 1


async def logged(unit: Unit, booking_ids: list[int]) -> set[tuple[int, str, str]]:
    """(booking id, kind, start as stored) already logged for these bookings."""
    found: set[tuple[int, str, str]] = set()
    for chunk in _chunks(booking_ids):
        marks = ", ".join("?" * len(chunk))
        rows = await unit.fetchall(
            "SELECT booking_id, kind, starts_at FROM booking_reminder_log "
            f"WHERE booking_id IN ({marks})",
            chunk,
        )
        found.update((row["booking_id"], row["kind"], row["starts_at"]) for row in rows)
    return found


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]
