"""End to end over HTTP: ``python -m bot run`` against two aiogram echo bots, same fake Bot API.

    .venv/bin/python benchmarks/telegram_e2e.py [--customers 100] [--rounds 5] [--repeat 5]

Three bots, each in its own process, each long-polling its own fake Bot API HTTP server
(``tests/support/telegram_fakes.py``; the three servers run in this process):

* **the bot**: ``python -m bot run`` (polling, inbox, engine, outbox sender, aiohttp) with the
  demo data and a ready vendor policy; ``--customers`` linked customers each go ``--rounds``
  times through /menu → "Renew support" → a license (the quote) → back to the main menu
  (one message and three button presses). Telegram's per-chat and global limits are
  scaled up 1,000 times (``TELEGRAM_LIMITS_SCALE``): the limits are Telegram's, not speed.
* **(a) echo**: an aiogram 3 bot (``Dispatcher.start_polling``) answering a message with its
  text and a button press with ``answerCallbackQuery``, topped up with ``sendMessage`` calls
  to make as many API calls per update as the bot made (counted on the fake server);
* **(b) echo + INSERT**: the same echo that also does one aiosqlite INSERT + COMMIT per
  update (WAL, ``synchronous=NORMAL``: the bot's own settings).

How it measures:

1. The bot starts, handles ``--warmup`` rounds of every customer (not timed), then its first
   timed batch; the API calls per update of that batch are what the echo bots make. The
   echo bots start and are warmed up the same way.
2. Timed batches then go in turn, bot, (a), (b), bot, (a), (b)…, ``--repeat`` batches each:
   a batch is ``--rounds`` rounds of every customer queued at once (the same updates, the
   same callback data, for all three), timed from queueing to the last API call the bot
   makes for them. Only one bot works at a time; the other two wait in a long poll.
3. Printed: each bot's median updates/s (and its batches' range), API calls per update,
   and the ratios of the medians, bot/(a) and bot/(b). The target is the ratio of the
   medians to (b). Taking turns puts a slowdown of the shared machine on all three alike;
   the medians keep one unlucky batch from deciding.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import os
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.support.telegram_e2e import MANAGER_CHAT, BotProcess, prepare_database
from tests.support.telegram_fakes import TOKEN, FakeTelegram, Sent, Server

FIRST_CHAT = 10_000
RENEWAL_QUOTE = "Support renewal"


class CountingTelegram(FakeTelegram):
    """The fake Bot API that also counts the calls a bot makes for customers' updates and
    notes when the last one came."""

    def __init__(self) -> None:
        super().__init__(manager_chat_id=MANAGER_CHAT)
        self.answered = 0
        self.last_answer = 0.0

    def answer(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        result = super().answer(method, params)
        if method not in {"getUpdates", "getMe", "getChat", "getChatMember", "setMyCommands"}:
            chat = params.get("chat_id")
            if method == "answerCallbackQuery" or (chat is not None and int(chat) >= FIRST_CHAT):
                self.answered += 1
                self.last_answer = time.perf_counter()
        return result


def queue_round(fake: FakeTelegram, customers: int, license_payload: str) -> int:
    """One round of every customer, interleaved; returns the number of updates."""
    count = 0
    for step in ("/menu", "1:go:renewal", license_payload, "1:menu"):
        for chat in range(FIRST_CHAT, FIRST_CHAT + customers):
            if step.startswith("/"):
                fake.message(chat, step, language="en")
            else:
                fake.press(chat, Sent("sendMessage", chat, 1, "menu"), "", language="en", data=step)
            count += 1
    return count


async def settled(fake: CountingTelegram, quiet: float = 1.0, within: float = 600) -> None:
    """Until every update was fetched and no answer came for ``quiet`` seconds."""
    deadline = time.perf_counter() + within
    while time.perf_counter() < deadline:
        await asyncio.sleep(0.1)
        fetched = not fake.updates or (
            fake.served and fake.served[-1] >= fake.updates[-1]["update_id"]
        )
        if fetched and time.perf_counter() - max(fake.last_answer, 0) >= quiet:
            return
    raise AssertionError("the bot did not finish its work")


@dataclass
class Measured:
    name: str
    updates: int
    seconds: float
    calls: int

    @property
    def rate(self) -> float:
        return self.updates / self.seconds

    @property
    def calls_per_update(self) -> float:
        return self.calls / self.updates


@dataclass
class Contender:
    """One bot under test: its fake server, what it is shown, and its timed batches."""

    name: str
    label: str
    fake: CountingTelegram
    customers: int
    license_payload: str
    batches: list[Measured] = field(default_factory=list)

    async def warm_up(self, rounds: int) -> None:
        for _ in range(rounds):
            queue_round(self.fake, self.customers, self.license_payload)
        await settled(self.fake)

    async def timed_batch(self, rounds: int) -> Measured:
        calls_before = self.fake.answered
        started = time.perf_counter()
        updates = sum(
            queue_round(self.fake, self.customers, self.license_payload) for _ in range(rounds)
        )
        await settled(self.fake)
        batch = Measured(
            self.name,
            updates,
            self.fake.last_answer - started,
            self.fake.answered - calls_before,
        )
        self.batches.append(batch)
        return batch

    @property
    def median_rate(self) -> float:
        return statistics.median(batch.rate for batch in self.batches)


async def link_customers(database: Path, customers: int) -> str:
    """Linked Telegram chats for the demo customer; returns a license button's payload."""
    from storage import accounts
    from storage import customers as customer_rows
    from storage.db import Database
    from storage.demo import DEMO_CUSTOMER_PHONE
    from storage.models import Platform

    now = datetime.now(UTC)
    db = await Database.open(database)
    try:
        async with db.unit() as unit:
            customer = await customer_rows.find_by_phone(unit, DEMO_CUSTOMER_PHONE)
            assert customer is not None
            for chat in range(FIRST_CHAT, FIRST_CHAT + customers):
                account = await accounts.create(
                    unit, Platform.TELEGRAM, str(chat), language="en", display_name="bench", now=now
                )
                await accounts.link_customer(unit, account.id, customer.id, method="demo")
            row = await unit.fetchone(
                "SELECT MIN(id) FROM licenses WHERE customer_id = ?", (customer.id,)
            )
    finally:
        await db.close()
    assert row is not None
    return f"1:renewal.lic:{row[0]}"


