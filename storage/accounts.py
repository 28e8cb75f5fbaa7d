"""Messenger accounts: a person in Telegram, VK or the console, and their link to a customer."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from storage.columns import time_from_db, time_to_db
from storage.db import Unit
from storage.models import Account, Platform

_COLUMNS = (
    "id, platform, user_id, customer_id, linked_by, language, display_name, "
    "consent_at, consent_version, reminders_muted, blocked_at, manager"
)


def account_from_row(row: sqlite3.Row) -> Account:
    return Account(
        id=row["id"],
        platform=Platform(row["platform"]),
        user_id=row["user_id"],
        customer_id=row["customer_id"],
        linked_by=row["linked_by"],
        language=row["language"],
        display_name=row["display_name"],
        consent_at=time_from_db(row["consent_at"]),
        consent_version=row["consent_version"],
        reminders_muted=bool(row["reminders_muted"]),
        blocked_at=time_from_db(row["blocked_at"]),
        manager=bool(row["manager"]),
    )


async def get(unit: Unit, account_id: int) -> Account | None:
    row = await unit.fetchone(f"SELECT {_COLUMNS} FROM accounts WHERE id = ?", (account_id,))
    return account_from_row(row) if row else None


async def find(unit: Unit, platform: Platform, user_id: str) -> Account | None:
    row = await unit.fetchone(
        f"SELECT {_COLUMNS} FROM accounts WHERE platform = ? AND user_id = ?",
        (platform.value, user_id),
    )
    return account_from_row(row) if row else None


async def create(
    unit: Unit,
    platform: Platform,
    user_id: str,
    *,
    language: str,
    display_name: str,
    now: datetime,
) -> Account:
    """Insert the account (or return the existing one: a second create is a no-op)."""
    await unit.execute(
        "INSERT INTO accounts (platform, user_id, language, display_name, created_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (platform, user_id) DO NOTHING",
        (platform.value, user_id, language, display_name, time_to_db(now)),
    )
    account = await find(unit, platform, user_id)
    assert account is not None
    return account


def set_manager(unit: Unit, account: Account, manager: bool) -> Account:
    """Whether the person is one of the managers, as their latest message said (written
    with the unit's next statement or its commit, ``Unit.write``)."""
    unit.write("UPDATE accounts SET manager = ? WHERE id = ?", (int(manager), account.id))
    return replace(account, manager=manager)


async def set_language(unit: Unit, account_id: int, language: str) -> None:
    await unit.execute("UPDATE accounts SET language = ? WHERE id = ?", (language, account_id))


async def link_customer(unit: Unit, account_id: int, customer_id: int, *, method: str) -> None:
    await unit.execute(
        "UPDATE accounts SET customer_id = ?, linked_by = ? WHERE id = ?",
        (customer_id, method, account_id),
    )


async def of_customer(unit: Unit, customer_id: int) -> list[Account]:
    rows = await unit.fetchall(
        f"SELECT {_COLUMNS} FROM accounts WHERE customer_id = ? ORDER BY id", (customer_id,)
    )
    return [account_from_row(row) for row in rows]


async def record_consent(unit: Unit, account_id: int, *, version: str, now: datetime) -> None:
    """Personal-data consent given (152-FZ): when, and which text version."""
    await unit.execute(
        "UPDATE accounts SET consent_at = ?, consent_version = ? WHERE id = ?",
        (time_to_db(now), version, account_id),
    )


def with_consent(account: Account, *, version: str, now: datetime) -> Account:
    """The account as it is after :func:`record_consent` (no re-read needed)."""
    return replace(account, consent_at=now, consent_version=version)


async def erase_personal_data(unit: Unit, account_id: int) -> bool:
    """/forget: withdraw consent, unlink from the customer, blank the display name.

    The account row itself stays (platform, messenger id, language): without it the bot
    could not answer the person at all. Returns False when there was nothing to erase.
    """
    cursor = await unit.execute(
        "UPDATE accounts SET customer_id = NULL, linked_by = NULL, consent_at = NULL, "
        "consent_version = NULL, display_name = '' WHERE id = ? AND (customer_id IS NOT NULL "
        "OR consent_at IS NOT NULL OR consent_version IS NOT NULL OR display_name != '')",
        (account_id,),
    )
    return cursor.rowcount == 1


async def set_reminders_muted(unit: Unit, account_id: int, muted: bool) -> None:
    """The person muted (or unmuted) support-expiry reminders in this chat."""
    await unit.execute(
        "UPDATE accounts SET reminders_muted = ? WHERE id = ?", (int(muted), account_id)
    )


async def of_customers(unit: Unit, customer_ids: Iterable[int]) -> dict[int, list[Account]]:
    """Linked accounts of many customers at once (scheduled jobs), by customer id."""
    ids = sorted(set(customer_ids))
    found: dict[int, list[Account]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = await unit.fetchall(
            f"SELECT {_COLUMNS} FROM accounts WHERE customer_id IN ({', '.join('?' * len(chunk))}) "
            "ORDER BY id",
            chunk,
            heavy=True,
        )
        for row in rows:
            account = account_from_row(row)
            assert account.customer_id is not None
            found.setdefault(account.customer_id, []).append(account)
    return found


async def of_customer_since(unit: Unit, customer_id: int) -> list[tuple[Account, datetime]]:
    """A customer's linked accounts with the day each first wrote to the bot, oldest first
    (a manager's view of the customer)."""
    rows = await unit.fetchall(
        f"SELECT {_COLUMNS}, created_at FROM accounts WHERE customer_id = ? ORDER BY id",
        (customer_id,),
    )
    found = []
    for row in rows:
        since = time_from_db(row["created_at"])
        assert since is not None
        found.append((account_from_row(row), since))
    return found
