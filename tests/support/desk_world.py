"""What the desk, relay, rating, call-back and renewal tests share: an engine with the demo
data and the manager-desk flows (the ``clock`` and ``engine`` fixtures, or
:func:`engine_at` a given moment), chats for customers and managers, requests filed through
the real renewal flow, and readers of the outbox and of the database for "nothing changed".

A test module uses the fixtures by naming them: ``clock, engine = desk_world.clock,
desk_world.engine``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from handlers.desk.desk_actions import DeskActionsFlow
from handlers.desk.desk_commands import DeskCommandsFlow
from handlers.desk.manager_desk import ManagerDesk
from handlers.engine.dispatcher import Engine
from handlers.engine.messages import Attachment, Reply
from handlers.flow_list import default_flows
from handlers.flows.callback import CallbackFlow
from handlers.flows.rating import RatingFlow
from handlers.flows.relay import RelayFlow
from handlers.policy import Policy
from handlers.rules.dates import local_today
from storage import accounts, customers, delivery, outbox
from storage.db import Database
from storage.demo import DEMO_CUSTOMER_PHONE, load_demo
from storage.models import OutboxMessage, Platform
from tests.support.chat import Chat, Clock

# 12:00 in Moscow on a Monday.
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
TODAY = NOW.date()
CONSOLE_DESK = (Platform.CONSOLE, "managers")


async def make_engine(
    db: Database, policy: Policy, clock: Clock, desk: ManagerDesk | None = None
) -> Engine:
    report = await load_demo(db, today=local_today(NOW, policy), now=NOW)
    assert report.ok, report.errors
    flows = default_flows()
    present = {flow.name for flow in flows}
    mine = [DeskActionsFlow(), DeskCommandsFlow(), RelayFlow(), RatingFlow()]
    flows += [flow for flow in mine if flow.name not in present]  # once registered, as is
    return Engine(db, policy, flows, desk=desk or ManagerDesk.console_only(), clock=clock)


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
async def engine(db: Database, policy: Policy, clock: Clock) -> Engine:
    return await make_engine(db, policy, clock)


async def engine_at(
    db: Database, policy: Policy, now: datetime, *, with_callback: bool = True
) -> Engine:
    """The demo data as of ``now`` and every flow (but the call-back flow, if so asked),
    the clock standing at ``now``."""
    report = await load_demo(db, today=local_today(now, policy), now=now)
    assert report.ok, report.errors
    flows = [flow for flow in default_flows() if with_callback or flow.name != CallbackFlow.name]
    return Engine(db, policy, flows, desk=ManagerDesk.console_only(), clock=Clock(now))


def console_manager(engine: Engine, language: str = "ru") -> Chat:
    """The console's manager: their chat is the console desk destination itself."""
    return Chat(
        engine, user_id="managers", platform=Platform.CONSOLE, language=language, manager=True
    )


def button_payload(chat: Chat, prefix: str) -> str:
    """The payload of the one button of the last replies whose payload starts with prefix."""
    found = [
        b.payload
        for r in chat.replies
        for row in r.buttons
        for b in row
        if b.payload.startswith(prefix)
    ]
    assert len(found) == 1, (prefix, chat.labels)
    return found[0]


def first_payload(chat: Chat, prefix: str) -> str:
    """The payload of the first button of the last replies whose payload starts with prefix."""
    return next(
        b.payload
        for r in chat.replies
        for row in r.buttons
        for b in row
        if b.payload.startswith(prefix)
    )


async def press_action(chat: Chat, prefix: str) -> list[Reply]:
    return await chat.payload(button_payload(chat, prefix))


async def file_renewal(db: Database, chat: Chat) -> int:
    """A renewal invoice request filed by ``chat`` through the renewal flow, by product."""
    await chat.send("/menu")
    await press_action(chat, "1:go:renewal")
    await chat.payload(first_payload(chat, "1:renewal.prod:"))
    await chat.send((TODAY - timedelta(days=10)).strftime("%d.%m.%Y"))
    await press_action(chat, "1:renewal.invoice")
    async with db.unit() as unit:
        row = await unit.fetchone("SELECT MAX(id) FROM requests")
    assert row is not None and row[0] is not None
    return int(row[0])


async def link_demo_customer(db: Database, chat: Chat) -> None:
    await chat.send("/start")
    async with db.unit() as unit:
        customer = await customers.find_by_phone(unit, DEMO_CUSTOMER_PHONE)
        account = await accounts.find(unit, chat.platform, chat.user_id)
        assert customer is not None and account is not None
        await accounts.link_customer(unit, account.id, customer.id, method="phone")


