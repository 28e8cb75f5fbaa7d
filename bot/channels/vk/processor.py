"""Handles the stored VK events: in order within a chat, chats side by side, each exactly once.

Events arrive in the inbox from Bots Long Poll or the Callback API endpoint (already
acknowledged to VK, so they must not be lost from here on). For every chat (peer) a worker
takes that chat's events one after the other, while other chats go on in parallel.

An event is routed through the vkbottle bot's router (:mod:`.channel`); the step that
handles it marks it in the inbox inside its own transaction, together with its answers
(written to the outbox), so a crash at any point neither loses nor repeats it: an event
found ``handled`` after a restart is only marked done. One that keeps failing is retried
with a growing pause and set aside after ``max_tries`` — reported to the managers and the
person is told — so it never blocks the chat behind it for good. An event that could not
even be stored (its stand-in, :func:`storage.inbox.not_stored_error`) is set aside the same
way at its first try.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from bot.channels.inbox_processing import InboxWorkers, Receipt
from bot.channels.intake import NotStored
from bot.channels.vk.channel import (
    CHAT_PEER_BASE,
    VKChannel,
    reset_receipt,
    set_receipt,
)
from bot.channels.vk.errors import describe
from bot.logs import traceback_of
from handlers.desk.manager_desk import ManagerDesk
from handlers.i18n import texts
from storage import accounts, inbox, outbox
from storage.db import Database, Unit
from storage.inbox import InboxItem
from storage.models import Platform

log = logging.getLogger(__name__)


def _now() -> datetime:
    return datetime.now(UTC)


def chat_key(event: dict[str, Any]) -> str:
    """The chat (peer) an event belongs to: its events are handled in order."""
    obj = event.get("object") or {}
    if not isinstance(obj, dict):
        return ""
    message = obj.get("message")
    if isinstance(message, dict) and "peer_id" in message:
        return str(message["peer_id"])
    if "peer_id" in obj:
        return str(obj["peer_id"])
    return ""


class InboxProcessor(InboxWorkers):
    platform = Platform.VK

    def __init__(
        self,
        *,
        db: Database,
        channel: VKChannel,
        desk: ManagerDesk,
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
        self.channel = channel
        self.desk = desk
        self.router = channel.bot.router

    # -- one event -------------------------------------------------------------------------

    async def _process(self, item: InboxItem) -> InboxItem | None:
        """Handle one event: None when finished, else the item to try again."""
        not_stored = inbox.not_stored_error(item)
        if not_stored is not None:
            return await self._failed(item, NotStored(not_stored), at_once=True)
        receipt = Receipt(item.id, self.clock)
        try:
            if item.status != "handled":  # handled: its answers are in the outbox already
                token = set_receipt(receipt)
                try:
                    await self.router.route(item.body, self.channel.api)
                finally:
                    reset_receipt(token)
            await self.done.mark(item.id)
            return None
        except Exception as exc:  # a failing event must not stop the others
            if receipt.marked:  # handled and committed: only the "done" mark is missing
                return replace(item, status="handled")
            return await self._failed(item, exc)

    async def _failed(
        self, item: InboxItem, exc: BaseException, *, at_once: bool = False
    ) -> InboxItem | None:
        tries = item.tries + 1
        give_up = at_once or tries >= self.max_tries
        error = describe(exc)
        now = self.clock()
        async with self.db.unit() as unit:
            await inbox.record_failure(unit, item.id, error, set_aside=give_up, now=now)
            if give_up:
                for destination in self.desk.destinations:
                    t = texts(destination.language)
                    await outbox.enqueue(
                        unit,
                        destination.platform,
                        destination.chat_id,
                        t(
                            "vk.set_aside",
                            update=item.update_key,
                            chat=item.chat_key,
                            tries=tries,
                            error=error,
                        ),
                        now=now,
                    )
                await self._apologise(unit, item, now)
        if not give_up:
            log.warning(
                "VK event %s failed (try %d of %d): %s",
                item.update_key,
                tries,
                self.max_tries,
                error,
            )
            return replace(item, tries=tries)
        log.error(
            "VK event %s set aside after %d tries: %s",
            item.update_key,
            tries,
            error,
            exc_info=traceback_of(exc),
        )
        self.channel.on_queued()
        return None

    async def _apologise(self, unit: Unit, item: InboxItem, now: datetime) -> None:
        """Tell the person their message was not handled (private chats only)."""
        if not item.chat_key.isdigit() or int(item.chat_key) >= CHAT_PEER_BASE:
            return
        account = await accounts.find(unit, Platform.VK, item.chat_key)
        t = texts(account.language if account is not None else "ru")
        await outbox.enqueue(unit, Platform.VK, item.chat_key, t("vk.failed"), now=now)
