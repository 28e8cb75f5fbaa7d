"""Session reminders (docs/rules.md#changing-a-booking-and-reminders): the day before at
10:00 and an hour before, a direct connection's with the backup advice, a backup review's
asking for the backup; never twice; a moved booking reminded at its new time only; a
cancelled one not at all. The job is driven every 5 minutes over the days around the
sessions, as the scheduler runs it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from handlers.desk.manager_desk import ManagerDesk
from handlers.policy import Policy
from scheduler import jobs
from storage import accounts, bookings, requests
from storage.db import Database
from storage.models import Platform, RequestKind
from tests.support.scheduler_world import local, outbox_rows

DESK = ManagerDesk.console_only()
BOOKED_ON = date(2026, 11, 23)  # Monday


async def book(
    db: Database, account_id: int, starts_at: datetime, now: datetime, kind: str = "direct"
) -> int:
    async with db.unit() as unit:
        request_id = await requests.create(
            unit, RequestKind.BOOKING, account_id=account_id, now=now
        )
        return await bookings.create(
            unit,
            request_id=request_id,
            account_id=account_id,
            customer_id=None,
            kind=kind,
            starts_at=starts_at,
            hours=2,
            connection_fee=Decimal("4000"),
            estimate=Decimal("6600"),
            now=now,
        )


async def person(db: Database, user_id: str, language: str) -> int:
    async with db.unit() as unit:
        account = await accounts.create(
            unit,
            Platform.TELEGRAM,
            user_id,
            language=language,
            display_name=user_id,
            now=datetime(2026, 11, 1, tzinfo=UTC),
        )
    return account.id


Step = Callable[[datetime], Awaitable[None]]


async def drive(
    db: Database, policy: Policy, start: datetime, end: datetime, events: dict[datetime, Step]
) -> list[tuple[datetime, str, str]]:
    """Run the job every 5 minutes from ``start`` to ``end``; ``events`` happen just before
    the job at their time. Returns (when, chat, text) of each reminder queued."""
    queued: list[tuple[datetime, str, str]] = []
    seen = 0
    now = start
    while now <= end:
        if now in events:
            await events[now](now)
        await jobs.run_session_reminders(db, policy, DESK, now)
        for row in await outbox_rows(db, after=seen, prefix="booking:"):
            queued.append((now, row["chat_id"], row["text"]))
            seen = row["id"]
        now += timedelta(minutes=5)
    return queued


async def test_reminders_the_day_before_and_an_hour_before_around_a_moved_and_a_cancelled_one(
    db: Database, policy: Policy
) -> None:
    ru, en, gone = (
        await person(db, "11", "ru"),
        await person(db, "22", "en"),
        await person(db, "33", "ru"),
    )
    booked_at = local(BOOKED_ON, 9, 0, policy)
    kept = await book(db, ru, local(date(2026, 11, 25), 14, 0, policy), booked_at)
    moved = await book(db, en, local(date(2026, 11, 25), 11, 0, policy), booked_at, "backup")
    cancelled = await book(db, gone, local(date(2026, 11, 25), 16, 0, policy), booked_at)

    async def move(now: datetime) -> None:  # after its day-before reminder was sent
        async with db.unit() as unit:
            assert await bookings.move(unit, moved, local(date(2026, 11, 26), 15, 30, policy), now)

    async def cancel(now: datetime) -> None:
        async with db.unit() as unit:
            assert await bookings.cancel(unit, cancelled, now)

    queued = await drive(
        db,
        policy,
        local(BOOKED_ON, 9, 0, policy),
        local(date(2026, 11, 27), 0, 0, policy),
        {
            local(date(2026, 11, 24), 12, 0, policy): move,
            local(date(2026, 11, 24), 18, 0, policy): cancel,
        },
    )
    when = [(moment.astimezone(policy.tz).strftime("%d %H:%M"), chat) for moment, chat, _ in queued]
    assert when == [
        ("24 10:00", "22"),  # moved (still at its old time): the day before
        ("24 10:00", "11"),  # kept: the day before
        ("24 10:00", "33"),  # cancelled later: its day-before reminder went before
        ("25 10:00", "22"),  # moved: the day before its new time
        ("25 13:00", "11"),  # kept: an hour before
        ("26 14:30", "22"),  # moved: an hour before its new time (none at its old time)
    ]
    kept_day_before, kept_hour_before = (text for _, chat, text in queued if chat == "11")
    assert kept_day_before.startswith(
        "Напоминание: ваша удалённая консультация (прямое подключение) завтра, 25.11.2026 в 14:00"
    )
    assert "сегодня в 14:00" in kept_hour_before
    assert all("сделайте резервную копию" in text for text in (kept_day_before, kept_hour_before))
    moved_texts = [text for _, chat, text in queued if chat == "22"]
    assert moved_texts[1].startswith(
        "Reminder: your remote session (backup review) is tomorrow, 26 Nov 2026 at 15:30"
    )
    assert "starts today at 15:30" in moved_texts[2]
    # A backup review has no connection: the backup is asked for, nothing is warned of.
    assert all("If you have not sent the backup yet" in text for text in moved_texts)
    assert not any("connection" in text or "firewall" in text for text in moved_texts)
    # Nothing twice: the job run again at a due moment adds nothing.
    await jobs.run_session_reminders(db, policy, DESK, local(date(2026, 11, 25), 13, 2, policy))
    assert len(await outbox_rows(db, prefix="booking:")) == len(queued)
    assert kept != moved != cancelled


async def test_a_booking_made_after_its_day_before_moment_gets_only_the_hour_before(
    db: Database, policy: Policy
) -> None:
    chat = await person(db, "11", "ru")
    late = local(date(2026, 11, 24), 15, 0, policy)
    await book(db, chat, local(date(2026, 11, 25), 10, 0, policy), late)
    queued = await drive(db, policy, late, local(date(2026, 11, 25), 12, 0, policy), {})
    assert [m.astimezone(policy.tz).strftime("%d %H:%M") for m, _, _ in queued] == ["25 09:00"]


@pytest.mark.parametrize(
    ("back_at", "expected"),
    [
        # down over the day-before moment, back the same evening: sent late, still "tomorrow"
        ((24, 17, 0), ["24 17:00 day_before", "25 13:00 hours_before"]),
        # back after midnight: "tomorrow" would be wrong; only the hour-before one comes
        ((25, 0, 30), ["25 00:30 day_before:skipped", "25 13:00 hours_before"]),
        # back after the hour-before moment: only that one, late; the other skipped
        ((25, 13, 20), ["25 13:20 day_before:skipped", "25 13:20 hours_before"]),
    ],
)
async def test_after_downtime_only_the_latest_fitting_reminder_is_sent(
    db: Database, policy: Policy, back_at: tuple[int, int, int], expected: list[str]
) -> None:
    chat = await person(db, "11", "ru")
    booking = await book(
        db, chat, local(date(2026, 11, 25), 14, 0, policy), local(BOOKED_ON, 9, 0, policy)
    )
    day, hour, minute = back_at
    await drive(
        db,
        policy,
        local(date(2026, 11, day), hour, minute, policy),
        local(date(2026, 11, 25), 14, 0, policy),
        {},
    )
    async with db.unit() as unit:
        rows = await unit.fetchall(
            "SELECT kind, created_at, sent FROM booking_reminder_log WHERE booking_id = ? "
            "ORDER BY id",
            (booking,),
        )
    found = [
        f"{datetime.fromisoformat(row['created_at']).astimezone(policy.tz):%d %H:%M} "
        f"{row['kind']}{'' if row['sent'] else ':skipped'}"
        for row in rows
    ]
    assert sorted(found) == sorted(expected)
    assert len(await outbox_rows(db, prefix="booking:")) == sum(
        ":skipped" not in e for e in expected
    )
