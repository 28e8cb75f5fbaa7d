"""Telegram dispatch in process, and the outbox sender under Telegram's limits.

    .venv/bin/python benchmarks/telegram_dispatch.py [--chats 200] [--rounds 5] [--burst 3000]

The end-to-end comparison with an echo bot (polling, inbox, HTTP, each bot in its own
process) is benchmarks/telegram_e2e.py; this one looks inside:

1. Dispatch: updates per second and p99 through ``Dispatcher.feed_update`` → the channel's
   router (adapter, manager check) → engine → SQLite, answers sent through a fake session
   (no inbox, no HTTP), for a realistic mix of flow steps of linked customers (/menu,
   "Renew support", pick a license, back to the menu). Shown next to a bare aiogram echo
   dispatcher on the same updates and session, and one with ``F.text``/``F.data`` filters
   (aiogram runs those in a thread, so that echo is slower than echo bots usually are: not a
   fair baseline). Also shown: the inbox path (stored, handled exactly once with its mark in
   the step's transaction, marked done), one chat at a time.
2. Sender: ``--burst`` messages to distinct chats queued at once and drained by the outbox
   sender over HTTP against the fake Bot API server, which answers 429 above 30 messages a
   second. Target: about 30 messages a second with zero 429 answers (3,000 take ~100 s;
   ``--burst 0`` skips it).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncGenerator, Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aiogram import Bot, Dispatcher, F, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.base import BaseSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.methods import TelegramMethod
from aiogram.types import CallbackQuery, Message, Update

from bot.channels.telegram.channel import TelegramChannel
from bot.channels.telegram.courier import Courier
from bot.channels.telegram.limits import Limits, RateLimiter
from bot.channels.telegram.managers import ManagerCheck
from bot.channels.telegram.polling import store_updates
from bot.channels.telegram.processor import InboxProcessor
from bot.channels.telegram.sender import OutboxSender
from handlers.desk.manager_desk import Destination, ManagerDesk
from handlers.engine.dispatcher import Engine
from handlers.flow_list import default_flows
from handlers.policy import load_policy
from handlers.rules.dates import local_today
from storage import accounts, customers, outbox
from storage.db import Database
from storage.demo import DEMO_CUSTOMER_PHONE, load_demo
from storage.models import Platform
from tests.support.telegram_fakes import TOKEN, FakeTelegram, Server

MANAGER_CHAT = -1001
UNLIMITED = Limits(per_second=10**9, private_burst=10**9, group_burst=10**9)


class FakeSession(BaseSession):
    """Answers like Telegram (through aiogram's own check_response), never leaves the process."""

    def __init__(self) -> None:
        super().__init__()
        self.requests = 0
        self.message = json.dumps(
            {
                "ok": True,
                "result": {
                    "message_id": 1,
                    "date": 1_795_000_000,
                    "chat": {"id": 1, "type": "private", "first_name": "A"},
                    "text": "ok",
                },
            }
        )
        self.true = json.dumps({"ok": True, "result": True})

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[Any],
        timeout: int | None = None,  # noqa: ASYNC109
    ) -> Any:
        self.requests += 1
        content = self.true if method.__returning__ is bool else self.message
        return self.check_response(bot, method, 200, content).result

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109 - BaseSession signature
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        yield b""

    async def close(self) -> None:
        pass


def message_update(update_id: int, chat: int, text: str) -> dict[str, Any]:
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 1_795_000_000,
            "chat": {"id": chat, "type": "private", "first_name": "A"},
            "from": {"id": chat, "is_bot": False, "first_name": "A", "language_code": "ru"},
            "text": text,
        },
    }


def press_update(update_id: int, chat: int, data: str) -> dict[str, Any]:
    return {
        "update_id": update_id,
        "callback_query": {
            "id": str(update_id),
            "from": {"id": chat, "is_bot": False, "first_name": "A", "language_code": "ru"},
            "chat_instance": "x",
            "message": {
                "message_id": 1,
                "date": 1_795_000_000,
                "chat": {"id": chat, "type": "private", "first_name": "A"},
                "text": "menu",
            },
            "data": data,
        },
    }


