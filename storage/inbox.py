"""The inbox: messenger updates stored before they are acknowledged, handled exactly once.

A channel stores every update it receives (:func:`store`) and only then acknowledges it to
the messenger (the next long-poll offset, the webhook's 200): a crash can no longer lose a
customer's message. A redelivered update has the same key and changes nothing.

An update then goes ``pending`` → ``handled`` → ``done``:

* the conversation step that handles it calls :func:`mark_handled` inside its own unit of
  work, so the step's writes and the mark commit together (never handled twice, never
  half-handled); the answers the step produced are kept with the mark;
* once those answers are delivered, :func:`mark_done` forgets them and the update's body.

An update that keeps failing is ``set_aside`` (:func:`record_failure`) instead of blocking
the chat behind it; :func:`set_aside` lists them for a report. An update that could not even
be stored is kept as a stand-in (:func:`not_stored_body`) that is set aside at its first try.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storage.columns import json_to_db, time_to_db
from storage.db import Unit
from storage.models import Platform

#: The one key of a stand-in's body (no messenger's update has it).
NOT_STORED = "not_stored_by_bot"


@dataclass(frozen=True, slots=True)
class InboxItem:
    id: int
    platform: Platform
    update_key: str
    chat_key: str
    body: dict[str, Any]
    status: str
    """``pending`` (not handled yet) or ``handled`` (its answers still owed)."""
    tries: int
    replies: Any
    """What :func:`mark_handled` kept (None while pending)."""


@dataclass(frozen=True, slots=True)
class SetAside:
    id: int
    update_key: str
    chat_key: str
    tries: int
    last_error: str | None


async def store(
    unit: Unit, platform: Platform, updates: Sequence[tuple[str, str, Any]], *, now: datetime
) -> None:
    """Store ``(update_key, chat_key, body)`` updates; keys stored before are skipped."""
    at = time_to_db(now)
    await unit.executemany(
        "INSERT INTO inbox (platform, update_key, chat_key, body, received_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (platform, update_key) DO NOTHING",
        [
            (Platform(platform).value, key, chat, json_to_db(body), at)
            for key, chat, body in updates
        ],
    )


def not_stored_body(error: str) -> dict[str, str]:
    """The body stored in place of an update that could not be stored: why, nothing else."""
    return {NOT_STORED: error}


def not_stored_error(item: InboxItem) -> str | None:
    """Why ``item`` is a stand-in for an update that could not be stored (None: it is not)."""
    error = item.body.get(NOT_STORED) if len(item.body) == 1 else None
    return str(error) if error is not None else None


def _item(row: Any, platform: Platform) -> InboxItem:
    return InboxItem(
        id=row["id"],
        platform=platform,
        update_key=row["update_key"],
        chat_key=row["chat_key"],
        body=json.loads(row["body"]) if row["body"] else {},
        status=row["status"],
        tries=row["tries"],
        replies=json.loads(row["replies"]) if row["replies"] else None,
    )


async def get(unit: Unit, item_id: int) -> InboxItem | None:
    row = await unit.fetchone(
        "SELECT id, platform, update_key, chat_key, body, status, tries, replies FROM inbox "
        "WHERE id = ?",
        (item_id,),
    )
    return _item(row, Platform(row["platform"])) if row else None


async def open_items(
    unit: Unit, platform: Platform, *, after_id: int = 0, limit: int = 500
) -> list[InboxItem]:
    """Updates not done yet (pending or with answers owed), oldest first."""
    rows = await unit.fetchall(
        "SELECT id, update_key, chat_key, body, status, tries, replies FROM inbox "
        "WHERE platform = ? AND status IN ('pending', 'handled') AND id > ? ORDER BY id LIMIT ?",
        (Platform(platform).value, after_id, limit),
    )
    return [_item(row, Platform(platform)) for row in rows]


async def mark_handled(unit: Unit, item_id: int, replies: Any, *, now: datetime) -> None:
    """Inside the handling step's unit: the update is handled, ``replies`` are owed.

    The body is emptied here: a handled update is never handled again, and the inbox
    should not keep people's messages longer than it needs them.
    """
    unit.write(
        "UPDATE inbox SET status = 'handled', body = '', replies = ?, finished_at = ? WHERE id = ?",
        (json_to_db(replies), time_to_db(now), item_id),
    )


async def record_sent(unit: Unit, item_id: int, sent: int) -> None:
    """``sent`` of a handled update's owed messages are out: a restart skips them."""
    await unit.execute_final(
        "UPDATE inbox SET replies = json_set(replies, '$.sent', ?) "
        "WHERE id = ? AND status = 'handled'",
        (sent, item_id),
    )


async def mark_done(unit: Unit, item_id: int, *, now: datetime) -> None:
    """Handled and answered (or nothing to handle): the update is finished."""
    await unit.execute_final(
        "UPDATE inbox SET status = 'done', body = '', replies = NULL, "
        "finished_at = COALESCE(finished_at, ?) WHERE id = ?",
        (time_to_db(now), item_id),
    )


async def mark_all_done(unit: Unit, item_ids: Sequence[int], *, now: datetime) -> None:
    """:func:`mark_done` for several updates in one statement."""
    marks = ", ".join("?" * len(item_ids))
    await unit.execute_final(
        "UPDATE inbox SET status = 'done', body = '', replies = NULL, "
        f"finished_at = COALESCE(finished_at, ?) WHERE id IN ({marks})",
        (time_to_db(now), *item_ids),
    )


async def record_failure(
    unit: Unit, item_id: int, error: str, *, set_aside: bool, now: datetime
) -> int:
    """Count a failed try; ``set_aside`` stops retrying it. Returns the number of tries."""
    await unit.execute(
        "UPDATE inbox SET tries = tries + 1, last_error = ?, "
        "status = CASE WHEN ? THEN 'set_aside' ELSE status END, "
        "finished_at = CASE WHEN ? THEN ? ELSE finished_at END WHERE id = ?",
        (error[:1000], int(set_aside), int(set_aside), time_to_db(now), item_id),
    )
    row = await unit.fetchone("SELECT tries FROM inbox WHERE id = ?", (item_id,))
    return int(row["tries"]) if row else 0


async def set_aside(unit: Unit, platform: Platform) -> list[SetAside]:
    rows = await unit.fetchall(
        "SELECT id, update_key, chat_key, tries, last_error FROM inbox "
        "WHERE platform = ? AND status = 'set_aside' ORDER BY id",
        (Platform(platform).value,),
    )
    return [
        SetAside(row["id"], row["update_key"], row["chat_key"], row["tries"], row["last_error"])
        for row in rows
    ]


async def status_of(unit: Unit, platform: Platform, update_key: str) -> str | None:
    row = await unit.fetchone(
        "SELECT status FROM inbox WHERE platform = ? AND update_key = ?",
        (Platform(platform).value, update_key),
    )
    return str(row["status"]) if row else None


async def prune(unit: Unit, platform: Platform, *, finished_before: datetime) -> None:
    """Forget done updates finished before the given time.

    Keep them at least as long as the messenger may redeliver an update (Telegram: 24 h),
    or a late redelivery would be handled again.
    """
    await unit.execute_final(
        "DELETE FROM inbox WHERE platform = ? AND status = 'done' AND finished_at < ?",
        (Platform(platform).value, time_to_db(finished_before)),
    )
