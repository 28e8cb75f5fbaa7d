"""Call-the-customer tasks for managers when a support-expiry reminder could not be
delivered: at most one per series (license, support end), whatever the number of
reminders, chats or scans that noticed it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from storage.columns import date_from_db, date_to_db, time_from_db, time_to_db
from storage.db import Unit


@dataclass(frozen=True, slots=True)
class ManagerTask:
    id: int
    license_id: int
    support_end: date
    request_id: int | None
    reason: str
    created_at: datetime


async def open_task(
    unit: Unit, license_id: int, support_end: date, reason: str, now: datetime
) -> int | None:
    """Open the series' task; None when the series has one already."""
    cursor = await unit.execute(
        "INSERT INTO manager_tasks (license_id, support_end, reason, created_at) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (license_id, support_end) DO NOTHING",
        (license_id, date_to_db(support_end), reason, time_to_db(now)),
    )
    return cursor.lastrowid if cursor.rowcount == 1 else None


async def set_request(unit: Unit, task_id: int, request_id: int) -> None:
    await unit.execute(
        "UPDATE manager_tasks SET request_id = ? WHERE id = ?", (request_id, task_id)
    )


async def series_with_tasks(unit: Unit) -> set[tuple[int, date]]:
    """(license id, support end) of every series that has a task."""
    rows = await unit.fetchall("SELECT license_id, support_end FROM manager_tasks", heavy=True)
    found: set[tuple[int, date]] = set()
    for row in rows:
        support_end = date_from_db(row["support_end"])
        assert support_end is not None
        found.add((row["license_id"], support_end))
    return found


async def of_license(unit: Unit, license_id: int) -> list[ManagerTask]:
    rows = await unit.fetchall(
        "SELECT id, license_id, support_end, request_id, reason, created_at FROM manager_tasks "
        "WHERE license_id = ? ORDER BY id",
        (license_id,),
    )
    tasks = []
    for row in rows:
        support_end, created_at = date_from_db(row["support_end"]), time_from_db(row["created_at"])
        assert support_end is not None and created_at is not None
        tasks.append(
            ManagerTask(
                id=row["id"],
                license_id=row["license_id"],
                support_end=support_end,
                request_id=row["request_id"],
                reason=row["reason"],
                created_at=created_at,
            )
        )
    return tasks
