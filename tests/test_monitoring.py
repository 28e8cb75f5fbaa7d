"""``/healthz`` and ``/metrics``: health flips when the outbox sender is stuck (a send that
hangs, a loop that stopped turning); the Prometheus page of a real ``python -m bot run``
counts a scripted conversation exactly."""

from __future__ import annotations

import asyncio
import signal
import socket
import sqlite3
from pathlib import Path
from typing import Any

import aiohttp
from aiogram import Bot
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType
from aiohttp.test_utils import TestClient, TestServer
from prometheus_client.parser import text_string_to_metric_families

from bot.channels.telegram.limits import RateLimiter
from bot.channels.telegram.sender import OutboxSender
from bot.health import SENDER_LIMIT, Monitor
from bot.monitoring import monitoring_app
from storage import outbox
from storage.db import Database
from storage.models import OPEN_STATUSES, Platform
from tests.support.chat import Clock
from tests.support.telegram_e2e import (
    CUSTOMER,
    MANAGER_CHAT,
    BotProcess,
    Person,
    prepare_database,
)
from tests.support.telegram_fakes import TOKEN, FakeTelegram, Server
from tests.support.telegram_session import RecordingSession
from tests.support.telegram_world import FAST, NOW


class HangingSession(RecordingSession):
    """Every sendMessage waits until the test lets it go (a send that hangs)."""

    def __init__(self, fake: FakeTelegram) -> None:
        super().__init__(fake)
        self.hanging = asyncio.Event()
        self.released = asyncio.Event()

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109
    ) -> TelegramType:
        if method.__api_method__ == "sendMessage":
            self.hanging.set()
            await self.released.wait()
        return await super().make_request(bot, method, timeout)


async def health_of(client: TestClient[Any, Any]) -> tuple[int, dict[str, Any]]:
    async with client.get("/healthz") as response:
        return response.status, await response.json()


async def test_healthz_flips_when_the_sender_is_stuck(db: Database) -> None:
    clock = Clock(NOW)
    ticks = [1000.0]
    monitor = Monitor(clock=clock, monotonic=lambda: ticks[0])
    monitor.scheduler_running = lambda: True
    fake = FakeTelegram()
    session = HangingSession(fake)
    sender = OutboxSender(
        bot=Bot(TOKEN, session=session), db=db, limiter=RateLimiter(FAST), clock=clock
    )
    sender.heartbeat = monitor.heartbeat("telegram sender", SENDER_LIMIT)
    stopping = asyncio.Event()
    running = asyncio.create_task(sender.run(stopping))
    async with db.unit() as unit:
        await outbox.enqueue(unit, Platform.TELEGRAM, str(CUSTOMER), "Your key is ready", now=NOW)
    sender.wake.set()
    await asyncio.wait_for(session.hanging.wait(), 10)
    async with TestClient(TestServer(monitoring_app(monitor, db, outbox_max_age=600))) as client:
        status, body = await health_of(client)
        assert status == 200, body
        assert set(body["checks"]) == {"database", "telegram sender", "scheduler", "outbox"}

        clock.advance(seconds=601)  # the send still hangs: the message waits too long
        status, body = await health_of(client)
        assert status == 503
        assert body["status"] == "failing"
        assert body["checks"]["outbox"] == {
            "ok": False,
            "detail": "telegram: a due message waits for 601 s (limit 600 s)",
        }
        assert body["checks"]["telegram sender"]["ok"]  # its loop still turns

        session.released.set()  # the send completes: healthy again
        for _ in range(200):
            status, body = await health_of(client)
            if status == 200:
                break
            await asyncio.sleep(0.01)
        assert status == 200, body
        assert [sent.text for sent in fake.sent] == ["Your key is ready"]

        stopping.set()  # the loop stops turning
        await asyncio.wait_for(running, 10)
        ticks[0] += SENDER_LIMIT + 1
        status, body = await health_of(client)
        assert status == 503
        assert body["checks"]["telegram sender"] == {
            "ok": False,
            "detail": "no turn for 61 s (limit 60 s)",
        }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def samples(page: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of a Prometheus page, by name and labels (parsed by the client's parser)."""
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(page)
        for sample in family.samples
    }


async def test_metrics_count_a_scripted_conversation_exactly(tmp_path: Path) -> None:
    await prepare_database(tmp_path / "bot.sqlite3")
    fake = FakeTelegram(manager_chat_id=MANAGER_CHAT)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    telegram = (("channel", "telegram"),)
    async with Server(fake) as server, aiohttp.ClientSession() as http:
        bot = BotProcess(
            tmp_path,
            server.url,
            extra_env={"METRICS_PORT": str(port), "METRICS_HOST": "127.0.0.1"},
        )
        await bot.start()
        try:
            customer = Person(fake, CUSTOMER, CUSTOMER)
            customer.says("/start")
            menu = await customer.expect("Main menu")
            customer.presses(menu, "Help")
            await customer.expect("What I can do")
            customer.says("/language")
            await customer.expect("Choose a language")

            page = ""
            for _ in range(300):  # the third update is marked done just after its answer
                async with http.get(f"{base}/metrics") as response:
                    assert response.status == 200
                    assert response.headers["Content-Type"].startswith("text/plain")
                    page = await response.text()
                if samples(page).get(("bot_updates_handled_total", telegram)) == 3:
                    break
                await asyncio.sleep(0.05)
            async with http.get(f"{base}/healthz") as response:
                health = await response.json()
                assert response.status == 200, health
        finally:
            assert await bot.stop(signal.SIGTERM) == 0, bot.log()
    found = samples(page)
    assert found[("bot_updates_received_total", telegram)] == 3
    assert found[("bot_updates_handled_total", telegram)] == 3
    assert found[("bot_step_seconds_count", telegram)] == 3
    sends = [
        method
        for method, _ in fake.calls
        if method in {"sendMessage", "sendDocument", "editMessageText"}
    ]
    assert len(sends) >= 3
    assert found[("bot_sends_total", (*telegram, ("outcome", "ok")))] == len(sends)
    assert not [
        key for key in found if key[0] == "bot_sends_total" and ("outcome", "ok") not in key[1]
    ]
    families = {family.name for family in text_string_to_metric_families(page)}
    assert {
        "bot_outbox_depth",
        "bot_outbox_oldest_due_seconds",
        "bot_scheduler_runs",
        "bot_requests_open",
    } <= families
    with sqlite3.connect(tmp_path / "bot.sqlite3") as connection:
        statuses = ", ".join(f"'{status.value}'" for status in OPEN_STATUSES)
        open_requests = dict(
            connection.execute(
                f"SELECT kind, COUNT(*) FROM requests WHERE status IN ({statuses}) GROUP BY kind"
            ).fetchall()
        )
    assert {
        dict(labels)["kind"]: value
        for (name, labels), value in found.items()
        if name == "bot_requests_open"
    } == open_requests
    assert set(health["checks"]) == {
        "database",
        "telegram sender",
        "telegram poller",
        "scheduler",
        "outbox",
    }
