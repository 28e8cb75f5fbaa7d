"""What the key-loss and transfer conversation tests share: the demo engine, linking a demo
customer, giving the consent, reporting a key (with its confirmation), a manager's button on
a card, sending a file, a second module for Sidorova, Sidorova's transfer up to the modules
question, and a snapshot of everything a refused input must leave alone.

Fixtures: ``clock`` (at NOW) and ``transfer_engine`` (the transfer flows on the demo data);
a test module names them, e.g. ``clock, engine = key_requests.clock,
key_requests.transfer_engine``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from handlers.desk.desk_actions import DeskActionsFlow
from handlers.desk.manager_desk import ManagerDesk
from handlers.desk.transfer_desk import TransferDeskFlow
from handlers.engine.dispatcher import Engine
from handlers.engine.flow import Flow
from handlers.engine.messages import Attachment, Reply
from handlers.engine.payloads import encode
from handlers.flows.consent import ConsentFlow
from handlers.flows.transfer.flow import TransferFlow
from handlers.policy import Policy
from handlers.rules.dates import local_today
from storage import accounts, customers
from storage.db import Database
from storage.demo import demo_rows, load_demo
from storage.importer import import_csv, write_csv
from storage.models import Platform, Request
from storage.requests import get as get_request
from tests.support.chat import Chat, Clock

# 12:00 in Moscow on a Monday; the demo's dates are relative to this day.
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)

PETROV = "+79990001122"
"""CodeMeter key 3-1234567 with the protection service (L-1001, L-1002): branch A."""
SOFIA = "+359888123456"
"""CodeMeter key 3-7654321 without the service (L-1003): branch B."""
SIDOROVA = "+79990003344"
"""Protection module M-100200 (L-1004, 2 workplaces) and L-1005 without a key: branch B."""

MB = 1024 * 1024


async def demo_engine(db: Database, policy: Policy, clock: Clock, *flows: Flow) -> Engine:
    """The demo data and ``flows``, with the consent and the managers' card buttons."""
    report = await load_demo(db, today=local_today(NOW, policy), now=NOW)
    assert report.ok, report.errors
    return Engine(
        db,
        policy,
        [*flows, ConsentFlow(), DeskActionsFlow()],
        desk=ManagerDesk.console_only(),
        clock=clock,
    )


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
async def transfer_engine(db: Database, policy: Policy, clock: Clock) -> Engine:
    return await demo_engine(db, policy, clock, TransferFlow(), TransferDeskFlow())


async def link(db: Database, chat: Chat, phone: str) -> None:
    """Open the chat and link its account to the demo customer with ``phone``."""
    await chat.send("/start")
    async with db.unit() as unit:
        customer = await customers.find_by_phone(unit, phone)
        account = await accounts.find(unit, chat.platform, chat.user_id)
        assert customer is not None and account is not None
        await accounts.link_customer(unit, account.id, customer.id, method="phone")


async def open_key_loss(db: Database, chat: Chat, phone: str) -> None:
    """Link the chat to the customer with ``phone`` and open "Key lost, stolen or broken"."""
    await link(db, chat, phone)
    await chat.send("/menu")
    await chat.press_key("key_loss.menu")
    await agree_if_asked(chat)


async def report_key(db: Database, chat: Chat, phone: str, serial: str, what: str) -> int:
    """The customer with ``phone`` reports key ``serial`` (``what``: lost, stolen, broken)
    and confirms with "Yes, report it"; returns the request's number."""
    await open_key_loss(db, chat, phone)
    if "key_loss.other_key" in chat.keys:  # an unfinished request is offered first
        await chat.press_key("key_loss.other_key")
    await chat.press_key("key_loss.key_button", serial=serial)
    await chat.press_key(f"key_loss.button_{what}")
    await chat.press_key("key_loss.confirm_yes")
    return await last_request_id(db)


def manager(engine: Engine) -> Chat:
    """The console desk's manager (the demo engine's only manager destination)."""
    return Chat(engine, user_id="managers", platform=Platform.CONSOLE, manager=True)


async def manager_done(engine: Engine, number: int) -> None:
    """A manager presses "Done" on request ``number``'s card: the replacement was made."""
    desk = manager(engine)
    await desk.payload(encode("desk_actions.done", number))
    assert desk.said("desk_actions.done", number=number)


async def give_sidorova_a_second_module(db: Database, tmp_path: Path) -> None:
    """Сидорова gets protection module M-100300 holding a new license L-1006 (imported as
    the vendor would)."""
    sidorova = next(row for row in demo_rows(NOW.date()) if row["license_number"] == "L-1004")
    path = tmp_path / "second-module.csv"
    write_csv(path, [sidorova | {"license_number": "L-1006", "key_serial": "M-100300"}])
    report = await import_csv(db, path, now=NOW)
    assert report.ok, report.errors


