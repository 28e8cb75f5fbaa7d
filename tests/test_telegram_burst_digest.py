"""A burst of new requests reaches the managers within a minute.

Telegram lets a bot post 20 messages a minute to a group, and in a forum a new request's
card costs two (its topic, then the card): 300 requests take half an hour to show up as
cards. The sender sends one digest ahead of the cards, naming the waiting new requests by
number and kind, and the cards follow as the limit allows.

The scenarios run over the fake Bot API (:class:`FakeTelegram`, enforcing Telegram's limits
and answering 429 above them) on a fake clock: customers file requests through real
updates, and a small discrete-event driver moves the clock to the next thing that can
happen (a customer's message, a send the limiter allows, a limiter wait ending). Nothing
sleeps for real. What is checked is what a manager sees in the manager chat.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.channels.telegram import digest
from bot.channels.telegram.limits import Limits, RateLimiter
from bot.channels.telegram.polling import store_updates
from bot.channels.telegram.sender import OutboxSender
from bot.channels.telegram.topics import ForumTopics
from handlers.i18n import Texts
from handlers.policy import Policy
from storage.columns import time_from_db
from storage.db import Database
from storage.digests import Queued
from storage.models import RequestKind
from tests.support.telegram_fakes import ApiError, FakeTelegram, Sent
from tests.support.telegram_world import MANAGER_CHAT, NOW, World, make_world

CARD = re.compile(r"^Заявка №(\d+): ")
NUMBER = re.compile(r"№(\d+)")
MINUTE = timedelta(seconds=60)


class VirtualTime:
    """Limiter waits on the fake clock: a waiter sleeps until the driver moves time on."""

    def __init__(self, world: World) -> None:
        self.clock = world.clock
        self._sleepers: list[tuple[datetime, int, asyncio.Future[None]]] = []
        self._order = itertools.count()
        self.changed = asyncio.Event()

    async def sleep(self, seconds: float) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        # The clock counts whole microseconds and the limiter float seconds: a wait is
        # rounded up, or a sub-microsecond remainder would wake the waiter at once, forever.
        at = self.clock() + timedelta(microseconds=max(1, math.ceil(seconds * 1_000_000)))
        heapq.heappush(self._sleepers, (at, next(self._order), future))
        self.changed.set()
        await future

    @property
    def sleeping(self) -> int:
        return len(self._sleepers)

    def next_wake(self) -> datetime | None:
        return self._sleepers[0][0] if self._sleepers else None

    def wake_due(self) -> bool:
        woke = False
        while self._sleepers and self._sleepers[0][0] <= self.clock():
            heapq.heappop(self._sleepers)[2].set_result(None)
            woke = True
        return woke


@dataclass
class Burst:
    """The manager chat of ``world`` behind Telegram's real limits, and what it received."""

    world: World
    sender: OutboxSender
    time: VirtualTime
    #: (when, customer) still to write: "/ask", then the question.
    arrivals: list[tuple[datetime, int]] = field(default_factory=list)
    #: Everything the manager chat received, with the (fake) time it arrived.
    seen: list[tuple[datetime, Sent]] = field(default_factory=list)
    _stamped: int = 0

    @property
    def fake(self) -> FakeTelegram:
        return self.world.fake

    def customers(self, count: int, *, start: timedelta, every: timedelta) -> None:
        first = 5000 + len(self.arrivals)
        for index in range(count):
            self.arrivals.append((NOW + start + every * index, first + index))
        self.arrivals.sort()

    async def _quiet(self) -> None:
        """Until every send in flight has finished or waits for the limiter."""
        while len(tasks := set(self.sender._in_flight.values())) > self.time.sleeping:
            self.time.changed.clear()
            changed = asyncio.ensure_future(self.time.changed.wait())
            await asyncio.wait({*tasks, changed}, return_when=asyncio.FIRST_COMPLETED)
            changed.cancel()

    async def _customers_write(self) -> bool:
        now = self.world.clock()
        due = [user for at, user in self.arrivals if at <= now]
        if not due:
            return False
        self.arrivals = [(at, user) for at, user in self.arrivals if at > now]
        for user in due:
            updates = [
                self.fake.message(user, "/ask"),
                self.fake.message(user, f"Question from {user}"),
            ]
            await store_updates(self.world.db, updates, now=now)
        await self.world.processor.drain()
        return True

    def _stamp(self) -> bool:
        sent = self.fake.to(MANAGER_CHAT)
        new = sent[self._stamped :]
        self._stamped = len(sent)
        self.seen.extend((self.world.clock(), item) for item in new)
        return bool(new)

    async def _queued(self) -> int:
        async with self.world.db.unit() as unit:
            row = await unit.fetchone(
                "SELECT COUNT(*) FROM outbox WHERE platform = 'telegram' "
                "AND status IN ('pending', 'sending')"
            )
        return int(row[0]) if row else 0

    async def run(self, *, until: datetime | None = None) -> None:
        """Move time on until ``until``, or until every customer wrote and every message
        went out."""
        clock = self.world.clock
        while True:
            progress = self.time.wake_due()
            await self._quiet()
            progress = await self._customers_write() or progress
            wait = await self.sender.dispatch_due()
            await self._quiet()
            progress = self._stamp() or progress
            if progress:
                continue
            now = clock()
            if until is not None and now >= until:
                return
            idle = until is None and not self.arrivals and not self.sender._in_flight
            if idle and await self._queued() == 0:
                return
            candidates = [now + timedelta(seconds=max(wait, 0.01))]
            if self.arrivals:
                candidates.append(self.arrivals[0][0])
            if (wake := self.time.next_wake()) is not None:
                candidates.append(wake)
            if until is not None:
                candidates.append(until)
            clock.now = max(min(candidates), now + timedelta(milliseconds=1))
            assert clock.now < NOW + timedelta(hours=2), "the burst never drained"

    # -- what the managers saw --------------------------------------------------------------

    def cards(self) -> dict[int, datetime]:
        """Request number → when its first card arrived (cards are posted in topics)."""
        first: dict[int, datetime] = {}
        for at, sent in self.seen:
            match = CARD.match(sent.plain)
            if match and sent.thread_id is not None:
                first.setdefault(int(match.group(1)), at)
        return first

    def card_count(self) -> Counter[int]:
        return Counter(
            int(match.group(1)) for _, sent in self.seen if (match := CARD.match(sent.plain))
        )

    def digests(self) -> list[tuple[datetime, Sent]]:
        return [(at, sent) for at, sent in self.seen if sent.plain.startswith("📥")]

    def named(self) -> dict[int, datetime]:
        """Request number → when a digest first named it."""
        first: dict[int, datetime] = {}
        for at, sent in self.digests():
            for number in NUMBER.findall(sent.plain):
                first.setdefault(int(number), at)
        return first


