"""People a manager blocked (docs/rules.md#blocking): who, why, by whom and when, and what
they wrote while blocked (kept for the managers to review, never passed to the desk).

``accounts.blocked_at`` mirrors the active block so the engine knows it from the account it
loads anyway; :func:`block` and :func:`unblock` keep the two together.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from storage.columns import time_from_db, time_to_db
from storage.db import Unit

_BLOCK_COLUMNS = (
    "b.id, b.account_id, b.request_id, b.reason, b.blocked_by, b.blocked_at, "
    "b.unblocked_by, b.unblocked_at, "
    "(SELECT COUNT(*) FROM blocked_messages m WHERE m.block_id = b.id) AS messages"
)


@dataclass(frozen=True, slots=True)
class Block:
    id: int
    account_id: int
    #: The request the manager named in ``/block N``.
    request_id: int | None
    reason: str
    #: ``manager:<platform>:<user id>``, as request events name a manager.
    blocked_by: str
    blocked_at: datetime
    unblocked_by: str | None
    unblocked_at: datetime | None
    #: How many messages the person wrote while blocked.
    messages: int


@dataclass(frozen=True, slots=True)
class BlockedMessage:
    at: datetime
    text: str
    files: str
    """The names of the files sent with it, comma-separated."""


def _block(row: sqlite3.Row) -> Block:
    blocked_at = time_from_db(row["blocked_at"])
    assert blocked_at is not None
    return Block(
        id=row["id"],
        account_id=row["account_id"],
        request_id=row["request_id"],
        reason=row["reason"],
        blocked_by=row["blocked_by"],
        blocked_at=blocked_at,
        unblocked_by=row["unblocked_by"],
        unblocked_at=time_from_db(row["unblocked_at"]),
        messages=int(row["messages"]),
    )


async def active(unit: Unit, account_id: int) -> Block | None:
    """The account's block in force, if any."""
    row = await unit.fetchone(
        f"SELECT {_BLOCK_COLUMNS} FROM blocks b "
        "WHERE b.account_id = ? AND b.unblocked_at IS NULL ORDER BY b.id DESC LIMIT 1",
        (account_id,),
    )
    return _block(row) if row else None


async def all_active(unit: Unit) -> list[Block]:
    """Every block in force, the most recent first."""
    rows = await unit.fetchall(
        f"SELECT {_BLOCK_COLUMNS} FROM blocks b WHERE b.unblocked_at IS NULL ORDER BY b.id DESC"
    )
    return [_block(row) for row in rows]


async def of_account(unit: Unit, account_id: int) -> list[Block]:
    """Every block of the account, in force or lifted, oldest first."""
    rows = await unit.fetchall(
        f"SELECT {_BLOCK_COLUMNS} FROM blocks b WHERE b.account_id = ? ORDER BY b.id",
        (account_id,),
    )
    return [_block(row) for row in rows]


async def block(
    unit: Unit,
    account_id: int,
    *,
    request_id: int | None,
    reason: str,
    by: str,
    now: datetime,
) -> int | None:
    """Block the account; None when it is blocked already (nothing changes)."""
    await unit.begin()
    if await active(unit, account_id) is not None:
        return None
    at = time_to_db(now)
    block_id = await unit.insert(
        "INSERT INTO blocks (account_id, request_id, reason, blocked_by, blocked_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (account_id, request_id, reason, by, at),
    )
    await unit.execute("UPDATE accounts SET blocked_at = ? WHERE id = ?", (at, account_id))
    return block_id


async def unblock(unit: Unit, account_id: int, *, by: str, now: datetime) -> Block | None:
    """Lift the account's block; returns it as it was, or None when it was not blocked."""
    await unit.begin()
    found = await active(unit, account_id)
    if found is None:
        return None
    await unit.execute(
        "UPDATE blocks SET unblocked_by = ?, unblocked_at = ? WHERE id = ?",
        (by, time_to_db(now), found.id),
    )
    await unit.execute("UPDATE accounts SET blocked_at = NULL WHERE id = ?", (account_id,))
    return found


async def keep_message(unit: Unit, block_id: int, *, text: str, files: str, now: datetime) -> None:
    """A message the blocked person wrote, kept for the managers' review."""
    await unit.execute(
        "INSERT INTO blocked_messages (block_id, at, text, files) VALUES (?, ?, ?, ?)",
        (block_id, time_to_db(now), text, files),
    )


async def messages(unit: Unit, account_id: int, *, limit: int) -> tuple[list[BlockedMessage], int]:
    """The last ``limit`` messages the account wrote while blocked (oldest of them first),
    and how many there are in all."""
    rows = await unit.fetchall(
        "SELECT m.at, m.text, m.files FROM blocked_messages m JOIN blocks b ON b.id = m.block_id "
        "WHERE b.account_id = ? ORDER BY m.id DESC LIMIT ?",
        (account_id, limit),
    )
    total = await unit.fetchone(
        "SELECT COUNT(*) FROM blocked_messages m JOIN blocks b ON b.id = m.block_id "
        "WHERE b.account_id = ?",
        (account_id,),
    )
    found = []
    for row in reversed(rows):
        at = time_from_db(row["at"])
        assert at is not None
        found.append(BlockedMessage(at=at, text=row["text"], files=row["files"]))
    return found, int(total[0]) if total else 0


async def erase_messages(unit: Unit, account_id: int) -> int:
    """/forget: blank what the person wrote while blocked; returns how many were blanked."""
    cursor = await unit.execute(
        "UPDATE blocked_messages SET text = '', files = '' "
        "WHERE block_id IN (SELECT id FROM blocks WHERE account_id = ?) "
        "AND (text != '' OR files != '')",
        (account_id,),
    )
    return cursor.rowcount
