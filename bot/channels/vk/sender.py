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
import math
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from vkbottle.tools.uploader import DocMessagesUploader

from bot.channels.vk import adapter
from bot.channels.vk.adapter import Keyboard, SendCall
from bot.channels.vk.api import CommunityAPI
from bot.channels.vk.errors import Failure, Verdict, classify, describe
from bot.channels.vk.undelivered import after_refusal
from bot.rate_limits import wait_any
from handlers.desk import ManagerDesk
from handlers.i18n import texts
from handlers.policy import Policy
from storage import accounts, delivery, outbox, vk_state
from storage.db import Database
from storage.delivery import Outgoing
from storage.models import Platform

log = logging.getLogger(__name__)


def _now() -> datetime:
    return datetime.now(UTC)


def _later(now: datetime, seconds: float) -> datetime:
    """The next try, in whole seconds (the outbox stores times to the second)."""
    return now + timedelta(seconds=max(1, math.ceil(seconds)))


class OutboxSender:
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
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self.api = api
        self.db = db
        self.policy = policy
        self.desk = desk
        self.concurrency = concurrency
        self.batch = batch
        self.idle_poll = idle_poll
        self.retry_base = retry_base
        self.clock = clock
        self.wake = asyncio.Event()
        self._in_flight: dict[str, asyncio.Task[None]] = {}
        self.sent = 0

    # -- the loop ----------------------------------------------------------------------------

    async def recover(self) -> None:
        """Rows a crash left ``sending`` go out again (VK deduplicates them by random_id)."""
        async with self.db.unit() as unit:
            ids = await delivery.interrupted(unit, Platform.VK)
        if ids:
            log.info(
                "VK: %d messages were being sent when the bot stopped; sending them again", len(ids)
            )

    async def run(self, stopping: asyncio.Event) -> None:
        await self.recover()
        while not stopping.is_set():
            self.wake.clear()
            wait = await self.dispatch_due()
            if wait <= 0:
                continue
            await wait_any(self.wake, stopping, seconds=wait)
        await self.settle()

    async def settle(self) -> None:
        """Wait for the requests in flight (their outcome is recorded)."""
        while self._in_flight:
            await asyncio.gather(*self._in_flight.values(), return_exceptions=True)

    async def drain(self, *, until: float = 30.0) -> None:
        """Send everything due now, then return (tests)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + until
        while loop.time() < deadline:
            wait = await self.dispatch_due()
            if self._in_flight:
                await asyncio.wait(
                    set(self._in_flight.values()), return_when=asyncio.FIRST_COMPLETED
                )
                continue
            async with self.db.unit() as unit:
                due = await delivery.due_in_order(unit, Platform.VK, self.clock(), limit=1)
            if not due:
                return
            await asyncio.sleep(min(wait, max(deadline - loop.time(), 0.0)))

    async def dispatch_due(self) -> float:
        """Start sending what may go now; returns how long until something else may."""
        if len(self._in_flight) >= self.concurrency:
            return self.idle_poll
        async with self.db.unit() as unit:
            due = await delivery.due_in_order(unit, Platform.VK, self.clock(), limit=self.batch)
        soonest = self.idle_poll
        for item in due:
            chat = item.message.chat_id
            if chat in self._in_flight:
                continue
            if len(self._in_flight) >= self.concurrency:
                soonest = min(soonest, 0.05)
                break
            task = asyncio.create_task(self._send(item))
            self._in_flight[chat] = task
            task.add_done_callback(lambda _t, chat=chat: self._finished(chat))
        if len(due) == self.batch:
            soonest = min(soonest, 0.05)
        if not due:
            async with self.db.unit() as unit:
                next_at = await delivery.next_due_at(unit, Platform.VK)
            if next_at is not None:
                soonest = min(soonest, max((next_at - self.clock()).total_seconds(), 0.01))
        return soonest

    def _finished(self, chat: str) -> None:
        self._in_flight.pop(chat, None)
        self.wake.set()

    # -- one row -----------------------------------------------------------------------------

    async def _calls(self, item: Outgoing) -> list[SendCall]:
        message = item.message
        async with self.db.unit() as unit:
            await delivery.claim(unit, message.id)
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
        now = self.clock()
        task = None
        async with self.db.unit() as unit:
            if parts_done != item.sent_parts:
                await delivery.set_sent_parts(unit, message.id, parts_done)
            if failure.verdict is Verdict.RETRY:
                await delivery.release(unit, message.id)
                await outbox.mark_retry(
                    unit, message.id, failure.error, _later(now, failure.delay), now
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
