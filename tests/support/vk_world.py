"""The VK channel's tests share this: a real engine on real SQLite with every flow, vkbottle's
API pointed at the fake VK server (``API_URL``), the vkbottle bot's router fed by the inbox
processor, the outbox sender and file downloads — everything but the network.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.channels.vk.api import CommunityAPI, RequestLimit
from bot.channels.vk.channel import VKChannel
from bot.channels.vk.files import FileFetcher
from bot.channels.vk.polling import store_events
from bot.channels.vk.processor import InboxProcessor, chat_key
from bot.channels.vk.sender import OutboxSender
from handlers.desk.cards import file_request
from handlers.desk.manager_desk import Destination, ManagerDesk
from handlers.engine.attachments import FileKind, accept_attachment, problem_text
from handlers.engine.dispatcher import Engine
from handlers.engine.flow import Context, Flow, Step
from handlers.engine.messages import Incoming
from handlers.engine.payloads import Payload
from handlers.flow_list import default_flows
from handlers.policy import Policy
from handlers.rules.dates import local_today
from storage.db import Database
from storage.demo import load_demo
from storage.models import Platform, RequestKind
from tests.support.chat import Clock
from tests.support.vk_fake import GROUP_ID, TOKEN, FakeVK, Faults, SentVK, VKServer

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # 12:00 in Moscow, a Monday
CUSTOMER = 5001
OTHER = 5002
MANAGER = 9001


class UploadFlow(Flow):
    """/upload: files a question and takes a scan for it (the channel's file handling)."""

    name = "vkupload"
    commands = ("/upload",)

    scan = Step()

    async def begin(self, ctx: Context, payload: Payload) -> None:
        request_id = await file_request(ctx, RequestKind.QUESTION, details={"about": "scan"})
        ctx.data["request_id"] = request_id
        await ctx.go(self.scan)

    async def ask_scan(self, ctx: Context) -> None:
        ctx.say("Send the scan as a PDF, JPG or PNG.")

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
        ctx.say(f"Received {attachment.name} ({attachment.size} bytes).")
        return True


def fast_limit() -> RequestLimit:
    """VK's 20 requests a second and its error-6 pauses, with time running 1000× faster."""
    return RequestLimit(clock=lambda: time.monotonic() * 1000)


@dataclass
class VKWorld:
    db: Database
    policy: Policy
    clock: Clock
    fake: FakeVK
    server: VKServer
    api: CommunityAPI
    engine: Engine
    channel: VKChannel
    processor: InboxProcessor
    sender: OutboxSender
    files: FileFetcher
    tmp_path: Path

    async def feed(self, *events: dict[str, Any]) -> None:
        """VK delivers ``events``: stored, handled, the answers sent."""
        await store_events(self.db, list(events), now=self.clock())
        await self.settle()

    async def settle(self) -> None:
        await self.processor.drain()
        await self.sender.drain()

    def says(self, user_id: int, text: str, **extra: Any) -> dict[str, Any]:
        return self.fake.message(user_id, text, **extra)

    async def talk(self, user_id: int, text: str, **extra: Any) -> list[SentVK]:
        """``user_id`` writes ``text``; returns what the bot sent them in answer."""
        before = len(self.fake.to(user_id))
        await self.feed(self.fake.message(user_id, text, **extra))
        return self.fake.to(user_id)[before:]

    async def feed_and_read(self, event: dict[str, Any]) -> list[SentVK]:
        """VK delivers ``event``; returns what the bot sent to that chat in answer."""
        peer = int(chat_key(event))
        before = len(self.fake.to(peer))
        await self.feed(event)
        return self.fake.to(peer)[before:]

    async def press(self, user_id: int, sent: SentVK, label: str, **extra: Any) -> list[SentVK]:
        before = len(self.fake.to(user_id))
        await self.feed(self.fake.press(user_id, sent, label, **extra))
        return self.fake.to(user_id)[before:]


@asynccontextmanager
async def vk_world(
    db: Database,
    policy: Policy,
    tmp_path: Path,
    *,
    demo: bool = True,
    faults: Faults | None = None,
    managers: tuple[int, ...] = (MANAGER,),
) -> AsyncIterator[VKWorld]:
    clock = Clock(NOW)
    if demo:
        report = await load_demo(db, today=local_today(NOW, policy), now=NOW)
        assert report.ok, report.errors
    fake = FakeVK()
    fake.allowed.update(managers)  # managers wrote to the community before
    async with VKServer(fake, faults) as server:
        api = CommunityAPI(TOKEN, api_url=server.api_url, limit=fast_limit())
        destinations = tuple(Destination(Platform.VK, str(m)) for m in managers)
        desk = ManagerDesk(
            destinations or ManagerDesk.console_only().destinations,
            files_dir=tmp_path / "exports",
            invite_links=(("VK", f"https://vk.me/club{GROUP_ID}?ref={{token}}"),),
        )
        engine = Engine(
            db,
            policy,
            [*default_flows(files_dir=tmp_path / "files"), UploadFlow()],
            desk=desk,
            clock=clock,
        )
        files = FileFetcher(db, policy, tmp_path / "files", refuse=engine.refuse_upload)
        sender = OutboxSender(api=api, db=db, policy=policy, desk=desk, clock=clock, retry_base=1.0)
        channel = VKChannel(
            api=api,
            engine=engine,
            db=db,
            files=files,
            manager_ids=managers,
            on_queued=sender.wake.set,
            on_files=files.wake.set,
            clock=clock,
        )
        processor = InboxProcessor(db=db, channel=channel, desk=desk, retry_base=0.001, clock=clock)
        world = VKWorld(
            db=db,
            policy=policy,
            clock=clock,
            fake=fake,
            server=server,
            api=api,
            engine=engine,
            channel=channel,
            processor=processor,
            sender=sender,
            files=files,
            tmp_path=tmp_path,
        )
        try:
            yield world
        finally:
            await api.close()
            await files.close()
