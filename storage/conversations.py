"""Conversation state per (platform, chat): a restart continues where the chat was."""

from __future__ import annotations

from datetime import datetime

from storage.accounts import account_from_row
from storage.columns import json_from_db, json_to_db, time_to_db
from storage.db import Unit
from storage.models import Account, ConversationState, Platform


async def load(unit: Unit, platform: Platform, chat_id: str) -> ConversationState:
    row = await unit.fetchone(
        "SELECT flow, step, data FROM conversations WHERE platform = ? AND chat_id = ?",
        (platform.value, chat_id),
    )
    if row is None:
        return ConversationState()
    return ConversationState(row["flow"], row["step"], json_from_db(row["data"]))


async def save(
    unit: Unit, platform: Platform, chat_id: str, state: ConversationState, *, now: datetime
) -> None:
    """Upsert the chat's state as the unit's last write (autocommits when alone)."""
    await unit.execute_final(
        "INSERT INTO conversations (platform, chat_id, flow, step, data, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (platform, chat_id) DO UPDATE SET "
        "flow = excluded.flow, step = excluded.step, data = excluded.data, "
        "updated_at = excluded.updated_at",
        (platform.value, chat_id, state.flow, state.step, json_to_db(state.data), time_to_db(now)),
    )


async def load_with_account(
    unit: Unit, platform: Platform, user_id: str, chat_id: str
) -> tuple[Account | None, ConversationState]:
    """The person's account and the chat's state in one query (the engine's hot path)."""
    row = await unit.fetchone(
        "SELECT a.id, a.platform, a.user_id, a.customer_id, a.linked_by, a.language, "
        "a.display_name, a.consent_at, a.consent_version, a.reminders_muted, a.blocked_at, "
        "a.manager, "
        "c.flow AS c_flow, c.step AS c_step, c.data AS c_data "
        "FROM (SELECT 1) LEFT JOIN accounts a ON a.platform = ?1 AND a.user_id = ?2 "
        "LEFT JOIN conversations c ON c.platform = ?1 AND c.chat_id = ?3",
        (platform.value, user_id, chat_id),
    )
    assert row is not None
    account = account_from_row(row) if row["id"] is not None else None
    if row["c_data"] is None:
        return account, ConversationState()
    return account, ConversationState(row["c_flow"], row["c_step"], json_from_db(row["c_data"]))
