"""Bad text never blocks a queue: a lone UTF-16 surrogate (``"\\udc32"`` in valid JSON) or
invalid UTF-8 is repaired at the edge (U+FFFD) in every channel and the console; an update
that still cannot be stored is set aside on its own while the others are stored, answered,
and acknowledged, and nothing is stuck after a restart."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.channels import intake
from bot.channels.telegram.polling import Poller
from bot.channels.telegram.service import make_bot
from bot.channels.telegram.webhook import SECRET_HEADER, webhook_app
from bot.channels.vk.callback import callback_app
from bot.channels.vk.polling import LongPoller, store_events
from handlers.policy import Policy
from storage.db import Database
from storage.models import Platform
from tests.support.telegram_world import CUSTOMER, MANAGER_CHAT, OTHER, World, make_world
from tests.support.vk_fake import GROUP_ID
from tests.support.vk_world import VKWorld, vk_world

ROOT = Path(__file__).resolve().parent.parent
POISON = "hello \udc32 there"
REPAIRED = "hello \ufffd there"
THIRD = 1003


async def rows(db: Database, platform: Platform) -> list[dict[str, Any]]:
    async with db.unit() as unit:
        found = await unit.fetchall(
            "SELECT update_key, status, body, last_error FROM inbox WHERE platform = ? ORDER BY id",
            (platform.value,),
        )
    return [dict(row) for row in found]


# -- the repair itself -----------------------------------------------------------------------


def test_repair_replaces_lone_surrogates_and_keeps_everything_else() -> None:
    assert intake.repair_text(POISON) == REPAIRED
    assert intake.repair_text("\ud800") == "\ufffd"
    assert intake.repair_text("ok 😀 ё") == "ok 😀 ё"
    assert intake.repair_text("\ud83d\ude00") == "😀"  # a proper pair is the character it codes
    body = {"a": [POISON, 1, None, {"k\udc00": True}], "n": 1.5}
    assert intake.repair(body) == {"a": [REPAIRED, 1, None, {"k\ufffd": True}], "n": 1.5}
    assert intake.json_from_bytes(b'{"t": "a \xff b \\udc32"}') == {"t": "a \ufffd b \ufffd"}
    with pytest.raises(ValueError):
        intake.json_from_bytes(b"{not json")


# -- Telegram ----------------------------------------------------------------------------------


@pytest.fixture
async def world(db: Database, policy: Policy, tmp_path: Path) -> World:
    return await make_world(db, policy, tmp_path, demo=False)


def poller(world: World) -> Poller:
    return Poller(world.bot, world.db, on_stored=world.processor.wake.set, clock=world.clock)


async def test_telegram_a_poisoned_update_between_good_ones_blocks_nothing(
    world: World, db: Database, policy: Policy, tmp_path: Path
) -> None:
    first = world.fake.message(CUSTOMER, "/start", language="en")
    bad = world.fake.message(OTHER, POISON, language="en")
    last = world.fake.message(THIRD, "/start", language="en")
    receiver = poller(world)
    assert await receiver.poll_once() == 3
    assert receiver.offset == last["update_id"] + 1  # the next getUpdates acknowledges all
    stored = {row["update_key"]: row for row in await rows(db, Platform.TELEGRAM)}
    assert set(stored) == {str(u["update_id"]) for u in (first, bad, last)}
    assert REPAIRED in json.loads(stored[str(bad["update_id"])]["body"])["message"]["text"]

    await world.processor.drain()
    await world.sender.drain(until=5)
    assert any("Main menu" in t for t in world.fake.texts(CUSTOMER))
    assert any("Main menu" in t for t in world.fake.texts(THIRD))
    assert world.fake.texts(OTHER)  # the one who sent the bad text is answered too
    assert {row["status"] for row in await rows(db, Platform.TELEGRAM)} == {"done"}

    # A restart: Telegram hands over what it has not seen acknowledged; nothing is stuck.
    restarted = await make_world(db, policy, tmp_path, fake=world.fake, demo=False)
    again = poller(restarted)
    await again.poll_once()
    later = world.fake.message(OTHER, "/start", language="en")
    await again.poll_once()
    await restarted.processor.drain()
    await restarted.sender.drain(until=5)
    assert world.fake.acknowledged >= last["update_id"]
    assert str(later["update_id"]) in {r["update_key"] for r in await rows(db, Platform.TELEGRAM)}
    assert sum("Main menu" in t for t in world.fake.texts(OTHER)) >= 1
    assert len(world.fake.texts(CUSTOMER)) == len(world.fake.to(CUSTOMER))
    assert {row["status"] for row in await rows(db, Platform.TELEGRAM)} == {"done"}


async def test_telegram_an_update_that_still_cannot_be_stored_is_set_aside_alone(
    world: World, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the edge repair missing, storing the batch fails: the updates are stored one by
    one, the failing one is set aside in its place (the managers told, the person asked to
    write again) and the offset moves past all of them."""
    monkeypatch.setattr(intake, "repair", lambda value: value)
    first = world.fake.message(CUSTOMER, "/start", language="en")
    bad = world.fake.message(OTHER, POISON, language="en")
    last = world.fake.message(THIRD, "/start", language="en")
    receiver = poller(world)
    assert await receiver.poll_once() == 3
    assert receiver.offset == last["update_id"] + 1
    await world.processor.drain()
    await world.sender.drain(until=5)
    statuses = {row["update_key"]: row for row in await rows(db, Platform.TELEGRAM)}
    assert statuses[str(first["update_id"])]["status"] == "done"
    assert statuses[str(last["update_id"])]["status"] == "done"
    aside = statuses[str(bad["update_id"])]
    assert aside["status"] == "set_aside" and "not stored" in aside["last_error"]
    assert any("Main menu" in t for t in world.fake.texts(CUSTOMER))
    assert any("Main menu" in t for t in world.fake.texts(THIRD))
    assert any(str(bad["update_id"]) in t for t in world.fake.texts(MANAGER_CHAT))
    assert world.fake.texts(OTHER)  # told their message was not handled
    await receiver.poll_once()
    assert world.fake.acknowledged == last["update_id"]


