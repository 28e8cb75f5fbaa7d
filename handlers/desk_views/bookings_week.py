"""The managers' Bookings page: one week of remote sessions as a grid of days × the hourly
slots of working hours (docs/rules.md#booking), each cell with the sessions running in it
and how many consultants are still free, and the weeks before and after.

Slots are the booking flow's own: the start of working hours, then every hour while a
session still fits (``WorkingCalendar.free_slots``). A session of several hours fills as
many cells (``starts_here`` marks the first). Cancelled sessions are listed but take no
consultant; a held (billed) one took one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from handlers.rules.calendar import ONE_HOUR, calendar_for
from handlers.rules.sessions import SessionKind
from storage import bookings
from storage.bookings import CANCELLED, BookedSession
from storage.db import Unit

if TYPE_CHECKING:
    from handlers.policy import Policy

WEEK = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class SessionInCell:
    booking_id: int
    request_id: int
    customer_name: str | None
    """None: booked by a person not linked to a customer (``account_name``)."""
    company: str | None
    account_name: str
    kind: SessionKind
    status: str
    """``confirmed``, ``done`` (held and billed) or ``cancelled``."""
    starts_at: datetime
    """Vendor-local."""
    hours: int
    starts_here: bool
    """The session's first hour (later cells continue it)."""


@dataclass(frozen=True, slots=True)
class Cell:
    day: date
    start: datetime
    """The slot's start, vendor-local."""
    working: bool
    """A working hour of a working day: sessions can be booked here."""
    sessions: tuple[SessionInCell, ...]
    free: int
    """Consultants not taken by a confirmed or held session (0 outside working time)."""


@dataclass(frozen=True, slots=True)
class WeekDay:
    day: date
    working: bool
    holiday: str | None
    """The public holiday's name (the ``holidays`` package's), when it is one."""


@dataclass(frozen=True, slots=True)
class BookingsWeek:
    week: date
    """Its Monday."""
    previous: date
    """The Monday before (the page's "previous week")."""
    next: date
    days: tuple[WeekDay, ...]
    """Monday to Sunday."""
    slots: tuple[time, ...]
    """The rows: each slot's start, vendor-local."""
    rows: tuple[tuple[Cell, ...], ...]
    """One row per slot, one cell per day."""
    consultants: int
    sessions: tuple[BookedSession, ...]
    """Every booking of the week, by start (what the grid was built from)."""


def _slots(policy: Policy, starts: list[time]) -> tuple[time, ...]:
    """Working start, start + 1 h… before the end; a session starting off those rows (the
    hours were changed since) gets its own row."""
    hours = policy.working_hours
    base = datetime.combine(date(2000, 1, 3), hours.start)
    end = datetime.combine(base.date(), hours.end)
    rows: set[time] = set()
    slot = base
    while slot < end:
        rows.add(slot.time())
        slot += ONE_HOUR
    first = datetime.combine(base.date(), min(rows))
    for start in starts:
        moment = datetime.combine(base.date(), start)
        steps = (moment - first) // ONE_HOUR
        rows.add((first + steps * ONE_HOUR).time())
    return tuple(sorted(rows))


def week_grid(week: date, sessions: list[BookedSession], policy: Policy) -> BookingsWeek:
    """The grid of the week starting on Monday ``week`` from its sessions (pure)."""
    calendar = calendar_for(policy)
    tz = policy.tz
    days = tuple(
        WeekDay(d, calendar.is_working_day(d), calendar.holiday_name(d))
        for d in (week + timedelta(days=i) for i in range(7))
    )
    local = [(s, s.booking.starts_at.astimezone(tz)) for s in sessions]
    slots = _slots(policy, [start.time() for _, start in local])
    capacity = policy.sessions.consultants
    rows = []
    for slot in slots:
        cells = []
        for day in days:
            start = datetime.combine(day.day, slot, tz)
            end = start + ONE_HOUR
            here = tuple(
                SessionInCell(
                    booking_id=s.booking.id,
                    request_id=s.booking.request_id,
                    customer_name=s.customer_name,
                    company=s.company,
                    account_name=s.account_name,
                    kind=SessionKind(s.booking.kind),
                    status=s.booking.status,
                    starts_at=begin,
                    hours=s.booking.hours,
                    starts_here=start <= begin < end,
                )
                for s, begin in local
                if begin < end and start < begin + timedelta(hours=s.booking.hours)
            )
            working = (
                day.working
                and calendar.day_start(day.day) <= start
                and end <= calendar.day_end(day.day)
            )
            taken = sum(1 for s in here if s.status != CANCELLED)
            cells.append(
                Cell(day.day, start, working, here, max(capacity - taken, 0) if working else 0)
            )
        rows.append(tuple(cells))
    return BookingsWeek(
        week=week,
        previous=week - WEEK,
        next=week + WEEK,
        days=days,
        slots=slots,
        rows=tuple(rows),
        consultants=capacity,
        sessions=tuple(sessions),
    )


async def bookings_week(unit: Unit, *, day: date, policy: Policy) -> BookingsWeek:
    """The week (Monday to Sunday) holding the vendor-local ``day``."""
    week = day - timedelta(days=day.weekday())
    tz = policy.tz
    start = datetime.combine(week, time(), tz)
    end = datetime.combine(week + WEEK, time(), tz)
    return week_grid(week, await bookings.sessions_starting_between(unit, start, end), policy)
