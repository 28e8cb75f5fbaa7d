"""Receiving VK events: Bots Long Poll stores each batch with its ts and resumes from the
stored ts after a restart (events that came while the bot was down are not skipped),
handles failed 1, 2 and 3; the Callback API endpoint answers the confirmation, checks the
secret and the group, answers "ok" and processes an event VK repeats only once."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.channels.vk.callback import callback_app
from bot.channels.vk.polling import LongPoller, store_events
from handlers.policy import Policy
from storage import inbox, vk_state
from storage.db import Database
from storage.models import Platform
from tests.support.vk_fake import GROUP_ID
from tests.support.vk_world import CUSTOMER, VKWorld, vk_world


@pytest.fixture
async def world(db: Database, policy: Policy, tmp_path: Path) -> Any:
    async with vk_world(db, policy, tmp_path) as world:
        yield world


def poller(world: VKWorld) -> LongPoller:
    return LongPoller(
        world.api, world.db, GROUP_ID, on_stored=world.processor.wake.set, wait=0, clock=world.clock
    )


async def stored_keys(world: VKWorld) -> list[str]:
    async with world.db.unit() as unit:
        rows = await unit.fetchall("SELECT update_key FROM inbox WHERE platform = 'vk' ORDER BY id")
    return [row["update_key"] for row in rows]


async def saved_ts(world: VKWorld) -> str | None:
    async with world.db.unit() as unit:
        return await vk_state.longpoll_ts(unit, GROUP_ID)


async def test_events_are_stored_with_the_ts_after_them_and_answered(world: VKWorld) -> None:
    polling = poller(world)
    await polling.start()
    assert await saved_ts(world) == str(world.fake.next_ts)
    first = world.fake.message(CUSTOMER, "/start", lang_id=3)
    second = world.fake.message(CUSTOMER, "/help", lang_id=3)
    assert await polling.poll_once() == 2
    assert await stored_keys(world) == [first["event_id"], second["event_id"]]
    assert await saved_ts(world) == str(world.fake.next_ts)
    await world.settle()
    texts = world.fake.texts(CUSTOMER)
    assert "Hello" in texts[0] and any("What I can do" in t or "/help" in t for t in texts[2:])


async def test_a_restart_resumes_from_the_stored_ts_and_skips_nothing(world: VKWorld) -> None:
    before = poller(world)
    await before.start()
    world.fake.message(CUSTOMER, "/start")
    assert await before.poll_once() == 1
    # The bot is down; two messages arrive meanwhile.
    missed = [world.fake.message(CUSTOMER, "/help"), world.fake.message(CUSTOMER, "/menu")]
    after = poller(world)  # a new process: a new long-poll session
    await after.start()
    assert await after.poll_once() == 2
    assert (await stored_keys(world))[1:] == [e["event_id"] for e in missed]
    assert await after.poll_once() == 0  # nothing twice


async def test_an_expired_key_is_renewed_and_the_ts_kept(world: VKWorld) -> None:
    polling = poller(world)
    await polling.start()
    old_key, ts = polling.key, polling.ts
    world.fake.expire_keys()
    event = world.fake.message(CUSTOMER, "/start")
    assert await polling.poll_once() == 0  # failed: 2
    assert polling.key != old_key and polling.ts == ts
    assert await polling.poll_once() == 1
    assert await stored_keys(world) == [event["event_id"]]


async def test_lost_history_continues_from_vk_ts_and_says_so(
    world: VKWorld, caplog: pytest.LogCaptureFixture
) -> None:
    polling = poller(world)
    await polling.start()
    world.fake.message(CUSTOMER, "/start")
    world.fake.message(CUSTOMER, "/help")
    world.fake.forget_history_before(world.fake.next_ts - 1)  # VK kept only the last one
    with caplog.at_level(logging.WARNING):
        assert await polling.poll_once() == 0  # failed: 1
    assert "some may have been missed" in caplog.text
    assert await polling.poll_once() == 1
    assert await saved_ts(world) == str(world.fake.next_ts)


async def test_failed_3_takes_a_new_key_and_ts(world: VKWorld) -> None:
    polling = poller(world)
    await polling.start()
    world.fake.poll_failures.append(3)
    assert await polling.poll_once() == 0
    assert polling.key in world.fake.keys and polling.ts == str(world.fake.next_ts)
    event = world.fake.message(CUSTOMER, "/start")
    assert await polling.poll_once() == 1
    assert await stored_keys(world) == [event["event_id"]]


async def test_a_dropped_long_poll_is_asked_again_and_stores_each_event_once(
    world: VKWorld,
) -> None:
    polling = poller(world)
    await polling.start()
    event = world.fake.message(CUSTOMER, "/start")
    world.server.faults.poll_rate = 1.0
    with pytest.raises(Exception):  # noqa: B017 - the connection died, whatever aiohttp calls it
        await polling.poll_once()
    world.server.faults.poll_rate = 0.0
    assert await polling.poll_once() == 1
    assert await polling.poll_once() == 0
    assert await stored_keys(world) == [event["event_id"]]


# -- Callback API ----------------------------------------------------------------------------


async def callback_client(world: VKWorld, secret: str = "s3cret") -> TestClient:
    async def store(event: dict[str, Any]) -> None:
        await store_events(world.db, [event], now=world.clock())
        world.processor.wake.set()

    app = callback_app(group_id=GROUP_ID, confirmation="a1b2c3d4", secret=secret, store=store)
    client = TestClient(TestServer(app))
    await client.start_server()
    return client


async def test_callback_confirmation_secret_and_group(world: VKWorld) -> None:
    client = await callback_client(world)
    try:
        response = await client.post("/vk", json={"type": "confirmation", "group_id": GROUP_ID})
        assert (response.status, await response.text()) == (200, "a1b2c3d4")
        event = world.fake.message(CUSTOMER, "/start")
        for bad in (
            {**event, "secret": "wrong"},
            event,
            {**event, "secret": "s3cret", "group_id": 1},
        ):
            response = await client.post("/vk", json=bad)
            assert response.status == 403
        assert await stored_keys(world) == []
        response = await client.post("/vk", data=b"not json")
        assert response.status == 400
    finally:
        await client.close()


async def test_callback_answers_ok_and_processes_a_repeated_event_once(world: VKWorld) -> None:
    client = await callback_client(world)
    try:
        event = {**world.fake.message(CUSTOMER, "/start", lang_id=3), "secret": "s3cret"}
        for _ in range(3):  # VK retries until it gets "ok"
            response = await client.post("/vk/callback", json=event)
            assert (response.status, await response.text()) == (200, "ok")
    finally:
        await client.close()
    await world.settle()
    assert len([t for t in world.fake.texts(CUSTOMER) if t.startswith("Hello")]) == 1
    async with world.db.unit() as unit:
        assert await inbox.status_of(unit, Platform.VK, event["event_id"]) == "done"
        row = await unit.fetchone(
            "SELECT body FROM inbox WHERE update_key = ?", (event["event_id"],)
        )
    assert row is not None and "s3cret" not in row["body"]
