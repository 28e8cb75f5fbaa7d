"""Is the running bot healthy? (``/healthz``, :mod:`bot.monitoring`.)

A :class:`Monitor` lives in the :class:`~bot.app.App`: it holds the :class:`~bot.metrics.Metrics`
and a :class:`Heartbeat` for each loop that must keep turning (a channel's poller after
every answered poll, its outbox sender after every pass), and the scheduler's state.
:meth:`Monitor.health` checks:

* the database answers (``SELECT 1`` within :data:`DATABASE_TIMEOUT`);
* every heartbeat is recent (a poller: Telegram or VK answered within its long-poll time
  and a margin; a sender: its loop turned within a minute);
* the scheduler is running;
* no due outbox message has waited longer than ``HEALTH_OUTBOX_MAX_AGE`` (a sender whose
  sends hang, a chat it never gets to).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from bot.metrics import Metrics
from storage import outbox, requests
from storage.db import Database

#: Longest wait for the database to answer ``SELECT 1`` (a step holds its lock meanwhile).
DATABASE_TIMEOUT = 5.0
#: A sender's loop turns at least every second or so; this long without a turn is stuck.
SENDER_LIMIT = 60.0
#: A poller's round is a long poll (25 s) plus the answer's way; this long without an
#: answered round means the messenger has not been reachable for a while.
POLLER_LIMIT = 120.0


def utc_now() -> datetime:
    return datetime.now(UTC)


class Heartbeat:
    """The last time a loop turned (``beat``); dead after ``limit`` seconds without one."""

    def __init__(self, name: str, limit: float, monotonic: Callable[[], float]) -> None:
        self.name = name
        self.limit = limit
        self.monotonic = monotonic
        self.last: float | None = None

    def beat(self) -> None:
        self.last = self.monotonic()

    def check(self) -> Check:
        if self.last is None:
            return Check(self.name, False, "not started yet")
        age = self.monotonic() - self.last
        if age > self.limit:
            return Check(self.name, False, f"no turn for {age:.0f} s (limit {self.limit:.0f} s)")
        return Check(self.name, True, f"turned {age:.0f} s ago")


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    ok: bool
    detail: str


@dataclass(frozen=True, slots=True)
class Health:
    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    def as_json(self) -> dict[str, object]:
        return {
            "status": "ok" if self.ok else "failing",
            "checks": {c.name: {"ok": c.ok, "detail": c.detail} for c in self.checks},
        }


@dataclass
class Monitor:
    metrics: Metrics = field(default_factory=Metrics)
    clock: Callable[[], datetime] = utc_now
    monotonic: Callable[[], float] = time.monotonic
    parts: dict[str, Heartbeat] = field(default_factory=dict)
    #: Whether the scheduler is running (None: no scheduler in this process).
    scheduler_running: Callable[[], bool] | None = None

    def heartbeat(self, name: str, limit: float) -> Heartbeat:
        """The heartbeat of the loop ``name`` (registered for ``/healthz``)."""
        beat = Heartbeat(name, limit, self.monotonic)
        self.parts[name] = beat
        return beat

    async def health(self, db: Database, *, outbox_max_age: float) -> Health:
        checks = [await self._database(db)]
        checks += [part.check() for part in self.parts.values()]
        if self.scheduler_running is not None:
            running = self.scheduler_running()
            checks.append(Check("scheduler", running, "running" if running else "stopped"))
        checks += await self._outbox(db, outbox_max_age)
        return Health(tuple(checks))

    async def _database(self, db: Database) -> Check:
        async def ask() -> None:
            async with db.unit() as unit:
                await unit.fetchone("SELECT 1")

        try:
            await asyncio.wait_for(ask(), DATABASE_TIMEOUT)
        except TimeoutError:
            return Check("database", False, f"no answer within {DATABASE_TIMEOUT:.0f} s")
        except Exception as exc:
            return Check("database", False, f"{type(exc).__name__}: {exc}")
        return Check("database", True, "answers")

    async def _outbox(self, db: Database, max_age: float) -> list[Check]:
        now = self.clock()
        try:
            async with db.unit() as unit:
                backlogs = await outbox.backlog(unit, now)
        except Exception as exc:
            return [Check("outbox", False, f"{type(exc).__name__}: {exc}")]
        stuck = [
            (b, (now - b.oldest_due_at).total_seconds())
            for b in backlogs
            if b.oldest_due_at is not None and now - b.oldest_due_at > timedelta(seconds=max_age)
        ]
        if stuck:
            detail = "; ".join(
                f"{b.platform.value}: a due message waits for {age:.0f} s (limit {max_age:.0f} s)"
                for b, age in stuck
            )
            return [Check("outbox", False, detail)]
        depth = sum(b.depth for b in backlogs)
        return [Check("outbox", True, f"{depth} not sent yet, none waiting too long")]

    async def refresh(self, db: Database) -> None:
        """Set the gauges read from the database (before ``/metrics`` answers)."""
        now = self.clock()
        async with db.unit() as unit:
            backlogs = await outbox.backlog(unit, now)
            open_requests = await requests.open_by_kind(unit)
        m = self.metrics
        m.outbox_depth.clear()
        m.outbox_oldest_due.clear()
        m.requests_open.clear()
        for b in backlogs:
            m.outbox_depth.labels(b.platform.value).set(b.depth)
            age = (now - b.oldest_due_at).total_seconds() if b.oldest_due_at else 0.0
            m.outbox_oldest_due.labels(b.platform.value).set(max(age, 0.0))
        for kind, count in open_requests.items():
            m.requests_open.labels(kind.value).set(count)
