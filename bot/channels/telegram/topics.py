"""One forum topic per request in the manager chat, robust where topic bots usually break.

* Created with the request's first message to the manager chat, titled with its number,
  kind, customer and status; the title follows the status as later cards arrive.
* Never two topics for one request: a lock per request in this process, and the request's
  row in ``telegram_topics`` is taken before ``createForumTopic`` (a second process waits
  for the first one's topic).
* A topic a manager deleted is created again on the next message (the sender reports
  "thread not found" and calls :meth:`ForumTopics.topic_gone`); a closed one is reopened.
* Without Topics turned on, or without the bot being an admin with "Manage topics", one
  clear line goes to the log and cards are posted to the chat as plain messages (a reply
  to a card still reaches the customer). The chat is checked again every few minutes, so
  fixing the rights needs no restart.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime

from aiogram import Bot
from aiogram.enums import ChatMemberStatus
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest
from aiogram.methods import CreateForumTopic, EditForumTopic, ReopenForumTopic

from bot.channels.telegram.errors import Verdict, classify, describe, lacks_topic_rights
from bot.channels.telegram.limits import RateLimiter
from handlers.desk.cards import who_text
from handlers.i18n import texts
from storage import requests, telegram_topics
from storage.db import Database

log = logging.getLogger(__name__)

TITLE_LIMIT = 128
RECHECK_SECONDS = 600.0


class TopicsUnavailable(Exception):
    """The chat cannot have topics now: post a plain card."""


class ForumTopics:
    def __init__(
        self,
        bot: Bot,
        db: Database,
        chat_id: int,
        limiter: RateLimiter,
        *,
        language: str = "ru",
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.bot = bot
        self.db = db
        self.chat_id = chat_id
        self.chat_key = str(chat_id)
        self.limiter = limiter
        self.t = texts(language)
        self.clock = clock
        self.monotonic = monotonic
        self.enabled: bool | None = None
        self._reason = ""
        self._checked_at = -RECHECK_SECONDS
        self._locks: dict[int, tuple[asyncio.Lock, int]] = {}

    # -- can this chat have topics? ----------------------------------------------------------

    async def available(self) -> bool:
        if self.enabled is None or (
            not self.enabled and self.monotonic() - self._checked_at >= RECHECK_SECONDS
        ):
            await self.probe()
        return bool(self.enabled)

    async def probe(self) -> None:
        """Ask Telegram whether the chat is a forum and the bot may manage its topics.

        A failure that says nothing about the chat (network, 5xx, 429) is raised: the
        card waits for the next try instead of going out without its topic.
        """
        self._checked_at = self.monotonic()
        try:
            chat = await self.bot.get_chat(self.chat_id)
            if not chat.is_forum:
                reason = "Topics are off in the manager chat (turn them on in the group settings)"
            else:
                member = await self.bot.get_chat_member(self.chat_id, self.bot.id)
                if member.status == ChatMemberStatus.CREATOR:
                    reason = ""
                elif member.status != ChatMemberStatus.ADMINISTRATOR:
                    reason = "the bot is not an administrator of the manager chat"
                elif not getattr(member, "can_manage_topics", False):
                    reason = "the bot lacks the administrator right “Manage topics”"
                else:
                    reason = ""
        except TelegramAPIError as exc:
            if classify(exc).verdict is Verdict.RETRY:
                raise
            reason = f"the manager chat cannot be read ({describe(exc)})"
        self._set(not reason, reason)

    def _set(self, enabled: bool, reason: str) -> None:
        if enabled and self.enabled is not True:
            log.info("manager chat %s: one forum topic per request", self.chat_id)
        elif not enabled and (self.enabled is not False or reason != self._reason):
            log.warning(
                "manager chat %s: %s; request cards are posted as plain messages (a "
                "reply to a card reaches the customer)",
                self.chat_id,
                reason,
            )
        self.enabled = enabled
        self._reason = reason

    def _lost_rights(self, exc: BaseException) -> None:
        self._checked_at = self.monotonic()
        self._set(False, f"cannot manage topics ({describe(exc)})")

    # -- a request's topic -------------------------------------------------------------------

    async def title(self, request_id: int) -> str:
        async with self.db.unit() as unit:
            request = await requests.get(unit, request_id)
        if request is None:
            raise TopicsUnavailable(f"request {request_id} does not exist")
        title = self.t(
            "telegram.topic_title",
            number=request.id,
            kind=self.t(f"desk.kind_{request.kind.value}"),
            customer=who_text(self.t, request.details.get("who")),
            status=self.t(f"desk.status_{request.status.value}"),
        )
        return title if len(title) <= TITLE_LIMIT else title[: TITLE_LIMIT - 1] + "…"

    @contextlib.asynccontextmanager
    async def _only_one(self, request_id: int) -> AsyncIterator[None]:
        """One caller at a time per request in this process (the lock is dropped when the
        last caller leaves, so the table of locks does not grow with every request)."""
        lock, users = self._locks.get(request_id, (asyncio.Lock(), 0))
        self._locks[request_id] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[request_id]
            if users == 1:
                del self._locks[request_id]
            else:
                self._locks[request_id] = (lock, users - 1)

    async def thread_for(self, request_id: int) -> int | None:
        """The request's topic (created or retitled as needed); None: post a plain card.

        Raises what Telegram raised when the failure is worth retrying later.
        """
        if not await self.available():
            return None
        async with self._only_one(request_id):
            try:
                return await self._thread_for(request_id)
            except TopicsUnavailable:
                return None

    async def _thread_for(self, request_id: int) -> int:
        title = await self.title(request_id)
        async with self.db.transaction() as unit:  # what is read here decides the write
            topic = await telegram_topics.topic_of(unit, self.chat_key, request_id)
            if topic is None:
                await telegram_topics.claim(unit, self.chat_key, request_id, now=self.clock())
        if topic is not None and topic.thread_id is not None:
            if topic.title != title:
                await self._retitle(request_id, topic.thread_id, title)
            return topic.thread_id
        if topic is not None:
            # Taken but never finished: the bot stopped while creating it (two instances
            # cannot run at once: Telegram refuses a second getUpdates or webhook).
            log.warning(
                "creating the topic of request %s was interrupted; creating it now "
                "(an empty duplicate topic may be left)",
                request_id,
            )
        return await self._create(request_id, title)

    async def _create(self, request_id: int, title: str) -> int:
        await self.limiter.acquire(self.chat_key)
        try:
            topic = await self.bot(CreateForumTopic(chat_id=self.chat_id, name=title))
        except Exception as exc:
            await self._forget(request_id)
            if lacks_topic_rights(exc):
                self._lost_rights(exc)
                raise TopicsUnavailable from exc
            if classify(exc).ambiguous:
                # The topic may exist though no answer came: the next try creates one
                # again; an empty duplicate topic is the price of never losing a card.
                log.warning(
                    "creating the topic of request %s: %s; it may exist twice",
                    request_id,
                    describe(exc),
                )
            raise
        async with self.db.unit() as unit:
            await telegram_topics.set_thread(
                unit, self.chat_key, request_id, topic.message_thread_id, title
            )
        log.info("request %s: topic %s created", request_id, topic.message_thread_id)
        return topic.message_thread_id

    async def _retitle(self, request_id: int, thread_id: int, title: str) -> None:
        await self.limiter.acquire(self.chat_key)
        try:
            await self.bot(
                EditForumTopic(chat_id=self.chat_id, message_thread_id=thread_id, name=title)
            )
        except TelegramBadRequest as exc:
            if "not_modified" not in str(exc).lower() and "not modified" not in str(exc).lower():
                log.info("request %s: topic title not changed (%s)", request_id, describe(exc))
                if any(m in str(exc).lower() for m in ("not found", "deleted", "invalid")):
                    await self._forget(request_id)
                    raise
                return
        except TelegramAPIError as exc:
            log.info("request %s: topic title not changed (%s)", request_id, describe(exc))
            return
        async with self.db.unit() as unit:
            await telegram_topics.set_title(unit, self.chat_key, request_id, title)

    async def _forget(self, request_id: int) -> None:
        async with self.db.unit() as unit:
            await telegram_topics.forget(unit, self.chat_key, request_id)

    async def topic_gone(self, request_id: int) -> None:
        """The topic was deleted: the next message creates a new one."""
        async with self._only_one(request_id):
            log.warning(
                "request %s: its topic was deleted in the manager chat; a new one is "
                "created for the next message",
                request_id,
            )
            await self._forget(request_id)

    async def reopen(self, request_id: int, thread_id: int) -> None:
        try:
            await self.bot(ReopenForumTopic(chat_id=self.chat_id, message_thread_id=thread_id))
        except TelegramAPIError as exc:
            log.info(
                "request %s: topic %s not reopened (%s); a new one is created",
                request_id,
                thread_id,
                describe(exc),
            )
            await self._forget(request_id)
