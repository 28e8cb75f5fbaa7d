"""Shared set-up for the linking and privacy conversation tests (not a test module): the
``clock`` and ``engine`` fixtures (used as ``clock, engine = linking_support.clock,
linking_support.engine``), chats, a link request filed through the conversation, and readers
of the database."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from handlers.desk.invite import InviteFlow
from handlers.desk.linking_desk import LinkingDeskFlow
from handlers.desk.manager_desk import ManagerDesk
from handlers.engine.dispatcher import Engine
from handlers.engine.flow import Flow
from handlers.flow_list import default_flows
from handlers.flows.link_request import LinkRequestFlow
from handlers.flows.linking import LinkingFlow
from handlers.flows.privacy import PrivacyFlow
from handlers.policy import Policy
from handlers.rules.dates import local_today
from storage import accounts, customers
from storage.db import Database
from storage.demo import load_demo
from storage.models import Account, Customer, Platform
from tests.support.chat import Chat, Clock

# 12:00 in Moscow on a Monday.
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
PETROV_PHONE = "+79990001122"
MANAGERS = "managers"  # the console desk's chat (ManagerDesk.console_only)


def linking_flows(files_dir: Path) -> list[Flow]:
    """The flows of this area first (so they see idle contacts), then the rest."""
    mine: list[Flow] = [
        LinkingFlow(),
        LinkRequestFlow(),
        LinkingDeskFlow(),
        InviteFlow(),
        PrivacyFlow(files_dir=files_dir),
    ]
    names = {flow.name for flow in mine}
    return [*mine, *(flow for flow in default_flows() if flow.name not in names)]


async def make_engine(
    db: Database, policy: Policy, clock: Clock, files_dir: Path, desk: ManagerDesk | None = None
) -> Engine:
    report = await load_demo(db, today=local_today(NOW, policy), now=NOW)
    assert report.ok, report.errors
    return Engine(
        db,
        policy,
        linking_flows(files_dir),
        desk=desk or ManagerDesk.console_only(),
        clock=clock,
    )


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
async def engine(db: Database, policy: Policy, clock: Clock, tmp_path: Path) -> Engine:
    return await make_engine(db, policy, clock, tmp_path / "files")


def manager_chat(engine: Engine, language: str = "ru") -> Chat:
    return Chat(
        engine, user_id=MANAGERS, platform=Platform.CONSOLE, language=language, manager=True
    )


async def file_link_request(chat: Chat) -> None:
    """Through consent and the questions, in the chat's language; the typed phone never
    links by itself."""
    language = chat.language or "ru"
    await chat.send("/menu")
    await chat.press_key("linking.menu")
    await chat.press_key("linking.by_request")
    assert chat.said_in(language, "consent.text")  # consent first: it stores data
    await chat.press_key("consent.agree")
    assert chat.said_in(language, "link_request.ask_name")
    await chat.send("Иван Петров")
    await chat.send("Мебель-Про")
    await chat.send("+7 999 000 11 22")
    await chat.press_key("link_request.skip")


async def account_of(db: Database, chat: Chat) -> Account:
    async with db.unit() as unit:
        account = await accounts.find(unit, chat.platform, chat.user_id)
    assert account is not None
    return account


async def customer_by_phone(db: Database, phone: str) -> Customer:
    async with db.unit() as unit:
        customer = await customers.find_by_phone(unit, phone)
    assert customer is not None
    return customer


async def rows(db: Database, sql: str, *params: Any) -> list[dict[str, Any]]:
    async with db.unit() as unit:
        return [dict(row) for row in await unit.fetchall(sql, params)]


async def count(db: Database, table: str) -> int:
    return (await rows(db, f"SELECT COUNT(*) AS n FROM {table}"))[0]["n"]


async def snapshot(db: Database) -> dict[str, list[dict[str, Any]]]:
    """Everything a refusal must leave as it was (conversation state aside)."""
    tables = (
        "accounts",
        "requests",
        "request_events",
        "outbox",
        "link_attempts",
        "invitations",
        "privacy_log",
        "attachments",
    )
    return {table: await rows(db, f"SELECT * FROM {table} ORDER BY 1") for table in tables}


async def text_outside_customers(db: Database, needle: str) -> list[str]:
    """Tables (other than the vendor's customers) where ``needle`` occurs anywhere."""
    found = []
    for table in ("accounts", "conversations", "link_attempts", "requests", "outbox"):
        for row in await rows(db, f"SELECT * FROM {table}"):
            if needle in json.dumps(row, ensure_ascii=False, default=str):
                found.append(table)
    return found


def buttons_of(outbox_row: dict[str, Any]) -> dict[str, str]:
    """An outbox message's buttons as {label: payload}."""
    return {label: payload for line in json.loads(outbox_row["buttons"]) for label, payload in line}


async def outbox_to(db: Database, platform: Platform, chat_id: str) -> list[dict[str, Any]]:
    return await rows(
        db,
        "SELECT * FROM outbox WHERE platform = ? AND chat_id = ? ORDER BY id",
        platform.value,
        chat_id,
    )
