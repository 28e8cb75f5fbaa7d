"""Which daily scheduled job completed which vendor-local day.

The start-up catch-up reads the last completed day to know which days the bot missed
while it was down; whether a reminder was sent is decided by its own log, never here.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from storage.columns import date_from_db, date_to_db, json_to_db, time_to_db
from storage.db import Unit


async def finish(
    unit: Unit, job: str, day: date, now: datetime, result: dict[str, Any] | None = None
) -> None:
    """Record that ``job`` completed ``day`` (a repeat updates the time and the result)."""
    await unit.execute(
        "INSERT INTO job_runs (job, period, finished_at, result) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (job, period) DO UPDATE SET finished_at = excluded.finished_at, "
        "result = excluded.result",
        (job, date_to_db(day), time_to_db(now), json_to_db(result or {})),
    )


async def last_day(unit: Unit, job: str) -> date | None:
    """The latest day ``job`` completed; None when it never ran."""
    row = await unit.fetchone("SELECT MAX(period) FROM job_runs WHERE job = ?", (job,))
    return date_from_db(row[0]) if row and row[0] else None


async def is_done(unit: Unit, job: str, day: date) -> bool:
    row = await unit.fetchone(
        "SELECT 1 FROM job_runs WHERE job = ? AND period = ?", (job, date_to_db(day))
    )
    return row is not None
