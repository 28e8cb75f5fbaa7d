"""Drains the outbox to VK within the token's limit; every message shows exactly once.

Everything the VK channel says goes through here: the answers to a person's message (the
channel writes them to the outbox in the same transaction as the conversation step), cards
and answers for managers, reminders.

* ``random_id`` of every ``messages.send`` is derived from the outbox row (and the call's
  place in it, :func:`~bot.channels.vk.adapter.random_id`). VK shows a message with a
  ``random_id`` it has seen once only, so a send retried after a lost connection, an error
  or a crash never shows twice. Rows a crash left ``sending`` are simply sent again.
* The token's ~20 requests a second are shared by every call (:class:`~.api.RequestLimit`);
  VK's error 6 holds every call for a moment; 9, 10, network errors and answers that are not
  JSON are retried with a growing pause (:mod:`.errors`), for as long as it takes.
* 901 (the person does not allow messages from the community), 900, 902…: ``refused``,
  final; a request VK will never accept: ``failed``, final. For a reminder or an answer the
  customer was owed, the managers get a task to reach them another way
  (:mod:`.undelivered`), in the same transaction.
* One chat's messages go out in order; several chats are served at once.
* A keyboard is rendered for the person's VK client (:mod:`storage.vk_state`), in their
  language where the channel adds a line of its own.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from vkbottle.tools.uploader import DocMessagesUploader

from bot.channels.outbox_drain import OutboxDrain, later, utc_now
from bot.channels.vk import adapter
from bot.channels.vk.adapter import Keyboard, SendCall
from bot.channels.vk.api import CommunityAPI
from bot.channels.vk.errors import Failure, Verdict, classify, describe
from bot.channels.vk.undelivered import after_refusal
from bot.metrics import Send, send_outcome
from handlers.desk.manager_desk import ManagerDesk
from handlers.i18n import texts
from handlers.policy import Policy
from storage import accounts, delivery, outbox, vk_state
from storage.db import Database
from storage.delivery import Outgoing
from storage.models import Platform

log = logging.getLogger(__name__)


class OutboxSender(OutboxDrain):
    platform = Platform.VK

    def __init__(
        self,
        *,
        api: CommunityAPI,
        db: Database,
        policy: Policy,
        desk: ManagerDesk,
        concurrency: int = 8,
        batch: int = 100,
        idle_poll: float = 1.0,
        retry_base: float = 1.0,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        super().__init__(
            db=db, concurrency=concurrency, batch=batch, idle_poll=idle_poll, clock=clock
        )
        self.api = api
        self.policy = policy
        self.desk = desk
        self.retry_base = retry_base

    def _resending(self, ids: list[int]) -> None:
        """VK deduplicates them by random_id."""
        if ids:
            log.info(
                "VK: %d messages were being sent when the bot stopped; sending them again", len(ids)
            )

    def _hold_bulk(self, chat: str) -> float:
        """An announcement waits until the token's limit has room to spare for answers."""
        return self.api.limit.room()

    # -- one row -----------------------------------------------------------------------------

    async def _calls(self, item: Outgoing) -> list[SendCall]:
        message = item.message
        async with self.db.unit() as unit:
            # The text as claimed: a waiting managers' notice may have grown since it was read.
            message = await delivery.claim(unit, message.id) or message
            kind = await vk_state.keyboard_of(unit, message.chat_id)
            account = await accounts.find(unit, Platform.VK, message.chat_id)
        t = texts(account.language if account is not None else "ru")
        reply = adapter.stored_reply(message.text, message.buttons, message.document)
        return adapter.reply_calls(reply, Keyboard(kind or Keyboard.CALLBACK), more=t("vk.more"))

    async def _send(self, item: Outgoing) -> None:
        message = item.message
        parts_done = item.sent_parts
        try:
            calls = await self._calls(item)
            peer_id = int(message.chat_id)
            if not calls:
                raise ValueError("nothing to send (empty text, no document)")
            for index in range(parts_done, len(calls)):
                call = calls[index]
                attachment = None
                if call.document is not None:
                    attachment = await self._upload(Path(call.document), peer_id)
                    if attachment is None:
                        parts_done = index + 1
                        continue
                await self.api.call(
                    "messages.send",
                    peer_id=peer_id,
                    random_id=adapter.random_id(message.id, index),
                    message=call.message or None,
                    keyboard=call.keyboard,
                    attachment=attachment,
                    dont_parse_links=1,
                )
                parts_done = index + 1
                self._count(Send.OK)  # one per call: a long text goes in parts
        except Exception as exc:
            await self._failed(item, exc, parts_done)
            return
        async with self.db.unit() as unit:
            await outbox.mark_sent(unit, message.id, self.clock())
        self.sent += 1

    async def _upload(self, path: Path, peer_id: int) -> str | None:
        """The document as a message attachment (None: the file is gone; logged)."""
        if not await asyncio.to_thread(path.is_file):
            log.error("document %s to VK chat %s is missing; not sent", path, peer_id)
            return None
        uploader = DocMessagesUploader(self.api)
        return await uploader.upload(file_source=str(path), peer_id=peer_id, title=path.name)

    async def _failed(self, item: Outgoing, exc: BaseException, parts_done: int) -> None:
        message = item.message
        failure: Failure = classify(exc, message.attempts, base=self.retry_base)
        if isinstance(exc, ValueError):
            failure = Failure(Verdict.FAILED, 0.0, describe(exc))
        if failure.rate_limited:
            self.api.limit.block(failure.delay)
        self._count(
            send_outcome(
                rate_limited=failure.rate_limited, retried=failure.verdict is Verdict.RETRY
            )
        )
        now = self.clock()
        task = None
        async with self.db.unit() as unit:
            if parts_done != item.sent_parts:
                await delivery.set_sent_parts(unit, message.id, parts_done)
            if failure.verdict is Verdict.RETRY:
                await delivery.release(unit, message.id)
                await outbox.mark_retry(
                    unit, message.id, failure.error, later(now, failure.delay), now
                )
            else:
                await outbox.mark_refused(
                    unit, message.id, failure.error, now, status=failure.verdict.value
                )
                task = await after_refusal(
                    unit, message, failure.error, policy=self.policy, desk=self.desk, now=now
                )
        if failure.verdict is Verdict.RETRY:
            log.info(
                "outbox #%s to VK %s: %s; retry in %.1f s",
                message.id,
                message.chat_id,
                failure.error,
                failure.delay,
            )
        else:
            log.log(
                logging.INFO if failure.verdict is Verdict.REFUSED else logging.ERROR,
                "outbox #%s to VK %s %s for good: %s%s",
                message.id,
                message.chat_id,
                failure.verdict.value,
                failure.error,
                f" (managers' task: request #{task})" if task is not None else "",
            )
        if task is not None:
            self.wake.set()
