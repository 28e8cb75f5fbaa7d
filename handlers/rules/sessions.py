"""Remote session prices (docs/rules.md#price-and-bill): the estimate before booking and the
bill afterwards; when a session may start (docs/rules.md#booking) and when a booking may
still be changed (docs/rules.md#changing-a-booking-and-reminders).

Time is billed at ``hourly_rate`` per hour, by the minutes spent rounded up to
``billing_step_minutes``, never less than ``minimum_hours``. A direct connection adds the
one-time ``connection_fee``, owed once: with the first direct session the customer has
actually held. Until then one booked direct session still ahead carries it in its estimate;
when that booking is cancelled the fee passes to the next one (:func:`fee_heir`); a booking
whose start has passed unbilled carries it no more (the next new booking's estimate does).
A bill includes the fee only when the booking's own estimate carried it: the customer never
pays more for the fee than they agreed to.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from handlers.rules.dates import require_aware
from handlers.rules.money import round_rubles

if TYPE_CHECKING:
    from handlers.policy import Policy

NO_FEE = Decimal("0")


class SessionKind(StrEnum):
    BACKUP = "backup"
    DIRECT = "direct"


class SessionState(StrEnum):
    BOOKED = "booked"
    """Confirmed and not billed yet."""
    HELD = "held"
    """Held and billed (the minutes entered)."""
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class DirectSession:
    """One of a customer's direct-connection bookings, as the connection-fee rule reads it."""

    id: int
    starts_at: datetime
    state: SessionState
    fee: Decimal
    """Held: the connection fee it was billed with; booked: the fee its estimate carries."""


@dataclass(frozen=True, slots=True)
class SessionEstimate:
    kind: SessionKind
    hours: int
    hourly_rate: Decimal
    time_amount: Decimal
    connection_fee: Decimal
    total: Decimal


@dataclass(frozen=True, slots=True)
class SessionBill:
    kind: SessionKind
    minutes_spent: int
    billed_minutes: int
    hourly_rate: Decimal
    time_amount: Decimal
    connection_fee: Decimal
    total: Decimal


def _connection_fee(kind: SessionKind, due: bool, policy: Policy) -> Decimal:
    if SessionKind(kind) is SessionKind.DIRECT and due:
        return policy.sessions.connection_fee
    return NO_FEE


def session_estimate(
    *, kind: SessionKind, hours: int, connection_fee_due: bool, policy: Policy
) -> SessionEstimate:
    """Hours × rate plus the connection fee where due (:func:`fee_due_on_new_booking`; a
    backup review never); ``hours`` must be a bookable duration."""
    sessions = policy.sessions
    if isinstance(hours, bool) or hours not in sessions.durations_hours:
        raise ValueError(f"hours must be one of {sessions.durations_hours}, got {hours!r}")
    kind = SessionKind(kind)
    time_amount = round_rubles(sessions.hourly_rate * hours)
    fee = _connection_fee(kind, connection_fee_due, policy)
    return SessionEstimate(
        kind=kind,
        hours=hours,
        hourly_rate=sessions.hourly_rate,
        time_amount=time_amount,
        connection_fee=fee,
        total=time_amount + fee,
    )


def fee_billed(sessions: Iterable[DirectSession]) -> bool:
    """Whether one of these sessions was held and billed with the connection fee."""
    return any(s.state is SessionState.HELD and s.fee > 0 for s in sessions)


def carries_fee(session: DirectSession, now: datetime) -> bool:
    """Whether ``session``'s estimate carries the fee for the customer at ``now``: booked,
    not started yet, with the fee (a past booking never billed carries it no more)."""
    return (
        session.state is SessionState.BOOKED
        and session.fee > 0
        and session.starts_at > require_aware(now)
    )


def fee_due_on_new_booking(sessions: Iterable[DirectSession], *, now: datetime) -> bool:
    """Whether a new direct booking's estimate carries the connection fee at ``now``: the
    customer was never billed it and none of their booked direct sessions still ahead
    carries it already."""
    known = list(sessions)
    return not fee_billed(known) and not any(carries_fee(s, now) for s in known)


