"""The Bookings page's week: days × the hourly slots of working hours, each cell with the
sessions running in it (whose, which kind, which status) and the consultants still free,
holidays and weekends marked, and the weeks before and after."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from handlers.desk_views.bookings_week import BookingsWeek, Cell, bookings_week
from handlers.policy import Policy
from handlers.rules.sessions import SessionKind
from storage import accounts, bookings, customers, requests
from storage.db import Database
from storage.demo import DEMO_CUSTOMER_PHONE, load_demo
from storage.models import Platform, RequestKind

NOW = datetime(2026, 10, 26, 7, 0, tzinfo=UTC)
MONDAY = date(2026, 11, 2)  # 4 November is a public holiday in Russia


async def _book(
    db: Database, phone: str | None, user: str, start: datetime, hours: int, kind: str
) -> int:
    async with db.unit() as unit:
        customer = await customers.find_by_phone(unit, phone) if phone else None
        account = await accounts.create(
            unit, Platform.TELEGRAM, user, language="ru", display_name=f"Гость {user}", now=NOW
        )
        number = await requests.create(
            unit,
            RequestKind.BOOKING,
            account_id=account.id,
            customer_id=customer.id if customer else None,
            now=NOW,
        )
        return await bookings.create(
            unit,
            request_id=number,
            account_id=account.id,
            customer_id=customer.id if customer else None,
            kind=kind,
            starts_at=start,
            hours=hours,
            connection_fee=Decimal("0"),
            estimate=Decimal("1300"),
            now=NOW,
        )


def cell(week: BookingsWeek, day: date, at: time) -> Cell:
    row = week.slots.index(at)
    (found,) = [c for c in week.rows[row] if c.day == day]
    return found


async def _week(db: Database, policy: Policy) -> BookingsWeek:
    assert (await load_demo(db, today=NOW.date(), now=NOW)).ok
    # Monday 10:00 Moscow (07:00 UTC): Petrov for two hours, Sidorova for one.
    petrov = await _book(
        db, DEMO_CUSTOMER_PHONE, "1", datetime(2026, 11, 2, 7, tzinfo=UTC), 2, "direct"
    )
    await _book(db, "+79990003344", "2", datetime(2026, 11, 2, 7, tzinfo=UTC), 1, "backup")
    # Tuesday 15:00 Moscow: a person not linked to a customer, who cancelled.
    guest = await _book(db, None, "3", datetime(2026, 11, 3, 12, tzinfo=UTC), 1, "backup")
    # Next Monday: another week.
    await _book(db, "+79990003344", "4", datetime(2026, 11, 9, 7, tzinfo=UTC), 1, "backup")
    async with db.unit() as unit:
        assert await bookings.cancel(unit, guest, NOW)
        await bookings.set_minutes_and_bill(
            unit, petrov, 100, Decimal("2166.67"), NOW, connection_fee=Decimal("0")
        )
        return await bookings_week(unit, day=date(2026, 11, 5), policy=policy)


async def test_the_week_is_a_grid_of_days_and_working_hour_slots(
    db: Database, policy: Policy
) -> None:
    week = await _week(db, policy)
    assert (week.week, week.previous, week.next) == (MONDAY, date(2026, 10, 26), date(2026, 11, 9))
    assert [d.day for d in week.days] == [MONDAY + timedelta(days=i) for i in range(7)]
    assert week.slots == tuple(time(hour) for hour in range(9, 18))
    assert all(len(row) == 7 for row in week.rows)
    assert week.consultants == 2
    working = {d.day.isoweekday(): d.working for d in week.days}
    assert working == {1: True, 2: True, 3: False, 4: True, 5: True, 6: False, 7: False}
    holiday = week.days[2]
    assert holiday.holiday  # named, for the page to say why
    assert cell(week, holiday.day, time(10)).free == 0
    assert not cell(week, holiday.day, time(10)).working
    assert len(week.sessions) == 3  # next Monday's is not in this week


async def test_a_cell_shows_whose_sessions_run_in_it_and_the_consultants_left(
    db: Database, policy: Policy
) -> None:
    week = await _week(db, policy)
    ten = cell(week, MONDAY, time(10))
    assert [(s.customer_name, s.kind, s.status, s.starts_here) for s in ten.sessions] == [
        ("Иван Петров", SessionKind.DIRECT, "done", True),
        ("Анна Сидорова", SessionKind.BACKUP, "confirmed", True),
    ]
    assert ten.free == 0
    eleven = cell(week, MONDAY, time(11))
    assert [(s.customer_name, s.starts_here, s.hours) for s in eleven.sessions] == [
        ("Иван Петров", False, 2)
    ]
    assert eleven.free == 1
    assert cell(week, MONDAY, time(9)).free == 2
    guest = cell(week, MONDAY + timedelta(days=1), time(15))
    (cancelled,) = guest.sessions
    assert (cancelled.customer_name, cancelled.account_name, cancelled.status) == (
        None,
        "Гость 3",
        "cancelled",
    )
    assert guest.free == 2  # a cancelled session takes no consultant
