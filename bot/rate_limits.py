"""Pacing shared by the messenger channels: token buckets, sliding windows, backoff, waits.

Pure bookkeeping over a monotonic clock (injectable for tests). Each channel states its
messenger's numbers (Telegram: 30 messages a second, 1 a second per chat…; VK: about 20
requests a second per community token) and builds its limiter from these pieces.
"""

from __future__ import annotations

import asyncio
import random
from collections import deque
from dataclasses import dataclass, field

#: Longest pause between two tries of one thing (seconds).
MAX_BACKOFF = 300.0


@dataclass
class TokenBucket:
    """``capacity`` tokens, refilled at ``rate`` tokens a second."""

    capacity: float
    rate: float
    tokens: float = field(default=-1.0)
    updated: float = 0.0

    def __post_init__(self) -> None:
        if self.tokens < 0:
            self.tokens = self.capacity

    def wait(self, now: float) -> float:
        """Seconds until a token is available (0: available now)."""
        self._refill(now)
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate

    def take(self, now: float) -> None:
        self._refill(now)
        self.tokens -= 1

    def _refill(self, now: float) -> None:
        if now > self.updated:
            self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
            self.updated = now


@dataclass
class SlidingWindow:
    """At most ``limit`` events in any ``window`` seconds (strict: no burst above it)."""

    limit: int
    window: float
    events: deque[float] = field(default_factory=deque)

    def wait(self, now: float, *, keep: int = 0) -> float:
        """Seconds until an event fits while leaving ``keep`` of the window's places free
        (0: now). Bulk sending keeps a few for the answers that may come meanwhile."""
        while self.events and self.events[0] <= now - self.window:
            self.events.popleft()
        room = max(self.limit - keep, 1)
        if len(self.events) < room:
            return 0.0
        return self.events[len(self.events) - room] + self.window - now

    def take(self, now: float) -> None:
        self.events.append(now)


def backoff(attempt: int, *, base: float = 1.0) -> float:
    """``base``, 2×, 4× … seconds (±20 %), at most :data:`MAX_BACKOFF`."""
    delay = min(MAX_BACKOFF, base * (2 ** min(attempt, 16)))
    jitter: float = random.uniform(0.8, 1.2)
    return delay * jitter


async def pause(stopping: asyncio.Event, seconds: float) -> bool:
    """Sleep ``seconds`` unless ``stopping`` is set first; True when stopping."""
    try:
        await asyncio.wait_for(stopping.wait(), timeout=max(seconds, 0.0))
    except TimeoutError:
        return False
    return True


async def wait_any(*events: asyncio.Event, seconds: float | None = None) -> None:
    """Return when one of ``events`` is set, or after ``seconds``."""
    waiters = [asyncio.ensure_future(event.wait()) for event in events]
    try:
        await asyncio.wait(waiters, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiter in waiters:
            waiter.cancel()
