"""What every part of the booking conversation uses: the customer's own bookings, and how a
session's moment is written (the booking data the chat keeps between steps:
:mod:`handlers.flows.booking.data`)."""

from __future__ import annotations

from datetime import datetime

from handlers.engine.flow import Context
from handlers.engine.messages import Button, Keyboard
from handlers.i18n import Texts
from handlers.policy import Policy
from storage import bookings
from storage.bookings import Booking


def local_when(t: Texts, policy: Policy, moment: datetime) -> str:
    """'Wed 25 Nov 2026, 10:00 (MSK)' in the reader's language and the vendor's zone."""
    local = moment.astimezone(policy.tz)
    return t(
        "booking.when",
        weekday=t.weekday(local, "abbreviated"),
        date=t.date(local.date()),
        time=t.time(local),
        zone=t.zone(local),
    )


def voice_program(policy: Policy) -> str:
    """The ``voice`` selector of the direct-connection texts: "none" when the vendor names
    no voice program (``contacts.voice_tool`` left out), "named" otherwise (a placeholder
    shows the catalogue's generic words)."""
    return "none" if policy.contacts.voice_tool is None else "named"


def owns(ctx: Context, booking: Booking) -> bool:
    """Booked from this account, or by the customer this account is linked to."""
    if booking.account_id == ctx.account.id:
        return True
    return ctx.customer_id is not None and booking.customer_id == ctx.customer_id


async def own(ctx: Context, booking_id: int) -> Booking | None:
    booking = await bookings.get(ctx.unit, booking_id)
    return booking if booking is not None and owns(ctx, booking) else None


async def own_upcoming(ctx: Context, booking_id: int) -> Booking | None:
    """The person's booking if it is still confirmed and still ahead."""
    booking = await own(ctx, booking_id)
    if booking is None or booking.status != bookings.CONFIRMED:
        return None
    return booking if booking.starts_at > ctx.now else None


def mine_row(ctx: Context) -> tuple[Button, ...]:
    return (ctx.button("booking.my_bookings", "go", "booking", "mine"),)


def mine_and_menu(ctx: Context) -> Keyboard:
    """ "My bookings" and the main menu: under every answer that ends a step."""
    return (mine_row(ctx), ctx.menu_row())
