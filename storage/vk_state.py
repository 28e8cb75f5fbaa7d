"""The VK channel's own records: the Bots Long Poll position and each client's keyboard.

* :func:`longpoll_ts` / :func:`save_longpoll_ts` — where long polling resumes. The channel
  saves the position in the unit of work that stores the events before it (the inbox), so
  after a restart it asks VK for exactly the events it has not stored yet.
* :func:`keyboard_of` / :func:`remember_keyboard` — which kind of keyboard a person's VK
  client shows ('callback', 'inline' or 'standard'), for messages rendered later.
"""

from __future__ import annotations

from datetime import datetime

from storage.columns import time_to_db
from storage.db import Unit

KEYBOARDS = frozenset({"callback", "inline", "standard"})


async def longpoll_ts(unit: Unit, group_id: int) -> str | None:
    row = await unit.fetchone("SELECT ts FROM vk_longpoll WHERE group_id = ?", (group_id,))
    return str(row["ts"]) if row else None


async def save_longpoll_ts(unit: Unit, group_id: int, ts: str, *, now: datetime) -> None:
    await unit.execute(
        "INSERT INTO vk_longpoll (group_id, ts, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (group_id) DO UPDATE SET ts = excluded.ts, updated_at = excluded.updated_at",
        (group_id, str(ts), time_to_db(now)),
    )


async def keyboard_of(unit: Unit, peer_id: str) -> str | None:
    row = await unit.fetchone("SELECT keyboard FROM vk_clients WHERE peer_id = ?", (peer_id,))
    return str(row["keyboard"]) if row else None


async def remember_keyboard(unit: Unit, peer_id: str, keyboard: str, *, now: datetime) -> None:
    if keyboard not in KEYBOARDS:
        raise ValueError(f"unknown keyboard kind {keyboard!r}")
    await unit.execute(
        "INSERT INTO vk_clients (peer_id, keyboard, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (peer_id) DO UPDATE SET keyboard = excluded.keyboard, "
        "updated_at = excluded.updated_at",
        (peer_id, keyboard, time_to_db(now)),
    )
