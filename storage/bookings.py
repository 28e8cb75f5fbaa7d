"""Remote-session bookings: the slots taken, their estimates and, afterwards, the bill."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from storage.columns import money_from_db, money_to_db, time_from_db, time_to_db
from storage.db import Unit

CONFIRMED, CANCELLED, DONE = "confirmed", "cancelled", "done"
BACKUP, DIRECT = "backup", "direct"
_LONGEST_SESSION = timedelta(days=1)
"""Upper bound of a session's length: lets the overlap query use the start-time index."""

_COLUMNS = (
    "id, request_id, customer_id, account_id, kind, starts_at, hours, status, connection_fee, "
    "estimate, minutes_spent, bill, created_at, updated_at"
)


@dataclass(frozen=True, slots=True)
class Booking:
    id: int
    request_id: int
    customer_id: int | None
    account_id: int
    kind: str
    """``backup`` (backup review) or ``direct`` (direct connection)."""
    starts_at: datetime
    hours: int
    status: str
    """``confirmed``, ``cancelled`` or ``done``."""
    connection_fee: Decimal
    """Confirmed: the one-time connection fee its estimate carries; done: the fee it was
    billed with (docs/rules.md#price-and-bill)."""
    estimate: Decimal
    minutes_spent: int | None
    bill: Decimal | None
    created_at: datetime
    updated_at: datetime

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(hours=self.hours)


def _at(value: str) -> datetime:
    moment = time_from_db(value)
    assert moment is not None
    return moment


def booking_from_row(row: sqlite3.Row) -> Booking:
    return Booking(
        id=row["id"],
        request_id=row["request_id"],
        customer_id=row["customer_id"],
        account_id=row["account_id"],
        kind=row["kind"],
        starts_at=_at(row["starts_at"]),
        hours=row["hours"],
        status=row["status"],
        connection_fee=Decimal(row["connection_fee"]),
        estimate=Decimal(row["estimate"]),
        minutes_spent=row["minutes_spent"],
        bill=money_from_db(row["bill"]),
        created_at=_at(row["created_at"]),
        updated_at=_at(row["updated_at"]),
    )


async def create(
    unit: Unit,
    *,
    request_id: int,
    account_id: int,
    customer_id: int | None,
    kind: str,
    starts_at: datetime,
    hours: int,
    connection_fee: Decimal,
    estimate: Decimal,
    now: datetime,
) -> int:
    """Take the slot (status confirmed); checking that it is free is the caller's job,
    in the same transaction (:func:`confirmed_between` after ``unit.begin()``)."""
    at = time_to_db(now)
    return await unit.insert(
        "INSERT INTO bookings (request_id, customer_id, account_id, kind, starts_at, hours, "
        "connection_fee, estimate, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            request_id,
            customer_id,
            account_id,
            kind,
            time_to_db(starts_at),
            hours,
            money_to_db(connection_fee),
            money_to_db(estimate),
            at,
            at,
        ),
    )


async def get(unit: Unit, booking_id: int) -> Booking | None:
    row = await unit.fetchone(f"SELECT {_COLUMNS} FROM bookings WHERE id = ?", (booking_id,))
    return booking_from_row(row) if row else None


async def confirmed_between(
    unit: Unit, start_utc: datetime, end_utc: datetime, *, exclude_id: int | None = None
) -> list[tuple[datetime, int]]:
    """(starts_at, hours) of confirmed sessions overlapping ``start_utc..end_utc`` (one that
    began before the window and runs into it counts): what the slot finder needs.

    ``exclude_id`` leaves one booking out: a booking being moved does not block itself.
    """
    rows = await unit.fetchall(
        "SELECT starts_at, hours FROM bookings WHERE status = 'confirmed' "
        "AND starts_at < ? AND starts_at > ? "
        "AND julianday(starts_at) + hours / 24.0 > julianday(?) AND id IS NOT ? "
        "ORDER BY starts_at",
        (
            time_to_db(end_utc),
            time_to_db(start_utc - _LONGEST_SESSION),
            time_to_db(start_utc),
            exclude_id,
        ),
    )
    return [(_at(row["starts_at"]), row["hours"]) for row in rows]


async def starting_between(unit: Unit, start_utc: datetime, end_utc: datetime) -> list[Booking]:
    """Confirmed sessions starting in ``[start_utc, end_utc)``: the reminder job's input."""
    rows = await unit.fetchall(
        f"SELECT {_COLUMNS} FROM bookings WHERE status = 'confirmed' "
        "AND starts_at >= ? AND starts_at < ? ORDER BY starts_at, id",
        (time_to_db(start_utc), time_to_db(end_utc)),
    )
    return [booking_from_row(row) for row in rows]


async def by_request(unit: Unit, request_id: int) -> Booking | None:
    """The booking filed as request ``request_id`` (what managers see on the card)."""
    row = await unit.fetchone(
        f"SELECT {_COLUMNS} FROM bookings WHERE request_id = ? ORDER BY id LIMIT 1",
        (request_id,),
    )
    return booking_from_row(row) if row else None


async def upcoming_of(
    unit: Unit, *, account_id: int, customer_id: int | None, now: datetime, limit: int = 20
) -> list[Booking]:
    """Confirmed sessions not yet started, booked from this account or (when linked) by the
    same customer from any of their accounts; soonest first."""
    rows = await unit.fetchall(
        f"SELECT {_COLUMNS} FROM bookings WHERE status = 'confirmed' AND starts_at > ? "
        "AND (account_id = ? OR customer_id = ?) ORDER BY starts_at, id LIMIT ?",
        (time_to_db(now), account_id, customer_id, limit),
    )
    return [booking_from_row(row) for row in rows]


