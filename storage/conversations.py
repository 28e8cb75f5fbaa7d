"""Conversation state per (platform, chat): a restart continues where the chat was."""

from __future__ import annotations

from datetime import datetime

from storage.columns import json_from_db, json_to_db, time_to_db
from storage.db import Unit
from storage.models import ConversationState, Platform


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
