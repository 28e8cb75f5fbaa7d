"""The outbox draining loop every messenger channel shares.

A channel's sender subclasses :class:`OutboxDrain` and supplies only what belongs to its
messenger: how one row is sent and how a failure is classified (``_send``), how a chat is
keyed (``_chat_key``), whether a chat must wait for its rate limit (``_hold``) and what to
say about rows a crash left ``sending`` (``_resending``). The loop itself is the same for
all: one chat's messages go out in order (:func:`storage.delivery.due_in_order`), several
chats are served at once (``concurrency`` requests in flight, one per chat), and the loop
sleeps until the next row is due or a finished send wakes it.

Bulk rows (announcements, ``Outgoing.bulk``) come after every due service row
(:func:`storage.delivery.due_in_order`), never take the last request slot in flight, and
ask :meth:`OutboxDrain._hold_bulk`, which keeps part of the messenger's limit free: an
answer to a customer that arrives during a batch goes out at once (docs/rules.md#announcements).
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial

from bot.health import Heartbeat
from bot.logs import about
from bot.metrics import Metrics
from bot.rate_limits import wait_any
from storage import delivery
from storage.db import Database
from storage.delivery import Outgoing
from storage.models import Platform


def utc_now() -> datetime:
    return datetime.now(UTC)


def later(now: datetime, seconds: float) -> datetime:
    """The next try, in whole seconds (the outbox stores times to the second)."""
    return now + timedelta(seconds=max(1, math.ceil(seconds)))


class OutboxDrain:
    """Sends the due outbox rows of one platform, one request in flight per chat."""

    platform: Platform
    #: Counts sends by outcome when set (``python -m bot run`` sets it).
    metrics: Metrics | None = None
    #: Beats at every turn of :meth:`run` when set (``/healthz``).
    heartbeat: Heartbeat | None = None

    def __init__(
        self,
        *,
        db: Database,
        concurrency: int,
        batch: int,
        idle_poll: float,
        clock: Callable[[], datetime],
    ) -> None:
        self.db = db
        self.concurrency = concurrency
        self.batch = batch
        self.idle_poll = idle_poll
        self.clock = clock
        self.wake = asyncio.Event()
        self._in_flight: dict[str, asyncio.Task[None]] = {}
        #: The chats of ``_in_flight`` whose request is a bulk row.
        self._bulk_in_flight: set[str] = set()
        self.sent = 0

    # -- what a channel supplies -------------------------------------------------------------

    async def _send(self, item: Outgoing) -> None:
        """Send one row and record its outcome (never raises)."""
        raise NotImplementedError

    def _chat_key(self, chat_id: str) -> str:
        """The chat whose messages must go out in order (one request in flight each)."""
        return chat_id

    def _hold(self, chat: str) -> float:
        """Seconds ``chat`` must wait for its rate limit (0: it may send now)."""
        return 0.0

    def _hold_bulk(self, chat: str) -> float:
        """Like :meth:`_hold` for a bulk row, which must leave room in the limit for the
        answers that may come meanwhile (by default the same as :meth:`_hold`)."""
        return self._hold(chat)

    def _resending(self, ids: list[int]) -> None:
        """Say that the rows a crash left ``sending`` go out again."""

    # -- the loop ----------------------------------------------------------------------------

    async def recover(self) -> None:
        """Rows a crash left ``sending`` go out again."""
        async with self.db.unit() as unit:
            ids = await delivery.interrupted(unit, self.platform)
        self._resending(ids)

    async def run(self, stopping: asyncio.Event) -> None:
        await self.recover()
        while not stopping.is_set():
            if self.heartbeat is not None:
                self.heartbeat.beat()
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
                due = await delivery.due_in_order(unit, self.platform, self.clock(), limit=1)
            if not due:
                return
            await asyncio.sleep(min(wait, max(deadline - loop.time(), 0.0)))

    async def dispatch_due(self) -> float:
        """Start sending what may go now; returns how long until something else may."""
        if len(self._in_flight) >= self.concurrency:
            return self.idle_poll
        async with self.db.unit() as unit:
            due = await delivery.due_in_order(unit, self.platform, self.clock(), limit=self.batch)
        soonest = self.idle_poll
        for item in due:
            chat = self._chat_key(item.message.chat_id)
            if chat in self._in_flight:
                continue
            if len(self._in_flight) >= self.concurrency:
                soonest = min(soonest, 0.05)
                break
            if item.bulk and len(self._bulk_in_flight) >= max(self.concurrency - 1, 1):
                soonest = min(soonest, 0.05)
                break  # the last slot stays free for an answer
            wait = self._hold_bulk(chat) if item.bulk else self._hold(chat)
            if wait > 0:
                soonest = min(soonest, wait)
                continue
            task = asyncio.create_task(self._send_about(item))
            self._in_flight[chat] = task
            if item.bulk:
                self._bulk_in_flight.add(chat)
            task.add_done_callback(partial(self._finished, chat))
        if len(due) == self.batch:
            soonest = min(soonest, 0.05)
        if not due:
            async with self.db.unit() as unit:
                next_at = await delivery.next_due_at(unit, self.platform)
            if next_at is not None:
                soonest = min(soonest, max((next_at - self.clock()).total_seconds(), 0.01))
        return soonest

    async def _send_about(self, item: Outgoing) -> None:
        """:meth:`_send`, its log lines naming the row and its request."""
        with about(outbox=item.message.id, request=item.message.request_id):
            await self._send(item)

    def _count(self, outcome: str) -> None:
        """One send's outcome (:class:`bot.metrics.Send`)."""
        if self.metrics is not None:
            self.metrics.send(self.platform.value, outcome)

    def _finished(self, chat: str, _task: object = None) -> None:
        self._in_flight.pop(chat, None)
        self._bulk_in_flight.discard(chat)
        self.wake.set()
