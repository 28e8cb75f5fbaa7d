"""A manager cancels or moves a customer's remote session
(docs/rules.md#changing-a-booking-and-reminders).

The customer changes their own booking in the booking flow until
``policy.sessions.change_until_hours`` before it; after that, or on the customer's call, a
manager does it here, from the web desk's Bookings page or with the "Cancel the booking"
button of a booking's card. The booking is named by its request's number (what managers
see on the card).

* **Cancel** (``1:booking_desk.cancel:<request>``): the desk asks the reason (the manager's
  next text, as "Reject" does); then the slot is freed, the request is cancelled, the card
  notes it and is sent again, the connection fee the booking carried passes on
  (:func:`~handlers.flows.booking.connection_fee.pass_on_fee`) and the customer is told the
  reason in their language.
* **Move** (``1:booking_desk.move:<request>:<YYYYMMDDHHMM>``, the new start in the
  vendor's time zone): only to a start the booking rules offer a customer that day, for the
  booking's own length (:meth:`~handlers.rules.calendar.WorkingCalendar.free_slots`: working
  hours of a working day, the minimum notice ahead, a consultant free; the booking itself
  does not count as taken). The card shows the new start and the move, the history notes
  it, the customer is told the new time.

Each action re-reads the booking in a write transaction: a booking already cancelled or
held, or a slot taken meanwhile, is answered in words and nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from handlers.desk import cards
from handlers.desk.cards import person_label, send_card, standard_buttons
from handlers.desk.desk_actions import manager_actor, manager_mark
from handlers.engine.flow import Context, Flow, Step
from handlers.engine.messages import Button, Incoming, Keyboard
from handlers.engine.payloads import Payload, encode
from handlers.engine.stored import Stored
from handlers.flows.booking.common import local_when
from handlers.flows.booking.connection_fee import fee_moved_text, pass_on_fee
from handlers.flows.booking.my_bookings import record_move
from handlers.i18n import Texts
from handlers.policy import Policy
from handlers.rules.calendar import calendar_for
from handlers.rules.sessions import bookable_start
from storage import accounts, bookings, requests
from storage.bookings import Booking
from storage.db import Unit
from storage.models import Request, RequestKind, RequestStatus
from storage.requests import StatusChangeRefused

#: How a move's new start travels in a button: vendor-local, to the minute.
START_FORMAT = "%Y%m%d%H%M"


@dataclass(frozen=True, slots=True, kw_only=True)
class BookingDeskData(Stored):
    """What the chat holds while the desk waits for a cancel's reason: the request (the
    key :func:`handlers.desk.desk_actions.awaited_text` reads) and who pressed."""

    request_id: int | None = None
    by: str | None = None


def start_argument(start: datetime, policy: Policy) -> str:
    """A start as the move button carries it."""
    return start.astimezone(policy.tz).strftime(START_FORMAT)


def parse_start(argument: str, policy: Policy) -> datetime | None:
    if len(argument) != len("YYYYMMDDHHMM") or not argument.isdigit():
        return None
    try:
        return datetime.strptime(argument, START_FORMAT).replace(tzinfo=policy.tz)
    except ValueError:
        return None


async def free_starts(
    unit: Unit, policy: Policy, booking: Booking, day: date, now: datetime
) -> list[datetime]:
    """The starts on ``day`` where ``booking`` could be moved: what a customer moving it
    would be offered that day (the booking window aside)."""
    calendar = calendar_for(policy)
    taken = await bookings.confirmed_between(
        unit, calendar.day_start(day), calendar.day_end(day), exclude_id=booking.id
    )
    return calendar.free_slots(day, taken=taken, now=now, hours=booking.hours)


async def move_refusal(
    unit: Unit, policy: Policy, booking: Booking, start: datetime, now: datetime
) -> str | None:
    """Why ``booking`` cannot move to ``start`` (a catalogue key), or None when it can."""
    if start == booking.starts_at:
        return "booking_desk.move_same_time"
    if not bookable_start(start, now=now, policy=policy):
        return "booking_desk.move_too_soon"
    day = start.astimezone(policy.tz).date()
    calendar = calendar_for(policy)
    if start not in calendar.free_slots(day, taken=(), now=now, hours=booking.hours):
        return "booking_desk.move_outside_hours"
    if start not in await free_starts(unit, policy, booking, day, now):
        return "booking_desk.move_slot_taken"
    return None


def booking_card_buttons(t: Texts, request: Request) -> Keyboard:
    """A booking's card: the standard buttons and "Cancel the booking"."""
    cancel = Button(t("booking_desk.cancel_button"), encode("booking_desk.cancel", request.id))
    return (*standard_buttons(t, request), (cancel,))


