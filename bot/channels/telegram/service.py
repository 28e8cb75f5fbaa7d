"""The Telegram channel as one service of ``python -m bot run``.

Builds the bot (every call and file download through ``TELEGRAM_API_URL``), the channel,
the inbox processor, the outbox sender, forum topics and file downloads, then receives
updates by long polling, or by webhook when ``TELEGRAM_WEBHOOK_URL`` is set.

Stopping (SIGTERM/SIGINT): receiving stops first (a long poll in progress is abandoned —
its updates were not acknowledged, so Telegram keeps them); the updates in hand are
finished; requests in flight complete and are recorded; the rest waits in the inbox and
the outbox for the next start.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramAPIError, TelegramUnauthorizedError
from aiogram.methods import DeleteWebhook, SetWebhook
from aiogram.utils.token import TokenValidationError
from aiohttp import web

from bot.app import App
from bot.channels.api_wait import STOPPED, until_answered
from bot.channels.telegram.channel import TelegramChannel
from bot.channels.telegram.commands import register_commands
from bot.channels.telegram.courier import Courier
from bot.channels.telegram.errors import describe
from bot.channels.telegram.files import FileFetcher
from bot.channels.telegram.limits import Limits, RateLimiter, pause
from bot.channels.telegram.managers import ManagerCheck
from bot.channels.telegram.polling import (
    ALLOWED_UPDATES,
    Poller,
    RepairingSession,
    store_updates,
)
from bot.channels.telegram.processor import InboxProcessor
from bot.channels.telegram.sender import OutboxSender
from bot.channels.telegram.topics import ForumTopics
from bot.channels.telegram.webhook import webhook_app
from bot.health import POLLER_LIMIT, SENDER_LIMIT
from bot.run import ConfigurationError
from storage import inbox
from storage.models import Platform

log = logging.getLogger(__name__)

#: Done updates are kept this long: Telegram redelivers an unacknowledged one within 24 h.
INBOX_KEEP_HOURS = 48


class ChannelError(ConfigurationError):
    """The channel cannot start as configured; the message names the setting."""


def make_bot(token: str, api_url: str, session: BaseSession | None = None) -> Bot:
    try:
        return Bot(
            token, session=session or RepairingSession(api=TelegramAPIServer.from_base(api_url))
        )
    except TokenValidationError as exc:
        raise ChannelError("TELEGRAM_TOKEN: not a Telegram bot token") from exc


class TelegramService:
    name = "telegram"

    def __init__(self, app: App, *, session: BaseSession | None = None) -> None:
        settings = app.settings
        assert settings.telegram_token is not None
        self.app = app
        self.settings = settings
        self.api_url = str(settings.telegram_api_url).rstrip("/")
        self.bot = make_bot(settings.telegram_token.get_secret_value(), self.api_url, session)
        self.limiter = RateLimiter(Limits().scaled(settings.telegram_limits_scale))
        self.stopping = asyncio.Event()
        chat_id = settings.manager_telegram_chat_id
        manager_language = next(
            (
                d.language
                for d in app.desk.destinations
                if d.platform is Platform.TELEGRAM and d.chat_id == str(chat_id)
            ),
            app.manager_language,
        )
        self.managers = ManagerCheck(
            self.bot, manager_ids=settings.manager_telegram_ids, manager_chat_id=chat_id
        )
        self.topics = (
            ForumTopics(self.bot, app.db, chat_id, self.limiter, language=manager_language)
            if chat_id is not None
            else None
        )
        self.files = FileFetcher(
            self.bot, app.db, settings.files_dir, refuse=app.engine.refuse_upload
        )
        self.sender = OutboxSender(
            bot=self.bot,
            db=app.db,
            limiter=self.limiter,
            topics=self.topics,
            manager_chat_id=chat_id,
            language=manager_language,
        )
        self.channel = TelegramChannel(
            bot=self.bot,
            engine=app.engine,
            db=app.db,
            managers=self.managers,
            courier=Courier(self.bot, self.limiter, stopping=asyncio.Event()),
            manager_chat_id=chat_id,
            on_files=self.files.wake.set,
        )
        self.processor = InboxProcessor(
            db=app.db,
            bot=self.bot,
            channel=self.channel,
            manager_chat_id=chat_id,
            manager_language=manager_language,
        )
        monitor = app.monitor
        self.processor.metrics = self.sender.metrics = monitor.metrics
        self.channel.courier.metrics = monitor.metrics
        self.sender.heartbeat = monitor.heartbeat("telegram sender", SENDER_LIMIT)
        # Whatever a handled update queued for others (cards, relays) goes out at once.
        self.processor.on_handled = self.sender.wake.set
        if not self.managers.configured:
            log.warning(
                "neither MANAGER_TELEGRAM_IDS nor MANAGER_TELEGRAM_CHAT_ID is set: nobody in "
                "Telegram can use manager commands and buttons"
            )

    # -- start -------------------------------------------------------------------------------

    async def _introduce(self, stopping: asyncio.Event) -> bool:
        """getMe until Telegram answers (False: stopped first). A rejected token is fatal."""

        def fatal(exc: BaseException) -> ChannelError | None:
            if isinstance(exc, TelegramUnauthorizedError):
                return ChannelError(
                    f"TELEGRAM_TOKEN: rejected by the Bot API at {self.api_url} ({exc})"
                )
            return None

        me = await until_answered(
            self.bot.me,
            stopping,
            what=f"Bot API at {self.api_url}",
            log=log,
            describe=describe,
            failing=TelegramAPIError,
            fatal=fatal,
        )
        if me is STOPPED:
            return False
        if me.username:
            link = ("Telegram", f"https://t.me/{me.username}?start={{token}}")
            desk = self.app.engine.desk
            if link not in desk.invite_links:
                self.app.engine.desk = replace(desk, invite_links=(link, *desk.invite_links))
        log.info("Telegram: @%s via %s", me.username, self.api_url)
        return True

    async def _setup(self) -> None:
        """Commands and topics: useful, never fatal."""
        try:
            await register_commands(
                self.bot,
                self.app.engine,
                manager_chat_id=self.settings.manager_telegram_chat_id,
                manager_ids=self.settings.manager_telegram_ids,
            )
        except Exception as exc:
            log.warning("commands not registered: %s", describe(exc))
        if self.topics is not None:
            try:
                await self.topics.probe()
            except TelegramAPIError as exc:  # asked again with the first card
                log.warning("manager chat not checked yet: %s", describe(exc))

    async def run(self, stopping: asyncio.Event) -> None:
        try:
            if not await self._introduce(stopping):
                return
            await self._setup()
            await self._tidy()
            workers = [
                asyncio.create_task(self._housekeeping(), name="telegram-housekeeping"),
                asyncio.create_task(self.processor.run(), name="telegram-inbox"),
                asyncio.create_task(self.sender.run(self.stopping), name="telegram-outbox"),
                asyncio.create_task(self.files.run(self.stopping), name="telegram-files"),
            ]
            try:
                if self.settings.telegram_webhook_url is not None:
                    await self._webhook(stopping)
                else:
                    await self._poll(stopping)
            finally:
                self.processor.stop()
                self.stopping.set()
                await asyncio.gather(*workers, return_exceptions=True)
        finally:
            await self.bot.session.close()

    async def _tidy(self) -> None:
        """Forget done updates older than Telegram could redeliver, and idle chats' limits."""
        async with self.app.db.unit() as unit:
            await inbox.prune(
                unit,
                Platform.TELEGRAM,
                finished_before=datetime.now(UTC) - timedelta(hours=INBOX_KEEP_HOURS),
            )
        self.limiter.forget_idle()

    async def _housekeeping(self) -> None:
        while not await pause(self.stopping, 3600):
            try:
                await self._tidy()
            except Exception as exc:
                log.warning("housekeeping: %s", describe(exc))

    async def _poll(self, stopping: asyncio.Event) -> None:
        await self._call(DeleteWebhook(drop_pending_updates=False), stopping)
        log.info("Telegram: long polling")
        poller = Poller(
            self.bot,
            self.app.db,
            on_stored=self.processor.wake.set,
            arrived=self.processor.arrived,
        )
        poller.on_round = self.app.monitor.heartbeat("telegram poller", POLLER_LIMIT).beat
        await poller.run(stopping)

    async def _webhook(self, stopping: asyncio.Event) -> None:
        url = str(self.settings.telegram_webhook_url)
        secret = (
            self.settings.telegram_webhook_secret.get_secret_value()
            if self.settings.telegram_webhook_secret
            else secrets.token_urlsafe(32)
        )
        if self.settings.telegram_webhook_secret is None:
            log.info("TELEGRAM_WEBHOOK_SECRET not set: a random secret is used for this run")

        async def store(update: dict[str, Any]) -> None:
            await store_updates(self.app.db, [update], now=datetime.now(UTC))
            self.processor.wake.set()

        runner = web.AppRunner(webhook_app(urlsplit(url).path or "/", secret, store))
        await runner.setup()
        site = web.TCPSite(
            runner, self.settings.telegram_webhook_host, self.settings.telegram_webhook_port
        )
        await site.start()
        try:
            await self._call(
                SetWebhook(
                    url=url,
                    secret_token=secret,
                    allowed_updates=ALLOWED_UPDATES,
                    drop_pending_updates=False,
                ),
                stopping,
            )
            log.info(
                "Telegram: webhook %s (listening on %s:%s)",
                url,
                self.settings.telegram_webhook_host,
                self.settings.telegram_webhook_port,
            )
            await stopping.wait()
        finally:
            # Telegram keeps (and retries) updates while nobody answers: none is lost.
            await runner.cleanup()

    async def _call(self, method: Any, stopping: asyncio.Event) -> None:
        """``method`` until Telegram takes it (or the bot is stopping)."""
        await until_answered(
            lambda: self.bot(method),
            stopping,
            what=method.__api_method__,
            failed="failed",
            log=log,
            describe=describe,
            failing=TelegramAPIError,
        )
