"""Signed-in web desk sessions and sign-in attempts.

The browser's cookie holds a random value; the table keeps its SHA-256 (a copy of the
database signs nobody in) with the session's CSRF token and its end. Every sign-in attempt
is logged with the login tried and the address it came from: the shell counts the failed
ones to slow down guessing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from storage.columns import time_to_db
from storage.db import Unit


@dataclass(frozen=True, slots=True)
class WebSession:
    manager_id: int
    csrf: str


def _key(cookie: str) -> str:
    return hashlib.sha256(cookie.encode()).hexdigest()


async def create(
    unit: Unit, cookie: str, *, manager_id: int, csrf: str, now: datetime, expires_at: datetime
) -> None:
    await unit.execute(
        "INSERT INTO web_sessions (id, manager_id, csrf, created_at, expires_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (_key(cookie), manager_id, csrf, time_to_db(now), time_to_db(expires_at)),
    )


async def find(unit: Unit, cookie: str, now: datetime) -> WebSession | None:
    """The live session of the cookie (None: unknown, ended, or its manager disabled)."""
    row = await unit.fetchone(
        "SELECT s.manager_id, s.csrf FROM web_sessions s "
        "JOIN web_managers m ON m.id = s.manager_id "
        "WHERE s.id = ? AND s.expires_at > ? AND m.disabled = 0",
        (_key(cookie), time_to_db(now)),
    )
    return WebSession(row["manager_id"], row["csrf"]) if row is not None else None


async def end(unit: Unit, cookie: str) -> None:
    await unit.execute("DELETE FROM web_sessions WHERE id = ?", (_key(cookie),))


async def end_expired(unit: Unit, now: datetime) -> None:
    await unit.execute("DELETE FROM web_sessions WHERE expires_at <= ?", (time_to_db(now),))


async def record_attempt(
    unit: Unit, login: str, address: str, *, success: bool, now: datetime
) -> None:
    await unit.execute(
        "INSERT INTO web_sign_in_attempts (login, address, at, success) VALUES (?, ?, ?, ?)",
        (login, address, time_to_db(now), int(success)),
    )


async def failures_since(
    unit: Unit, since: datetime, *, login: str | None = None, address: str | None = None
) -> int:
    """Failed attempts since ``since`` for one login, or from one address."""
    column, value = ("login", login) if login is not None else ("address", address)
    row = await unit.fetchone(
        f"SELECT COUNT(*) FROM web_sign_in_attempts WHERE {column} = ? AND at >= ? AND success = 0",
        (value, time_to_db(since)),
    )
    return int(row[0]) if row else 0
