"""``python -m bot run`` as a subprocess against the fake Bot API server (tests/telegram_fakes):
start and stop it (SIGTERM, SIGKILL), and play a customer and a manager step by step."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from handlers.policy import load_policy
from handlers.rules.dates import local_today
from storage.db import Database
from storage.demo import load_demo
from tests.support.telegram_fakes import TOKEN, FakeTelegram, Sent, Server
from tests.support.vendor_policy import ready_policy_file

ROOT = Path(__file__).resolve().parent.parent
MANAGER_CHAT = -1009876543210
MANAGER = 31337
CUSTOMER = 5005
LIMITS_SCALE = 20
CUSTOMER_PHONE = "+79990003344"  # Анна Сидорова of the demo data: a module key, no service


async def prepare_database(path: Path) -> None:
    """The demo data set, as an operator would import it before starting the bot."""
    now = datetime.now(UTC)
    db = await Database.open(path)
    try:
        report = await load_demo(db, today=local_today(now, load_policy()), now=now)
        assert report.ok, report.errors
    finally:
        await db.close()


@dataclass
class BotProcess:
    tmp_path: Path
    api_url: str
    extra_env: dict[str, str] = field(default_factory=dict)
    process: asyncio.subprocess.Process | None = None
    runs: int = 0

    @property
    def log_path(self) -> Path:
        return self.tmp_path / "bot.log"

    @property
    def files_dir(self) -> Path:
        return self.tmp_path / "files"

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
                "TELEGRAM_TOKEN": TOKEN,
                "POLICY_FILE": str(ready_policy_file(self.tmp_path)),
                "TELEGRAM_API_URL": self.api_url,
                "DATABASE_PATH": str(self.tmp_path / "bot.sqlite3"),
                "FILES_DIR": str(self.files_dir),
                "MANAGER_TELEGRAM_CHAT_ID": str(MANAGER_CHAT),
                "MANAGER_TELEGRAM_IDS": str(MANAGER),
                "LOG_LEVEL": "INFO",
                # The test's people answer instantly; real ones leave Telegram's per-chat
                # limits time to refill. The limits themselves are tested on their own.
                "TELEGRAM_LIMITS_SCALE": str(LIMITS_SCALE),
            }
        )
        env.update(self.extra_env)
        return env

    async def start(self) -> None:
        self.runs += 1
        log = self.log_path.open("a", encoding="utf-8")
        log.write(f"\n===== run {self.runs} =====\n")
        log.flush()
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            cwd=self.tmp_path,
            env=self.environment(),
            stdout=log,
            stderr=log,
        )
        log.close()

    async def stop(self, sig: int = signal.SIGTERM, within: float = 30) -> int:
        assert self.process is not None
        if self.process.returncode is None:
            self.process.send_signal(sig)
        return await asyncio.wait_for(self.process.wait(), within)

    async def kill(self) -> None:
        await self.stop(signal.SIGKILL)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8") if self.log_path.exists() else ""


async def until(
    fake: FakeTelegram, check: Callable[[], object], *, within: float = 30, what: str = ""
) -> object:
    """Wait until ``check()`` is truthy (re-checked whenever the fake changes)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        result = check()
        if result:
            return result
        remaining = deadline - loop.time()
        if remaining <= 0:
            raise AssertionError(f"timed out waiting for {what or check}")
        fake.changed.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(fake.changed.wait(), min(remaining, 0.5))


@dataclass
class Person:
    """A customer or manager: acts, then waits for the bot's next message containing a text."""

    fake: FakeTelegram
    user_id: int
    chat_id: int
    language: str = "en"
    seen: int = 0

    def messages(self) -> list[Sent]:
        return self.fake.to(self.chat_id)

    async def expect(self, text: str, *, within: float = 30) -> Sent:
        def found() -> Sent | None:
            for index, sent in enumerate(self.messages()[self.seen :], start=self.seen):
                if text in sent.plain:
                    self.seen = index + 1
                    return sent
            return None

        result = await until(self.fake, found, within=within, what=f"{text!r} in {self.chat_id}")
        assert isinstance(result, Sent)
        return result

    def says(self, text: str, **extra: object) -> None:
        self.fake.message(self.user_id, text, chat_id=self.chat_id, language=self.language, **extra)

    def presses(self, sent: Sent, label: str = "", *, data: str | None = None) -> None:
        self.fake.press(self.user_id, sent, label, language=self.language, data=data)

    def shares_phone(self, phone: str) -> None:
        self.fake.contact(self.user_id, phone, owner=self.user_id, language=self.language)

    def sends_file(self, name: str, content: bytes) -> None:
        self.fake.document(self.user_id, name, content, language=self.language)


async def customer_and_manager_conversation(server: Server) -> dict[str, object]:
    """The issue's end-to-end story: a renewal quote, a loss report with two documents, the
    manager takes it and answers in the request's topic. Returns what it observed."""
    fake = server.fake
    customer = Person(fake, CUSTOMER, CUSTOMER)
    manager = Person(fake, MANAGER, MANAGER_CHAT, language="ru")

    customer.says("/start")
    menu = await customer.expect("Main menu")
    customer.presses(menu, data="1:go:linking")
    await customer.expect("Link your account")
    customer.shares_phone(CUSTOMER_PHONE)
    await customer.expect("your account is linked")

    customer.says("/menu")
    menu = await customer.expect("Main menu")
    customer.presses(menu, "Renew support")
    licenses = await customer.expect("Choose the license")
    customer.presses(licenses, "L-1004")
    quote = await customer.expect("Support renewal")

    customer.says("/menu")
    menu = await customer.expect("Main menu")
    customer.presses(menu, "Key lost")
    consent = await customer.expect("consent")
    customer.presses(consent, "I consent")
    keys = await customer.expect("Choose the key")
    customer.presses(keys, "M-100200")
    what = await customer.expect("What happened?")
    customer.presses(what, "Lost")
    confirm = await customer.expect("Report protection module M-100200 as lost?")
    customer.presses(confirm, "Yes, report it")
    await customer.expect("Document 1 of 2")
    customer.sends_file("letter.pdf", b"%PDF-1.4 letter on letterhead")
    await customer.expect("Document 2 of 2")
    customer.sends_file("act.pdf", b"%PDF-1.4 act of write-off")
    done = await customer.expect("Both documents received")
    number = done.plain.split("Request #", 1)[1].split()[0]

    card = await manager.expect(f"Заявка №{number}: утеря")
    while "Файлы (2)" not in card.plain:
        card = await manager.expect(f"Заявка №{number}: утеря")
    manager.presses(card, "Взять")
    await customer.expect("taken into work")
    manager.says("Счёт на новый модуль отправим сегодня.", thread_id=card.thread_id)
    answer = await customer.expect("Answer on request #")
    await until(
        fake,
        lambda: (
            any("отправлен клиенту" in t for t in fake.texts(MANAGER_CHAT))
            and any("ждёт ответа клиента" in t for t in fake.texts(MANAGER_CHAT))
        ),
        what="the manager's confirmation and the card's new status",
    )
    return {
        "quote": quote.plain,
        "card": card.plain,
        "answer": answer.plain,
        "request": int(number),
        "thread": card.thread_id,
    }