async def test_telegram_a_getupdates_answer_with_invalid_utf8_is_repaired(
    db: Database,
) -> None:
    update = (
        b'{"update_id": 5, "message": {"message_id": 1, "date": 1700000000, '
        b'"chat": {"id": 42, "type": "private"}, "from": {"id": 42, "is_bot": false, '
        b'"first_name": "A"}, "text": "bad \xff\xfe byte"}}'
    )
    answers = [b'{"ok": true, "result": [' + update + b"]}"]

    async def get_updates(request: web.Request) -> web.Response:
        body = answers.pop(0) if answers else b'{"ok": true, "result": []}'
        return web.Response(body=body, content_type="application/json")

    app = web.Application()
    app.router.add_post("/bot{token}/getUpdates", get_updates)
    async with TestServer(app) as server:
        bot = make_bot("123456:" + "A" * 35, str(server.make_url("")).rstrip("/"))
        try:
            receiver = Poller(bot, db, on_stored=lambda: None)
            assert await receiver.poll_once() == 1
            assert receiver.offset == 6
        finally:
            await bot.session.close()
    [row] = await rows(db, Platform.TELEGRAM)
    assert json.loads(row["body"])["message"]["text"] == "bad \ufffd\ufffd byte"


async def test_telegram_webhook_repairs_bad_text_and_answers_200(
    world: World, db: Database
) -> None:
    async def store(update: dict[str, Any]) -> None:
        from bot.channels.telegram.polling import store_updates

        await store_updates(db, [update], now=world.clock())

    update = world.fake.message(CUSTOMER, "x", language="en")
    raw = json.dumps(update).replace('"text": "x"', '"text": "a \\udc32 b \xff"').encode("latin-1")
    app = webhook_app("/hook", "s3cret", store)
    async with TestClient(TestServer(app)) as client:
        response = await client.post("/hook", data=raw, headers={SECRET_HEADER: "s3cret"})
        assert response.status == 200
    [row] = await rows(db, Platform.TELEGRAM)
    assert json.loads(row["body"])["message"]["text"] == "a \ufffd b \ufffd"


# -- VK ----------------------------------------------------------------------------------------


@pytest.fixture
async def vk(db: Database, policy: Policy, tmp_path: Path) -> Any:
    async with vk_world(db, policy, tmp_path, demo=False) as world:
        yield world


def vk_poller(world: VKWorld) -> LongPoller:
    return LongPoller(
        world.api, world.db, GROUP_ID, on_stored=world.processor.wake.set, wait=0, clock=world.clock
    )


