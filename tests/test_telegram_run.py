"""End to end: ``python -m bot run`` as a subprocess against a fake Bot API HTTP server.

A customer links their account, gets a renewal quote and files a loss report with two
documents; the manager takes it and answers in the request's forum topic. Then the same
with the server failing at random (429 with retry_after, 500s, connections dropped before
the request is processed): every message arrives, none twice. And the bot killed with
SIGKILL mid-conversation and started again loses no customer message.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import aiohttp

from tests.support.telegram_e2e import (
    CUSTOMER,
    LIMITS_SCALE,
    MANAGER_CHAT,
    ROOT,
    BotProcess,
    Person,
    customer_and_manager_conversation,
    prepare_database,
    until,
)
from tests.support.telegram_fakes import FakeTelegram, Faults, Server
from tests.support.vendor_policy import ready_policy_file


def received(fake: FakeTelegram) -> dict[int, Counter[str]]:
    """What each chat received, as a multiset: the answers to a manager's action (sent at
    once) and the card it changed (sent by the outbox) may arrive in either order."""
    return {chat: Counter(fake.texts(chat)) for chat in (CUSTOMER, MANAGER_CHAT)}


async def run_story(tmp_path: Path, faults: Faults | None = None) -> tuple[Server, Any, str]:
    await prepare_database(tmp_path / "bot.sqlite3")
    fake = FakeTelegram(
        manager_chat_id=MANAGER_CHAT, enforce_limits=True, limits_scale=LIMITS_SCALE
    )
    async with Server(fake, faults) as server:
        bot = BotProcess(tmp_path, server.url)
        await bot.start()
        try:
            story = await customer_and_manager_conversation(server)
            files = tmp_path / "files"
            await until(fake, lambda: len(list(files.rglob("*.pdf"))) == 2, what="downloads")
        finally:
            code = await bot.stop(signal.SIGTERM)
    assert code == 0, bot.log()
    return server, story, bot.log()


async def test_customer_and_manager_through_python_m_bot_run_then_with_faults(
    tmp_path: Path,
) -> None:
    clean, story, log = await run_story(tmp_path / "clean")
    fake = clean.fake
    assert "RUB\u00a08,325" in story["quote"]  # 45 % of 18,500: support ended 45 days ago
    assert "letter.pdf, act.pdf" in story["card"]
    assert "Счёт на новый модуль отправим сегодня." in story["answer"]
    assert fake.topics[story["thread"]].startswith(f"№{story['request']} ")
    stored = sorted((tmp_path / "clean" / "files").rglob("*.pdf"))
    assert sorted(p.read_bytes() for p in stored) == [
        b"%PDF-1.4 act of write-off",
        b"%PDF-1.4 letter on letterhead",
    ]
    assert {c["language_code"] for c in fake.commands if c.get("language_code")} == {
        "ru",
        "en",
        "bg",
    }
    assert fake.webhook is None  # long polling by default
    assert fake.rate_limited == 0
    assert "Traceback" not in log

    # The same story with the server failing at random before processing a request.
    faults = Faults(every=7, rate=0.05, seed=11)
    faulty, _, log = await run_story(tmp_path / "faulty", faults)
    assert sum(faults.injected.values()) >= 6, faults.injected
    assert set(faults.injected) == {"429", "500", "drop"}
    assert received(faulty.fake) == received(clean.fake)  # all arrived, none twice
    if {"sendMessage", "sendDocument"} & set(faults.dropped):
        assert "possible duplicate" in log  # a dropped send is ambiguous to the bot
    stored = sorted((tmp_path / "faulty" / "files").rglob("*.pdf"))
    assert len(stored) == 2


async def test_sigkill_mid_conversation_loses_no_customer_message(tmp_path: Path) -> None:
    await prepare_database(tmp_path / "bot.sqlite3")
    fake = FakeTelegram(manager_chat_id=MANAGER_CHAT)
    async with Server(fake) as server:
        bot = BotProcess(tmp_path, server.url)
        customer = Person(fake, CUSTOMER, CUSTOMER)
        await bot.start()
        customer.says("/start")
        menu = await customer.expect("Main menu")

        # 1. Killed while answering: the step is handled, its answer is on its way.
        answering = asyncio.Event()
        release = asyncio.Event()

        async def hold_help(method: str, params: dict[str, Any]) -> None:
            if method == "sendMessage" and "What I can do" in str(params.get("text", "")):
                answering.set()
                await release.wait()
                raise ConnectionAbortedError  # the bot is gone: this answer never arrives

        server.gates.append(hold_help)
        customer.presses(menu, "Help")
        await asyncio.wait_for(answering.wait(), 30)
        await bot.kill()
        server.gates.clear()
        release.set()
        await bot.start()
        await customer.expect("What I can do")

        # 2. Killed right after Telegram handed the update over.
        customer.says("/language")
        update_id = fake.updates[-1]["update_id"]
        await until(fake, lambda: update_id in fake.served, what="the update handed over")
        await bot.kill()
        await bot.start()
        await customer.expect("Choose a language")

        # 3. Killed while idle, a message arrives while it is down.
        await bot.kill()
        customer.says("/help")
        await bot.start()
        await customer.expect("What I can do")
        assert await bot.stop() == 0
    log = bot.log()
    assert "sending its answers again" in log or "sending it again" in log


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_webhook_mode_checks_the_secret_and_answers(tmp_path: Path) -> None:
    await prepare_database(tmp_path / "bot.sqlite3")
    fake = FakeTelegram(manager_chat_id=MANAGER_CHAT)
    port = free_port()
    async with Server(fake) as server:
        bot = BotProcess(
            tmp_path,
            server.url,
            extra_env={
                "TELEGRAM_WEBHOOK_URL": "https://bot.example.invalid/telegram/hook",
                "TELEGRAM_WEBHOOK_SECRET": "Webhook_secret-1",
                "TELEGRAM_WEBHOOK_HOST": "127.0.0.1",
                "TELEGRAM_WEBHOOK_PORT": str(port),
            },
        )
        await bot.start()
        try:
            await until(fake, lambda: fake.webhook is not None, what="setWebhook")
            assert fake.webhook is not None
            assert fake.webhook["url"] == "https://bot.example.invalid/telegram/hook"
            assert fake.webhook["secret_token"] == "Webhook_secret-1"
            hook = f"http://127.0.0.1:{port}/telegram/hook"
            update = fake.message(CUSTOMER, "/start", language="en")
            fake.updates.clear()  # delivered by webhook, not by getUpdates
            async with aiohttp.ClientSession() as http:
                async with http.post(hook, json=update) as response:
                    assert response.status == 403
                headers = {"X-Telegram-Bot-Api-Secret-Token": "Webhook_secret-1"}
                for _ in range(2):  # Telegram retries: the repeat changes nothing
                    async with http.post(hook, json=update, headers=headers) as response:
                        assert response.status == 200
            await Person(fake, CUSTOMER, CUSTOMER).expect("Main menu")
        finally:
            assert await bot.stop() == 0, bot.log()
    assert len([t for t in fake.texts(CUSTOMER) if "Main menu" in t]) == 1
    assert not any(method == "getUpdates" for method, _ in fake.calls)


def test_run_without_a_token_says_what_to_set(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "VK_"))},
            "PYTHONPATH": str(ROOT),
            "DATABASE_PATH": str(tmp_path / "bot.sqlite3"),
            "POLICY_FILE": str(ready_policy_file(tmp_path)),
        },
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "Nothing to run: set TELEGRAM_TOKEN" in result.stderr


async def test_a_rejected_token_stops_with_one_line_naming_it(tmp_path: Path) -> None:
    fake = FakeTelegram()
    fake.fail_next("getMe", 401, "Unauthorized")
    async with Server(fake) as server:
        bot = BotProcess(tmp_path, server.url)
        await bot.start()
        assert bot.process is not None
        code = await asyncio.wait_for(bot.process.wait(), 60)
    assert code == 2
    assert "Settings error: TELEGRAM_TOKEN: rejected by the Bot API" in bot.log()
