"""The per-chat ordered processing of the inbox every messenger channel shares.

Updates arrive in the inbox already acknowledged to the messenger, so they must not be lost
from here on. For every chat a worker takes that chat's items one after the other, so a
conversation is never handled out of order, while other chats go on in parallel (up to
``concurrency`` at a time). An item that fails is tried again after a growing pause; the
channel decides when it is set aside (``_process`` returns the item to try again, None when
it is finished, or :data:`INTERRUPTED` when the bot is stopping in the middle of it).

A channel's processor subclasses :class:`InboxWorkers` and supplies ``_process`` (how one
item is handled, its failures recorded and the people told) and, if it wants,
``_taken`` (a look at every batch taken from the inbox).

While an item is handled, its :class:`Receipt` goes with it to the channel (Telegram: in
aiogram's middleware data, VK: in a context variable), which marks the row handled inside
the engine's unit of work, so the step and the mark commit together.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.logs import about
from bot.metrics import Metrics
from bot.rate_limits import backoff, pause, wait_any
from storage import inbox
from storage.db import Database, Unit
from storage.inbox import InboxItem
from storage.models import Platform

#: The bot is stopping in the middle of an item: leave it (and its chat) for the restart.
INTERRUPTED = object()


@dataclass
class Receipt:
    """The inbox row being handled; the channel marks it inside the step's unit of work."""

    item_id: int
    clock: Callable[[], datetime]
    #: Set once the mark is written in the step's unit of work.
    marked: bool = False

    async def mark(self, unit: Unit, replies: Any, *, now: datetime | None = None) -> None:
        """Handled, with ``replies`` still owed (None: nothing owed here); at ``now``, by
        default the receipt's clock."""
        await inbox.mark_handled(
            unit, self.item_id, replies, now=now if now is not None else self.clock()
        )
        self.marked = True


class DoneMarks:
    """Marks handled items done, the items finished meanwhile in one write (group commit).

    :meth:`mark` returns once the item's mark is committed, as a write of its own would;
    the items whose answers went out while the database was busy share the write.
    """

    def __init__(self, db: Database, clock: Callable[[], datetime]) -> None:
        self.db = db
        self.clock = clock
        self._ids: list[int] = []
        self._written: asyncio.Future[None] | None = None
        self._writer: asyncio.Task[None] | None = None

    async def mark(self, item_id: int) -> None:
        self._ids.append(item_id)
        if self._written is None:
            self._written = asyncio.get_running_loop().create_future()
            self._writer = asyncio.create_task(self._write(self._written))
        await asyncio.shield(self._written)

    async def _write(self, written: asyncio.Future[None]) -> None:
        try:
            async with self.db.unit() as unit:
                # Taken only now: the items that finished while the lock was busy join in.
                ids, self._ids, self._written = self._ids, [], None
                await inbox.mark_all_done(unit, ids, now=self.clock())
        except BaseException as exc:
            if self._written is written:  # failed before taking the items: they fail too
                self._ids, self._written = [], None
            if isinstance(exc, Exception):
                written.set_exception(exc)
                written.exception()  # retrieved here: each waiter handles it
            else:
                written.cancel()
                raise
        else:
            written.set_result(None)


class InboxWorkers:
    """Takes one platform's stored items and hands them to ``_process``, in order per chat."""

    platform: Platform
    #: Counts received and handled updates when set (``python -m bot run`` sets it).
    metrics: Metrics | None = None

    def __init__(
        self,
        *,
        db: Database,
        max_tries: int,
        retry_base: float,
        concurrency: int,
        clock: Callable[[], datetime],
    ) -> None:
        self.db = db
        self.max_tries = max_tries
        self.retry_base = retry_base
        self.clock = clock
        self.wake = asyncio.Event()
        self.stopping = asyncio.Event()
        self._slots = asyncio.Semaphore(concurrency)
        self._queues: dict[str, deque[InboxItem]] = {}
        self._workers: dict[str, asyncio.Task[None]] = {}
        self._last_id = 0
        #: Marks finished items done (several in one write).
        self.done = DoneMarks(db, clock)

    # -- what a channel supplies -----------------------------------------------------------

    async def _process(self, item: InboxItem) -> InboxItem | object | None:
        """Handle one item: None when finished (done or set aside), :data:`INTERRUPTED`
        when the bot is stopping, else the item to try again."""
        raise NotImplementedError

    def _taken(self, items: list[InboxItem]) -> None:
        """Called with every batch taken from the inbox (before any of it is handled)."""

    # -- the loop --------------------------------------------------------------------------

    async def run(self) -> None:
        """Take stored items until :meth:`stop`; then let each worker finish its item."""
        try:
            while not self.stopping.is_set():
                self.wake.clear()
                if await self._take_new():
                    continue
                await wait_any(self.wake, self.stopping, seconds=5.0)
        finally:
            workers = list(self._workers.values())
            if workers:
                await asyncio.gather(*workers, return_exceptions=True)

    def stop(self) -> None:
        self.stopping.set()

    async def drain(self) -> None:
        """Handle everything stored so far, then return (tests and benchmarks)."""
        while True:
            found = await self._take_new()
            workers = list(self._workers.values())
            if not found and not workers:
                return
            if workers:
                await asyncio.gather(*workers, return_exceptions=True)

    async def _take_new(self) -> int:
        async with self.db.unit() as unit:
            items = await inbox.open_items(unit, self.platform, after_id=self._last_id)
        for item in items:
            self._last_id = max(self._last_id, item.id)
            self._queues.setdefault(item.chat_key, deque()).append(item)
            if item.chat_key not in self._workers:
                self._workers[item.chat_key] = asyncio.create_task(self._work(item.chat_key))
        self._taken(items)
        if items and self.metrics is not None:
            self.metrics.updates_received.labels(self.platform.value).inc(len(items))
        return len(items)

    async def _work(self, chat: str) -> None:
        queue = self._queues[chat]
        try:
            while queue and not self.stopping.is_set():
                item = queue[0]
                async with self._slots:
                    if self.stopping.is_set():
                        break
                    with about(update=item.update_key):
                        outcome = await self._process(item)
                if outcome is INTERRUPTED:
                    break  # the bot is stopping: what is owed stays in the inbox
                if outcome is None:  # finished (done or set aside)
                    if self.metrics is not None:
                        self.metrics.updates_handled.labels(self.platform.value).inc()
                    queue.popleft()
                    continue
                assert isinstance(outcome, InboxItem)
                queue[0] = outcome
                await pause(self.stopping, backoff(max(outcome.tries, 1) - 1, base=self.retry_base))
        finally:
            del self._workers[chat]
            self._queues.pop(chat, None)
