"""Drains the outbox to Telegram within its limits, never losing and never repeating a message.

* Limits (:mod:`.limits`): ~30 messages a second overall, 1 a second per private chat,
  20 a minute per group. Announcements (bulk rows) go after every due answer and leave
  ``Limits.bulk_headroom`` of the overall limit free for answers. A chat over its limit
  waits while the others go on, so a busy manager chat queues its cards instead of being
  refused.
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
* A burst never keeps the managers waiting: when the manager chat's limit would hold the
  card of a new request back for more than a minute, one digest naming the waiting new
  requests goes out ahead of the cards (:mod:`.digest`), and the cards follow.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from aiogram import Bot
from aiogram.methods import TelegramMethod
from aiogram.types import Message

from bot.channels.outbox_drain import OutboxDrain, later, utc_now
from bot.channels.telegram import adapter, digest
from bot.channels.telegram.adapter import Target
from bot.channels.telegram.errors import Failure, Verdict, classify, describe
from bot.channels.telegram.limits import RateLimiter
from bot.channels.telegram.topics import ForumTopics
from bot.metrics import Send, send_outcome
from handlers.engine.messages import Button, Reply
from handlers.i18n import texts
from storage import delivery, digests, outbox, telegram_topics
from storage.db import Database
from storage.delivery import Outgoing
from storage.models import Platform

log = logging.getLogger(__name__)


class OutboxSender(OutboxDrain):
    platform = Platform.TELEGRAM

    def __init__(
        self,
        *,
        bot: Bot,
        db: Database,
        limiter: RateLimiter,
        topics: ForumTopics | None = None,
        manager_chat_id: int | None = None,
        language: str = "ru",
        concurrency: int = 8,
        batch: int = 100,
        idle_poll: float = 1.0,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        super().__init__(
            db=db, concurrency=concurrency, batch=batch, idle_poll=idle_poll, clock=clock
        )
        self.bot = bot
        self.limiter = limiter
        self.topics = topics
        self.manager_chat = str(manager_chat_id) if manager_chat_id is not None else None
        #: The manager chat's language (its digests are written in it).
        self.t = texts(language)
        self._look_at: datetime | None = None
        self.digests = 0

    # -- the loop's Telegram parts -----------------------------------------------------------

    def _resending(self, ids: list[int]) -> None:
        """They may have been delivered: Telegram has no idempotency key."""
        for outbox_id in ids:
            log.warning(
                "outbox #%s was being sent when the bot stopped; sending it again "
                "(possible duplicate)",
                outbox_id,
            )

    def _hold(self, chat: str) -> float:
        return self.limiter.reserve(chat)

    def _hold_bulk(self, chat: str) -> float:
        return self.limiter.reserve(chat, bulk=True)

    def _chat_key(self, chat_id: str) -> str:
        # A manager's own conversation inside a group is keyed "<group>:<manager>".
        return chat_id.split(":", 1)[0]

    # -- digests to a busy manager chat ------------------------------------------------------

    async def dispatch_due(self) -> float:
        wait = await self._digest_if_due()
        return min(wait, await super().dispatch_due())

    async def _digest_if_due(self) -> float:
        """Queue a digest when the manager chat's limit would keep a new request's card
        from it too long (:func:`.digest.plan`); returns when to look again."""
        if self.manager_chat is None:
            return math.inf
        now = self.clock()
        if self._look_at is not None and now < self._look_at:
            return (self._look_at - now).total_seconds()
        chat = self.manager_chat
        async with self.db.unit() as unit:
            queue = await digests.queue_of(unit, self.platform, chat)
            last = await digests.last_digest_at(unit, self.platform, chat) if queue else None
        topic_cost = 1 if self.topics is not None and self.topics.enabled is not False else 0
        plan = digest.plan(
            queue,
            now=now,
            time_for=lambda count: self.limiter.time_for(chat, count),
            topic_cost=topic_cost,
            last_digest=last,
        )
        look_in = digest.LOOK_EVERY
        if plan.due_in:
            look_in = min(look_in, max(plan.due_in, 0.05))
        self._look_at = now + timedelta(seconds=look_in)
        if plan.named:
            per_minute = round(self.limiter.limits.group_rate * 60)
            composed = digest.compose(
                self.t, plan.named, last_in=plan.last_in, per_minute=per_minute
            )
            async with self.db.unit() as unit:
                for text, numbers in composed:
                    await digests.add_digest(unit, self.platform, chat, text, numbers, now=now)
            self.digests += len(composed)
            log.info(
                "manager chat %s: Telegram's limit holds back the cards of %d new requests "
                "(the last in about %.0f min); a digest names them",
                chat,
                len(plan.named),
                plan.last_in / 60,
            )
        return look_in if queue else math.inf

    # -- one row -----------------------------------------------------------------------------

    def _methods(self, item: Outgoing, target: Target) -> list[TelegramMethod[Any]]:
        message = item.message
        buttons = tuple(
            tuple(Button(label, payload) for label, payload in row) for row in message.buttons
        )
        reply = Reply(message.text, buttons, document=message.document)
        return adapter.reply_methods([reply], target, texts("ru"))

    async def _send(self, item: Outgoing) -> None:
        chat_key = self._chat_key(item.message.chat_id)
        async with self.db.unit() as unit:
            claimed = await delivery.claim(unit, item.message.id)
        if claimed is not None:  # the text as claimed (a waiting notice may have grown)
            item = replace(item, message=claimed)
        message = item.message
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
                self._count(Send.OK)  # one per call: a long text goes in parts
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
        if failure.verdict in (Verdict.TOPIC_GONE, Verdict.TOPIC_CLOSED) and not message.request_id:
            # Not in a request's topic (a digest in the chat's General topic): nothing to fix.
            failure = Failure(Verdict.FAILED, 0.0, failure.error)
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
        self._count(
            send_outcome(
                rate_limited=failure.rate_limited, retried=failure.verdict is Verdict.RETRY
            )
        )
        async with self.db.unit() as unit:
            if parts_done != item.sent_parts:
                await delivery.set_sent_parts(unit, message.id, parts_done)
            if failure.verdict is Verdict.RETRY:
                error = failure.error + (
                    " (ambiguous: may have been delivered)" if failure.ambiguous else ""
                )
                await delivery.release(unit, message.id)
                await outbox.mark_retry(unit, message.id, error, later(now, failure.delay), now)
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