def workload(chats: int, rounds: int, license_payload: str) -> list[dict[str, Any]]:
    """Rounds of /menu → Renew support → a license → main menu, chats interleaved."""
    updates: list[dict[str, Any]] = []
    next_id = 1
    for _ in range(rounds):
        for step in ("/menu", "1:go:renewal", license_payload, "1:menu"):
            for chat in range(1, chats + 1):
                if step.startswith("/"):
                    updates.append(message_update(next_id, 10_000 + chat, step))
                else:
                    updates.append(press_update(next_id, 10_000 + chat, step))
                next_id += 1
    return updates


async def measure(
    feed: Callable[[Update], Awaitable[Any]], updates: list[Update]
) -> tuple[float, float, float]:
    latencies = []
    wall = time.perf_counter()
    for update in updates:
        started = time.perf_counter()
        await feed(update)
        latencies.append(time.perf_counter() - started)
    wall = time.perf_counter() - wall
    latencies.sort()
    return (
        len(updates) / wall,
        statistics.median(latencies) * 1000,
        latencies[int(len(latencies) * 0.99) - 1] * 1000,
    )


def echo_dispatcher(*, filtered: bool = False) -> Dispatcher:
    """aiogram's echo bot: bare (no filters), or as usually written (``F.text``, ``F.data``:
    aiogram runs such filters in a thread, see README.md#telegram)."""
    router = Router()

    async def echo(message: Message) -> None:
        await message.answer(message.text or "")

    async def pressed(query: CallbackQuery) -> None:
        await query.answer()

    if filtered:
        router.message.register(echo, F.text)
        router.callback_query.register(pressed, F.data)
    else:
        router.message.register(echo)
        router.callback_query.register(pressed)

    dispatcher = Dispatcher()
    dispatcher.include_router(router)
    return dispatcher


async def prepare(folder: Path, chats: int) -> tuple[Database, Engine, str]:
    now = datetime.now(UTC)
    policy = load_policy()
    db = await Database.open(folder / "bench.sqlite3")
    await load_demo(db, today=local_today(now, policy), now=now)
    async with db.unit() as unit:
        customer = await customers.find_by_phone(unit, DEMO_CUSTOMER_PHONE)
        assert customer is not None
        for chat in range(1, chats + 1):
            account = await accounts.create(
                unit,
                Platform.TELEGRAM,
                str(10_000 + chat),
                language="ru",
                display_name="bench",
                now=now,
            )
            await accounts.link_customer(unit, account.id, customer.id, method="demo")
        row = await unit.fetchone(
            "SELECT MIN(id) FROM licenses WHERE customer_id = ?", (customer.id,)
        )
    desk = ManagerDesk((Destination(Platform.TELEGRAM, str(MANAGER_CHAT)),))
    engine = Engine(db, policy, default_flows(), desk=desk)
    return db, engine, f"1:renewal.lic:{row[0]}"


def channel_for(bot: Bot, engine: Engine, db: Database) -> TelegramChannel:
    return TelegramChannel(
        bot=bot,
        engine=engine,
        db=db,
        managers=ManagerCheck(bot, manager_ids=[1], manager_chat_id=MANAGER_CHAT),
        courier=Courier(bot, RateLimiter(UNLIMITED)),
        manager_chat_id=MANAGER_CHAT,
    )