async def of_account(unit: Unit, account_id: int, *, confirmed_only: bool = False) -> list[Booking]:
    """An account's bookings, latest start first."""
    only = "AND status = 'confirmed'" if confirmed_only else ""
    rows = await unit.fetchall(
        f"SELECT {_COLUMNS} FROM bookings WHERE account_id = ? {only} ORDER BY starts_at DESC",
        (account_id,),
    )
    return [booking_from_row(row) for row in rows]


async def cancel(unit: Unit, booking_id: int, now: datetime) -> bool:
    """Free the slot; False when the booking is not confirmed (already cancelled or held)."""
    cursor = await unit.execute(
        "UPDATE bookings SET status = 'cancelled', updated_at = ? "
        "WHERE id = ? AND status = 'confirmed'",
        (time_to_db(now), booking_id),
    )
    return cursor.rowcount == 1


async def move(
    unit: Unit, booking_id: int, starts_at: datetime, now: datetime, *, hours: int | None = None
) -> bool:
    """Move a confirmed booking to another start (and length); False if not confirmed."""
    cursor = await unit.execute(
        "UPDATE bookings SET starts_at = ?, hours = COALESCE(?, hours), updated_at = ? "
        "WHERE id = ? AND status = 'confirmed'",
        (time_to_db(starts_at), hours, time_to_db(now), booking_id),
    )
    return cursor.rowcount == 1


async def set_minutes_and_bill(
    unit: Unit,
    booking_id: int,
    minutes: int,
    bill: Decimal,
    now: datetime,
    *,
    connection_fee: Decimal,
) -> bool:
    """The manager entered the minutes spent: the session is done and billed, with
    ``connection_fee`` (the fee the bill includes, zero when none).

    A second entry corrects the first (False only for an unknown or cancelled booking).
    """
    cursor = await unit.execute(
        "UPDATE bookings SET minutes_spent = ?, bill = ?, connection_fee = ?, status = 'done', "
        "updated_at = ? WHERE id = ? AND status != 'cancelled'",
        (minutes, money_to_db(bill), money_to_db(connection_fee), time_to_db(now), booking_id),
    )
    return cursor.rowcount == 1


async def set_connection_fee(
    unit: Unit, booking_id: int, connection_fee: Decimal, estimate: Decimal
) -> bool:
    """A confirmed booking's estimate now carries ``connection_fee`` (the fee passed on to
    it, or dropped from it); False if not confirmed. ``updated_at`` stays: it tells when the
    time was booked or moved (the session reminders read it), and the time is unchanged."""
    cursor = await unit.execute(
        "UPDATE bookings SET connection_fee = ?, estimate = ? "
        "WHERE id = ? AND status = 'confirmed'",
        (money_to_db(connection_fee), money_to_db(estimate), booking_id),
    )
    return cursor.rowcount == 1


async def direct_sessions_of(
    unit: Unit, *, customer_id: int | None, account_id: int
) -> list[Booking]:
    """Every direct-connection booking of this customer (from any of their accounts) or of
    this account, whatever its status, soonest first: what the connection-fee rule reads."""
    rows = await unit.fetchall(
        f"SELECT {_COLUMNS} FROM bookings WHERE kind = 'direct' "
        "AND (customer_id = ? OR account_id = ?) ORDER BY starts_at, id",
        (customer_id, account_id),
    )
    return [booking_from_row(row) for row in rows]


async def of_customer(unit: Unit, customer_id: int, *, limit: int = 50) -> list[Booking]:
    """A customer's bookings from any of their accounts, whatever their status, latest start
    first."""
    rows = await unit.fetchall(
        f"SELECT {_COLUMNS} FROM bookings WHERE customer_id = ? ORDER BY starts_at DESC, id DESC "
        "LIMIT ?",
        (customer_id, limit),
    )
    return [booking_from_row(row) for row in rows]


@dataclass(frozen=True, slots=True)
class BookedSession:
    """A booking with the name of whom it is for (the week's grid)."""

    booking: Booking
    customer_name: str | None
    """None: booked by a person not linked to a customer (``account_name`` then)."""
    company: str | None
    account_name: str


_BOOKED_SESSIONS = (
    f"SELECT {', '.join(f'b.{column}' for column in _COLUMNS.split(', '))}, "
    "c.name AS customer_name, c.company, a.display_name FROM bookings b "
    "LEFT JOIN customers c ON c.id = b.customer_id "
    "LEFT JOIN accounts a ON a.id = b.account_id "
)


def _booked_session(row: sqlite3.Row) -> BookedSession:
    return BookedSession(
        booking_from_row(row), row["customer_name"], row["company"], row["display_name"] or ""
    )


async def sessions_starting_between(
    unit: Unit, start_utc: datetime, end_utc: datetime
) -> list[BookedSession]:
    """Every booking (confirmed, held or cancelled) starting in ``[start_utc, end_utc)``,
    by start, with its customer's name (or the booking person's messenger name)."""
    rows = await unit.fetchall(
        f"{_BOOKED_SESSIONS}WHERE b.starts_at >= ? AND b.starts_at < ? ORDER BY b.starts_at, b.id",
        (time_to_db(start_utc), time_to_db(end_utc)),
    )
    return [_booked_session(row) for row in rows]


async def booked_session(unit: Unit, booking_id: int) -> BookedSession | None:
    """One booking with the name of whom it is for (the web desk's page of a booking)."""
    row = await unit.fetchone(f"{_BOOKED_SESSIONS}WHERE b.id = ?", (booking_id,))
    return _booked_session(row) if row else None