async def filed(db: Database) -> dict[int, datetime]:
    """Request number → when it was filed."""
    async with db.unit() as unit:
        rows = await unit.fetchall("SELECT id, created_at FROM requests ORDER BY id")
    times = {int(row["id"]): time_from_db(row["created_at"]) for row in rows}
    return {number: at for number, at in times.items() if at is not None}


def make_sender(world: World, time: VirtualTime, *, language: str = "ru") -> OutboxSender:
    """The manager chat's sender with Telegram's real limits on the fake clock."""
    clock = world.clock
    limiter = RateLimiter(Limits(), clock=lambda: clock().timestamp(), sleep=time.sleep)
    topics = ForumTopics(
        world.bot,
        world.db,
        MANAGER_CHAT,
        limiter,
        clock=clock,
        monotonic=lambda: clock().timestamp(),
    )
    return OutboxSender(
        bot=world.bot,
        db=world.db,
        limiter=limiter,
        topics=topics,
        manager_chat_id=MANAGER_CHAT,
        language=language,
        clock=clock,
    )


@pytest.fixture
async def burst(db: Database, policy: Policy, tmp_path: Path) -> Burst:
    fake = FakeTelegram(manager_chat_id=MANAGER_CHAT, enforce_limits=True)
    world = await make_world(db, policy, tmp_path, fake=fake, demo=False)
    fake.monotonic = lambda: world.clock().timestamp()
    time = VirtualTime(world)
    return Burst(world, make_sender(world, time), time)


# -- the burst ------------------------------------------------------------------------------


