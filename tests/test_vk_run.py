"""End to end: ``python -m bot run`` as a subprocess against a fake VK API HTTP server.

A VK customer links by license + serial, gets a renewal quote and books a remote session;
the VK manager takes the card and answers. Then the same with the server answering error 6,
error 10 and dropping connections (before and after processing a call, and long polls):
every message arrives exactly once. Killed with SIGKILL, the bot resumes long polling from
the stored ts and answers what came while it was down. The Callback API mode answers the
confirmation and checks the secret. With Telegram too, a Telegram manager answers a VK
customer.
"""

from __future__ import annotations

import asyncio
import re
import signal
from collections import Counter
from pathlib import Path

import aiohttp
import pytest

from bot.app import manager_desk
from bot.settings import load_settings
from tests.support.telegram_e2e import MANAGER as TG_MANAGER
from tests.support.telegram_e2e import MANAGER_CHAT, BotProcess, Person, prepare_database
from tests.support.telegram_fakes import FakeTelegram, Server
from tests.support.vk_e2e import (
    ANSWER,
    CUSTOMER,
    MANAGER,
    VKBotProcess,
    VKPerson,
    customer_story,
    free_port,
    polling,
    post_when_up,
    vk_environment,
    vk_manager_answers,
)
from tests.support.vk_fake import GROUP_ID, FakeVK, Faults, VKServer


async def run_story(tmp_path: Path, faults: Faults | None = None) -> tuple[FakeVK, dict, str]:
    await prepare_database(tmp_path / "bot.sqlite3")
    fake = FakeVK(enforce_limit=True)
    fake.allowed.add(MANAGER)  # the manager wrote to the community before
    async with VKServer(fake, faults) as server:
        bot = VKBotProcess(tmp_path, server.api_url)
        await bot.start()
        try:
            await polling(fake)
            customer = VKPerson(fake, CUSTOMER)
            story = await customer_story(customer)
            manager = VKPerson(fake, MANAGER, lang_id=0, name=("Мария", "Менеджер"))
            story["answer"] = await vk_manager_answers(manager, customer, story["request"])
        finally:
            code = await bot.stop(signal.SIGTERM)
    assert code == 0, bot.log()
    return fake, story, bot.log()


def received(fake: FakeVK) -> tuple[list[str], Counter[str]]:
    """The customer's messages in order; the manager's as a multiset: messages from the
    manager's own steps, the cards the outbox re-sends and the scheduler's notices (the
    key-run summary at start) interleave by timing, but each must arrive exactly once."""
    return _timeless(fake.texts(CUSTOMER)), Counter(_timeless(fake.texts(MANAGER)))


def _timeless(texts: list[str]) -> list[str]:
    """Cards show when consents were given (the wall clock of each run): the two runs are
    minutes apart, so clock times are compared as a placeholder."""
    return [re.sub(r"\b\d{2}:\d{2}\b", "HH:MM", text) for text in texts]


async def test_vk_customer_and_manager_then_faults_lose_and_repeat_nothing(tmp_path: Path) -> None:
    clean, story, log = await run_story(tmp_path / "clean")
    assert "RUB\u00a08,325" in story["quote"]  # 45 % of 18,500: support ended 45 days ago
    assert "backup review" in story["booked"]
    assert ANSWER in story["answer"]
    assert clean.event_answers  # every callback button was answered
    assert "Traceback" not in log

    faults = Faults(
        rate=0.15,
        seed=3,
        methods=("messages.send", "messages.sendMessageEventAnswer", "groups.getLongPollServer"),
        poll_rate=0.2,
    )
    faulty, _, log = await run_story(tmp_path / "faulty", faults)
    assert {"6", "10", "drop", "lost"} <= set(faults.injected), faults.injected
    assert received(faulty) == received(clean)  # all arrived, none twice


async def test_a_killed_bot_answers_what_came_while_it_was_down(tmp_path: Path) -> None:
    await prepare_database(tmp_path / "bot.sqlite3")
    fake = FakeVK()
    async with VKServer(fake) as server:
        bot = VKBotProcess(tmp_path, server.api_url)
        customer = VKPerson(fake, CUSTOMER)
        await bot.start()
        await polling(fake)
        customer.says("/start")
        await customer.expect("Main menu")
        await bot.kill()
        customer.says("/help")  # while the bot is down
        customer.says("/language")
        await bot.start()
        await customer.expect("What I can do")
        await customer.expect("Choose a language")
        assert await bot.stop() == 0
    texts = fake.texts(CUSTOMER)
    assert len([t for t in texts if "What I can do" in t]) == 1
    assert "resuming at ts" in bot.log()