async def start_echo(
    stack: contextlib.AsyncExitStack, folder: Path, name: str, calls: float, database: bool
) -> CountingTelegram:
    """An echo bot polling a fake server of its own; stopped when ``stack`` closes."""
    fake = CountingTelegram()
    server = await stack.enter_async_context(Server(fake))
    command = [sys.executable, __file__, "echo", server.url, "--calls", repr(calls)]
    if database:
        command += ["--database", str(folder / f"{name}.sqlite3")]
    log = (folder / f"{name}.log").open("w", encoding="utf-8")
    process = await asyncio.create_subprocess_exec(*command, stdout=log, stderr=log)
    log.close()

    async def stop() -> None:
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), 30)

    stack.push_async_callback(stop)
    return fake


async def main(customers: int, rounds: int, warmup: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        async with contextlib.AsyncExitStack() as stack:
            bot_folder = folder / "bot"
            await asyncio.to_thread(bot_folder.mkdir)
            await prepare_database(bot_folder / "bot.sqlite3")
            payload = await link_customers(bot_folder / "bot.sqlite3", customers)
            fake = CountingTelegram()
            server = await stack.enter_async_context(Server(fake))
            process = BotProcess(
                bot_folder, server.url, extra_env={"TELEGRAM_LIMITS_SCALE": "1000"}
            )
            await process.start()

            async def stop_bot() -> None:
                assert await process.stop() == 0, process.log()[-3000:]

            stack.push_async_callback(stop_bot)
            bot = Contender("bot", "the bot (python -m bot run)", fake, customers, payload)
            await bot.warm_up(warmup)
            calls = (await bot.timed_batch(rounds)).calls_per_update
            contenders = [bot]
            for name, label, database in (
                ("echo", "(a) aiogram echo", False),
                ("echo-insert", "(b) aiogram echo + aiosqlite INSERT/COMMIT", True),
            ):
                echo_fake = await start_echo(stack, folder, name, calls, database)
                contender = Contender(name, label, echo_fake, customers, payload)
                await contender.warm_up(warmup)
                contenders.append(contender)
            for turn in range(repeat):
                for contender in contenders:
                    if turn == 0 and contender is bot:
                        continue  # its first batch was timed above
                    await contender.timed_batch(rounds)
        quotes = sum(
            1
            for chat in range(FIRST_CHAT, FIRST_CHAT + customers)
            for text in fake.texts(chat)
            if RENEWAL_QUOTE in text
        )
        expected = customers * (rounds * repeat + warmup)
        assert quotes == expected, f"{quotes} quotes sent, {expected} expected"
    report(contenders, customers, rounds, repeat)


# -- the echo bots (run in their own process: ``telegram_e2e.py echo URL``) ----------------


async def echo_bot(url: str, calls: float, database: Path | None) -> None:
    import aiosqlite
    from aiogram import Bot, Dispatcher, Router
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer
    from aiogram.types import CallbackQuery, Message, Update

    connection = None
    if database is not None:
        connection = await aiosqlite.connect(database)
        await connection.execute("PRAGMA journal_mode = WAL")
        await connection.execute("PRAGMA synchronous = NORMAL")
        await connection.execute(
            "CREATE TABLE IF NOT EXISTS updates (update_id INTEGER PRIMARY KEY, body TEXT)"
        )
        await connection.commit()

    def calls_for(update_id: int) -> int:
        """As many calls as the bot made on average, spread evenly over the updates."""
        return math.floor((update_id + 1) * calls) - math.floor(update_id * calls)

    router = Router()

    async def remember(update: Update) -> None:
        if connection is not None:
            await connection.execute(
                "INSERT INTO updates (update_id, body) VALUES (?, ?)",
                (update.update_id, update.model_dump_json(exclude_none=True)),
            )
            await connection.commit()

    async def echo_message(message: Message, event_update: Update) -> None:
        await remember(event_update)
        for _ in range(calls_for(event_update.update_id)):
            await message.answer(message.text or "…")

    async def echo_press(query: CallbackQuery, event_update: Update) -> None:
        await remember(event_update)
        count = calls_for(event_update.update_id)
        if count:
            await query.answer()
        assert query.message is not None
        for _ in range(count - 1):
            await query.message.answer(query.data or "…")

    router.message.register(echo_message)
    router.callback_query.register(echo_press)
    dispatcher = Dispatcher()
    dispatcher.include_router(router)
    bot = Bot(TOKEN, session=AiohttpSession(api=TelegramAPIServer.from_base(url)))
    try:
        await dispatcher.start_polling(bot, polling_timeout=1)
    finally:
        if connection is not None:
            await connection.close()


def report(contenders: list[Contender], customers: int, rounds: int, repeat: int) -> None:
    bot, bare, inserting = contenders
    print(
        f"telegram e2e: {customers} customers × {rounds} rounds of /menu → Renew support → "
        f"license (quote) → menu = {bot.batches[0].updates} updates per batch, over HTTP, "
        f"each bot in its own process; {repeat} batches each, in turn (bot, a, b, bot, a, b…)"
    )
    for contender in contenders:
        rates = sorted(batch.rate for batch in contender.batches)
        calls = {f"{batch.calls_per_update:.2f}" for batch in contender.batches}
        print(
            f"  {contender.label:<44} {contender.median_rate:8,.0f} updates/s median  "
            f"({rates[0]:,.0f}–{rates[-1]:,.0f}; {', '.join(sorted(calls))} API calls/update)"
        )
    print(
        f"  ratio of the medians bot/(a): {bot.median_rate / bare.median_rate:.2f}   "
        f"bot/(b): {bot.median_rate / inserting.median_rate:.2f}"
    )
    print(
        f"  (os.cpu_count() = {os.cpu_count()}; the fake servers share the machine with the bots)"
    )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "echo":
        parser = argparse.ArgumentParser()
        parser.add_argument("mode")
        parser.add_argument("url")
        parser.add_argument("--calls", type=float, required=True)
        parser.add_argument("--database", type=Path)
        echo_args = parser.parse_args()
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(echo_bot(echo_args.url, echo_args.calls, echo_args.database))
    else:
        parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
        parser.add_argument("--customers", type=int, default=100)
        parser.add_argument("--rounds", type=int, default=5)
        parser.add_argument("--warmup", type=int, default=1)
        parser.add_argument("--repeat", type=int, default=5)
        args = parser.parse_args()
        asyncio.run(main(args.customers, args.rounds, args.warmup, args.repeat))
