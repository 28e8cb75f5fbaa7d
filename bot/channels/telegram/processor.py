"""Handles the stored updates: in order within a chat, chats side by side, each exactly once.

Updates arrive in the inbox from polling or the webhook (already acknowledged to Telegram,
so they must not be lost from here on). For every chat a worker takes that chat's updates
one after the other, so a conversation's messages are never handled out of order, while
other chats go on in parallel (up to ``concurrency`` at a time).

An update is handed to the channel (:meth:`TelegramChannel.handle`), parsed on arrival by
the poller or else from its stored copy; the step that handles it marks it in the inbox
within its own transaction (:class:`~bot.channels.inbox_processing.Receipt`), then its
answers are sent and the update is done (several done marks share one write). An update
whose answers are owed (the bot stopped in between) only has its answers sent again. One
that keeps failing is retried with a growing pause and set aside after ``max_tries`` —
reported in the log and to the manager chat, and the person is told — so it never blocks the
chat behind it for good. An update that could not even be stored (its stand-in,
:func:`storage.inbox.not_stored_error`) is set aside the same way at its first try.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from aiogram import Bot
from aiogram.types import Update

from bot.channels.inbox_processing import INTERRUPTED, InboxWorkers, Receipt
from bot.channels.intake import NotStored
from bot.channels.telegram import adapter
from bot.channels.telegram.adapter import Target
from bot.channels.telegram.channel import DeliveryProgress, TelegramChannel
from bot.channels.telegram.courier import DeliveryInterrupted
from bot.channels.telegram.errors import describe
from bot.logs import traceback_of
from handlers.engine.messages import Reply
from handlers.i18n import pick_language, texts
from storage import inbox, outbox
from storage.db import Database
from storage.inbox import InboxItem
from storage.models import Platform

log = logging.getLogger(__name__)


def _now() -> datetime:
    return datetime.now(UTC)


class InboxProcessor(InboxWorkers):
    platform = Platform.TELEGRAM

    def __init__(
        self,
        *,
        db: Database,
        bot: Bot,
        channel: TelegramChannel,
        manager_chat_id: int | None = None,
        manager_language: str = "ru",
        max_tries: int = 5,
        retry_base: float = 1.0,
        concurrency: int = 16,
        clock: Callable[[], datetime] = _now,
    ) -> None:
        super().__init__(
            db=db,
            max_tries=max_tries,
            retry_base=retry_base,
            concurrency=concurrency,
            clock=clock,
        )
        self.bot = bot
        self.channel = channel
        self.manager_chat_id = manager_chat_id
        self.manager_language = manager_language
        self._first_round = True
        #: Called after every update handled (the outbox sender: what it queued goes out).
        self.on_handled: Callable[[], None] = lambda: None
        #: Updates the poller parsed on arrival, by update key (taken instead of parsing the
        #: stored copy again).
        self.arrived: dict[str, Update] = {}

    # -- the loop's Telegram parts ---------------------------------------------------------

    def stop(self) -> None:
        super().stop()
        self.channel.courier.stopping.set()

    def _taken(self, items: list[InboxItem]) -> None:
        if self._first_round:
            for item in items:
                if item.status == "handled":
                    log.warning(
                        "update %s was handled before the bot stopped; sending its answers again, "
                        "those not yet sent (the one in flight may arrive twice)",
                        item.update_key,
                    )
        self._first_round = False

    # -- one update ------------------------------------------------------------------------

    async def _process(self, item: InboxItem) -> InboxItem | object | None:
        """Handle one update: None when finished, :data:`.inbox_processing.INTERRUPTED` when
        stopping, else the item to try again."""
        arrived = self.arrived.pop(item.update_key, None)
        not_stored = inbox.not_stored_error(item)
        if not_stored is not None:
            return await self._failed(item, NotStored(not_stored), at_once=True)
        receipt = Receipt(item.id, self.clock)
        try:
            if item.status == "handled":
                await self._send_owed(item)
            else:
                update = arrived or Update.model_validate(item.body, context={"bot": self.bot})
                started = time.perf_counter()
                try:
                    await self.channel.handle(update, receipt)
                finally:
                    self.on_handled()
                log.debug(
                    "update %s handled in %.0f ms",
                    item.update_key,
                    (time.perf_counter() - started) * 1000,
                )
            await self.done.mark(item.id)
            return None
        except DeliveryInterrupted:
            return INTERRUPTED
        except Exception as exc:  # a failing update must not stop the others
            if receipt.marked:  # handled and committed: only the answers are owed now
                async with self.db.unit() as unit:
                    fresh = await inbox.get(unit, item.id)
                item = replace(fresh or item, tries=item.tries, status="handled")
            return await self._failed(item, exc)

    async def _send_owed(self, item: InboxItem) -> None:
        owed = item.replies or {}
        if not owed.get("replies"):
            return
        target = Target.from_json(owed["target"])
        progress = DeliveryProgress(self.db, item.id, sent=int(owed.get("sent", 0)))
        await self.channel.deliver(
            target, adapter.replies_from_json(owed["replies"]), progress=progress
        )

    async def _failed(
        self, item: InboxItem, exc: BaseException, *, at_once: bool = False
    ) -> InboxItem | None:
        tries = item.tries + 1
        give_up = at_once or tries >= self.max_tries
        error = describe(exc)
        async with self.db.unit() as unit:
            await inbox.record_failure(unit, item.id, error, set_aside=give_up, now=self.clock())
            if give_up and self.manager_chat_id is not None:
                await outbox.enqueue(
                    unit,
                    Platform.TELEGRAM,
                    str(self.manager_chat_id),
                    texts(self.manager_language)(
                        "telegram.set_aside",
                        update=item.update_key,
                        chat=item.chat_key,
                        tries=tries,
                        error=error,
                    ),
                    now=self.clock(),
                )
        if not give_up:
            log.warning(
                "update %s failed (try %d of %d): %s",
                item.update_key,
                tries,
                self.max_tries,
                error,
            )
            return replace(item, tries=tries)
        log.error(
            "update %s set aside after %d tries: %s",
            item.update_key,
            tries,
            error,
            exc_info=traceback_of(exc),
        )
        await self._apologise(item)
        return None

    async def _apologise(self, item: InboxItem) -> None:
        """Tell the person their message was not handled (private chats only)."""
        try:
            chat_id = int(item.chat_key)
        except ValueError:
            return
        if chat_id <= 0:
            return
        language = "ru"
        message = item.body.get("message") or {}
        sender = message.get("from") or (item.body.get("callback_query") or {}).get("from") or {}
        if isinstance(sender, dict) and sender.get("language_code"):
            language = pick_language(str(sender["language_code"]))
        try:
            await self.channel.deliver(Target(chat_id), [Reply(texts(language)("telegram.failed"))])
        except Exception as exc:  # best effort
            log.warning("could not tell chat %s about the failure: %s", chat_id, exc)
