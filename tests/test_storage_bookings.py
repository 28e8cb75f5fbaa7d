"""Bookings: slots taken and freed, moves, bills, and the connection fee they carry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from storage import accounts, bookings, requests
from storage.db import Database
from storage.models import Platform, RequestKind

NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
DAY = datetime(2026, 11, 25, 0, 0, tzinfo=UTC)


async def _book(
    db: Database,
    starts_at: datetime,
    hours: int = 1,
    *,
    kind: str = bookings.DIRECT,
    user_id: str = "100",
    customer_id: int | None = None,
) -> tuple[int, int]:
    """(account id, booking id) of a confirmed booking."""
    async with db.unit() as unit:
        account = await accounts.create(
            unit, Platform.TELEGRAM, user_id, language="ru", display_name="", now=NOW
        )
        request_id = await requests.create(
            unit, RequestKind.BOOKING, account_id=account.id, customer_id=customer_id, now=NOW
        )
        booking_id = await bookings.create(
            unit,
            request_id=request_id,
            account_id=account.id,
            customer_id=customer_id,
            kind=kind,
            starts_at=starts_at,
            hours=hours,
            connection_fee=Decimal("4000"),
            estimate=Decimal("5300"),
            now=NOW,
        )
    return account.id, booking_id


async def test_booking_reads_back(db: Database) -> None:
    _, booking_id = await _book(db, DAY.replace(hour=9), 2)
    async with db.unit() as unit:
        booking = await bookings.get(unit, booking_id)
    assert booking is not None
    assert booking.starts_at == DAY.replace(hour=9)
    assert booking.ends_at == DAY.replace(hour=11)
    assert booking.status == bookings.CONFIRMED
    assert (booking.connection_fee, booking.estimate) == (Decimal("4000"), Decimal("5300"))


async def test_confirmed_between_includes_a_session_running_into_the_window(
    db: Database,
) -> None:
    await _book(db, DAY.replace(hour=8), 3)  # 08–11: runs into 10–12
    await _book(db, DAY.replace(hour=11), 1)  # 11–12: inside
    await _book(db, DAY.replace(hour=7), 3)  # 07–10: ends as the window starts
    await _book(db, DAY.replace(hour=12), 1)  # 12–13: starts as the window ends
    async with db.unit() as unit:
        taken = await bookings.confirmed_between(unit, DAY.replace(hour=10), DAY.replace(hour=12))
    assert taken == [(DAY.replace(hour=8), 3), (DAY.replace(hour=11), 1)]


async def test_cancelled_slot_is_free_again_and_cannot_be_cancelled_twice(db: Database) -> None:
    _, booking_id = await _book(db, DAY.replace(hour=10))
    async with db.unit() as unit:
        assert await bookings.cancel(unit, booking_id, NOW) is True
        assert await bookings.cancel(unit, booking_id, NOW) is False
        assert await bookings.move(unit, booking_id, DAY.replace(hour=14), NOW) is False
        taken = await bookings.confirmed_between(unit, DAY, DAY + timedelta(days=1))
    assert taken == []


async def test_move_takes_the_new_slot(db: Database) -> None:
    account_id, booking_id = await _book(db, DAY.replace(hour=10))
    async with db.unit() as unit:
        assert await bookings.move(unit, booking_id, DAY.replace(hour=15), NOW, hours=2) is True
        taken = await bookings.confirmed_between(unit, DAY, DAY + timedelta(days=1))
        upcoming = await bookings.starting_between(unit, DAY.replace(hour=15), DAY.replace(hour=16))
        mine = await bookings.of_account(unit, account_id, confirmed_only=True)
    assert taken == [(DAY.replace(hour=15), 2)]
    assert [b.id for b in upcoming] == [booking_id]
    assert [b.id for b in mine] == [booking_id]


async def test_bill_marks_the_session_done_and_records_the_fee_it_was_billed_with(
    db: Database,
) -> None:
    account_id, booking_id = await _book(db, DAY.replace(hour=10))
    async with db.unit() as unit:
        (before,) = await bookings.direct_sessions_of(unit, customer_id=None, account_id=account_id)
        assert await bookings.set_minutes_and_bill(
            unit, booking_id, 75, Decimal("1625"), NOW, connection_fee=Decimal("0")
        )
        (after,) = await bookings.direct_sessions_of(unit, customer_id=None, account_id=account_id)
    assert (before.status, before.connection_fee) == (bookings.CONFIRMED, Decimal("4000"))
    assert after.status == bookings.DONE
    assert (after.minutes_spent, after.bill) == (75, Decimal("1625"))
    assert after.connection_fee == Decimal("0")  # billed without it, whatever the estimate said


async def test_the_fee_moves_on_a_confirmed_booking_only(db: Database) -> None:
    _, booking_id = await _book(db, DAY.replace(hour=10))
    async with db.unit() as unit:
        assert await bookings.set_connection_fee(unit, booking_id, Decimal("0"), Decimal("1300"))
        moved = await bookings.get(unit, booking_id)
        assert await bookings.cancel(unit, booking_id, NOW)
        assert not await bookings.set_connection_fee(
            unit, booking_id, Decimal("4000"), Decimal("5300")
        )
        cancelled = await bookings.get(unit, booking_id)
    assert moved is not None and cancelled is not None
    assert (moved.connection_fee, moved.estimate) == (Decimal("0"), Decimal("1300"))
    assert moved.updated_at == NOW  # the time was not changed: the reminders still hold
    assert (cancelled.connection_fee, cancelled.estimate) == (Decimal("0"), Decimal("1300"))


async def test_direct_sessions_are_a_customers_across_accounts(db: Database) -> None:
    async with db.unit() as unit:
        await unit.execute(
            "INSERT INTO customers (name, created_at, updated_at) VALUES ('ООО', 'x', 'x')"
        )
    _, telegram_booking = await _book(db, DAY.replace(hour=10), user_id="tg", customer_id=1)
    backup_account, backup = await _book(
        db, DAY.replace(hour=12), kind=bookings.BACKUP, user_id="b"
    )
    async with db.unit() as unit:
        await bookings.set_minutes_and_bill(
            unit, telegram_booking, 60, Decimal("5300"), NOW, connection_fee=Decimal("4000")
        )
        await bookings.set_minutes_and_bill(
            unit, backup, 60, Decimal("1300"), NOW, connection_fee=Decimal("0")
        )
        vk = await accounts.create(unit, Platform.VK, "vk", language="ru", display_name="", now=NOW)
        same_customer = await bookings.direct_sessions_of(unit, customer_id=1, account_id=vk.id)
        backup_only = await bookings.direct_sessions_of(
            unit, customer_id=None, account_id=backup_account
        )
    assert [(b.id, b.status, b.connection_fee) for b in same_customer] == [
        (telegram_booking, bookings.DONE, Decimal("4000"))
    ]
    assert backup_only == []
