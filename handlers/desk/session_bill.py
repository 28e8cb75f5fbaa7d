"""``/minutes N M``: a manager enters the minutes a remote session took
(docs/rules.md#price-and-bill).

``N`` is the request number managers see on the booking's card (not the booking's own
id, which nobody sees), ``M`` the minutes spent. The bot computes the bill with
:func:`handlers.rules.sessions.session_bill` (at least the minimum session; the one-time
connection fee when this is a direct session whose estimate carried it and no other held
direct session of the customer was billed with it, decided from the stored bookings:
:func:`handlers.flows.booking.connection_fee.fee_due_on_minutes`; never more than the
customer agreed to), stores minutes, bill and the fee billed, marks the booking done and
the request done, and sends the bill to the customer (with the rating question, as a
manager's "Done" does). A fee billed here is dropped from the estimates of the customer's
other booked sessions still ahead. A request a manager closed with "Done" before the
minutes were entered is billed all the same (the bill is noted on it).

A booking is billed once: a second ``/minutes`` for it is refused and changes nothing
(a wrong entry is corrected by the managers outside the bot). A cancelled booking is not
billed, nor is one whose session has not started yet (the minutes of a session are
known once it is held; a session moved earlier by agreement is moved first).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from handlers.desk.cards import line, money, send_card
from handlers.desk.desk_actions import manager_actor
from handlers.engine.flow import Context, Flow
from handlers.engine.payloads import Payload
from handlers.flows.booking import local_when
from handlers.flows.booking.connection_fee import drop_fee_elsewhere, fee_due_on_minutes
from handlers.flows.booking.data import BillData, BookingDetails
from handlers.flows.rating import ask_for_rating
from handlers.i18n import Texts
from handlers.rules.sessions import SessionBill, SessionKind, session_bill
from storage import accounts, bookings, requests
from storage.bookings import Booking
from storage.models import RequestKind, RequestStatus
from storage.requests import StatusChangeRefused

#: Sanity limit of one entry: a session longer than a day is a typing mistake.
MAX_MINUTES = 24 * 60
_ARGUMENTS = re.compile(r"^[#№]?\s*([0-9]{1,9})\s+([0-9]{1,9})$")


def parse_minutes_command(argument: str) -> tuple[int, int] | None:
    """'12 90', '#12 90' or '№12 90' → (12, 90); anything else → None."""
    match = _ARGUMENTS.match(argument.strip())
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2))


def bill_lines(t: Texts, bill: SessionBill, min_hours: int) -> list[str]:
    """The bill's parts in the reader's language (customer message and manager answer)."""
    lines = [
        t(
            "session_bill.bill_time",
            minutes=bill.minutes_spent,
            billed=bill.billed_minutes,
            min_hours=min_hours,
            rate=t.money(bill.hourly_rate),
            amount=t.money(bill.time_amount),
        )
    ]
    if bill.connection_fee:
        lines.append(t("session_bill.bill_fee", amount=t.money(bill.connection_fee)))
    lines.append(t("session_bill.bill_total", amount=t.money(bill.total)))
    return lines


class SessionBillFlow(Flow):
    name = "session_bill"
    service = "sessions"
    for_managers = True
    commands = ("/minutes",)

    async def begin(self, ctx: Context, payload: Payload) -> None:
        ctx.finish()
        ctx.say(ctx.t("session_bill.usage", max=MAX_MINUTES))

    async def on_command(self, ctx: Context, name: str, argument: str) -> None:
        """Bill the session; whatever the manager's chat was doing is left as it was."""
        parsed = parse_minutes_command(argument)
        if parsed is None:
            ctx.say(ctx.t("session_bill.usage", max=MAX_MINUTES))
            return
        number, minutes = parsed
        if not 0 < minutes <= MAX_MINUTES:
            ctx.say(ctx.t("session_bill.bad_minutes", max=MAX_MINUTES))
            return
        # The booking's state read decides the write: take the write lock first.
        await ctx.unit.begin()
        request = await requests.get(ctx.unit, number)
        if request is None:
            ctx.say(ctx.t("session_bill.unknown_request", number=number))
            return
        booking = (
            await bookings.by_request(ctx.unit, number)
            if request.kind is RequestKind.BOOKING
            else None
        )
        if booking is None:
            ctx.say(ctx.t("session_bill.not_a_booking", number=number))
            return
        if booking.status == bookings.CANCELLED:
            ctx.say(ctx.t("session_bill.cancelled", number=number))
            return
        if booking.status == bookings.DONE or booking.minutes_spent is not None:
            ctx.say(
                ctx.t(
                    "session_bill.already_billed",
                    number=number,
                    minutes=booking.minutes_spent if booking.minutes_spent is not None else "—",
                    amount=ctx.money(booking.bill) if booking.bill is not None else "—",
                )
            )
            return
        if booking.starts_at > ctx.now:
            ctx.say(
                ctx.t(
                    "session_bill.not_started",
                    number=number,
                    when=local_when(ctx.t, ctx.policy, booking.starts_at),
                )
            )
            return
        bill = session_bill(
            kind=SessionKind(booking.kind),
            minutes_spent=minutes,
            connection_fee_due=await fee_due_on_minutes(ctx.unit, booking),
            policy=ctx.policy,
        )
        closed_now = await self._record(ctx, request.id, booking, bill)
        if bill.connection_fee:
            await drop_fee_elsewhere(ctx, booking)
        delivered = await self._send_to_customer(
            ctx, request.account_id, request.id, booking, bill, ask_rating=closed_now
        )
        min_hours = ctx.policy.sessions.minimum_hours
        lines = [
            ctx.t(
                "session_bill.billed",
                number=number,
                when=local_when(ctx.t, ctx.policy, booking.starts_at),
            ),
            *bill_lines(ctx.t, bill, min_hours),
            ctx.t("session_bill.sent" if delivered else "session_bill.not_sent"),
        ]
        ctx.say("\n".join(lines))

    async def _record(
        self, ctx: Context, request_id: int, booking: Booking, bill: SessionBill
    ) -> bool:
        """Minutes and bill on the booking, the event and bill line on the request.

        True when this closed the request (it was still open): the customer is then asked
        for a rating, as when a manager presses "Done".
        """
        await bookings.set_minutes_and_bill(
            ctx.unit,
            booking.id,
            bill.minutes_spent,
            bill.total,
            ctx.now,
            connection_fee=bill.connection_fee,
        )
        actor = manager_actor(ctx.incoming)
        note = line(
            "history.session_billed",
            minutes=bill.minutes_spent,
            billed=bill.billed_minutes,
            time=money(bill.time_amount),
            fee=money(bill.connection_fee),
            total=money(bill.total),
        )
        try:
            await requests.set_status(
                ctx.unit, request_id, RequestStatus.DONE, actor=actor, note_line=note, now=ctx.now
            )
            closed_now = True
        except StatusChangeRefused:  # a manager closed the card before entering minutes
            await requests.add_note(ctx.unit, request_id, actor=actor, note_line=note, now=ctx.now)
            closed_now = False
        request = await requests.get(ctx.unit, request_id)
        assert request is not None
        billed = replace(
            BookingDetails.from_stored(request.details), bill=BillData.of(bill, by=actor)
        )
        details = billed.to_stored()
        details["card"] = [  # the card's lines are the cards module's (handlers.desk.cards)
            *request.details.get("card", []),
            [
                "session_bill.card_bill",
                {
                    "minutes": bill.minutes_spent,
                    "billed": bill.billed_minutes,
                    "fee": money(bill.connection_fee),
                    "total": money(bill.total),
                },
            ],
        ]
        await requests.set_details(ctx.unit, request_id, details, ctx.now)
        await send_card(ctx, request_id)
        return closed_now

    async def _send_to_customer(
        self,
        ctx: Context,
        account_id: int | None,
        request_id: int,
        booking: Booking,
        bill: SessionBill,
        *,
        ask_rating: bool,
    ) -> bool:
        account = await accounts.get(ctx.unit, account_id) if account_id is not None else None
        if account is None:
            return False
        await ctx.queue_to_account(
            account,
            _customer_bill(ctx, request_id, booking.starts_at, bill),
            request_id=request_id,
            dedupe_key=f"session_bill:{booking.id}",
        )
        if ask_rating:
            await ask_for_rating(ctx, account, request_id)
        return True


def _customer_bill(
    ctx: Context, request_id: int, starts_at: datetime, bill: SessionBill
) -> Callable[[Texts], str]:
    min_hours = ctx.policy.sessions.minimum_hours

    def render(t: Texts) -> str:
        return "\n".join(
            [
                t(
                    "session_bill.customer_title",
                    number=request_id,
                    when=local_when(t, ctx.policy, starts_at),
                ),
                *bill_lines(t, bill, min_hours),
                t("session_bill.customer_next"),
            ]
        )

    return render
