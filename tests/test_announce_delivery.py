"""Delivering an announcement (docs/rules.md#announcements): 3,000 messages through the fake
Telegram Bot API at Telegram's real limits, with answers to customers queued while the batch
is going out: every answer leaves at the moment it is queued, ahead of the batch, and the
overall limit always has room for a direct reply. Time is the test's clock, moved by what
the limiter says it must wait; nothing sleeps. A recipient who blocked the bot is recorded
as such, one whose message Telegram refuses for another reason as failed, and the final
report tells the manager chat both, with the presses of the button."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest

from bot.channels.telegram.limits import Limits, RateLimiter
from bot.channels.telegram.sender import OutboxSender
from handlers.desk import announcing
from handlers.desk.announcing import Author, Draft
from handlers.engine.messages import Incoming
from handlers.policy import Policy
from storage import announcements, outbox
from storage.db import Database
from storage.models import Platform
from tests.support.announce_world import LANGUAGES
from tests.support.telegram_fakes import FakeTelegram
from tests.support.telegram_world import MANAGER, MANAGER_CHAT, NOW, World, make_world

TG = Platform.TELEGRAM
RECIPIENTS = 3000
FIRST_USER = 500_000
BLOCKED = {FIRST_USER + n for n in range(7, RECIPIENTS, 100)}  # 30 people blocked the bot
#: After how many delivered messages an answer to a customer is queued.
ANSWER_AFTER = (1, 400, 1000, 1777, 2500)


@dataclass
class Delivery:
    world: World
    sender: OutboxSender
    limiter: RateLimiter
    #: (the test clock's seconds since the start, chat, text) of every message Telegram took.
    received: list[tuple[float, int, str]] = field(default_factory=list)
    #: (seconds since the start, chat, text) of every answer queued during the batch.
    answers: list[tuple[float, int, str]] = field(default_factory=list)

    def seconds(self) -> float:
        return (self.world.clock() - NOW).total_seconds()


@pytest.fixture
async def delivery(db: Database, policy: Policy, tmp_path: Path) -> Delivery:
    clock_holder: list[World] = []
    fake = FakeTelegram(
        manager_chat_id=MANAGER_CHAT,
        enforce_limits=True,  # Telegram's own limits: more would be answered 429
        monotonic=lambda: clock_holder[0].clock().timestamp(),
    )
    world = await make_world(db, policy, tmp_path, fake=fake, demo=False)
    clock_holder.append(world)
    fake.blocked.update(BLOCKED)
    limiter = RateLimiter(Limits(), clock=lambda: world.clock().timestamp())
    sender = OutboxSender(
        bot=world.bot, db=db, limiter=limiter, manager_chat_id=MANAGER_CHAT, clock=world.clock
    )
    at = NOW.isoformat()
    async with db.unit() as unit:
        await unit.executemany(
            "INSERT INTO accounts (platform, user_id, language, created_at) VALUES (?, ?, ?, ?)",
            (("telegram", str(FIRST_USER + n), LANGUAGES[n % 3], at) for n in range(RECIPIENTS)),
        )
    return Delivery(world, sender, limiter)


async def announce(delivery: Delivery) -> int:
    draft = Draft(
        text_ru="Вышла версия 2027",
        text_en="Version 2027 is out",
        text_bg="Излезе версия 2027",
        button="manager",
    )
    author = Author(f"manager:telegram:{MANAGER}", TG, str(MANAGER_CHAT), "ru")
    async with delivery.world.db.unit() as unit:
        number, queued = await announcing.send(unit, draft, author, today=NOW.date(), now=NOW)
    assert queued == RECIPIENTS
    return number


async def answer(delivery: Delivery, chat: int) -> None:
    """A manager's answer to a customer, queued now (what "Reply" on a card writes)."""
    text = f"Ответ на вашу заявку для {chat}"
    async with delivery.world.db.unit() as unit:
        await outbox.enqueue(unit, TG, str(chat), text, now=delivery.world.clock())
    delivery.answers.append((delivery.seconds(), chat, text))
    # A direct reply to a customer's message (the courier) finds a place in the overall limit.
    assert delivery.limiter.reserve(str(900_000 + chat)) == 0


async def pending(delivery: Delivery) -> int:
    async with delivery.world.db.unit() as unit:
        return await outbox.pending_count(unit, TG)


async def run_until_done(delivery: Delivery) -> None:
    """Dispatch, let the requests finish, and move the clock by what the limiter says."""
    fake, world = delivery.world.fake, delivery.world
    answered = 0
    for _ in range(100_000):
        if answered < len(ANSWER_AFTER) and len(fake.sent) >= ANSWER_AFTER[answered]:
            # A customer whose own announcement is still waiting gets an answer.
            await answer(delivery, FIRST_USER + RECIPIENTS - 1 - answered)
            answered += 1
        before = len(fake.sent)
        wait = await delivery.sender.dispatch_due()
        await delivery.sender.settle()
        now = delivery.seconds()
        delivery.received += [(now, s.chat_id, s.text) for s in fake.sent[before:]]
        if not await pending(delivery):
            return
        if len(fake.sent) == before:
            world.clock.advance(
                seconds=max(delivery.limiter.overall_wait(bulk=True), min(wait, 1.0), 0.001)
            )
    raise AssertionError("the batch did not finish")


