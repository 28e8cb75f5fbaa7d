"""``python -m bot run`` as a subprocess against the fake VK API server (tests/vk_fake): the
process, and people — a VK customer and a VK manager — acting step by step."""

from __future__ import annotations

import asyncio
import os
import socket
from dataclasses import dataclass

import aiohttp

from tests.support.telegram_e2e import ROOT, BotProcess, until
from tests.support.vendor_policy import ready_policy_file
from tests.support.vk_fake import GROUP_ID, TOKEN, FakeVK, SentVK

CUSTOMER = 6006
MANAGER = 9009
PROBLEM = "The program crashes when I open the March report."
ANSWER = "Перезвоню вам за час до начала и проверю копию."


@dataclass
class VKBotProcess(BotProcess):
    """The bot with only the VK channel (``api_url`` is the fake's /method/ address)."""

    def environment(self) -> dict[str, str]:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("TELEGRAM_", "VK_", "MANAGER_", "DATABASE_", "POLICY_"))
        }
        env.update(
            {
                "PYTHONUTF8": "1",
                "PYTHONPATH": str(ROOT),
                **vk_environment(self.api_url),
                "POLICY_FILE": str(ready_policy_file(self.tmp_path)),
                "DATABASE_PATH": str(self.tmp_path / "bot.sqlite3"),
                "FILES_DIR": str(self.files_dir),
                "MANAGER_VK_IDS": str(MANAGER),
                "LOG_LEVEL": "INFO",
            }
        )
        env.update(self.extra_env)
        return env


async def polling(fake: FakeVK, *, within: float = 60) -> None:
    """Wait until the bot polls VK: on its very first start it begins at VK's current ts
    (as VK intends), so a test's first message must come after that."""
    count = len(fake.polls)
    await until(fake, lambda: len(fake.polls) > count, within=within, what="a long poll")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def post_when_up(
    http: aiohttp.ClientSession, url: str, body: dict, within: float = 30
) -> str:
    """POST ``body`` once the subprocess's endpoint accepts connections; its answer."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        try:
            async with http.post(url, json=body) as response:
                return await response.text()
        except aiohttp.ClientConnectorError:
            if loop.time() > deadline:
                raise
            await asyncio.sleep(0.1)  # the subprocess is still starting


def vk_environment(api_url: str) -> dict[str, str]:
    return {"VK_TOKEN": TOKEN, "VK_GROUP_ID": str(GROUP_ID), "VK_API_URL": api_url}


@dataclass
class VKPerson:
    """Someone writing to the community; waits for the bot's next message containing a text."""

    fake: FakeVK
    user_id: int
    lang_id: int = 3
    name: tuple[str, str] = ("Анна", "Сидорова")
    seen: int = 0

    def messages(self) -> list[SentVK]:
        return self.fake.to(self.user_id)

    async def expect(self, text: str, *, within: float = 30) -> SentVK:
        def found() -> SentVK | None:
            for index, sent in enumerate(self.messages()[self.seen :], start=self.seen):
                if text in sent.text:
                    self.seen = index + 1
                    return sent
            return None

        result = await until(self.fake, found, within=within, what=f"{text!r} to {self.user_id}")
        assert isinstance(result, SentVK)
        return result

    async def expect_button(self, label: str, *, within: float = 30) -> SentVK:
        """The next message (from the last expected one on) with a button ``label``."""

        def found() -> SentVK | None:
            start = max(self.seen - 1, 0)
            for index, sent in enumerate(self.messages()[start:], start=start):
                if any(label in button for button, _, _ in sent.buttons):
                    self.seen = max(self.seen, index + 1)
                    return sent
            return None

        result = await until(self.fake, found, within=within, what=f"button {label!r}")
        assert isinstance(result, SentVK)
        return result

    def says(self, text: str) -> None:
        self.fake.message(self.user_id, text, lang_id=self.lang_id, name=self.name)

    async def presses(self, label: str, sent: SentVK | None = None) -> None:
        sent = sent or await self.expect_button(label)
        self.fake.press(self.user_id, sent, label)

    async def presses_first(self) -> str:
        """Press the first button of the last message that has buttons; returns its label."""
        sent = next(s for s in reversed(self.messages()[: self.seen]) if s.buttons)
        label = sent.buttons[0][0]
        self.fake.press(self.user_id, sent, label)
        return label


async def customer_story(customer: VKPerson) -> dict[str, object]:
    """A VK customer links by license + serial, gets a renewal quote and books a remote
    session. Returns what they saw."""
    customer.says("/start")
    await customer.expect("Main menu")
    await customer.presses("Link my account")
    await customer.expect("VK does not pass on a verified phone number")
    await customer.presses("License and key numbers")
    await customer.expect("license number")
    customer.says("L-1004")
    await customer.expect("serial number")
    customer.says("M-100200")
    await customer.expect("your account is linked")

    customer.says("/menu")
    await customer.expect("Main menu")
    await customer.presses("Renew support")
    await customer.expect("Choose the license")
    await customer.presses("L-1004")
    quote = await customer.expect("Support renewal")

    customer.says("/menu")
    await customer.expect("Main menu")
    await customer.presses("Remote session")
    await customer.expect("A remote session")
    await customer.presses("Backup review")
    await customer.expect("Describe the problem")
    customer.says(PROBLEM)
    await customer.expect("consent")
    await customer.presses("I consent")
    await customer.expect("A phone number")
    await customer.presses("Use +79990003344")
    await customer.expect("Choose the day")
    await customer.presses_first()
    await customer.expect("choose the start time")
    await customer.presses_first()
    await customer.expect("Roughly how long")
    await customer.presses("1 hour")
    # A backup review's one consent: to pay for the consultant's time (no connection).
    await customer.expect("A backup review is paid")
    await customer.presses("I agree to pay")
    await customer.expect("Please check your booking")
    await customer.presses("Confirm the booking")
    booked = await customer.expect("you are booked")
    number = int(booked.text.split("Request #", 1)[1].split(":", 1)[0])
    return {"quote": quote.text, "booked": booked.text, "request": number}


async def vk_manager_answers(manager: VKPerson, customer: VKPerson, number: int) -> str:
    """The VK manager takes the booking's card and answers; returns what the customer got."""
    card = await manager.expect(f"Заявка №{number}: удалённая консультация")
    await manager.presses("Взять", card)
    await customer.expect("taken into work")
    card = await manager.expect(f"Заявка №{number}: удалённая консультация — в работе")
    await manager.presses("Ответить", card)
    await manager.expect(f"№{number}")
    manager.says(ANSWER)
    answer = await customer.expect("Answer on request #")
    await manager.expect("отправлен клиенту")
    return answer.text
