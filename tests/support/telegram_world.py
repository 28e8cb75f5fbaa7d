"""The Telegram channel's tests share this: a real engine on real SQLite, a real aiogram
``Dispatcher`` and ``Bot`` whose session answers from :class:`FakeTelegram`, the inbox
processor and the outbox sender, and three small test flows (a phone question, a document
upload, a question to managers) so the channel is tested apart from the business flows.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiogram import Bot, Dispatcher

from bot.channels.telegram.channel import TelegramChannel
from bot.channels.telegram.courier import Courier
from bot.channels.telegram.files import FileFetcher
from bot.channels.telegram.limits import Limits, RateLimiter
from bot.channels.telegram.managers import ManagerCheck
from bot.channels.telegram.polling import store_updates
from bot.channels.telegram.processor import InboxProcessor
from bot.channels.telegram.sender import OutboxSender
from bot.channels.telegram.topics import ForumTopics
from handlers.desk.cards import file_request
from handlers.desk.desk_actions import DeskActionsFlow
from handlers.desk.manager_desk import Destination, ManagerDesk
from handlers.engine.attachments import FileKind, accept_attachment, problem_text
from handlers.engine.dispatcher import Engine
from handlers.engine.flow import Context, Flow, Step
from handlers.engine.messages import Incoming
from handlers.engine.payloads import Payload
from handlers.flow_list import default_flows
from handlers.flows.rating import RatingFlow
from handlers.flows.relay import RelayFlow
from handlers.policy import Policy
from handlers.rules.dates import local_today
from storage.db import Database
from storage.demo import load_demo
from storage.models import Platform, RequestKind
from tests.support.chat import Clock
from tests.support.telegram_fakes import FakeTelegram
from tests.support.telegram_session import RecordingSession, recording_bot

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # 12:00 in Moscow, a Monday
MANAGER_CHAT = -1001234567890
MANAGER = 777
CUSTOMER = 1001
OTHER = 1002
#: Generous limits: the limiter's own tests use the real numbers with a fake clock.
FAST = Limits(per_second=100_000, private_burst=100_000, group_burst=100_000)


class PhoneFlow(Flow):
    """/phone: asks for the phone with the contact button; tells own from someone else's."""

    name = "tgphone"
    commands = ("/phone",)

    phone = Step()

    async def begin(self, ctx: Context, payload: Payload) -> None:
        await ctx.go(self.phone)

    async def ask_phone(self, ctx: Context) -> None:
        ctx.say("Share your phone <please>", request_contact=True)

    async def on_phone(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if msg.contact is None:
            return False
        if msg.contact.user_id != msg.user_id:
            ctx.say("That is not your own contact; nothing was saved.")
            return True
        ctx.finish()
        ctx.say(f"Your phone {msg.contact.phone} is noted.", (ctx.menu_row(),))
        return True


class UploadFlow(Flow):
    """/upload: files a question and takes a scan for it."""

    name = "tgupload"
    commands = ("/upload",)

    scan = Step()

    async def begin(self, ctx: Context, payload: Payload) -> None:
        request_id = await file_request(ctx, RequestKind.QUESTION, details={"about": "scan"})
        ctx.data["request_id"] = request_id
        await ctx.go(self.scan)

    async def ask_scan(self, ctx: Context) -> None:
        ctx.say("Send the scan as a PDF.")

    async def on_scan(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if not msg.attachments:
            return False
        attachment = msg.attachments[0]
        problem = await accept_attachment(
            ctx,
            attachment,
            request_id=ctx.data["request_id"],
            role="letter",
            kind=FileKind.DOCUMENT,
        )
        if problem is not None:
            ctx.say(problem_text(ctx, problem, FileKind.DOCUMENT))
            return True
        ctx.finish()
        ctx.say(f"Received {attachment.name}.")
        return True


class AskFlow(Flow):
    """/ask: the next text becomes a question to the managers."""

    name = "tgask"
    commands = ("/ask",)

    question = Step()

    async def begin(self, ctx: Context, payload: Payload) -> None:
        await ctx.go(self.question)

    async def ask_question(self, ctx: Context) -> None:
        ctx.say("What is your question?")

    async def on_question(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if not msg.text.strip():
            return False
        request_id = await file_request(
            ctx, RequestKind.QUESTION, details={"question": msg.text.strip()}
        )
        ctx.finish()
        ctx.say(f"Question #{request_id} is with the managers.")
        return True


def test_flows() -> list[Flow]:
    flows = default_flows()
    present = {flow.name for flow in flows}
    for extra in (DeskActionsFlow(), RelayFlow(), RatingFlow()):
        if extra.name not in present:
            flows.append(extra)
    return [*flows, PhoneFlow(), UploadFlow(), AskFlow()]


@dataclass
class World:
    db: Database
    engine: Engine
    fake: FakeTelegram
    bot: Bot
    dispatcher: Dispatcher
    channel: TelegramChannel
    processor: InboxProcessor
    sender: OutboxSender
    topics: ForumTopics | None
    files: FileFetcher
    clock: Clock
    files_dir: Path

    @property
    def session(self) -> RecordingSession:
        assert isinstance(self.bot.session, RecordingSession)
        return self.bot.session

    async def deliver(self, *updates: dict[str, Any]) -> None:
        """Updates arrive (stored in the inbox) and are handled; then the outbox drains."""
        await store_updates(self.db, list(updates), now=self.clock())
        await self.processor.drain()
        await self.sender.drain(until=5)

    async def feed(self, update: dict[str, Any]) -> None:
        await self.deliver(update)

    def calls(self, method: str) -> list[dict[str, Any]]:
        return [params for name, params in self.fake.calls if name == method]


_ids = itertools.count(1)


async def make_world(
    db: Database,
    policy: Policy,
    tmp_path: Path,
    *,
    fake: FakeTelegram | None = None,
    manager_ids: tuple[int, ...] = (MANAGER,),
    manager_chat: int | None = MANAGER_CHAT,
    demo: bool = True,
) -> World:
    if demo:
        report = await load_demo(db, today=local_today(NOW, policy), now=NOW)
        assert report.ok, report.errors
    clock = Clock(NOW)
    fake = fake or FakeTelegram(manager_chat_id=manager_chat)
    bot = recording_bot(fake)
    desk = (
        ManagerDesk((Destination(Platform.TELEGRAM, str(manager_chat)),))
        if manager_chat is not None
        else ManagerDesk.console_only()
    )
    engine = Engine(db, policy, test_flows(), desk=desk, clock=clock)
    limiter = RateLimiter(FAST, clock=lambda: clock().timestamp())
    files_dir = tmp_path / "files"
    files = FileFetcher(bot, db, files_dir, refuse=engine.refuse_upload)
    channel = TelegramChannel(
        bot=bot,
        engine=engine,
        db=db,
        managers=ManagerCheck(bot, manager_ids=manager_ids, manager_chat_id=manager_chat),
        courier=Courier(bot, limiter, max_tries=3),
        manager_chat_id=manager_chat,
        on_files=files.wake.set,
    )
    dispatcher = Dispatcher()
    dispatcher.include_router(channel.router())
    processor = InboxProcessor(
        db=db,
        bot=bot,
        channel=channel,
        manager_chat_id=manager_chat,
        retry_base=0.001,
        clock=clock,
    )
    topics = (
        ForumTopics(bot, db, manager_chat, limiter, clock=clock)
        if manager_chat is not None
        else None
    )
    sender = OutboxSender(
        bot=bot,
        db=db,
        limiter=limiter,
        topics=topics,
        manager_chat_id=manager_chat,
        clock=clock,
    )
    return World(
        db,
        engine,
        fake,
        bot,
        dispatcher,
        channel,
        processor,
        sender,
        topics,
        files,
        clock,
        files_dir,
    )
