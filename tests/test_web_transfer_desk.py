"""A transfer's module return is decided on the web desk with the card's own buttons, as
in the manager chat: approve at once, or reject with one of the preset reasons the desk
offers next (docs/rules.md#web-desk)."""

from __future__ import annotations

import re

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from handlers.desk.transfer_desk import TransferDeskFlow
from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.flows.transfer.flow import TransferFlow
from handlers.policy import Policy
from storage.db import Database
from tests.support import key_requests, web_desk
from tests.support.chat import Chat, Clock
from tests.support.key_requests import demo_engine, request, transfer_returning_modules
from tests.support.web_desk import add_manager, sign_in

clock, client = key_requests.clock, web_desk.client
Client = TestClient[web.Request, web.Application]


@pytest.fixture
async def engine(db: Database, policy: Policy, clock: Clock) -> Engine:
    return await demo_engine(db, policy, clock, TransferFlow(), TransferDeskFlow())


def pressable(html: str) -> list[str]:
    return re.findall(r'name="payload" value="([^"]+)"', html)


async def test_the_module_return_is_approved_from_the_web(
    client: Client, engine: Engine, db: Database
) -> None:
    number = await transfer_returning_modules(db, Chat(engine))
    await add_manager(db)
    token = await sign_in(client)
    page = await (await client.get(f"/requests/{number}")).text()
    approve = encode("transfer_desk.approve", number)
    assert approve in pressable(page) and "Одобрить" in page
    answer = await client.post(
        f"/requests/{number}/press", data={"csrf": token, "payload": approve}
    )
    assert "одобрен" in await answer.text()
    assert (await request(db, number)).details["module_return"] == "approved"
    assert approve not in pressable(await (await client.get(f"/requests/{number}")).text())


async def test_the_module_return_is_rejected_with_a_reason_the_desk_offers(
    client: Client, engine: Engine, db: Database
) -> None:
    number = await transfer_returning_modules(db, Chat(engine))
    await add_manager(db)
    token = await sign_in(client)
    reject = encode("transfer_desk.reject", number)
    asked = await client.post(f"/requests/{number}/press", data={"csrf": token, "payload": reject})
    reasons = [p for p in pressable(await asked.text()) if p.startswith("1:transfer_desk.reason:")]
    assert encode("transfer_desk.reason", number, "not_agreed") in reasons
    decided = await client.post(
        f"/requests/{number}/press",
        data={"csrf": token, "payload": encode("transfer_desk.reason", number, "not_agreed")},
    )
    assert "Не согласовано разработчиком" in await decided.text()
    assert (await request(db, number)).details["module_return"] == "rejected"
