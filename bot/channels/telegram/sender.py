"""Drains the outbox to Telegram within its limits, never losing and never repeating a message.

* Limits (:mod:`.limits`): ~30 messages a second overall, 1 a second per private chat,
  20 a minute per group. A chat over its limit waits while the others go on, so a busy
  manager chat queues its cards instead of being refused.
* One chat's messages go out in order (:func:`storage.delivery.due_in_order`); several
  chats are served at once (``concurrency`` requests in flight, one per chat).
* Every attempt is recorded (``outbox_attempts``). 429 → wait ``retry_after``; 5xx and
  network errors → retry with a growing pause; the person blocked the bot or the chat is
  gone → ``refused`` (final); a request Telegram will never accept → ``failed`` (final).
* At most once per row: a row is marked ``sending`` before its request leaves; a long
  text's delivered parts are remembered, so a retry continues after them. A connection
  lost after the request left is the one case that may duplicate (Telegram has no
  idempotency key): it is retried and logged as such, as is a row found ``sending`` after
  a crash.
* Messages about a request to the manager chat go into the request's forum topic
  (:mod:`.topics`); the sent message ids are remembered so a manager's reply to a card
  reaches the customer.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from aiogram import Bot
from aiogram.methods import TelegramMethod
from aiogram.types import Message

from bot.channels.telegram import adapter
from bot.channels.telegram.adapter import Target
from bot.channels.telegram.errors import Failure, Verdict, classify, describe
from bot.channels.telegram.limits import RateLimiter, wait_any
from bot.channels.telegram.topics import ForumTopics
from handlers.i18n import texts
from handlers.messages import Button, Reply
from storage import delivery, outbox, telegram_topics
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
        bot: Bot,
        db: Database,
        limiter: RateLimiter,
        topics: ForumTopics | None = None,
        manager_chat_id: int | None = None,
        concurrency: int = 8,
        batch: int = 100,
        idle_poll: float = 1.0,
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self.bot = bot
        self.db = db
        self.limiter = limiter
        self.topics = topics
        self.manager_chat = str(manager_chat_id) if manager_chat_id is not None else None
        self.concurrency = concurrency
        self.batch = batch
        self.idle_poll = idle_poll
        self.clock = clock
        self.wake = asyncio.Event()
        self._in_flight: dict[str, asyncio.Task[None]] = {}
        self.sent = 0

    # -- the loop ----------------------------------------------------------------------------

    async def recover(self) -> None:
        """Rows a crash left ``sending`` go out again (they may have been delivered)."""
        async with self.db.unit() as unit:
            ids = await delivery.interrupted(unit, Platform.TELEGRAM)
        for outbox_id in ids:
            log.warning(
                "outbox #%s was being sent when the bot stopped; sending it again "
                "(possible duplicate)",
                outbox_id,
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
        """Send everything due now, then return (tests and benchmarks)."""
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
                due = await delivery.due_in_order(unit, Platform.TELEGRAM, self.clock(), limit=1)
            if not due:
                return
            await asyncio.sleep(min(wait, max(deadline - loop.time(), 0.0)))

    async def dispatch_due(self) -> float:
        """Start sending what may go now; returns how long until something else may."""
        if len(self._in_flight) >= self.concurrency:
            return self.idle_poll
        async with self.db.unit() as unit:
            due = await delivery.due_in_order(
                unit, Platform.TELEGRAM, self.clock(), limit=self.batch
            )
        soonest = self.idle_poll
        for item in due:
            chat = self._chat_key(item.message.chat_id)
            if chat in self._in_flight:
                continue
            if len(self._in_flight) >= self.concurrency:
                soonest = min(soonest, 0.05)
                break
            wait = self.limiter.reserve(chat)
            if wait > 0:
                soonest = min(soonest, wait)
                continue
            task = asyncio.create_task(self._send(item))
            self._in_flight[chat] = task
            task.add_done_callback(lambda _t, chat=chat: self._finished(chat))
        if len(due) == self.batch:
            soonest = min(soonest, 0.05)
        if not due:
            async with self.db.unit() as unit:
                next_at = await delivery.next_due_at(unit, Platform.TELEGRAM)
            if next_at is not None:
                soonest = min(soonest, max((next_at - self.clock()).total_seconds(), 0.01))
        return soonest

    def _finished(self, chat: str) -> None:
        self._in_flight.pop(chat, None)
        self.wake.set()

    @staticmethod
    def _chat_key(chat_id: str) -> str:
        # A manager's own conversation inside a group is keyed "<group>:<manager>".
        return chat_id.split(":", 1)[0]

    # -- one row -----------------------------------------------------------------------------

    def _methods(self, item: Outgoing, target: Target) -> list[TelegramMethod[Any]]:
        message = item.message
        buttons = tuple(
            tuple(Button(label, payload) for label, payload in row) for row in message.buttons
        )
        reply = Reply(message.text, buttons, document=message.document)
        return adapter.reply_methods([reply], target, texts("ru"))

    async def _send(self, item: Outgoing) -> None:
        message = item.message
        chat_key = self._chat_key(message.chat_id)
        async with self.db.unit() as unit:
            await delivery.claim(unit, message.id)
        parts_done = item.sent_parts
        try:
            chat_id = int(chat_key)
            thread = await self._thread(message.request_id, chat_key)
            methods = self._methods(item, Target(chat_id, thread_id=thread))
            if not methods:
                raise ValueError("nothing to send (empty text, no document)")
            sent_ids: list[int] = []
            for index in range(parts_done, len(methods)):
                if index > parts_done:
                    await self.limiter.acquire(chat_key)
                result = await self.bot(methods[index])
                parts_done = index + 1
                if isinstance(result, Message):
                    sent_ids.append(result.message_id)
        except Exception as exc:
            await self._failed(item, exc, parts_done)
            return
        async with self.db.unit() as unit:
            await outbox.mark_sent(unit, message.id, self.clock())
            if message.request_id is not None and chat_key == self.manager_chat:
                for message_id in sent_ids:
                    await telegram_topics.remember_message(
                        unit, chat_key, message_id, message.request_id
                    )
        self.sent += 1

    async def _thread(self, request_id: int | None, chat_key: str) -> int | None:
        if self.topics is None or request_id is None or chat_key != self.manager_chat:
            return None
        return await self.topics.thread_for(request_id)

    async def _failed(self, item: Outgoing, exc: BaseException, parts_done: int) -> None:
        message = item.message
        failure: Failure = classify(exc, message.attempts)
        if isinstance(exc, ValueError):
            failure = Failure(Verdict.FAILED, 0.0, describe(exc))
        now = self.clock()
        chat_key = self._chat_key(message.chat_id)
        if failure.verdict in (Verdict.TOPIC_GONE, Verdict.TOPIC_CLOSED) and message.request_id:
            assert self.topics is not None
            if failure.verdict is Verdict.TOPIC_GONE:
                await self.topics.topic_gone(message.request_id)
            else:
                async with self.db.unit() as unit:
                    topic = await telegram_topics.topic_of(unit, chat_key, message.request_id)
                if topic is not None and topic.thread_id is not None:
                    await self.topics.reopen(message.request_id, topic.thread_id)
            failure = Failure(Verdict.RETRY, 0.0, failure.error)
        if failure.rate_limited:
            self.limiter.block(chat_key, failure.delay)
        async with self.db.unit() as unit:
            if parts_done != item.sent_parts:
                await delivery.set_sent_parts(unit, message.id, parts_done)
            if failure.verdict is Verdict.RETRY:
                error = failure.error + (
                    " (ambiguous: may have been delivered)" if failure.ambiguous else ""
                )
                await delivery.release(unit, message.id)
                await outbox.mark_retry(unit, message.id, error, _later(now, failure.delay), now)
            else:
                await outbox.mark_refused(
                    unit, message.id, failure.error, now, status=failure.verdict.value
                )
        if failure.verdict is Verdict.RETRY:
            if failure.ambiguous:
                log.warning(
                    "outbox #%s to %s: %s; Telegram may have delivered it, retrying "
                    "(possible duplicate)",
                    message.id,
                    chat_key,
                    failure.error,
                )
            else:
                log.info(
                    "outbox #%s to %s: %s; retry in %.1f s",
                    message.id,
                    chat_key,
                    failure.error,
                    failure.delay,
                )
        elif failure.verdict is Verdict.REFUSED:
            level = logging.ERROR if chat_key == self.manager_chat else logging.INFO
            log.log(
                level, "outbox #%s to %s refused for good: %s", message.id, chat_key, failure.error
            )
        else:
            log.error("outbox #%s to %s failed for good: %s", message.id, chat_key, failure.error)
