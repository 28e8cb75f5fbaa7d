"""Telegram's sending limits as token buckets, shared by everything that sends.

Telegram asks bots to stay under about 30 messages a second overall, one a second in a
private chat (short bursts are tolerated) and 20 a minute in a group; above that it answers
429 with ``retry_after``. One :class:`RateLimiter` per bot keeps every sender under those
numbers, so a busy manager chat queues its cards instead of being refused.

Pure bookkeeping over a monotonic clock (injectable for tests): :meth:`RateLimiter.reserve`
either takes a slot now (returns 0) or says how long to wait (and takes nothing).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.rate_limits import SlidingWindow, TokenBucket, pause, wait_any

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]
#: Re-exported: the generic pieces live in :mod:`bot.rate_limits` (shared with VK).
__all__ = [
    "Clock",
    "Limits",
    "RateLimiter",
    "Sleep",
    "SlidingWindow",
    "TokenBucket",
    "pause",
    "wait_any",
]


@dataclass(frozen=True, slots=True)
class Limits:
    per_second: int = 30
    #: A little over a second, so clock jitter between us and Telegram never shows 31.
    window: float = 1.05
    private_burst: float = 3
    private_rate: float = 1.0
    group_burst: float = 3
    group_rate: float = 20 / 60
    #: Places of the overall window a bulk send (an announcement) leaves free, so an answer
    #: that comes meanwhile never waits for the batch.
    bulk_headroom: int = 5

    def scaled(self, factor: float) -> Limits:
        """The same limits ``factor`` times faster (TELEGRAM_LIMITS_SCALE)."""
        return Limits(
            per_second=max(1, round(self.per_second * factor)),
            window=self.window,
            private_burst=self.private_burst,
            private_rate=self.private_rate * factor,
            group_burst=self.group_burst,
            group_rate=self.group_rate * factor,
            bulk_headroom=self.bulk_headroom,
        )


class RateLimiter:
    def __init__(
        self,
        limits: Limits = Limits(),
        clock: Clock = time.monotonic,
        *,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.limits = limits
        self.clock = clock
        #: How :meth:`acquire` waits (tests driving a fake clock pass one that moves it).
        self.sleep = sleep
        self._global = SlidingWindow(limits.per_second, limits.window)
        self._chats: dict[str, TokenBucket] = {}
        self._blocked_until: dict[str, float] = {}

    def _bucket(self, chat_id: str, now: float) -> TokenBucket:
        bucket = self._chats.get(chat_id)
        if bucket is None:
            group = chat_id.startswith("-")
            bucket = TokenBucket(
                self.limits.group_burst if group else self.limits.private_burst,
                self.limits.group_rate if group else self.limits.private_rate,
                updated=now,
            )
            self._chats[chat_id] = bucket
        return bucket

    def chat_wait(self, chat_id: str) -> float:
        """How long this chat must wait for its own limit (ignoring the global one)."""
        now = self.clock()
        blocked = self._blocked_until.get(chat_id, 0.0) - now
        return max(blocked, self._bucket(chat_id, now).wait(now), 0.0)

    def time_for(self, chat_id: str, count: int) -> float:
        """Seconds until ``count`` more messages may have gone to this chat at its own
        limit (ignoring the global one): the queue of a busy group measured in time."""
        if count <= 0:
            return 0.0
        now = self.clock()
        blocked = max(self._blocked_until.get(chat_id, 0.0) - now, 0.0)
        bucket = self._bucket(chat_id, now)
        bucket.wait(now)  # refills to now
        return max(blocked, (count - bucket.tokens) / bucket.rate, 0.0)

    def reserve(self, chat_id: str, *, bulk: bool = False) -> float:
        """Take a slot for one message to ``chat_id`` now (0), or say how long to wait.

        ``bulk``: the message is part of a batch and must leave
        :attr:`Limits.bulk_headroom` places of the overall window free."""
        now = self.clock()
        keep = self.limits.bulk_headroom if bulk else 0
        wait = max(
            self._blocked_until.get(chat_id, 0.0) - now,
            self._bucket(chat_id, now).wait(now),
            self._global.wait(now, keep=keep),
            0.0,
        )
        if wait > 0:
            return wait
        self._blocked_until.pop(chat_id, None)
        self._bucket(chat_id, now).take(now)
        self._global.take(now)
        return 0.0

    def overall_wait(self, *, bulk: bool = False) -> float:
        """Seconds until the overall limit has a place (for a bulk send: one beyond the
        headroom kept for answers); takes nothing."""
        keep = self.limits.bulk_headroom if bulk else 0
        return self._global.wait(self.clock(), keep=keep)

    def block(self, chat_id: str, seconds: float) -> None:
        """Telegram said ``retry_after``: nothing more to this chat until then."""
        until = self.clock() + seconds
        self._blocked_until[chat_id] = max(self._blocked_until.get(chat_id, 0.0), until)

    async def acquire(self, chat_id: str) -> None:
        """Wait for a slot (for senders that may block, e.g. the answers to one chat)."""
        while (wait := self.reserve(chat_id)) > 0:
            await self.sleep(wait)

    def forget_idle(self) -> None:
        """Drop full buckets of chats not seen lately (keeps memory flat)."""
        now = self.clock()
        for chat_id in [
            c for c, b in self._chats.items() if b.wait(now) == 0 and b.tokens >= b.capacity
        ]:
            del self._chats[chat_id]
        for chat_id in [c for c, t in self._blocked_until.items() if t <= now]:
            del self._blocked_until[chat_id]
