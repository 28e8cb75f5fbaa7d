"""A session's minutes entered on the web desk bill it as ``/minutes`` in the manager chat
does (docs/rules.md#web-desk)."""

from __future__ import annotations

from aiohttp import web
from aiohttp.test_utils import TestClient

from handlers.engine.dispatcher import Engine
from storage.db import Database
from tests.support import booking_steps, web_desk
from tests.support.booking_steps import TUESDAY_NOON, book, the_booking
from tests.support.chat import Chat, Clock
from tests.support.web_desk import add_manager, sign_in

clock, engine, client = booking_steps.clock, booking_steps.engine, web_desk.client
Client = TestClient[web.Request, web.Application]


async def test_minutes_from_the_web_bill_the_held_session(
    client: Client, engine: Engine, db: Database, clock: Clock
) -> None:
    await book(Chat(engine), "backup", hours=2)
    booking = await the_booking(db)
    number = booking["request_id"]
    clock.now = TUESDAY_NOON  # held on Tuesday from 10:00
    await add_manager(db)
    token = await sign_in(client)
    page = await client.post(f"/requests/{number}/minutes", data={"csrf": token, "minutes": "90"})
    assert "Итого к оплате" in await page.text()
    billed = await the_booking(db, booking["id"])
    assert (billed["status"], billed["minutes_spent"], billed["bill"]) == ("done", 90, "1950")
    refused = await client.post(
        f"/requests/{number}/minutes", data={"csrf": token, "minutes": "ninety"}
    )
    assert refused.status == 400