async def send_file(chat: Chat, attachment: Attachment, text: str = "") -> list[Reply]:
    """``chat`` sends one file (with ``text`` as its caption); ``chat.said`` tells the answer."""
    return await chat.send_files((attachment,), text)


async def messages_to(db: Database, platform: Platform, chat_id: str) -> list[OutboxMessage]:
    """Every outbox message to one chat, oldest first."""
    async with db.unit() as unit:
        rows = await unit.fetchall(
            "SELECT id FROM outbox WHERE platform = ? AND chat_id = ? ORDER BY id",
            (platform.value, chat_id),
        )
        found = [await outbox.get(unit, row["id"]) for row in rows]
    return [message for message in found if message is not None]


async def managers_sent(db: Database, now: datetime) -> int:
    """The managers' destinations receive what waits for them, the way a sender takes a row
    (:func:`storage.delivery.claim`, then sent); returns how many rows went out."""
    platform, chat_id = CONSOLE_DESK
    async with db.unit() as unit:
        waiting = [
            m for m in await outbox.due(unit, platform, now, limit=1000) if m.chat_id == chat_id
        ]
    for message in waiting:
        async with db.unit() as unit:
            await delivery.claim(unit, message.id)
        async with db.unit() as unit:
            await outbox.mark_sent(unit, message.id, now)
    return len(waiting)


async def last_to(db: Database, platform: Platform, chat_id: str) -> OutboxMessage:
    found = await messages_to(db, platform, chat_id)
    assert found, f"nothing queued to {platform.value}:{chat_id}"
    return found[-1]


def payloads(message: OutboxMessage) -> list[str]:
    return [payload for row in message.buttons for _, payload in row]


async def request_row(db: Database, request_id: int) -> dict[str, Any]:
    async with db.unit() as unit:
        row = await unit.fetchone("SELECT * FROM requests WHERE id = ?", (request_id,))
    assert row is not None
    return dict(row)


async def events_of(db: Database, request_id: int) -> list[tuple[str, str | None, str | None, str]]:
    async with db.unit() as unit:
        rows = await unit.fetchall(
            "SELECT actor, from_status, to_status, note FROM request_events "
            "WHERE request_id = ? ORDER BY id",
            (request_id,),
        )
    return [(r["actor"], r["from_status"], r["to_status"], r["note"]) for r in rows]


async def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Everything a refused action must leave as it was."""
    tables = (
        "requests",
        "request_events",
        "outbox",
        "attachments",
        "customers",
        "licenses",
        "keys",
        "products",
    )
    async with db.unit() as unit:
        return {
            table: [tuple(row) for row in await unit.fetchall(f"SELECT * FROM {table} ORDER BY 1")]
            for table in tables
        }


async def state_of(db: Database, platform: Platform, chat_id: str) -> tuple[Any, Any]:
    async with db.unit() as unit:
        row = await unit.fetchone(
            "SELECT flow, step FROM conversations WHERE platform = ? AND chat_id = ?",
            (platform.value, chat_id),
        )
    return (row["flow"], row["step"]) if row else (None, None)


async def chat_state(db: Database, chat: Chat) -> tuple[Any, Any]:
    """The flow and step of ``chat`` (a private chat: its id is the person's)."""
    return await state_of(db, chat.platform, chat.user_id)


async def table_counts(db: Database) -> dict[str, int]:
    """How many requests, outbox messages and request events there are."""
    async with db.unit() as unit:
        return {
            table: (await unit.fetchone(f"SELECT COUNT(*) FROM {table}"))[0]
            for table in ("requests", "outbox", "request_events")
        }


async def requests_filed(db: Database) -> list[dict[str, Any]]:
    """Every request, oldest first, with its details parsed."""
    async with db.unit() as unit:
        rows = await unit.fetchall(
            "SELECT id, kind, verified, license_id, amount, due_at, created_at, details "
            "FROM requests ORDER BY id"
        )
    return [dict(row) | {"details": json.loads(row["details"])} for row in rows]


async def manager_cards(db: Database) -> list[str]:
    """The texts queued to the console desk, oldest first."""
    async with db.unit() as unit:
        rows = await unit.fetchall(
            "SELECT text FROM outbox WHERE platform = 'console' AND chat_id = 'managers' "
            "ORDER BY id"
        )
    return [row["text"] for row in rows]


def pdf(name: str = "act.pdf", size: int = 20_000) -> Attachment:
    return Attachment(file_id=f"tg-file-{name}", name=name, size=size, mime="application/pdf")


def local_file(path: Path) -> Attachment:
    return Attachment(file_id=str(path), name=path.name, size=path.stat().st_size, mime="text/csv")
