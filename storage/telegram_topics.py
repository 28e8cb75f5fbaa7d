"""Where a request lives in a Telegram manager chat: its forum topic, and the messages
(cards, relayed follow-ups) the bot sent about it, so a manager's answer in that topic or in
reply to one of those messages reaches the request's customer.

A topic row is taken (:func:`claim`) before the topic is created: the primary key makes a
second creator for the same request wait for the first instead of creating a duplicate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.columns import time_to_db
from storage.db import Unit


@dataclass(frozen=True, slots=True)
class Topic:
    chat_id: str
    request_id: int
    thread_id: int | None
    """None: a creation was started and its outcome is not known."""
    title: str


async def topic_of(unit: Unit, chat_id: str, request_id: int) -> Topic | None:
    row = await unit.fetchone(
        "SELECT thread_id, title FROM telegram_topics WHERE chat_id = ? AND request_id = ?",
        (chat_id, request_id),
    )
    if row is None:
        return None
    return Topic(chat_id, request_id, row["thread_id"], row["title"])


async def claim(unit: Unit, chat_id: str, request_id: int, *, now: datetime) -> bool:
    """Take the request's topic row before creating the topic; False if it was taken."""
    cursor = await unit.execute(
        "INSERT INTO telegram_topics (chat_id, request_id, created_at) VALUES (?, ?, ?) "
        "ON CONFLICT (chat_id, request_id) DO NOTHING",
        (chat_id, request_id, time_to_db(now)),
    )
    return cursor.rowcount == 1


async def set_thread(unit: Unit, chat_id: str, request_id: int, thread_id: int, title: str) -> None:
    await unit.execute(
        "UPDATE telegram_topics SET thread_id = ?, title = ? WHERE chat_id = ? AND request_id = ?",
        (thread_id, title, chat_id, request_id),
    )


async def set_title(unit: Unit, chat_id: str, request_id: int, title: str) -> None:
    await unit.execute(
        "UPDATE telegram_topics SET title = ? WHERE chat_id = ? AND request_id = ?",
        (title, chat_id, request_id),
    )


async def forget(unit: Unit, chat_id: str, request_id: int) -> None:
    """The topic is gone (deleted by a manager) or its creation failed: start afresh."""
    await unit.execute(
        "DELETE FROM telegram_topics WHERE chat_id = ? AND request_id = ?", (chat_id, request_id)
    )


async def request_of_thread(unit: Unit, chat_id: str, thread_id: int) -> int | None:
    row = await unit.fetchone(
        "SELECT request_id FROM telegram_topics WHERE chat_id = ? AND thread_id = ?",
        (chat_id, thread_id),
    )
    return int(row["request_id"]) if row else None


async def remember_message(unit: Unit, chat_id: str, message_id: int, request_id: int) -> None:
    await unit.execute(
        "INSERT INTO telegram_messages (chat_id, message_id, request_id) VALUES (?, ?, ?) "
        "ON CONFLICT (chat_id, message_id) DO NOTHING",
        (chat_id, message_id, request_id),
    )


async def request_of_message(unit: Unit, chat_id: str, message_id: int) -> int | None:
    row = await unit.fetchone(
        "SELECT request_id FROM telegram_messages WHERE chat_id = ? AND message_id = ?",
        (chat_id, message_id),
    )
    return int(row["request_id"]) if row else None
