"""The monthly prolongation runs of the protection service: one batch per month, one row
per (key, month), so a run repeated or caught up after downtime does nothing twice."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from storage.columns import (
    date_from_db,
    date_to_db,
    json_from_db,
    json_to_db,
    time_from_db,
    time_to_db,
)
from storage.db import Unit


@dataclass(frozen=True, slots=True)
class RenewalBatch:
    id: int
    month: str
    """'YYYY-MM'."""
    run_on: date
    started_at: datetime
    finished_at: datetime | None
    """None: the run was interrupted and can be resumed (its keys are already logged)."""
    file_path: str | None
    summary: dict[str, Any]


@dataclass(frozen=True, slots=True)
class BatchKey:
    key_id: int
    outcome: str
    """prolonged | excluded_status | support_ended | disconnected."""
    programmed_until: date | None = None


async def start(unit: Unit, month: str, run_on: date, now: datetime) -> int | None:
    """Open the month's batch; None when the month already has one."""
    cursor = await unit.execute(
        "INSERT INTO renewal_batches (month, run_on, started_at) VALUES (?, ?, ?) "
        "ON CONFLICT (month) DO NOTHING",
        (month, date_to_db(run_on), time_to_db(now)),
    )
    return cursor.lastrowid if cursor.rowcount == 1 else None


async def add_keys(unit: Unit, batch_id: int, month: str, keys: Iterable[BatchKey]) -> None:
    """Log the keys' outcomes in one statement batch; a key already logged for the month
    keeps its first outcome."""
    await unit.executemany(
        "INSERT INTO renewal_batch_keys (batch_id, key_id, month, outcome, programmed_until) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (key_id, month) DO NOTHING",
        (
            (batch_id, key.key_id, month, key.outcome, date_to_db(key.programmed_until))
            for key in keys
        ),
    )


async def keys_of_month(unit: Unit, month: str) -> dict[int, BatchKey]:
    """What the month's run logged, by key id (resuming an interrupted run skips these)."""
    rows = await unit.fetchall(
        "SELECT key_id, outcome, programmed_until FROM renewal_batch_keys WHERE month = ?",
        (month,),
        heavy=True,
    )
    return {
        row["key_id"]: BatchKey(
            row["key_id"], row["outcome"], date_from_db(row["programmed_until"])
        )
        for row in rows
    }


async def finish(
    unit: Unit, batch_id: int, file_path: str | None, summary: dict[str, Any], now: datetime
) -> None:
    await unit.execute(
        "UPDATE renewal_batches SET finished_at = ?, file_path = ?, summary = ? WHERE id = ?",
        (time_to_db(now), file_path, json_to_db(summary), batch_id),
    )


async def get(unit: Unit, month: str) -> RenewalBatch | None:
    row = await unit.fetchone(
        "SELECT id, month, run_on, started_at, finished_at, file_path, summary "
        "FROM renewal_batches WHERE month = ?",
        (month,),
    )
    if row is None:
        return None
    run_on = date_from_db(row["run_on"])
    started_at = time_from_db(row["started_at"])
    assert run_on is not None and started_at is not None
    return RenewalBatch(
        id=row["id"],
        month=row["month"],
        run_on=run_on,
        started_at=started_at,
        finished_at=time_from_db(row["finished_at"]),
        file_path=row["file_path"],
        summary=json_from_db(row["summary"]),
    )


@dataclass(frozen=True, slots=True)
class BatchFileRow:
    """One line of the batch file for the key operator."""

    serial: str
    customer: str
    company: str
    programmed_until: date


async def prolonged_of_month(unit: Unit, month: str) -> list[BatchFileRow]:
    """The keys the month's run prolonged, by serial: the batch file is written from what
    was logged, so a resumed run writes the same file as an uninterrupted one."""
    rows = await unit.fetchall(
        "SELECT k.serial, c.name, c.company, b.programmed_until FROM renewal_batch_keys b "
        "JOIN keys k ON k.id = b.key_id JOIN customers c ON c.id = k.customer_id "
        "WHERE b.month = ? AND b.outcome = 'prolonged' ORDER BY k.serial",
        (month,),
        heavy=True,
    )
    found = []
    for row in rows:
        until = date_from_db(row["programmed_until"])
        assert until is not None
        found.append(BatchFileRow(row["serial"], row["name"], row["company"], until))
    return found


async def outcome_counts(unit: Unit, month: str) -> dict[str, int]:
    """How many keys the month's run logged with each outcome."""
    rows = await unit.fetchall(
        "SELECT outcome, COUNT(*) AS n FROM renewal_batch_keys WHERE month = ? GROUP BY outcome",
        (month,),
        heavy=True,
    )
    return {row["outcome"]: int(row["n"]) for row in rows}


@dataclass(frozen=True, slots=True)
class KeyRunRecord:
    """What one month's run did with one key."""

    month: str
    """'YYYY-MM'."""
    run_on: date
    outcome: str
    programmed_until: date | None


async def history_of_keys(unit: Unit, key_ids: Iterable[int]) -> dict[int, list[KeyRunRecord]]:
    """Every run's outcome for each of these keys, newest month first, by key id."""
    ids = sorted(set(key_ids))
    rows = await unit.fetchall(
        "SELECT k.key_id, k.month, b.run_on, k.outcome, k.programmed_until "
        "FROM renewal_batch_keys k JOIN renewal_batches b ON b.id = k.batch_id "
        "WHERE k.key_id IN (SELECT value FROM json_each(?)) ORDER BY k.key_id, k.month DESC",
        (json_to_db(ids),),
    )
    found: dict[int, list[KeyRunRecord]] = {}
    for row in rows:
        run_on = date_from_db(row["run_on"])
        assert run_on is not None
        found.setdefault(row["key_id"], []).append(
            KeyRunRecord(
                row["month"], run_on, row["outcome"], date_from_db(row["programmed_until"])
            )
        )
    return found
