"""The one-time connection fee across a customer's direct-connection bookings
(docs/rules.md#price-and-bill), decided from what is stored on them, never from a flag.

The rules are :mod:`handlers.rules.sessions` (``fee_due_on_new_booking``,
``fee_due_on_bill``, ``fee_heir``); this module reads a customer's direct bookings for
them and, when the fee changes hands, updates the booking that takes it over or gives it
up: its estimate, its request's amount and card (sent to the managers again).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

from handlers.desk import cards
from handlers.desk.cards import send_card
from handlers.engine.flow import Context
from handlers.flows.booking.common import local_when
from handlers.flows.booking.data import BookingDetails
from handlers.i18n import Texts
from handlers.rules.sessions import (
    NO_FEE,
    DirectSession,
    SessionKind,
    SessionState,
    carries_fee,
    fee_due_on_bill,
    fee_due_on_new_booking,
    fee_heir,
)
from storage import bookings, requests
from storage.bookings import Booking
from storage.db import Unit
from storage.models import OPEN_STATUSES

_STATES = {
    bookings.CONFIRMED: SessionState.BOOKED,
    bookings.DONE: SessionState.HELD,
    bookings.CANCELLED: SessionState.CANCELLED,
}


def _session(booking: Booking) -> DirectSession:
    return DirectSession(
        id=booking.id,
        starts_at=booking.starts_at,
        state=_STATES[booking.status],
        fee=booking.connection_fee,
    )


async def _direct_bookings(unit: Unit, customer_id: int | None, account_id: int) -> list[Booking]:
    return await bookings.direct_sessions_of(unit, customer_id=customer_id, account_id=account_id)


async def fee_due_on_booking(ctx: Context) -> bool:
    """Whether a new direct booking by the person in ``ctx`` carries the fee."""
    known = await _direct_bookings(ctx.unit, ctx.customer_id, ctx.account.id)
    return fee_due_on_new_booking((_session(b) for b in known), now=ctx.now)


async def fee_due_on_minutes(unit: Unit, booking: Booking) -> bool:
    """Whether the bill of held ``booking`` includes the fee: a direct session whose
    estimate carried it, the fee never billed with another."""
    if booking.kind != SessionKind.DIRECT.value:
        return False
    known = await _direct_bookings(unit, booking.customer_id, booking.account_id)
    return fee_due_on_bill(booking.id, (_session(b) for b in known))


async def pass_on_fee(ctx: Context, cancelled: Booking) -> Booking | None:
    """``cancelled`` (just cancelled) carried the fee: the customer's soonest other booked
    direct session takes it over. Returns that booking as it is now; None when there is
    none (the next new booking's estimate carries the fee) or nothing was carried."""
    if cancelled.kind != SessionKind.DIRECT.value or cancelled.connection_fee <= 0:
        return None
    known = await _direct_bookings(ctx.unit, cancelled.customer_id, cancelled.account_id)
    heir = fee_heir(cancelled.id, [_session(b) for b in known], now=ctx.now)
    if heir is None:
        return None
    booking = next(b for b in known if b.id == heir.id)
    note = cards.line("booking.card_fee_passed", number=cancelled.request_id)
    return await _carry(ctx, booking, ctx.policy.sessions.connection_fee, note)


async def drop_fee_elsewhere(ctx: Context, billed: Booking) -> None:
    """The fee was billed with held ``billed``: the customer's booked sessions still ahead
    whose estimates carry it no longer do (a past one keeps its estimate: it is billed
    without the fee, :func:`fee_due_on_minutes`)."""
    known = await _direct_bookings(ctx.unit, billed.customer_id, billed.account_id)
    note = cards.line("booking.card_fee_billed", number=billed.request_id)
    for booking in known:
        if booking.id != billed.id and carries_fee(_session(booking), ctx.now):
            await _carry(ctx, booking, NO_FEE, note)


def fee_moved_text(ctx: Context, heir: Booking) -> Callable[[Texts], str]:
    """What the customer is told when the fee passed to ``heir``, in their language."""

    def render(t: Texts) -> str:
        return t(
            "booking.fee_moved",
            when=local_when(t, ctx.policy, heir.starts_at),
            amount=t.money(heir.connection_fee),
            total=t.money(heir.estimate),
        )

    return render


async def _carry(ctx: Context, booking: Booking, fee: Decimal, note: cards.CardLine) -> Booking:
    """``booking``'s estimate now carries ``fee``: the booking, its request's amount, estimate
    and card (the fee and total lines, and ``note`` saying why), sent to the managers."""
    total = booking.estimate - booking.connection_fee + fee
    await bookings.set_connection_fee(ctx.unit, booking.id, fee, total)
    request = await requests.get(ctx.unit, booking.request_id)
    if request is not None:
        details = BookingDetails.from_stored(request.details)
        if details.estimate is not None:
            estimate = replace(
                details.estimate, fee=Decimal(format(fee, "f")), total=Decimal(format(total, "f"))
            )
            details = replace(details, estimate=estimate)
        stored = details.to_stored()
        stored["card"] = _card_with_fee(request.details.get("card", []), fee, total, note)
        await requests.set_details(ctx.unit, request.id, stored, ctx.now)
        await requests.set_amount(ctx.unit, request.id, total, ctx.now)
        if request.status in OPEN_STATUSES:
            await send_card(ctx, request.id)  # a closed request's card is not sent again
    return replace(booking, connection_fee=fee, estimate=total)


def _card_with_fee(
    card: list[list[Any]], fee: Decimal, total: Decimal, note: cards.CardLine
) -> list[list[Any]]:
    """The card's lines with the fee line (when ``fee``) before the new total, and ``note``
    last (the card's lines are the cards module's: handlers.desk.cards)."""
    lines: list[list[Any]] = []
    for key, values in card:
        if key == "booking.card_fee":
            continue
        if key == "booking.card_total":
            if fee:
                fee_key, fee_values = cards.line("booking.card_fee", amount=cards.money(fee))
                lines.append([fee_key, fee_values])
            values = {**values, "amount": cards.money(total)}
        lines.append([key, values])
    note_key, note_values = note
    lines.append([note_key, note_values])
    return lines