async def test_three_hundred_requests_in_a_minute_reach_the_managers_within_a_minute(
    burst: Burst,
) -> None:
    burst.customers(300, start=timedelta(0), every=timedelta(seconds=0.2))
    await burst.run()

    arrived = await filed(burst.world.db)
    assert len(arrived) == 300
    assert max(arrived.values()) - min(arrived.values()) < MINUTE
    cards, named = burst.cards(), burst.named()

    # Every request is named to the managers (its card, or a digest) within a minute.
    learned = {number: min(cards[number], named.get(number, cards[number])) for number in arrived}
    late = {
        n: (learned[n] - at).total_seconds()
        for n, at in arrived.items()
        if learned[n] - at > MINUTE
    }
    assert late == {}
    slowest = max((learned[n] - at).total_seconds() for n, at in arrived.items())
    assert slowest <= 45  # a digest at most half a minute after the first it names, + a slot

    # A few digests, each naming only requests whose cards had not come yet, none twice.
    sent_digests = burst.digests()
    assert 1 <= len(sent_digests) <= 4
    listed = [int(n) for _, sent in sent_digests for n in NUMBER.findall(sent.plain)]
    assert len(listed) == len(set(listed))
    assert all(named[n] < cards[n] for n in listed)
    assert len(listed) >= 250  # most cards come far too late to tell the managers
    first_at, first = sent_digests[0]
    assert first_at - NOW < MINUTE
    assert first.thread_id is None  # the chat's General topic, not some request's
    assert "вопрос менеджеру: №" in first.plain  # kinds in the business's words
    assert re.search(r"^📥 \d+ нов(ая заявка|ые заявки|ых заявок):$", first.plain, re.MULTILINE)
    assert "примерно через" in first.plain and "/open" in first.plain

    # All 300 cards still arrive, once each, each in its request's topic; Telegram never
    # had to refuse a message (the fake answers 429 above its limits).
    assert burst.card_count() == Counter(dict.fromkeys(arrived, 1))
    assert all(sent.thread_id is not None for _, sent in burst.seen if CARD.match(sent.plain))
    assert burst.fake.rate_limited == 0
    last_card = max(cards.values()) - NOW
    assert timedelta(minutes=25) < last_card < timedelta(minutes=35)  # 2 messages a card


async def test_no_digest_without_a_backlog(burst: Burst) -> None:
    # Eight at once, then one every quarter minute: the limit lets every card out in time.
    burst.customers(8, start=timedelta(0), every=timedelta(seconds=0.1))
    burst.customers(12, start=timedelta(seconds=20), every=timedelta(seconds=15))
    await burst.run()

    arrived = await filed(burst.world.db)
    cards = burst.cards()
    assert set(cards) == set(arrived) and len(arrived) == 20
    assert all(cards[n] - at <= MINUTE for n, at in arrived.items())
    assert burst.digests() == []
    assert burst.sender.digests == 0
    assert burst.fake.rate_limited == 0


async def test_a_restart_does_not_name_a_request_twice(burst: Burst) -> None:
    burst.customers(30, start=timedelta(0), every=timedelta(seconds=0.1))
    await burst.run(until=NOW + timedelta(seconds=20))
    assert len(burst.digests()) == 1
    first = set(burst.named())
    assert len(first) >= 20

    # The bot restarts (a fresh sender and limiter) and ten more customers write.
    burst.sender = make_sender(burst.world, burst.time)
    await burst.sender.recover()
    burst.customers(10, start=timedelta(seconds=25), every=timedelta(seconds=0.1))
    await burst.run()

    later = [int(n) for _, sent in burst.digests()[1:] for n in NUMBER.findall(sent.plain)]
    assert later and not set(later) & first
    arrived = await filed(burst.world.db)
    assert set(burst.named()) | set(burst.cards()) == set(arrived)
    assert burst.card_count() == Counter(dict.fromkeys(arrived, 1))