async def send_file(chat: Chat, name: str, size: int = 200_000, *, count: int = 1) -> list[Reply]:
    """The person sends ``count`` files named ``name`` in one message; ``chat.said`` then
    tells what the bot answered the file."""
    files = tuple(
        Attachment(file_id=f"tg-file-{name}-{i}", name=name, size=size, mime="")
        for i in range(count)
    )
    return await chat.send_files(files)


async def snapshot(db: Database) -> dict[str, Any]:
    """Row counts and key statuses: what a refused input must not change."""
    async with db.unit() as unit:
        counts = {
            table: (await unit.fetchone(f"SELECT COUNT(*) FROM {table}"))[0]
            for table in ("requests", "outbox", "request_events", "attachments")
        }
        rows = await unit.fetchall("SELECT serial, status FROM keys ORDER BY serial")
        statuses = await unit.fetchall("SELECT id, status, details FROM requests ORDER BY id")
    return {
        **counts,
        "keys": {row["serial"]: row["status"] for row in rows},
        "requests_state": [tuple(row) for row in statuses],
    }


async def key_status(db: Database, serial: str) -> str:
    async with db.unit() as unit:
        row = await unit.fetchone("SELECT status FROM keys WHERE serial = ?", (serial,))
    assert row is not None
    return str(row["status"])


async def request(db: Database, request_id: int) -> Request:
    async with db.unit() as unit:
        found = await get_request(unit, request_id)
    assert found is not None
    return found


async def last_request_id(db: Database) -> int:
    async with db.unit() as unit:
        row = await unit.fetchone("SELECT MAX(id) FROM requests")
    assert row is not None and row[0] is not None
    return int(row[0])


async def outbox_texts(db: Database, request_id: int | None = None) -> list[str]:
    async with db.unit() as unit:
        if request_id is None:
            rows = await unit.fetchall("SELECT text FROM outbox ORDER BY id")
        else:
            rows = await unit.fetchall(
                "SELECT text FROM outbox WHERE request_id = ? ORDER BY id", (request_id,)
            )
    return [row["text"] for row in rows]


async def outbox_rows(db: Database) -> list[dict[str, Any]]:
    async with db.unit() as unit:
        rows = await unit.fetchall(
            "SELECT id, platform, chat_id, text, buttons, request_id FROM outbox ORDER BY id"
        )
    return [dict(row) for row in rows]


async def attachment_roles(db: Database, request_id: int) -> list[str]:
    async with db.unit() as unit:
        rows = await unit.fetchall(
            "SELECT role FROM attachments WHERE request_id = ? ORDER BY id", (request_id,)
        )
    return [row["role"] for row in rows]


async def agree_if_asked(chat: Chat) -> None:
    """Give the personal-data consent when the bot asks for it, by the button's key."""
    if "consent.agree" in chat.keys:
        await chat.press_key("consent.agree")


async def sidorova_until_modules(db: Database, chat: Chat) -> None:
    """Sidorova chooses L-1004 (button) and L-1005 (typed), 3 workplaces, module M-100200."""
    await link(db, chat, SIDOROVA)
    await chat.send("/menu")
    await chat.press_key("transfer.menu")
    assert chat.said("consent.text")  # documents are personal data: consent comes first
    await agree_if_asked(chat)
    assert chat.said("transfer.ask_operation")
    await chat.press_key("transfer.operation_button_move")
    await chat.press_key("transfer.license_button", number="L-1004")
    # the button is shown marked (old check: "✅ L-1004 · Базис-Шкаф · 2 рабочих места")
    chat.button_of(
        "transfer.license_button", mark="✅", number="L-1004", product="Базис-Шкаф", workplaces=2
    )
    await chat.send("l-1005")  # typed, in any case
    assert chat.said("transfer.chosen", items="L-1004, L-1005")
    await chat.press_key("transfer.done_button", count=2)
    await chat.press_key("transfer.workplaces_button", count=3)
    await chat.press_key("transfer.key_button", serial="M-100200")
    await chat.press_key("transfer.done_button", count=1)
    await chat.press_key("transfer.no_order")


async def transfer_returning_modules(db: Database, chat: Chat, *, modules: bool = True) -> int:
    """Sidorova files a complete transfer of L-1004 on M-100200 (in the chat's language)."""
    await link(db, chat, SIDOROVA)
    await chat.send("/menu")
    await chat.press_key("transfer.menu")
    await agree_if_asked(chat)
    await chat.press_key("transfer.operation_button_merge")
    await chat.press_key("transfer.license_button", number="L-1004")
    await chat.press_key("transfer.done_button", count=1)
    await chat.send("2")
    await chat.press_key("transfer.key_button", serial="M-100200")
    await chat.press_key("transfer.done_button", count=1)
    await chat.press_key("transfer.no_order")
    await chat.press_key("transfer.yes" if modules else "transfer.no")
    await send_file(chat, "letter.pdf")
    await send_file(chat, "L-1004.WibuCmRaU")
    await chat.press_key("transfer.files_done")
    return await last_request_id(db)
