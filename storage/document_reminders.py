"""Which "send us the documents" reminders were sent: one per period of waiting.

A period of waiting is identified by the moment the request entered ``waiting_documents``
(:func:`storage.requests.waiting_documents_since` finds it), so a request that leaves the
status and enters it again is reminded again, and a repeated job sends nothing twice.
"""

from __future__ import annotations

from datetime import datetime

from storage.columns import time_to_db
from storage.db import Unit


async def record(unit: Unit, request_id: int, waiting_since: datetime, now: datetime) -> bool:
    """Log the reminder for this period of waiting; False when it was logged before."""
    cursor = await unit.execute(
        "INSERT INTO document_reminder_log (request_id, waiting_since, created_at) "
        "VALUES (?, ?, ?) ON CONFLICT (request_id, waiting_since) DO NOTHING",
        (request_id, time_to_db(waiting_since), time_to_db(now)),
    )
    return cursor.rowcount == 1