async def test_a_digest_refused_for_good_names_its_requests_again(burst: Burst) -> None:
    # Telegram refuses the first digest for good (say, the chat's General topic is closed).
    answer = burst.fake._sendMessage
    refused: list[str] = []

    def refusing(params: dict[str, Any]) -> dict[str, Any]:
        text = str(params.get("text", ""))
        if text.startswith("📥") and not refused:
            refused.append(text)
            raise ApiError(400, "Bad Request: TOPIC_CLOSED")
        return answer(params)

    burst.fake._sendMessage = refusing  # type: ignore[method-assign]
    burst.customers(15, start=timedelta(0), every=timedelta(seconds=0.1))
    await burst.run(until=NOW + MINUTE)

    async with burst.world.db.unit() as unit:
        rows = await unit.fetchall("SELECT status FROM outbox WHERE topic = 'digest' ORDER BY id")
    assert [row["status"] for row in rows] == ["failed", "sent"]
    [(_, second)] = burst.digests()
    cards = burst.cards()
    again = {int(n) for n in NUMBER.findall(refused[0]) if int(n) not in cards}
    assert again and again <= {int(n) for n in NUMBER.findall(second.plain)}
    arrived = await filed(burst.world.db)
    learned = {**cards, **burst.named()}
    assert all(learned[n] - at <= MINUTE for n, at in arrived.items())


# -- the plan and the text, on their own ------------------------------------------------------


def _queued(number: int, at: datetime, *, unseen: bool = True, named: bool = False) -> Queued:
    return Queued(
        outbox_id=number,
        request_id=number,
        kind=RequestKind.KEY_LOSS if number % 2 else RequestKind.QUESTION,
        created_at=at,
        sending=False,
        unseen=unseen,
        named=named,
        digest=False,
    )


def _group_limit(count: int) -> float:
    """A group's limit from full: 3 at once, then one every 3 seconds."""
    return max(0.0, (count - 3) * 3.0)


@pytest.mark.parametrize(("waiting", "digest_now"), [(10, False), (12, True)])
def test_a_digest_is_due_once_a_card_would_come_after_a_minute(
    waiting: int, digest_now: bool
) -> None:
    queue = [_queued(n, NOW) for n in range(1, waiting + 1)]
    plan = digest.plan(queue, now=NOW, time_for=_group_limit, topic_cost=1, last_digest=None)
    assert bool(plan.named) is digest_now
    if digest_now:
        assert [row.request_id for row in plan.named] == list(range(1, waiting + 1))
    # A plain group (no topics) lets twice as many through in time.
    plain = digest.plan(queue, now=NOW, time_for=_group_limit, topic_cost=0, last_digest=None)
    assert plain.named == ()


def test_requests_already_seen_or_named_are_not_named_again() -> None:
    queue = [_queued(n, NOW, named=n <= 5, unseen=n != 20) for n in range(1, 31)]
    plan = digest.plan(queue, now=NOW, time_for=_group_limit, topic_cost=1, last_digest=None)
    assert [row.request_id for row in plan.named] == [n for n in range(6, 31) if n != 20]


def test_the_next_digest_waits_for_the_gap() -> None:
    queue = [_queued(n, NOW) for n in range(1, 31)]
    plan = digest.plan(
        queue,
        now=NOW,
        time_for=_group_limit,
        topic_cost=1,
        last_digest=NOW - timedelta(seconds=10),
    )
    assert plan.named == () and plan.due_in == pytest.approx(20)


@pytest.mark.parametrize(
    ("language", "header", "line", "footer"),
    [
        ("ru", "📥 3 новые заявки:", "• утеря, кража или поломка ключа: №1, №3", "21 минуту"),
        ("en", "📥 3 new requests:", "• lost, stolen or broken key: #1, #3", "21 minutes"),
        ("bg", "📥 3 нови заявки:", "• изгубен, откраднат или повреден ключ: №1, №3", "21 минути"),
    ],
)
def test_the_digest_reads_in_the_chats_language(
    language: str, header: str, line: str, footer: str
) -> None:
    rows = [_queued(n, NOW) for n in (1, 2, 3)]
    [(text, numbers)] = digest.compose(
        Texts(language, "RUB"), rows, last_in=20 * 60 + 5, per_minute=20
    )
    assert numbers == [1, 2, 3]
    lines = text.splitlines()
    assert lines[0] == header and lines[1] == line and footer in lines[-1]


def test_a_long_list_is_split_into_messages_telegram_accepts() -> None:
    rows = [_queued(n, NOW) for n in range(10_000, 11_000)]
    composed = digest.compose(Texts("ru", "RUB"), rows, last_in=3000, per_minute=20)
    assert len(composed) > 1
    assert all(len(text) <= digest.TEXT_LIMIT for text, _ in composed)
    assert [n for _, numbers in composed for n in numbers] == list(range(10_000, 11_000))
