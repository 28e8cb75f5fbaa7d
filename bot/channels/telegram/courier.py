"""Sends the answers to an update right away, within the limits, retrying what may be retried.

The answers were stored with the update's "handled" mark (:mod:`storage.inbox`), so if the
bot stops (or dies) before they are out they are sent after the restart. While stopping,
a pending retry is abandoned with :class:`DeliveryInterrupted` instead of holding the stop.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiogram import Bot
from aiogram.methods import TelegramMethod

from bot.channels.telegram.errors import Verdict, classify
from bot.channels.telegram.limits import RateLimiter, pause
from bot.metrics import Metrics, Send, send_outcome

log = logging.getLogger(__name__)


class DeliveryInterrupted(Exception):
    """The bot is stopping; the answers stay owed and go out after the restart."""


class DeliveryPostponed(Exception):
    """Telegram kept failing: the caller hands the rest to the outbox (retried for good)."""


class Courier:
    #: Counts sends by outcome when set (``python -m bot run`` sets it).
    metrics: Metrics | None = None

    def __init__(
        self,
        bot: Bot,
        limiter: RateLimiter,
        *,
        stopping: asyncio.Event | None = None,
        max_tries: int = 8,
    ) -> None:
        self.bot = bot
        self.limiter = limiter
        self.stopping = stopping or asyncio.Event()
        self.max_tries = max_tries

    async def _pause(self, seconds: float) -> None:
        if await pause(self.stopping, seconds):
            raise DeliveryInterrupted

    async def send(self, method: TelegramMethod[Any], chat_id: int | str) -> Any | None:
        """Send one call; None when Telegram refused it for good (logged).

        Raises :class:`DeliveryPostponed` when retries ran out, :class:`DeliveryInterrupted`
        when the bot is stopping.
        """
        chat = str(chat_id)
        for attempt in range(self.max_tries):
            while (wait := self.limiter.reserve(chat)) > 0:
                await self._pause(wait)
            try:
                result = await self.bot(method)
            except Exception as exc:  # every failure is classified
                # Someone is waiting for this answer: the first retry comes sooner.
                failure = classify(exc, attempt, base=0.5)
                self._count(
                    send_outcome(
                        rate_limited=failure.rate_limited, retried=failure.verdict is Verdict.RETRY
                    )
                )
                if failure.verdict is not Verdict.RETRY:
                    level = logging.INFO if failure.verdict is Verdict.REFUSED else logging.ERROR
                    log.log(
                        level,
                        "%s to chat %s not sent: %s",
                        method.__api_method__,
                        chat,
                        failure.error,
                    )
                    return None
                if failure.rate_limited:
                    self.limiter.block(chat, failure.delay)
                if failure.ambiguous:
                    log.warning(
                        "%s to chat %s: %s; Telegram may have delivered it, sending again "
                        "(possible duplicate)",
                        method.__api_method__,
                        chat,
                        failure.error,
                    )
                else:
                    log.info(
                        "%s to chat %s: %s; retry in %.1f s",
                        method.__api_method__,
                        chat,
                        failure.error,
                        failure.delay,
                    )
                if self.stopping.is_set():
                    raise DeliveryInterrupted from exc
                await self._pause(failure.delay)
            else:
                self._count(Send.OK)
                return result
        log.warning(
            "%s to chat %s still failing after %d tries: handed to the outbox",
            method.__api_method__,
            chat,
            self.max_tries,
        )
        raise DeliveryPostponed

    def _count(self, outcome: str) -> None:
        if self.metrics is not None:
            self.metrics.send("telegram", outcome)
