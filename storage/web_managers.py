"""Managers' accounts of the web desk and the one-time sign-in links the bot hands out.

A password is stored only as the argon2 hash the shell made of it (``bot.web.passwords``);
an account made by ``/web`` for a manager of a messenger has none and signs in by links.
A link's token is handed out once and never stored: the table keeps its SHA-256, and
:func:`use_link` is a conditional UPDATE, so a link signs in once and only before it expires.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from storage.columns import time_from_db, time_to_db
from storage.db import Unit

_COLUMNS = "id, login, display_name, password_hash, language, messenger, disabled, created_at"


class LoginTaken(ValueError):
    """Another web manager has this login already."""


@dataclass(frozen=True, slots=True)
class WebManager:
    id: int
    login: str
    display_name: str
    password_hash: str | None
    language: str
    #: ``<platform>:<user id>`` of the messenger account that asked for a link (None: none).
    messenger: str | None
    disabled: bool
    created_at: datetime


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _from_row(row: sqlite3.Row) -> WebManager:
    created = time_from_db(row["created_at"])
    assert created is not None
    return WebManager(
        id=row["id"],
        login=row["login"],
        display_name=row["display_name"],
        password_hash=row["password_hash"],
        language=row["language"],
        messenger=row["messenger"],
        disabled=bool(row["disabled"]),
        created_at=created,
    )


async def create(
    unit: Unit,
    login: str,
    *,
    display_name: str,
    password_hash: str | None,
    language: str,
    now: datetime,
    messenger: str | None = None,
) -> int:
    """A new web manager; :class:`LoginTaken` when the login is in use (in any case)."""
    if await by_login(unit, login) is not None:
        raise LoginTaken(login)
    return await unit.insert(
        "INSERT INTO web_managers (login, display_name, password_hash, language, messenger, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?)",
        (login, display_name, password_hash, language, messenger, time_to_db(now)),
    )


async def get(unit: Unit, manager_id: int) -> WebManager | None:
    row = await unit.fetchone(f"SELECT {_COLUMNS} FROM web_managers WHERE id = ?", (manager_id,))
    return _from_row(row) if row is not None else None


async def by_login(unit: Unit, login: str) -> WebManager | None:
    row = await unit.fetchone(f"SELECT {_COLUMNS} FROM web_managers WHERE login = ?", (login,))
    return _from_row(row) if row is not None else None


async def by_messenger(unit: Unit, messenger: str) -> WebManager | None:
    row = await unit.fetchone(
        f"SELECT {_COLUMNS} FROM web_managers WHERE messenger = ?", (messenger,)
    )
    return _from_row(row) if row is not None else None


async def all_managers(unit: Unit) -> list[WebManager]:
    rows = await unit.fetchall(f"SELECT {_COLUMNS} FROM web_managers ORDER BY login")
    return [_from_row(row) for row in rows]


async def set_disabled(unit: Unit, manager_id: int, disabled: bool) -> None:
    """Disable (or enable again); a disabled manager's sessions and links end at once."""
    await unit.execute(
        "UPDATE web_managers SET disabled = ? WHERE id = ?", (int(disabled), manager_id)
    )
    if disabled:
        await unit.execute("DELETE FROM web_sessions WHERE manager_id = ?", (manager_id,))
        await unit.execute("DELETE FROM web_sign_in_links WHERE manager_id = ?", (manager_id,))


async def set_password(unit: Unit, manager_id: int, password_hash: str) -> None:
    await unit.execute(
        "UPDATE web_managers SET password_hash = ? WHERE id = ?", (password_hash, manager_id)
    )


async def set_language(unit: Unit, manager_id: int, language: str) -> None:
    await unit.execute("UPDATE web_managers SET language = ? WHERE id = ?", (language, manager_id))


# -- one-time sign-in links -----------------------------------------------------------------


async def create_link(
    unit: Unit, token: str, *, manager_id: int, now: datetime, expires_at: datetime
) -> None:
    await unit.execute(
        "INSERT INTO web_sign_in_links (token_hash, manager_id, created_at, expires_at) "
        "VALUES (?, ?, ?, ?)",
        (token_hash(token), manager_id, time_to_db(now), time_to_db(expires_at)),
    )


async def use_link(unit: Unit, token: str, now: datetime) -> WebManager | None:
    """The manager a link signs in, marking it used; None: unknown, used, expired, or its
    manager disabled."""
    await unit.begin()
    row = await unit.fetchone(
        "SELECT manager_id FROM web_sign_in_links WHERE token_hash = ? AND used_at IS NULL "
        "AND expires_at > ?",
        (token_hash(token), time_to_db(now)),
    )
    if row is None:
        return None
    await unit.execute(
        "UPDATE web_sign_in_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
        (time_to_db(now), token_hash(token)),
    )
    manager = await get(unit, row["manager_id"])
    return manager if manager is not None and not manager.disabled else None