async def test_vk_a_poisoned_event_between_good_ones_blocks_nothing(vk: VKWorld) -> None:
    polling = vk_poller(vk)
    await polling.start()
    first = vk.fake.message(5001, "/start", lang_id=3)
    bad = vk.fake.message(5002, POISON, lang_id=3)
    last = vk.fake.message(5003, "/start", lang_id=3)
    assert await polling.poll_once() == 3
    assert polling.ts == str(vk.fake.next_ts)
    stored = {row["update_key"]: row for row in await rows(vk.db, Platform.VK)}
    assert set(stored) == {first["event_id"], bad["event_id"], last["event_id"]}
    body = json.loads(stored[bad["event_id"]]["body"])
    assert body["object"]["message"]["text"] == REPAIRED
    await vk.settle()
    assert vk.fake.texts(5001) and vk.fake.texts(5002) and vk.fake.texts(5003)
    assert {row["status"] for row in await rows(vk.db, Platform.VK)} == {"done"}

    # A restart resumes after the stored ts: nothing again, the next message answered.
    after = vk_poller(vk)
    await after.start()
    assert await after.poll_once() == 0
    later = vk.fake.message(5002, "/start", lang_id=3)
    assert await after.poll_once() == 1
    await vk.settle()
    assert (await rows(vk.db, Platform.VK))[-1]["update_key"] == later["event_id"]
    assert {row["status"] for row in await rows(vk.db, Platform.VK)} == {"done"}


async def test_vk_an_event_that_still_cannot_be_stored_is_set_aside_alone(
    vk: VKWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(intake, "repair", lambda value: value)
    polling = vk_poller(vk)
    await polling.start()
    first = vk.fake.message(5001, "/start", lang_id=3)
    bad = vk.fake.message(5002, POISON, lang_id=3)
    last = vk.fake.message(5003, "/start", lang_id=3)
    assert await polling.poll_once() == 3
    await vk.settle()
    statuses = {row["update_key"]: row for row in await rows(vk.db, Platform.VK)}
    assert statuses[first["event_id"]]["status"] == "done"
    assert statuses[last["event_id"]]["status"] == "done"
    assert statuses[bad["event_id"]]["status"] == "set_aside"
    assert "not stored" in statuses[bad["event_id"]]["last_error"]
    assert polling.ts == str(vk.fake.next_ts)
    assert vk.fake.texts(5001) and vk.fake.texts(5003)
    assert vk.fake.texts(5002)  # asked to write again
    assert any(bad["event_id"] in t for t in vk.fake.texts(9001))  # the manager told
    after = vk_poller(vk)
    await after.start()
    assert after.ts == str(vk.fake.next_ts) and await after.poll_once() == 0


async def test_vk_callback_repairs_bad_text_and_answers_ok(vk: VKWorld) -> None:
    async def store(event: dict[str, Any]) -> None:
        await store_events(vk.db, [event], now=vk.clock())

    event = {**vk.fake.message(5001, "x", lang_id=3), "secret": "s3cret"}
    raw = json.dumps(event).replace('"text": "x"', '"text": "a \\udc32 b \xff"').encode("latin-1")
    app = callback_app(group_id=GROUP_ID, confirmation="c0de", secret="s3cret", store=store)
    async with TestClient(TestServer(app)) as client:
        response = await client.post("/vk", data=raw)
        assert (response.status, await response.text()) == (200, "ok")
    [row] = await rows(vk.db, Platform.VK)
    assert json.loads(row["body"])["object"]["message"]["text"] == "a \ufffd b \ufffd"


# -- the console -------------------------------------------------------------------------------


def run_console(tmp_path: Path, stdin: bytes, env: dict[str, str]) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TELEGRAM_", "VK_", "MANAGER_", "DATABASE_", "POLICY_", "LC_"))
    }
    environment.update({"DATABASE_PATH": str(tmp_path / "bot.sqlite3"), **env})
    return subprocess.run(
        [sys.executable, "-m", "bot", "console", "--lang", "en"],
        input=stdin,
        capture_output=True,
        cwd=tmp_path,
        env={**environment, "PYTHONPATH": str(ROOT)},
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    "env",
    [{"PYTHONUTF8": "1"}, {"PYTHONUTF8": "0", "LC_ALL": "C.UTF-8"}],
    ids=["utf8-mode", "strict-locale"],
)
def test_console_fed_invalid_utf8_answers_normally(tmp_path: Path, env: dict[str, str]) -> None:
    result = run_console(tmp_path, b"/start\nhello \xff\xfe there\n\xed\xa0\x80\n/help\n", env)
    out, err = result.stdout.decode("utf-8"), result.stderr.decode("utf-8", "replace")
    assert result.returncode == 0, err
    assert "Traceback" not in err
    assert "> hello \ufffd\ufffd there" in out
    assert out.count("Main menu") >= 1
    assert out.rstrip().splitlines()[-1].strip()  # answered to the end (the /help after it)
    assert "/help" in out.split("hello \ufffd\ufffd there", 1)[1]
