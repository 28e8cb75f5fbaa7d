"""One-time invitations that link a messenger account to a customer (a manager's /invite).

The token itself is handed to the manager once and never stored: the table keeps its
SHA-256, so a copy of the database cannot be used to link to someone else's customer.
A token is used at most once (:func:`use` is a conditional UPDATE) and expires.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from storage.columns import time_from_db, time_to_db
from storage.db import Unit


@dataclass(frozen=True, slots=True)
class Invitation:
    id: int
    customer_id: int
    created_by: str
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None
    used_by: int | None


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _at(value: str) -> datetime:
    moment = time_from_db(value)
    assert moment is not None
    return moment


def _from_row(row: sqlite3.Row) -> Invitation:
    return Invitation(
        id=row["id"],
        customer_id=row["customer_id"],
        created_by=row["created_by"],
        created_at=_at(row["created_at"]),
        expires_at=_at(row["expires_at"]),
        used_at=time_from_db(row["used_at"]),
        used_by=row["used_by"],
    )


async def create(
    unit: Unit,
    token: str,
    *,
    customer_id: int,
    created_by: str,
    now: datetime,
    expires_at: datetime,
) -> int:
    return await unit.insert(
        "INSERT INTO invitations (token_hash, customer_id, created_by, created_at, expires_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (token_hash(token), customer_id, created_by, time_to_db(now), time_to_db(expires_at)),
    )


async def find(unit: Unit, token: str) -> Invitation | None:
    row = await unit.fetchone(
        "SELECT id, customer_id, created_by, created_at, expires_at, used_at, used_by "
        "FROM invitations WHERE token_hash = ?",
        (token_hash(token),),
    )
    return _from_row(row) if row else None


async def use(unit: Unit, invitation_id: int, *, account_id: int, now: datetime) -> bool:
    """Mark the invitation used by ``account_id``; False when it was used or has expired."""
    at = time_to_db(now)
    cursor = await unit.execute(
        "UPDATE invitations SET used_at = ?, used_by = ? "
        "WHERE id = ? AND used_at IS NULL AND expires_at > ?",
        (at, account_id, invitation_id, at),
    )
    return cursor.rowcount == 1
