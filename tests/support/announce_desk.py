"""What the /announce tests share: customer chats linked to the demo customers, a manager
in the Telegram manager group, and readers of an announcement's outbox rows."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from handlers.engine.dispatcher import Engine
from handlers.engine.messages import Incoming
from storage import accounts, customers
from storage.db import Database
from storage.models import Platform
from tests.support.chat import Chat

GROUP = "-100500"
PETROV, SOFIA, SIDOROVA = "+79990001122", "+359888123456", "+79990003344"


class GroupChat(Chat):
    """A manager writing in the manager group (the chat is the group, not the person)."""

    def _incoming(self, **fields: object) -> Incoming:
        return replace(super()._incoming(**fields), chat_id=GROUP)


def manager(engine: Engine, user_id: str = "m1") -> GroupChat:
    return GroupChat(engine, user_id=user_id, manager=True)


async def linked(
    db: Database,
    engine: Engine,
    user_id: str,
    phone: str | None,
    *,
    language: str = "ru",
    platform: Platform = Platform.TELEGRAM,
) -> Chat:
    """A customer's chat that said /start and, with ``phone``, is linked to that customer."""
    chat = Chat(engine, user_id=user_id, language=language, platform=platform)
    await chat.send("/start")
    if phone is not None:
        async with db.unit() as unit:
            customer = await customers.find_by_phone(unit, phone)
            account = await accounts.find(unit, platform, user_id)
            assert customer is not None and account is not None
            await accounts.link_customer(unit, account.id, customer.id, method="phone")
    return chat


@dataclass(frozen=True, slots=True)
class Queued:
    platform: str
    chat_id: str
    text: str
    payloads: list[str]
    labels: list[str]
    lane: int
    dedupe_key: str | None


async def queued(db: Database, *, prefix: str = "announce:") -> list[Queued]:
    """Outbox rows whose dedupe key starts with ``prefix``, oldest first."""
    async with db.unit() as unit:
        rows = await unit.fetchall(
            "SELECT platform, chat_id, text, buttons, lane, dedupe_key FROM outbox "
            "WHERE substr(dedupe_key, 1, length(?)) = ? ORDER BY id",
            (prefix, prefix),
        )
    return [
        Queued(
            row["platform"],
            row["chat_id"],
            row["text"],
            [payload for line in json.loads(row["buttons"]) for _, payload in line],
            [label for line in json.loads(row["buttons"]) for label, _ in line],
            row["lane"],
            row["dedupe_key"],
        )
        for row in rows
    ]
