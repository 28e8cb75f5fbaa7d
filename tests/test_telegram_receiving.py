"""Receiving updates: long polling and the webhook store every update before Telegram is
told it arrived; a redelivery changes nothing; a malformed update holds nobody back."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.channels.telegram.polling import Poller, store_updates
from bot.channels.telegram.webhook import SECRET_HEADER, webhook_app
from handlers.policy import Policy
from storage import inbox
from storage.db import Database
from tests.support.telegram_world import CUSTOMER, OTHER, World, make_world


@pytest.fixture
async def world(db: Database, policy: Policy, tmp_path: Path) -> World:
    return await make_world(db, policy, tmp_path, demo=False)


async def stored(db: Database) -> list[tuple[str, str]]:
    async with db.unit() as unit:
        rows = await unit.fetchall("SELECT update_key, status FROM inbox ORDER BY id")
    return [(r["update_key"], r["status"]) for r in rows]


def poller(world: World) -> Poller:
    return Poller(world.bot, world.db, on_stored=world.processor.wake.set, clock=world.clock)


async def test_polling_stores_updates_before_the_next_offset_acknowledges_them(
    world: World,
) -> None:
    first = world.fake.message(CUSTOMER, "/start")
    second = world.fake.message(OTHER, "/start")
    receiver = poller(world)
    assert await receiver.poll_once() == 2
    assert [key for key, _ in await stored(world.db)] == [
        str(first["update_id"]),
        str(second["update_id"]),
    ]
    assert world.fake.acknowledged == 0  # Telegram still holds both
    assert await receiver.poll_once() == 0
    assert world.fake.acknowledged == second["update_id"]
    offsets = [p.get("offset") for p in world.calls("getUpdates")]
    assert offsets == [None, second["update_id"] + 1]


async def test_a_crash_while_storing_acknowledges_nothing(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    update = world.fake.message(CUSTOMER, "/start")
    receiver = poller(world)

    async def broken(*args: Any, **kwargs: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(inbox, "store", broken)
    with pytest.raises(OSError):
        await receiver.poll_once()
    monkeypatch.undo()
    assert receiver.offset is None
    assert await receiver.poll_once() == 1  # Telegram sends it again
    assert await stored(world.db) == [(str(update["update_id"]), "pending")]


async def test_a_redelivered_update_is_stored_once(world: World) -> None:
    update = world.fake.message(CUSTOMER, "/start")
    await store_updates(world.db, [update], now=world.clock())
    await store_updates(world.db, [update], now=world.clock())
    assert len(await stored(world.db)) == 1


async def test_a_malformed_update_is_set_aside_and_the_others_are_handled(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    bad = world.fake.push({"message": {"message_id": 1, "text": "no chat, no date"}})
    good = world.fake.message(CUSTOMER, "/start", language="en")
    with caplog.at_level(logging.WARNING):
        assert await poller(world).poll_once() == 2
        await world.processor.drain()
    assert dict(await stored(world.db)) == {
        str(bad["update_id"]): "set_aside",
        str(good["update_id"]): "done",
    }
    assert any("Main menu" in t for t in world.fake.texts(CUSTOMER))
    assert any("did not parse" in r.message for r in caplog.records)


# -- webhook ------------------------------------------------------------------------------


@pytest.fixture
async def client(world: World) -> TestClient:  # type: ignore[misc]
    async def store(update: dict[str, Any]) -> None:
        if update.get("fail"):
            raise OSError("disk full")
        await store_updates(world.db, [update], now=world.clock())

    app = webhook_app("/telegram/hook", "s3cret-Token_1", store)
    async with TestClient(TestServer(app)) as test_client:
        yield test_client


@pytest.mark.parametrize("secret", [None, "", "wrong", "s3cret-Token_2"])
async def test_webhook_without_the_right_secret_gets_403_and_nothing_else(
    world: World, client: TestClient, secret: str | None
) -> None:
    headers = {SECRET_HEADER: secret} if secret is not None else {}
    update = world.fake.message(CUSTOMER, "/start")
    response = await client.post("/telegram/hook", json=update, headers=headers)
    assert response.status == 403
    assert await response.text() == ""
    assert await stored(world.db) == []


async def test_webhook_stores_then_answers_200_and_a_repeat_changes_nothing(
    world: World, client: TestClient
) -> None:
    update = world.fake.message(CUSTOMER, "/start")
    headers = {SECRET_HEADER: "s3cret-Token_1"}
    for _ in range(2):
        response = await client.post("/telegram/hook", json=update, headers=headers)
        assert response.status == 200
    assert await stored(world.db) == [(str(update["update_id"]), "pending")]


async def test_webhook_answers_500_when_it_cannot_store_so_telegram_retries(
    world: World, client: TestClient
) -> None:
    headers = {SECRET_HEADER: "s3cret-Token_1"}
    response = await client.post(
        "/telegram/hook", json={"update_id": 5, "fail": True}, headers=headers
    )
    assert response.status == 500
    response = await client.post("/telegram/hook", data=b"{not json", headers=headers)
    assert response.status == 400
    assert await stored(world.db) == []
