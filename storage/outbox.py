"""The persistent outbox: every message to a customer or manager is written here in the
same transaction as the change that caused it, and a sender per messenger delivers it,
retrying until it is sent or definitively refused (docs/rules.md#nothing-is-lost).

Each ``mark_*`` also records the attempt in ``outbox_attempts``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from storage.columns import json_from_db, json_to_db, time_from_db, time_to_db
from storage.db import Unit
from storage.models import OutboxMessage, Platform

Buttons = Sequence[Sequence[tuple[str, str]]]
_COLUMNS = (
    "id, platform, chat_id, text, buttons, request_id, topic, document, status, attempts, "
    "next_attempt_at, last_error, dedupe_key"
)


def message_from_row(row: sqlite3.Row) -> OutboxMessage:
    next_attempt_at = time_from_db(row["next_attempt_at"])
    assert next_attempt_at is not None
    return OutboxMessage(
        id=row["id"],
        platform=Platform(row["platform"]),
        chat_id=row["chat_id"],
        text=row["text"],
        buttons=[
            [(label, payload) for label, payload in line] for line in json_from_db(row["buttons"])
        ],
        request_id=row["request_id"],
        topic=row["topic"],
        document=row["document"],
        status=row["status"],
        attempts=row["attempts"],
        next_attempt_at=next_attempt_at,
        last_error=row["last_error"],
        dedupe_key=row["dedupe_key"],
    )


async def enqueue(
    unit: Unit,
    platform: Platform,
    chat_id: str,
    text: str,
    buttons: Buttons = (),
    *,
    now: datetime,
    request_id: int | None = None,
    topic: str | None = None,
    document: str | None = None,
    dedupe_key: str | None = None,
) -> int | None:
    """Queue a message, due at once; returns its id, or None when a message with the same
    ``dedupe_key`` was queued before (a repeated scheduled job sends nothing twice)."""
    at = time_to_db(now)
    cursor = await unit.execute(
        "INSERT INTO outbox (platform, chat_id, topic, request_id, text, buttons, document, "
        "next_attempt_at, dedupe_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (dedupe_key) DO NOTHING",
        (
            Platform(platform).value,
            str(chat_id),
            topic,
            request_id,
            text,
            json_to_db([[list(button) for button in line] for line in buttons]),
            document,
            at,
            dedupe_key,
            at,
        ),
    )
    return cursor.lastrowid if cursor.rowcount == 1 else None


async def get(unit: Unit, outbox_id: int) -> OutboxMessage | None:
    row = await unit.fetchone(f"SELECT {_COLUMNS} FROM outbox WHERE id = ?", (outbox_id,))
    return message_from_row(row) if row else None


async def due(
    unit: Unit, platform: Platform, now: datetime, limit: int = 20
) -> list[OutboxMessage]:
    """Pending messages of one messenger whose time has come, oldest first."""
    rows = await unit.fetchall(
        f"SELECT {_COLUMNS} FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? "
        "AND platform = ? ORDER BY next_attempt_at, id LIMIT ?",
        (time_to_db(now), Platform(platform).value, limit),
    )
    return [message_from_row(row) for row in rows]


async def record_attempt(
    unit: Unit, outbox_id: int, result: str, now: datetime, error: str | None = None
) -> None:
    """One delivery attempt: ``sent``, ``retry``, ``refused`` or ``failed``."""
    await unit.execute(
        "INSERT INTO outbox_attempts (outbox_id, at, result, error) VALUES (?, ?, ?, ?)",
        (outbox_id, time_to_db(now), result, error),
    )


async def mark_sent(unit: Unit, outbox_id: int, now: datetime) -> None:
    at = time_to_db(now)
    await unit.execute(
        "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, "
        "last_error = NULL WHERE id = ?",
        (at, outbox_id),
    )
    await record_attempt(unit, outbox_id, "sent", now)


async def mark_retry(
    unit: Unit, outbox_id: int, error: str, next_attempt_at: datetime, now: datetime
) -> None:
    """A temporary failure (rate limit, network, server error): try again later."""
    await unit.execute(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? "
        "WHERE id = ?",
        (error, time_to_db(next_attempt_at), outbox_id),
    )
    await record_attempt(unit, outbox_id, "retry", now, error)


async def mark_refused(
    unit: Unit, outbox_id: int, error: str, now: datetime, *, status: str = "refused"
) -> None:
    """A definitive refusal (the user blocked the bot, chat gone): never retried.

    ``status="failed"`` marks a message given up for another reason (e.g. too many tries).
    """
    if status not in ("refused", "failed"):
        raise ValueError(f"status must be 'refused' or 'failed', got {status!r}")
    await unit.execute(
        "UPDATE outbox SET status = ?, attempts = attempts + 1, last_error = ? WHERE id = ?",
        (status, error, outbox_id),
    )
    await record_attempt(unit, outbox_id, status, now, error)


async def pending_count(unit: Unit, platform: Platform | None = None) -> int:
    if platform is None:
        row = await unit.fetchone("SELECT COUNT(*) FROM outbox WHERE status = 'pending'")
    else:
        row = await unit.fetchone(
            "SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND platform = ?",
            (Platform(platform).value,),
        )
    return int(row[0]) if row else 0


#: One row for :func:`enqueue_many`: (platform, chat id, text, buttons, document, dedupe key).
QueuedMessage = tuple[Platform, str, str, Buttons, str | None, str | None]


async def enqueue_many(unit: Unit, messages: Sequence[QueuedMessage], *, now: datetime) -> int:
    """Queue many messages in one statement batch (scheduled jobs); a message whose
    ``dedupe_key`` was queued before is skipped. Returns how many were queued."""
    if not messages:
        return 0
    await unit.begin()  # total_changes() must be read on the writing connection
    before = await unit.fetchone("SELECT total_changes()")
    assert before is not None
    at = time_to_db(now)
    await unit.executemany(
        "INSERT INTO outbox (platform, chat_id, text, buttons, document, next_attempt_at, "
        "dedupe_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (dedupe_key) DO NOTHING",
        (
            (
                Platform(platform).value,
                str(chat_id),
                text,
                json_to_db([[list(button) for button in line] for line in buttons]),
                document,
                at,
                dedupe_key,
                at,
            )
            for platform, chat_id, text, buttons, document, dedupe_key in messages
        ),
    )
    after = await unit.fetchone("SELECT total_changes()")
    assert after is not None
    return int(after[0]) - int(before[0])


@dataclass(frozen=True, slots=True)
class KeyedMessage:
    """An outbox row seen by its dedupe key (what a scheduled job wrote)."""

    id: int
    platform: Platform
    chat_id: str
    dedupe_key: str
    status: str
    last_error: str | None


def key_range(prefix: str) -> tuple[str, str]:
    """Bounds of the keys starting with ``prefix`` (an index range, unlike LIKE with its
    ``_`` wildcard)."""
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


async def by_key_prefix(
    unit: Unit, prefix: str, *, statuses: Sequence[str] | None = None
) -> list[KeyedMessage]:
    """Rows whose dedupe key starts with ``prefix`` (optionally only in ``statuses``)."""
    low, high = key_range(prefix)
    only = ""
    params: list[object] = [low, high]
    if statuses:
        only = f" AND status IN ({', '.join('?' * len(statuses))})"
        params.extend(statuses)
    rows = await unit.fetchall(
        "SELECT id, platform, chat_id, dedupe_key, status, last_error FROM outbox "
        f"WHERE dedupe_key >= ? AND dedupe_key < ?{only} ORDER BY id",
        params,
        heavy=True,
    )
    return [
        KeyedMessage(
            id=row["id"],
            platform=Platform(row["platform"]),
            chat_id=row["chat_id"],
            dedupe_key=row["dedupe_key"],
            status=row["status"],
            last_error=row["last_error"],
        )
        for row in rows
    ]


async def undelivered_with_key_prefix(unit: Unit, prefix: str) -> list[KeyedMessage]:
    """Refused or given-up rows whose dedupe key starts with ``prefix`` (uses the status
    index: such rows are few)."""
    low, high = key_range(prefix)
    rows = await unit.fetchall(
        "SELECT id, platform, chat_id, dedupe_key, status, last_error FROM outbox "
        "WHERE status IN ('refused', 'failed') AND dedupe_key >= ? AND dedupe_key < ? "
        "ORDER BY id",
        (low, high),
    )
    return [
        KeyedMessage(
            id=row["id"],
            platform=Platform(row["platform"]),
            chat_id=row["chat_id"],
            dedupe_key=row["dedupe_key"],
            status=row["status"],
            last_error=row["last_error"],
        )
        for row in rows
    ]


@dataclass(frozen=True, slots=True)
class Backlog:
    """One platform's unsent messages (``/metrics``, ``/healthz``)."""

    platform: Platform
    #: Pending or being sent.
    depth: int
    #: When the longest-waiting due service message became due (None: nothing is due).
    #: Announcements (the bulk lane) take their time by design and are not counted.
    oldest_due_at: datetime | None


async def backlog(unit: Unit, now: datetime) -> list[Backlog]:
    """Per platform: how many messages are not sent yet, and since when the oldest due
    service message waits (a row being sent counts: a send that hangs keeps it waiting; a
    batch of announcements going out at the messenger's limit does not)."""
    rows = await unit.fetchall(
        "SELECT platform, COUNT(*) AS depth, "
        "MIN(CASE WHEN next_attempt_at <= ? AND lane = 0 THEN next_attempt_at END) AS oldest "
        "FROM outbox WHERE status IN ('pending', 'sending') GROUP BY platform",
        (time_to_db(now),),
    )
    return [
        Backlog(
            Platform(row["platform"]),
            int(row["depth"]),
            time_from_db(row["oldest"]) if row["oldest"] else None,
        )
        for row in rows
    ]