async def dispatch_benchmark(chats: int, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db, engine, license_payload = await prepare(Path(folder), chats)
        try:
            raws = workload(chats, rounds, license_payload)
            session = FakeSession()
            bot = Bot(TOKEN, session=session)

            echo = echo_dispatcher()
            echo_updates = [Update.model_validate(r, context={"bot": bot}) for r in raws]
            await measure(lambda u: echo.feed_update(bot, u), echo_updates[:200])  # warm up
            echo_rate, echo_p50, echo_p99 = await measure(
                lambda u: echo.feed_update(bot, u), echo_updates
            )
            echo_requests = session.requests
            filtered = echo_dispatcher(filtered=True)
            f_rate, f_p50, f_p99 = await measure(
                lambda u: filtered.feed_update(bot, u), echo_updates
            )

            channel = channel_for(bot, engine, db)
            ours = Dispatcher()
            ours.include_router(channel.router())
            updates = [Update.model_validate(r, context={"bot": bot}) for r in raws]
            session.requests = 0
            rate, p50, p99 = await measure(lambda u: ours.feed_update(bot, u), updates)
            our_requests = session.requests

            # The full path of a polled update: inbox, exactly-once mark, done.
            full_db, full_engine, full_license = await prepare(Path(folder) / "full", chats)
            try:
                full_bot = Bot(TOKEN, session=FakeSession())
                full_channel = channel_for(full_bot, full_engine, full_db)
                processor = InboxProcessor(
                    db=full_db,
                    bot=full_bot,
                    channel=full_channel,
                    concurrency=1,
                )
                full_raws = workload(chats, rounds, full_license)
                started = time.perf_counter()
                for start in range(0, len(full_raws), 100):
                    await store_updates(
                        full_db, full_raws[start : start + 100], now=datetime.now(UTC)
                    )
                    await processor.drain()
                full_rate = len(full_raws) / (time.perf_counter() - started)
            finally:
                await full_db.close()
        finally:
            await db.close()

    steps = len(raws)
    print(f"dispatch: {steps} updates ({chats} chats × {rounds} rounds × 4 steps)")
    print(
        f"  whole path (feed_update → adapter → engine → SQLite): {rate:,.0f} updates/s, "
        f"p50 {p50:.2f} ms, p99 {p99:.2f} ms, {our_requests / steps:.1f} API calls/update"
    )
    print(
        f"  bare aiogram echo (same updates, same session):       {echo_rate:,.0f} updates/s, "
        f"p50 {echo_p50:.2f} ms, p99 {echo_p99:.2f} ms, "
        f"{echo_requests / len(echo_updates):.1f} API calls/update"
    )
    print(
        f"  aiogram echo with F.text / F.data filters:            {f_rate:,.0f} updates/s, "
        f"p50 {f_p50:.2f} ms, p99 {f_p99:.2f} ms"
    )
    print(
        f"  ratio: {rate / echo_rate:.2f} of the bare echo, {rate / f_rate:.2f} of the filtered "
        "echo (in process, no inbox or HTTP: see benchmarks/telegram_e2e.py)"
    )
    print(
        f"  with the inbox (stored, handled exactly once, marked done; one chat at a time): "
        f"{full_rate:,.0f} updates/s"
    )


async def sender_benchmark(burst: int) -> None:
    if burst <= 0:
        return
    fake = FakeTelegram(enforce_limits=True)
    with tempfile.TemporaryDirectory() as folder:
        db = await Database.open(Path(folder) / "burst.sqlite3")
        try:
            now = datetime.now(UTC)
            async with db.unit() as unit:
                for i in range(burst):
                    await outbox.enqueue(
                        unit,
                        Platform.TELEGRAM,
                        str(100_000 + i),
                        f"Reminder {i}: support ends in 7 days",
                        now=now,
                    )
            async with Server(fake) as server:
                bot = Bot(
                    TOKEN, session=AiohttpSession(api=TelegramAPIServer.from_base(server.url))
                )
                sender = OutboxSender(bot=bot, db=db, limiter=RateLimiter())
                started = time.perf_counter()
                stopping = asyncio.Event()
                task = asyncio.create_task(sender.run(stopping))
                while True:
                    await asyncio.sleep(0.5)
                    async with db.unit() as unit:
                        if await outbox.pending_count(unit, Platform.TELEGRAM) == 0:
                            break
                stopping.set()
                await task
                elapsed = time.perf_counter() - started
                await bot.session.close()
        finally:
            await db.close()
    delivered = len(fake.sent)
    print(f"sender: {burst} messages to distinct chats")
    print(
        f"  delivered {delivered} in {elapsed:.1f} s = {delivered / elapsed:.1f} messages/s, "
        f"429 answers: {fake.rate_limited} (target ≈ 30/s, zero 429)"
    )


async def main(chats: int, rounds: int, burst: int) -> None:
    await dispatch_benchmark(chats, rounds)
    await sender_benchmark(burst)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--burst", type=int, default=3000)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.chats, arguments.rounds, arguments.burst))