cards.KIND_BUTTONS[RequestKind.BOOKING] = booking_card_buttons


class BookingDeskFlow(Flow):
    name = "booking_desk"
    service = "sessions"
    for_managers = True
    global_actions = True

    reason = Step()

    async def begin(self, ctx: Context, payload: Payload) -> None:
        ctx.finish()
        ctx.say(ctx.t("booking_desk.use_buttons"), (ctx.menu_row(),))

    async def on_global(self, ctx: Context, payload: Payload, message: Incoming) -> None:
        number = payload.optional_int(0)
        if (
            payload.action == "booking_desk.cancel"
            and number is not None
            and len(payload.args) == 1
        ):
            if await self._changeable(ctx, number) is not None:
                self._wait_for_reason(ctx, number, message)
                await ctx.go(self.reason)
            return
        start = parse_start(payload.args[1], ctx.policy) if len(payload.args) == 2 else None
        if payload.action == "booking_desk.move" and number is not None and start is not None:
            await self._move(ctx, number, start)
            return
        ctx.say(ctx.t("common.bad_button"))

    # -- cancel --------------------------------------------------------------------------

    def _wait_for_reason(self, ctx: Context, number: int, message: Incoming) -> None:
        ctx.finish()
        ctx.flow_name, ctx.flow = self.name, self
        ctx.keep(BookingDeskData(request_id=number, by=message.user_id))

    async def ask_reason(self, ctx: Context) -> None:
        ctx.say(ctx.t("booking_desk.ask_reason", number=ctx.read(BookingDeskData).request_id))

    async def on_reason(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        reason = msg.text.strip()
        if payload is not None or not reason:
            return False
        data = ctx.read(BookingDeskData)
        number = data.request_id
        if number is None:
            raise KeyError("request_id")  # the step is entered only with one
        if data.by is not None and msg.user_id != data.by:
            writer = await person_label(ctx.unit, ctx.t, f"{msg.platform.value}:{data.by}")
            ctx.say(ctx.t("desk_actions.someone_else_writing", manager=writer, number=number))
            return True
        ctx.finish()
        await self._cancel(ctx, number, reason)
        return True

    async def _cancel(self, ctx: Context, number: int, reason: str) -> None:
        await ctx.unit.begin()  # the booking's status read decides the update
        booking = await self._changeable(ctx, number)
        if booking is None or not await bookings.cancel(ctx.unit, booking.id, ctx.now):
            return
        request = await requests.get(ctx.unit, number)
        assert request is not None
        actor = manager_actor(ctx.incoming)
        note = cards.line("history.booking_cancelled_by_manager")
        try:
            await requests.set_status(
                ctx.unit,
                number,
                RequestStatus.CANCELLED,
                actor=actor,
                note=reason,
                note_line=note,
                now=ctx.now,
                manager=manager_mark(ctx.incoming) if request.manager is None else None,
            )
        except StatusChangeRefused:  # closed already: the booking's cancel is noted all the same
            await requests.add_note(
                ctx.unit, number, actor=actor, note=reason, note_line=note, now=ctx.now
            )
        key, values = cards.line(
            "booking_desk.card_cancelled", at=cards.moment(ctx.now), reason=reason
        )
        await _add_card_line(ctx, number, [key, values])
        await send_card(ctx, number)
        heir = await pass_on_fee(ctx, booking)
        fee_moved = fee_moved_text(ctx, heir) if heir is not None else None

        def cancelled(t: Texts) -> str:
            text = t(
                "booking_desk.customer_cancelled",
                number=number,
                when=local_when(t, ctx.policy, booking.starts_at),
                reason=reason,
            )
            return text if fee_moved is None else f"{text}\n\n{fee_moved(t)}"

        told = await self._tell_customer(ctx, booking, cancelled)
        lines = [
            ctx.t(
                "booking_desk.cancelled",
                number=number,
                when=local_when(ctx.t, ctx.policy, booking.starts_at),
            )
        ]
        if heir is not None:
            lines.append(
                ctx.t(
                    "booking_desk.fee_passed",
                    number=heir.request_id,
                    when=local_when(ctx.t, ctx.policy, heir.starts_at),
                )
            )
        if not told:
            lines.append(ctx.t("booking_desk.no_customer_chat"))
        ctx.say("\n".join(lines))

    # -- move ----------------------------------------------------------------------------

    async def _move(self, ctx: Context, number: int, start: datetime) -> None:
        await ctx.unit.begin()  # the slot read decides the update
        booking = await self._changeable(ctx, number)
        if booking is None:
            return
        refusal = await move_refusal(ctx.unit, ctx.policy, booking, start, ctx.now)
        if refusal is not None:
            ctx.say(
                ctx.t(
                    refusal,
                    number=number,
                    when=local_when(ctx.t, ctx.policy, start),
                    hours=ctx.policy.sessions.min_notice_hours,
                )
            )
            return
        if not await bookings.move(ctx.unit, booking.id, start, ctx.now):
            return  # not reached: the status was read under the write lock
        await record_move(
            ctx,
            booking,
            start,
            actor=manager_actor(ctx.incoming),
            moved_line="booking_desk.card_moved",
        )

        def moved(t: Texts) -> str:
            return t(
                "booking_desk.customer_moved",
                number=number,
                old=local_when(t, ctx.policy, booking.starts_at),
                new=local_when(t, ctx.policy, start),
                hours=booking.hours,
            )

        told = await self._tell_customer(ctx, booking, moved)
        lines = [
            ctx.t(
                "booking_desk.moved",
                number=number,
                old=local_when(ctx.t, ctx.policy, booking.starts_at),
                new=local_when(ctx.t, ctx.policy, start),
            )
        ]
        if not told:
            lines.append(ctx.t("booking_desk.no_customer_chat"))
        ctx.say("\n".join(lines))

    # -- what both use -------------------------------------------------------------------

    async def _changeable(self, ctx: Context, number: int) -> Booking | None:
        """The booking of request ``number`` while it is booked (not cancelled, not held);
        otherwise says why and returns None."""
        request = await requests.get(ctx.unit, number)
        booking = (
            await bookings.by_request(ctx.unit, number)
            if request is not None and request.kind is RequestKind.BOOKING
            else None
        )
        if booking is None:
            ctx.say(ctx.t("booking_desk.not_found", number=number))
            return None
        if booking.status != bookings.CONFIRMED:
            ctx.say(
                ctx.t(
                    "booking_desk.already_cancelled"
                    if booking.status == bookings.CANCELLED
                    else "booking_desk.already_held",
                    number=number,
                    when=local_when(ctx.t, ctx.policy, booking.starts_at),
                )
            )
            return None
        return booking

    async def _tell_customer(
        self, ctx: Context, booking: Booking, render: Callable[[Texts], str]
    ) -> bool:
        account = await accounts.get(ctx.unit, booking.account_id)
        if account is None:
            return False
        await ctx.queue_to_account(account, render, request_id=booking.request_id)
        return True


async def _add_card_line(ctx: Context, number: int, card_line: list[Any]) -> None:
    """The request's card gets ``card_line`` last (the card's lines are the cards module's)."""
    request = await requests.get(ctx.unit, number)
    if request is None:
        return
    details = dict(request.details)
    details["card"] = [*request.details.get("card", []), card_line]
    await requests.set_details(ctx.unit, number, details, ctx.now)