async def test_three_thousand_go_out_at_the_limits_and_answers_never_wait(
    delivery: Delivery,
) -> None:
    delivery.world.fake.fail_next("sendMessage", 400, "Bad Request: message is too long")
    number = await announce(delivery)
    await run_until_done(delivery)
    fake = delivery.world.fake

    # Never above Telegram's limit, and close to it: 25 a second of the 30 for the batch.
    assert fake.rate_limited == 0
    duration = delivery.received[-1][0]
    assert 3000 / 25 * 0.9 < duration < 3000 / 25 * 1.1 + 5, duration
    times = [at for at, _, _ in delivery.received]
    assert max(sum(1 for t in times if start <= t < start + 1.0) for start in times) <= 30

    # Each answer left the moment it was queued, ahead of the announcement still waiting
    # for the same customer.
    assert len(delivery.answers) == len(ANSWER_AFTER)
    for queued_at, chat, text in delivery.answers:
        sent_at = next(at for at, to, body in delivery.received if to == chat and body == text)
        assert sent_at == queued_at, (chat, queued_at, sent_at)
        to_chat = [body for _, to, body in delivery.received if to == chat]
        assert to_chat[0] == text  # before that customer's announcement

    async with delivery.world.db.unit() as unit:
        progress = await announcements.progress(unit, number)
    assert (progress.delivered, progress.blocked, progress.failed, progress.waiting) == (
        RECIPIENTS - len(BLOCKED) - 1,
        len(BLOCKED),
        1,
        0,
    )


async def test_a_recipient_who_blocked_the_bot_is_reported_as_such(delivery: Delivery) -> None:
    number = await announce(delivery)
    world = delivery.world
    # Two recipients press "Contact a manager"; one of them twice.
    for user in (FIRST_USER + 1, FIRST_USER + 2, FIRST_USER + 2):
        await world.engine.handle(
            Incoming(TG, str(user), str(user), payload=f"1:announcements.manager:{number}")
        )
    async with world.db.unit() as unit:
        assert await announcing.report_finished(unit, world.clock()) == []  # not finished
    await run_until_done(delivery)
    blocked = await account_id(world.db, str(min(BLOCKED)))
    async with world.db.unit() as unit:
        row = await unit.fetchone(
            "SELECT status, last_error FROM outbox WHERE dedupe_key = ?",
            (announcements.message_key(number, blocked),),
        )
        assert row is not None and row["status"] == "refused"
        assert "blocked" in row["last_error"]
        assert await announcing.report_finished(unit, world.clock()) == [number]
    async with world.db.unit() as unit:
        assert await announcing.report_finished(unit, world.clock()) == []  # once
    await run_until_done(delivery)
    report = world.fake.last(MANAGER_CHAT)
    assert f"№{number}" in report.plain
    assert f"заблокировали бота: {len(BLOCKED)}" in report.plain
    assert f"доставлено: {RECIPIENTS - len(BLOCKED)}" in report.plain
    assert "нажали кнопку: 2" in report.plain


async def account_id(db: Database, user_id: str) -> int:
    async with db.unit() as unit:
        row = await unit.fetchone(
            "SELECT id FROM accounts WHERE platform = 'telegram' AND user_id = ?", (user_id,)
        )
    assert row is not None
    return int(row["id"])


def test_bulk_leaves_room_in_the_overall_limit() -> None:
    now = [1000.0]
    limiter = RateLimiter(Limits(), clock=lambda: now[0])
    bulk = [n for n in range(40) if limiter.reserve(str(n), bulk=True) == 0]
    assert len(bulk) == 25  # the batch stops 5 short of 30
    answers = [n for n in range(100, 110) if limiter.reserve(str(n)) == 0]
    assert len(answers) == 5  # answers take the rest at once
    assert limiter.overall_wait(bulk=True) > 0.9


async def test_a_batch_going_out_does_not_make_the_outbox_look_stuck(
    delivery: Delivery,
) -> None:
    """``/healthz`` fails when a due message waits too long; a batch of announcements takes
    minutes by design, so only service messages count as waiting (all count as depth)."""
    await announce(delivery)
    db = delivery.world.db
    later = NOW + timedelta(minutes=20)
    async with db.unit() as unit:
        (backlog,) = await outbox.backlog(unit, later)
    assert (backlog.depth, backlog.oldest_due_at) == (RECIPIENTS, None)
    async with db.unit() as unit:
        await outbox.enqueue(unit, TG, str(FIRST_USER), "Ответ", now=NOW + timedelta(minutes=5))
        (backlog,) = await outbox.backlog(unit, later)
    assert (backlog.depth, backlog.oldest_due_at) == (RECIPIENTS + 1, NOW + timedelta(minutes=5))
