"""Which support-expiry reminders were decided: one row per (license, kind, support end).

The unique key makes a repeated daily job a no-op, and a renewed license (new support
end) starts a fresh series.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from storage.columns import date_from_db, date_to_db, time_from_db, time_to_db
from storage.db import Unit


async def record(
    unit: Unit,
    license_id: int,
    kind: str,
    support_end: date,
    due_on: date,
    now: datetime,
    outbox_id: int | None = None,
) -> bool:
    """Log the reminder; False when it was logged before (then send nothing)."""
    cursor = await unit.execute(
        "INSERT INTO reminder_log (license_id, kind, support_end, due_on, created_at, outbox_id) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (license_id, kind, support_end) DO NOTHING",
        (license_id, kind, date_to_db(support_end), date_to_db(due_on), time_to_db(now), outbox_id),
    )
    return cursor.rowcount == 1


async def already_sent(unit: Unit, license_id: int, kind: str, support_end: date) -> bool:
    row = await unit.fetchone(
        "SELECT 1 FROM reminder_log WHERE license_id = ? AND kind = ? AND support_end = ?",
        (license_id, kind, date_to_db(support_end)),
    )
    return row is not None


async def logged_for_support_ends(
    unit: Unit, first: date, last: date
) -> set[tuple[int, str, date]]:
    """(license id, kind, support end) logged for support ends in ``first..last``: lets a
    job skip what was sent with one query instead of one per license."""
    rows = await unit.fetchall(
        "SELECT license_id, kind, support_end FROM reminder_log WHERE support_end BETWEEN ? AND ?",
        (date_to_db(first), date_to_db(last)),
        heavy=True,
    )
    return _logged(rows)


async def logged_for_licenses(unit: Unit, license_ids: Iterable[int]) -> set[tuple[int, str, date]]:
    """(license id, kind, support end) logged for these licenses (one query, the ids as a
    JSON array)."""
    rows = await unit.fetchall(
        "SELECT license_id, kind, support_end FROM reminder_log "
        "WHERE license_id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(set(license_ids))),),
        heavy=True,
    )
    return _logged(rows)


async def licenses_with_unlogged(unit: Unit, due: Iterable[tuple[date, str, bool]]) -> list[int]:
    """Licenses with a reminder not logged yet among ``due`` (support end, kind, whether it
    is a protection reminder): those with that support end and no log row for it; a
    protection reminder only for a license on an active CodeMeter key with the service.
    One query by the support-end index, whatever the number of licenses."""
    wanted = [[date_to_db(end), kind, int(protection)] for end, kind, protection in due]
    if not wanted:
        return []
    rows = await unit.fetchall(
        "WITH due AS (SELECT json_extract(value, '$[0]') AS support_end, "
        "json_extract(value, '$[1]') AS kind, json_extract(value, '$[2]') AS protection "
        "FROM json_each(?)) "
        "SELECT DISTINCT l.id FROM due JOIN licenses l ON l.support_end = due.support_end "
        "WHERE NOT EXISTS (SELECT 1 FROM reminder_log r WHERE r.license_id = l.id "
        "AND r.kind = due.kind AND r.support_end = due.support_end) "
        "AND (due.protection = 0 OR EXISTS (SELECT 1 FROM key_licenses kl "
        "JOIN keys k ON k.id = kl.key_id WHERE kl.license_id = l.id AND k.kind = 'codemeter' "
        "AND k.status = 'active' AND k.protection_service = 1)) "
        "ORDER BY l.id",
        (json.dumps(wanted),),
        heavy=True,
    )
    return [row["id"] for row in rows]


async def record_many(
    unit: Unit, reminders: Iterable[tuple[int, str, date, date]], now: datetime
) -> None:
    """Log many (license id, kind, support end, due on) in one statement batch; a reminder
    logged before keeps its row. The daily job reads :func:`logged_for_licenses` in the
    same ``BEGIN IMMEDIATE`` transaction, so it knows what is new without one query each."""
    at = time_to_db(now)
    await unit.executemany(
        "INSERT INTO reminder_log (license_id, kind, support_end, due_on, created_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (license_id, kind, support_end) DO NOTHING",
        (
            (license_id, kind, date_to_db(support_end), date_to_db(due_on), at)
            for license_id, kind, support_end, due_on in reminders
        ),
    )


def _logged(rows: Iterable[Any]) -> set[tuple[int, str, date]]:
    """(license id, kind, support end) of reminder_log rows."""
    logged: set[tuple[int, str, date]] = set()
    for row in rows:
        support_end = date_from_db(row["support_end"])
        assert support_end is not None
        logged.add((row["license_id"], row["kind"], support_end))
    return logged


@dataclass(frozen=True, slots=True)
class LoggedReminder:
    """A support-expiry reminder decided for one of a customer's licenses."""

    license_number: str
    kind: str
    support_end: date
    due_on: date
    logged_at: datetime


async def of_customer(unit: Unit, customer_id: int, *, limit: int = 100) -> list[LoggedReminder]:
    """The reminders logged for a customer's licenses, newest first."""
    rows = await unit.fetchall(
        "SELECT l.number, r.kind, r.support_end, r.due_on, r.created_at FROM reminder_log r "
        "JOIN licenses l ON l.id = r.license_id WHERE l.customer_id = ? "
        "ORDER BY r.due_on DESC, r.id DESC LIMIT ?",
        (customer_id, limit),
    )
    found = []
    for row in rows:
        support_end, due_on = date_from_db(row["support_end"]), date_from_db(row["due_on"])
        logged_at = time_from_db(row["created_at"])
        assert support_end is not None and due_on is not None and logged_at is not None
        found.append(LoggedReminder(row["number"], row["kind"], support_end, due_on, logged_at))
    return found