async def test_callback_api_mode_confirms_checks_the_secret_and_answers_once(
    tmp_path: Path,
) -> None:
    await prepare_database(tmp_path / "bot.sqlite3")
    fake = FakeVK()
    port = free_port()
    async with VKServer(fake) as server:
        bot = VKBotProcess(
            tmp_path,
            server.api_url,
            extra_env={
                "VK_CONFIRMATION_CODE": "c0nf1rm",
                "VK_CALLBACK_SECRET": "callback-secret",
                "VK_CALLBACK_HOST": "127.0.0.1",
                "VK_CALLBACK_PORT": str(port),
            },
        )
        await bot.start()
        try:
            hook = f"http://127.0.0.1:{port}/vk"
            event = fake.message(CUSTOMER, "/start", lang_id=3)
            async with aiohttp.ClientSession() as http:
                confirmation = {"type": "confirmation", "group_id": GROUP_ID}
                assert await post_when_up(http, hook, confirmation) == "c0nf1rm"
                async with http.post(hook, json={**event, "secret": "wrong"}) as response:
                    assert response.status == 403
                for _ in range(2):  # VK sends it again: processed once
                    async with http.post(hook, json={**event, "secret": "callback-secret"}) as r:
                        assert await r.text() == "ok"
            await VKPerson(fake, CUSTOMER).expect("Main menu")
        finally:
            assert await bot.stop() == 0, bot.log()
    assert len([t for t in fake.texts(CUSTOMER) if "Main menu" in t]) == 1
    assert fake.polls == []  # no long polling in Callback API mode


async def test_a_telegram_manager_answers_a_vk_customer(tmp_path: Path) -> None:
    await prepare_database(tmp_path / "bot.sqlite3")
    telegram = FakeTelegram(manager_chat_id=MANAGER_CHAT)
    vk = FakeVK()
    async with Server(telegram) as tg_server, VKServer(vk) as vk_server:
        bot = BotProcess(tmp_path, tg_server.url, extra_env=vk_environment(vk_server.api_url))
        await bot.start()
        try:
            await polling(vk)
            customer = VKPerson(vk, CUSTOMER)
            customer.says("/start")
            await customer.expect("Main menu")
            await customer.presses("Link my account")
            await customer.presses("License and key numbers")
            await customer.expect("license number")
            customer.says("L-1004")
            await customer.expect("serial number")
            customer.says("M-100200")
            await customer.expect("your account is linked")
            customer.says("/menu")
            await customer.expect("Main menu")
            await customer.presses("Renew support")
            await customer.presses("L-1004")
            await customer.expect("Support renewal")
            await customer.presses("Request an invoice")
            filed = await customer.expect("Request #")
            number = int(filed.text.split("Request #", 1)[1].split()[0].rstrip(".:,"))

            manager = Person(telegram, TG_MANAGER, MANAGER_CHAT, language="ru")
            card = await manager.expect(f"Заявка №{number}")
            assert "vk:" not in card.plain or "Сидорова" in card.plain
            manager.presses(card, "Взять")
            await customer.expect("taken into work")
            manager.says(ANSWER, thread_id=card.thread_id)
            answer = await customer.expect("Answer on request #")
            await manager.expect("отправлен клиенту")
        finally:
            assert await bot.stop() == 0, bot.log()
    assert ANSWER in answer.text
    assert not any(ANSWER in text for text in telegram.texts(CUSTOMER))


async def test_a_rejected_token_stops_with_one_line_naming_it(tmp_path: Path) -> None:
    async with VKServer(FakeVK()) as server:
        bot = VKBotProcess(tmp_path, server.api_url, extra_env={"VK_TOKEN": "vk1.a.revoked"})
        await bot.start()
        assert bot.process is not None
        code = await asyncio.wait_for(bot.process.wait(), 60)
    assert code == 2
    assert "Settings error: VK_TOKEN: rejected by the VK API" in bot.log()


def test_the_desk_offers_a_vk_invitation_link_when_the_community_is_known(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # no developer's .env
    monkeypatch.delenv("MANAGER_TELEGRAM_CHAT_ID", raising=False)
    settings = load_settings(vk_token="vk1.a.x", vk_group_id=GROUP_ID, manager_vk_ids=[MANAGER])
    desk = manager_desk(settings, "ru")
    assert ("VK", f"https://vk.me/club{GROUP_ID}?ref={{token}}") in desk.invite_links
    assert [(d.platform.value, d.chat_id) for d in desk.destinations] == [("vk", str(MANAGER))]
