"""The customer's bookings: the list, one booking's view, cancelling or moving it (until
``policy.sessions.change_until_hours`` before the start), and, closer to the start,
asking a manager to change it. A cancelled booking that carried the connection fee passes
it on (:func:`~handlers.flows.booking.connection_fee.pass_on_fee`), and the customer is
told which booking now carries it.

A booking's buttons work in any step of the flow (an older message's button pressed
later): each press re-reads the booking and re-checks that it is the person's and still
ahead.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from handlers.desk import cards
from handlers.desk.cards import send_card
from handlers.engine.flow import Context
from handlers.engine.messages import Button, Incoming, keyboard
from handlers.engine.payloads import Payload, encode
from handlers.flows.booking.common import local_when, mine_and_menu, own_upcoming
from handlers.flows.booking.connection_fee import fee_moved_text, pass_on_fee
from handlers.flows.booking.data import BookingData, BookingDetails, Stale
from handlers.flows.booking.slots import Slots, say_too_soon
from handlers.flows.booking.steps import BookingSteps
from handlers.i18n import texts
from handlers.rules.sessions import SessionKind, bookable_start, booking_changeable
from storage import bookings, requests
from storage.bookings import Booking
from storage.models import RequestStatus
from storage.requests import StatusChangeRefused

#: Buttons of one booking's view; they work in any step of this flow (an older message's
#: button pressed later), each re-checking that the booking is the person's.
BOOKING_ACTIONS = frozenset({"booking.cancel", "booking.move", "booking.backup", "booking.ask"})


def _booking_label(ctx: Context, booking: Booking) -> str:
    return ctx.t(
        "booking.booking_button",
        when=local_when(ctx.t, ctx.policy, booking.starts_at),
        kind=ctx.t(f"booking.kind_name_{booking.kind}"),
    )


def _too_late(ctx: Context, booking: Booking) -> None:
    """Too close to the start to change it here: offer to pass it to a manager."""
    ctx.resume_at(BookingSteps.booking)
    ctx.keep(BookingData(booking_id=booking.id))
    ctx.say(
        ctx.t("booking.too_late", hours=ctx.policy.sessions.change_until_hours),
        ((ctx.button("booking.ask_manager", "booking.ask", booking.id),), *mine_and_menu(ctx)),
    )


async def _ask_manager(ctx: Context, booking: Booking) -> None:
    request = await requests.get(ctx.unit, booking.request_id)
    details = BookingDetails.from_stored(request.details if request else None)
    phone = details.phone if details.phone is not None else "—"
    queued = 0
    for destination in ctx.desk.destinations:
        t = texts(destination.language)
        text = t(
            "booking.manager_change_asked",
            number=booking.request_id,
            when=local_when(t, ctx.policy, booking.starts_at),
            phone=phone,
        )
        key = (
            f"booking.ask:{booking.id}:{booking.starts_at.isoformat()}:"
            f"{destination.platform.value}:{destination.chat_id}"
        )
        if await ctx.queue(
            destination.platform,
            destination.chat_id,
            text,
            request_id=booking.request_id,
            dedupe_key=key,
        ):
            queued += 1
    if queued:
        await requests.add_note(
            ctx.unit,
            booking.request_id,
            actor="customer",
            note_line=cards.line("history.booking_change_asked"),
            now=ctx.now,
        )
    ctx.say(
        ctx.t("booking.manager_asked" if queued else "booking.manager_asked_before", phone=phone),
        mine_and_menu(ctx),
    )


async def record_move(
    ctx: Context,
    booking: Booking,
    start: datetime,
    *,
    actor: str = "customer",
    moved_line: str = "booking.card_moved",
) -> None:
    """The card shows the new start and where it moved from (``moved_line``: who moved it);
    the history notes the move by ``actor``; managers get the card again."""
    request = await requests.get(ctx.unit, booking.request_id)
    if request is not None:
        card: list[list[Any]] = []
        for key, values in request.details.get("card", []):
            if key == "booking.card_start":
                values = {**values, "start": cards.moment(start)}
            card.append([key, values])
        card.append(
            [
                moved_line,
                {"old": cards.moment(booking.starts_at), "at": cards.moment(ctx.now)},
            ]
        )
        moved = replace(
            BookingDetails.from_stored(request.details), starts_at=start.astimezone(UTC)
        )
        details = moved.to_stored()
        details["card"] = card  # the card's lines are the cards module's (handlers.desk.cards)
        await requests.set_details(ctx.unit, booking.request_id, details, ctx.now)
    await requests.add_note(
        ctx.unit,
        booking.request_id,
        actor=actor,
        note_line=cards.line(
            "history.booking_moved", old=cards.moment(booking.starts_at), new=cards.moment(start)
        ),
        now=ctx.now,
    )
    await send_card(ctx, booking.request_id)


class MyBookingSteps(BookingSteps):
    """The steps ``mine``, ``booking``, ``cancel_confirm`` and ``move_confirm`` of
    :class:`~handlers.flows.booking.BookingFlow` (moving goes through its ``day`` and ``time``)."""

    slots: Slots

    async def ask_mine(self, ctx: Context) -> None:
        upcoming = await bookings.upcoming_of(
            ctx.unit, account_id=ctx.account.id, customer_id=ctx.customer_id, now=ctx.now
        )
        new_row = (ctx.button("booking.new", "go", "booking"),)
        if not upcoming:
            ctx.say(ctx.t("booking.none_upcoming"), (new_row, ctx.menu_row()))
            return
        listed = (Button(_booking_label(ctx, b), encode("booking.open", b.id)) for b in upcoming)
        ctx.say(
            ctx.t("booking.mine_title", count=len(upcoming)),
            keyboard(*listed, new_row, ctx.menu_row()),
        )

    async def on_mine(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return False  # its buttons are booking.open (handled in any step) and go:…

    async def open_booking(self, ctx: Context, booking_id: int) -> bool:
        """One booking's view; "not yours / gone" and the list when it is not the person's
        upcoming booking."""
        booking = await own_upcoming(ctx, booking_id)
        if booking is None:
            ctx.say(ctx.t("booking.not_yours"))
            ctx.keep(BookingData())
            await ctx.go(self.mine)
            return True
        ctx.keep(BookingData(booking_id=booking.id))
        await ctx.go(self.booking)
        return True

    async def ask_booking(self, ctx: Context) -> None:
        booking = await own_upcoming(ctx, ctx.read(BookingData).need_booking_id())
        if booking is None:
            raise Stale("booking_id")
        t, sessions = ctx.t, ctx.policy.sessions
        lines = [
            t(
                "booking.view",
                number=booking.request_id,
                kind=t(f"booking.kind_name_{booking.kind}"),
                when=local_when(t, ctx.policy, booking.starts_at),
                hours=booking.hours,
                total=t.money(booking.estimate),
            )
        ]
        rows: list[tuple[Button, ...]] = []
        if booking_changeable(start=booking.starts_at, now=ctx.now, policy=ctx.policy):
            deadline = booking.starts_at - timedelta(hours=sessions.change_until_hours)
            lines.append(t("booking.changeable_until", when=local_when(t, ctx.policy, deadline)))
            rows.append(
                (
                    ctx.button("booking.move", "booking.move", booking.id),
                    ctx.button("booking.cancel", "booking.cancel", booking.id),
                )
            )
        else:
            lines.append(t("booking.not_changeable", hours=sessions.change_until_hours))
            rows.append((ctx.button("booking.ask_manager", "booking.ask", booking.id),))
        if booking.kind == SessionKind.BACKUP.value:
            rows.append((ctx.button("booking.send_backup_button", "booking.backup", booking.id),))
        rows.extend(mine_and_menu(ctx))
        ctx.say("\n".join(lines), tuple(rows))

    async def on_booking(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None or payload.action not in BOOKING_ACTIONS:
            return False
        booking = await own_upcoming(ctx, payload.int_arg(0))
        if booking is None:
            return await self.open_booking(ctx, payload.int_arg(0))  # says "not yours / gone"
        ctx.keep(BookingData(booking_id=booking.id))
        if payload.action == "booking.backup":
            if booking.kind != SessionKind.BACKUP.value:
                return False
            await ctx.go(self.backup_file)
            return True
        if payload.action == "booking.ask":
            await _ask_manager(ctx, booking)
            return True
        if not booking_changeable(start=booking.starts_at, now=ctx.now, policy=ctx.policy):
            _too_late(ctx, booking)
            return True
        if payload.action == "booking.cancel":
            await ctx.go(self.cancel_confirm)
        else:
            moving = BookingData(
                booking_id=booking.id,
                move=booking.id,
                hours=booking.hours,
                kind=SessionKind(booking.kind),
            )
            ctx.keep(moving)
            await ctx.go(self.day)
        return True

    # -- cancel -----------------------------------------------------------------------------

    async def ask_cancel_confirm(self, ctx: Context) -> None:
        booking = await own_upcoming(ctx, ctx.read(BookingData).need_booking_id())
        if booking is None:
            raise Stale("booking_id")
        ctx.say(
            ctx.t("booking.cancel_question", when=local_when(ctx.t, ctx.policy, booking.starts_at)),
            (
                (ctx.button("booking.cancel_yes", "booking.cancel_yes", booking.id),),
                (ctx.button("booking.cancel_no", "booking.open", booking.id),),
            ),
        )

    async def on_cancel_confirm(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None or payload.action != "booking.cancel_yes":
            return False
        await ctx.unit.begin()  # the status read decides the update
        booking = await own_upcoming(ctx, payload.int_arg(0))
        if booking is None:
            return await self.open_booking(ctx, payload.int_arg(0))
        if not booking_changeable(start=booking.starts_at, now=ctx.now, policy=ctx.policy):
            _too_late(ctx, booking)
            return True
        await bookings.cancel(ctx.unit, booking.id, ctx.now)
        try:
            await requests.set_status(
                ctx.unit,
                booking.request_id,
                RequestStatus.CANCELLED,
                actor="customer",
                note_line=cards.line("history.booking_cancelled"),
                now=ctx.now,
            )
        except StatusChangeRefused:
            await requests.add_note(
                ctx.unit,
                booking.request_id,
                actor="customer",
                note_line=cards.line("history.booking_cancelled"),
                now=ctx.now,
            )
        await send_card(ctx, booking.request_id)
        heir = await pass_on_fee(ctx, booking)
        ctx.finish()
        answer = [ctx.t("booking.cancelled", when=local_when(ctx.t, ctx.policy, booking.starts_at))]
        if heir is not None:
            answer.append(fee_moved_text(ctx, heir)(ctx.t))
        ctx.say("\n\n".join(answer), mine_and_menu(ctx))
        return True

    # -- move -------------------------------------------------------------------------------

    async def ask_move_confirm(self, ctx: Context) -> None:
        data = ctx.read(BookingData)
        booking = await own_upcoming(ctx, data.need_move())
        if booking is None:
            raise Stale("move")
        t = ctx.t
        ctx.say(
            t(
                "booking.move_question",
                old=local_when(t, ctx.policy, booking.starts_at),
                new=local_when(t, ctx.policy, data.need_start()),
                hours=booking.hours,
            ),
            (
                (ctx.button("booking.move_yes", "booking.move_yes"),),
                (ctx.button("booking.other_time", "booking.times"),),
                ctx.menu_row(),
            ),
        )

    async def on_move_confirm(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None:
            return False
        if payload.action == "booking.times":
            await ctx.go(self.time)
            return True
        if payload.action != "booking.move_yes":
            return False
        # The slot read decides the update: take the write lock first (BEGIN IMMEDIATE).
        await ctx.unit.begin()
        data = ctx.read(BookingData)
        booking = await own_upcoming(ctx, data.need_move())
        if booking is None:
            raise Stale("move")
        if not booking_changeable(start=booking.starts_at, now=ctx.now, policy=ctx.policy):
            _too_late(ctx, booking)
            return True
        day, start = data.need_day(), data.need_start()
        if not bookable_start(start, now=ctx.now, policy=ctx.policy):
            await say_too_soon(ctx, self.slots)  # the notice ran out before the answer
            await ctx.go(self.day)
            return True
        if not await self.slots.is_free(ctx, day, start, booking.hours):
            ctx.say(ctx.t("booking.slot_just_taken"))
            await ctx.go(self.time)
            return True
        await bookings.move(ctx.unit, booking.id, start, ctx.now)
        await record_move(ctx, booking, start)
        ctx.finish()
        ctx.say(
            ctx.t("booking.moved", when=local_when(ctx.t, ctx.policy, start), hours=booking.hours),
            mine_and_menu(ctx),
        )
        return True
