"""``/web``: a manager asks the bot for a sign-in link to the web desk; it signs them in
once, only before it expires, and only in a private chat is it sent
(docs/rules.md#web-desk)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.app import manager_desk
from bot.settings import load_settings
from bot.web.app import web_application
from handlers.desk.manager_desk import CONSOLE_MANAGER_CHAT, Destination, ManagerDesk
from handlers.engine.dispatcher import Engine
from handlers.engine.messages import Incoming
from handlers.policy import Policy
from storage import web_managers
from storage.db import Database
from storage.models import Platform
from tests.support import desk_world
from tests.support.chat import Chat, Clock
from tests.support.desk_world import make_engine
from tests.support.web_desk import csrf_of

clock, engine = desk_world.clock, desk_world.engine
Client = TestClient[web.Request, web.Application]
DESK_URL = "https://desk.example.com"
DESK = ManagerDesk((Destination(Platform.CONSOLE, CONSOLE_MANAGER_CHAT),), web_url=DESK_URL)
LINK = re.compile(re.escape(DESK_URL) + r"/signin/link/([A-Za-z0-9_-]+)")


@pytest.fixture
async def web_engine(db: Database, policy: Policy, clock: Clock) -> Engine:
    return await make_engine(db, policy, clock, desk=DESK)


@pytest.fixture
async def client(web_engine: Engine) -> AsyncIterator[Client]:
    async with TestClient(TestServer(web_application(web_engine))) as test_client:
        yield test_client


async def ask_link(engine: Engine, user_id: str = "555") -> str:
    manager = Chat(engine, user_id=user_id, manager=True)
    await manager.send("/web")
    assert manager.said("web_link.link", minutes=15), manager.keys
    found = LINK.search(manager.text)
    assert found is not None, manager.text
    return found.group(1)


async def use(client: Client, token: str) -> int:
    page = await client.get(f"/signin/link/{token}")
    assert page.status == 200
    answer = await client.post(
        f"/signin/link/{token}", data={"csrf": csrf_of(await page.text())}, allow_redirects=False
    )
    return answer.status


async def test_a_link_signs_the_manager_in_once(client: Client, web_engine: Engine) -> None:
    token = await ask_link(web_engine)
    assert (await client.get("/requests", allow_redirects=False)).status == 303
    page = await client.get(f"/signin/link/{token}")
    assert (await client.get("/requests", allow_redirects=False)).status == 303  # GET: not used
    answer = await client.post(
        f"/signin/link/{token}", data={"csrf": csrf_of(await page.text())}, allow_redirects=False
    )
    assert answer.status == 303
    html = await (await client.get("/requests")).text()
    assert "User 555" in html  # named as in their messenger
    client.session.cookie_jar.clear()
    assert await use(client, token) == 410


async def test_a_link_expires(client: Client, web_engine: Engine, clock: Clock) -> None:
    token = await ask_link(web_engine)
    clock.advance(minutes=15, seconds=1)
    assert await use(client, token) == 410
    assert (await client.get("/requests", allow_redirects=False)).status == 303


async def test_the_same_manager_keeps_one_account_and_a_disabled_one_gets_no_link(
    web_engine: Engine, db: Database
) -> None:
    await ask_link(web_engine)
    await ask_link(web_engine)
    async with db.unit() as unit:
        found = await web_managers.all_managers(unit)
        assert [m.messenger for m in found] == ["telegram:555"]
        assert found[0].password_hash is None
        await web_managers.set_disabled(unit, found[0].id, True)
    manager = Chat(web_engine, user_id="555", manager=True)
    await manager.send("/web")
    assert manager.said("web_link.disabled") and LINK.search(manager.text) is None


async def test_a_link_is_not_sent_into_the_shared_manager_chat(web_engine: Engine) -> None:
    replies = await web_engine.handle(
        Incoming(Platform.TELEGRAM, "-100123", "555", text="/web", from_manager=True)
    )
    text = "\n".join(reply.text for reply in replies)
    assert "в личном чате" in text and LINK.search(text) is None


async def test_without_a_web_desk_the_bot_says_so(engine: Engine) -> None:
    manager = Chat(engine, user_id="555", manager=True)
    await manager.send("/web")
    assert manager.said("web_link.off")


async def test_a_customer_gets_no_link(web_engine: Engine) -> None:
    customer = Chat(web_engine, user_id="1001")
    await customer.send("/web")
    assert LINK.search(customer.text) is None


def test_the_links_start_with_the_desks_public_address() -> None:
    plain = load_settings(web_port=8090, _env_file=None)
    assert manager_desk(plain, "ru").web_url == "http://127.0.0.1:8090"
    public = load_settings(
        web_port=8090, web_public_url="https://desk.example.com/", _env_file=None
    )
    assert manager_desk(public, "ru").web_url == DESK_URL
    assert manager_desk(load_settings(_env_file=None), "ru").web_url is None
