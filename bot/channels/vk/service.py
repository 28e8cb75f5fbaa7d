"""The VK channel as one service of ``python -m bot run``.

Builds the community's API (every call through ``VK_API_URL``, within the token's request
limit), the vkbottle bot and the inbox processor, the outbox sender and file downloads,
then receives events by Bots Long Poll, or by the Callback API endpoint when
``VK_CONFIRMATION_CODE`` is set.

Stopping (SIGTERM/SIGINT): receiving stops first (a long poll in progress is abandoned —
its events were not stored and the stored ``ts`` still points before them; the Callback
API endpoint closes, and VK retries what it did not get "ok" for); the events in hand are
finished; sends in flight complete and are recorded; the rest waits in the inbox and the
outbox for the next start.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from aiohttp import web

from bot.app import App
from bot.channels.api_wait import STOPPED, until_answered
from bot.channels.vk.api import CommunityAPI
from bot.channels.vk.callback import callback_app
from bot.channels.vk.channel import VKChannel
from bot.channels.vk.errors import AUTH_FAILED, code_of, describe
from bot.channels.vk.files import FileFetcher
from bot.channels.vk.polling import LongPoller, store_events
from bot.channels.vk.processor import InboxProcessor
from bot.channels.vk.sender import OutboxSender
from bot.health import POLLER_LIMIT, SENDER_LIMIT
from bot.rate_limits import pause
from bot.run import ConfigurationError
from storage import inbox
from storage.models import Platform

log = logging.getLogger(__name__)

#: Done events are kept this long: VK may send a Callback API event again for a while, and a
#: long poll restarted from an old ts may bring events again.
INBOX_KEEP_HOURS = 48
#: VK errors that mean the token or the community id cannot work as configured.
SETTING_ERRORS = {AUTH_FAILED: "VK_TOKEN", 27: "VK_TOKEN", 15: "VK_GROUP_ID", 100: "VK_GROUP_ID"}


class ChannelError(ConfigurationError):
    """The channel cannot start as configured; the message names the setting."""


class VKService:
    name = "vk"

    def __init__(self, app: App) -> None:
        settings = app.settings
        assert settings.vk_token is not None and settings.vk_group_id is not None
        self.app = app
        self.settings = settings
        self.group_id = settings.vk_group_id
        self.api_url = str(settings.vk_api_url)
        self.api = CommunityAPI(settings.vk_token.get_secret_value(), api_url=self.api_url)
        self.stopping = asyncio.Event()
        self.files = FileFetcher(
            app.db, app.policy, settings.files_dir, refuse=app.engine.refuse_upload
        )
        self.sender = OutboxSender(api=self.api, db=app.db, policy=app.policy, desk=app.desk)
        self.channel = VKChannel(
            api=self.api,
            engine=app.engine,
            db=app.db,
            files=self.files,
            manager_ids=settings.manager_vk_ids,
            on_queued=self.sender.wake.set,
            on_files=self.files.wake.set,
        )
        self.processor = InboxProcessor(db=app.db, channel=self.channel, desk=app.desk)
        self.processor.metrics = self.sender.metrics = app.monitor.metrics
        self.sender.heartbeat = app.monitor.heartbeat("vk sender", SENDER_LIMIT)
        if not settings.manager_vk_ids:
            log.info("MANAGER_VK_IDS is not set: nobody in VK can use manager commands and buttons")

    # -- start -------------------------------------------------------------------------------

    async def _introduce(self, stopping: asyncio.Event) -> bool:
        """groups.getById until VK answers (False: stopped first); a rejected token or a
        token of another community is fatal."""

        def fatal(exc: BaseException) -> ChannelError | None:
            setting = SETTING_ERRORS.get(code_of(exc) or 0)
            if setting is None:
                return None
            return ChannelError(
                f"{setting}: rejected by the VK API at {self.api_url} ({describe(exc)})"
            )

        answer: Any = await until_answered(
            lambda: self.api.call("groups.getById"),
            stopping,
            what=f"VK API at {self.api_url}",
            log=log,
            describe=describe,
            fatal=fatal,
        )
        if answer is STOPPED:
            return False
        groups = answer.get("groups", []) if isinstance(answer, dict) else answer
        group = groups[0] if groups else {}
        if group.get("id") != self.group_id:
            raise ChannelError(
                f"VK_GROUP_ID: the token belongs to community {group.get('id')}, "
                f"not {self.group_id}"
            )
        log.info("VK: community %r (club%s) via %s", group.get("name"), self.group_id, self.api_url)
        return True

    async def run(self, stopping: asyncio.Event) -> None:
        try:
            if not await self._introduce(stopping):
                return
            await self._tidy()
            workers = [
                asyncio.create_task(self._housekeeping(), name="vk-housekeeping"),
                asyncio.create_task(self.processor.run(), name="vk-inbox"),
                asyncio.create_task(self.sender.run(self.stopping), name="vk-outbox"),
                asyncio.create_task(self.files.run(self.stopping), name="vk-files"),
            ]
            try:
                if self.settings.vk_confirmation_code:
                    await self._callback(stopping)
                else:
                    await self._poll(stopping)
            finally:
                self.processor.stop()
                self.stopping.set()
                await asyncio.gather(*workers, return_exceptions=True)
        finally:
            await self.api.close()
            await self.files.close()

    async def _tidy(self) -> None:
        async with self.app.db.unit() as unit:
            await inbox.prune(
                unit,
                Platform.VK,
                finished_before=datetime.now(UTC) - timedelta(hours=INBOX_KEEP_HOURS),
            )

    async def _housekeeping(self) -> None:
        while not await pause(self.stopping, 3600):
            try:
                await self._tidy()
            except Exception as exc:
                log.warning("VK housekeeping: %s", describe(exc))

    async def _poll(self, stopping: asyncio.Event) -> None:
        log.info("VK: Bots Long Poll")
        poller = LongPoller(self.api, self.app.db, self.group_id, on_stored=self.processor.wake.set)
        poller.on_round = self.app.monitor.heartbeat("vk poller", POLLER_LIMIT).beat
        await poller.run(stopping)

    async def _callback(self, stopping: asyncio.Event) -> None:
        secret = self.settings.vk_callback_secret
        assert secret is not None  # the settings refuse the Callback API without it

        async def store(event: dict[str, Any]) -> None:
            await store_events(self.app.db, [event], now=datetime.now(UTC))
            self.processor.wake.set()

        assert self.settings.vk_confirmation_code is not None
        app = callback_app(
            group_id=self.group_id,
            confirmation=self.settings.vk_confirmation_code,
            secret=secret.get_secret_value(),
            store=store,
        )
        runner = web.AppRunner(app)
        await runner.setup()
        host, port = self.settings.vk_callback_host, self.settings.vk_callback_port
        await web.TCPSite(runner, host, port).start()
        log.info("VK: Callback API endpoint listening on %s:%s", host, port)
        try:
            await stopping.wait()
        finally:
            await runner.cleanup()