def fee_due_on_bill(billed_id: int, sessions: Iterable[DirectSession]) -> bool:
    """Whether the bill of held session ``billed_id`` includes the connection fee: its own
    estimate carried the fee (the customer agreed to it) and no other held session of the
    customer was billed with it."""
    known = list(sessions)
    own = next((s for s in known if s.id == billed_id), None)
    if own is None or own.fee <= 0:
        return False
    return not fee_billed(s for s in known if s.id != billed_id)


def fee_heir(
    cancelled_id: int, sessions: Sequence[DirectSession], *, now: datetime
) -> DirectSession | None:
    """The booking that takes over the connection fee when booking ``cancelled_id``, which
    carried it, is cancelled at ``now``: the customer's soonest other booked direct session
    not started yet, when the fee was never billed and no other booking carries it. None:
    the next new booking's estimate will carry it (:func:`fee_due_on_new_booking`)."""
    cancelled = next((s for s in sessions if s.id == cancelled_id), None)
    if cancelled is None or cancelled.fee <= 0:
        return None
    others = [s for s in sessions if s.id != cancelled_id]
    if not fee_due_on_new_booking(others, now=now):
        return None
    ahead = sorted(
        (s for s in others if s.state is SessionState.BOOKED and s.starts_at > now),
        key=lambda s: (s.starts_at, s.id),
    )
    return ahead[0] if ahead else None


def billed_minutes(minutes_spent: int, policy: Policy) -> int:
    """Minutes rounded up to the billing step, and at least the minimum session."""
    if isinstance(minutes_spent, bool) or not isinstance(minutes_spent, int):
        raise TypeError(f"minutes_spent must be int, got {type(minutes_spent).__name__}")
    if minutes_spent < 0:
        raise ValueError(f"minutes_spent must be >= 0, got {minutes_spent}")
    sessions = policy.sessions
    step = sessions.billing_step_minutes
    rounded = -(-minutes_spent // step) * step
    return max(sessions.minimum_hours * 60, rounded)


def session_bill(
    *, kind: SessionKind, minutes_spent: int, connection_fee_due: bool, policy: Policy
) -> SessionBill:
    """The bill after a session (an interrupted one included: the time used is paid).

    ``connection_fee_due``: the session's estimate carried the fee and no other held session
    was billed it (:func:`fee_due_on_bill`); it is ignored for backup reviews.
    """
    kind = SessionKind(kind)
    billed = billed_minutes(minutes_spent, policy)
    rate = policy.sessions.hourly_rate
    time_amount = round_rubles(rate * billed / 60)
    fee = _connection_fee(kind, connection_fee_due, policy)
    return SessionBill(
        kind=kind,
        minutes_spent=minutes_spent,
        billed_minutes=billed,
        hourly_rate=rate,
        time_amount=time_amount,
        connection_fee=fee,
        total=time_amount + fee,
    )


def booking_changeable(*, start: datetime, now: datetime, policy: Policy) -> bool:
    """Whether a booking starting at ``start`` can still be cancelled or moved at ``now``.

    docs/rules.md#changing-a-booking-and-reminders: "until 2 hours before it"; read as
    inclusive: exactly ``change_until_hours`` before the start is still allowed.
    """
    limit = require_aware(start, "start") - timedelta(hours=policy.sessions.change_until_hours)
    return require_aware(now) <= limit


def earliest_start(now: datetime, policy: Policy) -> datetime:
    """The soonest a session booked (or moved) at ``now`` may start: ``min_notice_hours``
    later (docs/rules.md#booking; seed 004 3.1, not "сразу в момент обращения")."""
    return require_aware(now) + timedelta(hours=policy.sessions.min_notice_hours)


def bookable_start(start: datetime, *, now: datetime, policy: Policy) -> bool:
    """Whether a session may be booked (or moved) at ``now`` to start at ``start``: after
    now, and at least the minimum notice ahead (exactly the notice ahead is allowed)."""
    start = require_aware(start, "start")
    return start > require_aware(now) and start >= earliest_start(now, policy)
