"""A new booking: kind → problem → personal-data consent (once) → phone → (day and time,
:mod:`handlers.flows.booking.slots`) → duration → the estimate with the consents
(:mod:`handlers.flows.booking.consents`) → confirmation.

Why the confirmation looks the way it does: the slot check and the insert happen in one
``BEGIN IMMEDIATE`` transaction (``ctx.unit.begin()`` before reading the slots taken), so
two customers confirming the last place of a slot, even from two processes, are
serialised by SQLite and the second one sees the first one's booking.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from handlers.desk import cards
from handlers.desk.cards import file_request
from handlers.engine.attachments import FileKind, upload_limits
from handlers.engine.flow import Context
from handlers.engine.messages import Button, Incoming
from handlers.engine.payloads import Payload
from handlers.flows.booking.common import local_when, mine_and_menu, voice_program
from handlers.flows.booking.connection_fee import fee_due_on_booking
from handlers.flows.booking.consents import (
    consents_complete,
    next_after_consents,
    required_consents,
)
from handlers.flows.booking.data import (
    BOOKING_TOPIC,
    BookingData,
    BookingDetails,
    ConsentsData,
    EstimateData,
)
from handlers.flows.booking.slots import Slots, say_too_soon
from handlers.flows.booking.steps import BookingSteps
from handlers.flows.consent import require_consent
from handlers.rules.sessions import SessionEstimate, SessionKind, bookable_start
from handlers.rules.sessions import session_estimate as estimate_session
from storage import bookings, customers
from storage.models import RequestKind
from storage.phones import normalize_phone

#: A problem description shorter than this is not a description ("help").
PROBLEM_MIN_CHARS = 10
#: Longer descriptions are refused: the card must stay readable in a messenger.
PROBLEM_MAX_CHARS = 2000


async def session_estimate(ctx: Context, kind: SessionKind, hours: int) -> SessionEstimate:
    """The estimate; a direct session carries the connection fee when this customer (or,
    unlinked, this account) was never billed it and no other booking of theirs carries it
    (:func:`~handlers.flows.booking.connection_fee.fee_due_on_booking`)."""
    fee_due = kind is SessionKind.DIRECT and await fee_due_on_booking(ctx)
    return estimate_session(kind=kind, hours=hours, connection_fee_due=fee_due, policy=ctx.policy)


async def _known_phone(ctx: Context) -> str | None:
    if ctx.customer_id is None:
        return None
    customer = await customers.get(ctx.unit, ctx.customer_id)
    return normalize_phone(customer.phone) if customer and customer.phone else None


class NewBookingSteps(BookingSteps):
    """The steps ``kind``, ``problem``, ``phone``, ``duration`` and ``confirm`` of
    :class:`~handlers.flows.booking.BookingFlow`."""

    slots: Slots

    # -- kind and problem -----------------------------------------------------------------

    async def ask_kind(self, ctx: Context) -> None:
        sessions, offered = ctx.policy.sessions, ctx.policy.services
        upcoming = await bookings.upcoming_of(
            ctx.unit, account_id=ctx.account.id, customer_id=ctx.customer_id, now=ctx.now
        )
        # Only the kinds this vendor offers (docs/rules.md#vendor-profiles).
        paragraphs = [ctx.t("booking.kind_question", notice=sessions.min_notice_hours)]
        rows: list[tuple[Button, ...]] = []
        if offered.backup_review:
            paragraphs.append(ctx.t("booking.kind_about_backup"))
            rows.append(
                (ctx.button("booking.kind_backup", "booking.kind", SessionKind.BACKUP.value),)
            )
        if offered.direct_connection:
            paragraphs.append(ctx.t("booking.kind_about_direct", voice=voice_program(ctx.policy)))
            rows.append(
                (ctx.button("booking.kind_direct", "booking.kind", SessionKind.DIRECT.value),)
            )
        price = ctx.t(
            "booking.kind_price",
            rate=ctx.money(sessions.hourly_rate),
            min_hours=sessions.minimum_hours,
        )
        if offered.direct_connection and sessions.connection_fee:
            price += " " + ctx.t("booking.kind_price_fee", fee=ctx.money(sessions.connection_fee))
        paragraphs += [price, ctx.t("booking.kind_pick")]
        if upcoming:
            rows.append(
                (
                    ctx.button(
                        "booking.my_bookings_count", "go", "booking", "mine", count=len(upcoming)
                    ),
                )
            )
        rows.append(ctx.menu_row())
        ctx.say("\n\n".join(paragraphs[:-1]) + "\n" + paragraphs[-1], tuple(rows))

    async def on_kind(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None or payload.action != "booking.kind":
            return False
        try:
            kind = SessionKind(payload.arg(0))
        except ValueError:
            return False
        offered = ctx.policy.services
        if not (offered.backup_review if kind is SessionKind.BACKUP else offered.direct_connection):
            return False  # an old button of a kind this vendor no longer offers
        ctx.keep(BookingData(kind=kind))
        await ctx.go(self.problem)
        return True

    async def ask_problem(self, ctx: Context) -> None:
        key = (
            "booking.ask_problem_backup"
            if ctx.read(BookingData).need_kind() is SessionKind.BACKUP
            else "booking.ask_problem_direct"
        )
        ctx.say(ctx.t(key), (ctx.menu_row(),))

    async def on_problem(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is not None or msg.attachments:
            return False
        problem = msg.text.strip()
        if len(problem) < PROBLEM_MIN_CHARS:
            return False
        if len(problem) > PROBLEM_MAX_CHARS:
            ctx.say(ctx.t("booking.problem_too_long", max=PROBLEM_MAX_CHARS, length=len(problem)))
            await ctx.go(self.problem)
            return True
        ctx.keep(replace(ctx.read(BookingData), problem=problem))
        # The phone is personal data: consent first, then back here with nothing lost.
        if await require_consent(ctx, resume_step=self.phone):
            return True
        await ctx.go(self.phone)
        return True

    # -- phone ------------------------------------------------------------------------------

    async def ask_phone(self, ctx: Context) -> None:
        rows: list[tuple[Button, ...]] = []
        known = await _known_phone(ctx)
        if known:
            rows.append((ctx.button("booking.use_known_phone", "booking.phone", phone=known),))
        rows.append(ctx.menu_row())
        ctx.say(ctx.t("booking.ask_phone"), tuple(rows), request_contact=True)

    async def on_phone(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if await require_consent(ctx, resume_step=self.phone):
            return True  # consent was withdrawn meanwhile (/forget): asked again first
        if payload is not None:
            if payload.action != "booking.phone":
                return False
            phone = await _known_phone(ctx)
        elif msg.contact is not None:
            shared = msg.contact.phone.strip()
            phone = normalize_phone(shared) or normalize_phone("+" + shared.lstrip("+"))
        else:
            phone = normalize_phone(msg.text)
        if phone is None:
            return False
        ctx.keep(replace(ctx.read(BookingData), phone=phone))
        await ctx.go(self.day)
        return True

    # -- duration and estimate --------------------------------------------------------------

    async def ask_duration(self, ctx: Context) -> None:
        data = ctx.read(BookingData)
        start = data.need_start()
        fitting = await self.slots.fitting_hours(ctx, data.need_day(), start)
        if not fitting:
            ctx.say(ctx.t("booking.time_gone"))
            await ctx.go(self.time)
            return
        buttons = tuple(
            ctx.button("booking.duration_button", "booking.hours", hours, hours=hours)
            for hours in fitting
        )
        ctx.say(
            ctx.t("booking.pick_duration", when=local_when(ctx.t, ctx.policy, start)),
            (buttons, (ctx.button("booking.other_time", "booking.times"),), ctx.menu_row()),
        )

    async def on_duration(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None:
            return False
        if payload.action == "booking.times":
            await ctx.go(self.time)
            return True
        if payload.action != "booking.hours":
            return False
        hours = payload.int_arg(0)
        data = ctx.read(BookingData)
        if hours not in await self.slots.fitting_hours(ctx, data.need_day(), data.need_start()):
            ctx.say(ctx.t("booking.duration_gone"))
            await ctx.go(self.duration)
            return True
        estimate = await session_estimate(ctx, data.need_kind(), hours)
        ctx.keep(
            replace(data, hours=hours, estimate=EstimateData.of(estimate), consents=ConsentsData())
        )
        await ctx.go(self.consent_pay)
        return True

    # -- confirmation -----------------------------------------------------------------------

    async def ask_confirm(self, ctx: Context) -> None:
        data = ctx.read(BookingData)
        if not consents_complete(data):
            await next_after_consents(ctx)
            return
        t = ctx.t
        estimate = data.need_estimate()
        text = t(
            "booking.confirm_summary",
            kind=t(f"booking.kind_name_{data.need_kind().value}"),
            when=local_when(t, ctx.policy, data.need_start()),
            hours=data.need_hours(),
            phone=data.need_phone(),
            total=t.money(estimate.total),
        )
        ctx.say(
            text,
            (
                (ctx.button("booking.confirm", "booking.confirm"),),
                (ctx.button("booking.other_time", "booking.times"),),
                ctx.menu_row(),
            ),
        )

    async def on_confirm(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None:
            return False
        if payload.action == "booking.times":
            await ctx.go(self.time)
            return True
        if payload.action != "booking.confirm":
            return False
        data = ctx.read(BookingData)
        if not consents_complete(data):
            await next_after_consents(ctx)
            return True
        kind, day, start = data.need_kind(), data.need_day(), data.need_start()
        hours = data.need_hours()
        # The slot read decides the insert: take the write lock first (BEGIN IMMEDIATE).
        await ctx.unit.begin()
        if not bookable_start(start, now=ctx.now, policy=ctx.policy):
            await say_too_soon(ctx, self.slots)  # the notice ran out while the terms were read
            await ctx.go(self.day)
            return True
        if hours not in await self.slots.fitting_hours(ctx, day, start):
            ctx.say(ctx.t("booking.slot_just_taken"))
            await ctx.go(self.time)
            return True
        estimate = await session_estimate(ctx, kind, hours)
        if EstimateData.of(estimate) != data.estimate:
            ctx.say(ctx.t("booking.estimate_changed"))
            ctx.keep(replace(data, estimate=EstimateData.of(estimate), consents=ConsentsData()))
            await ctx.go(self.consent_pay)
            return True
        booking_id, request_id = await _book(ctx, data, kind, start, hours, estimate)
        _say_booked(ctx, kind, start, hours, request_id)
        if kind is SessionKind.BACKUP:
            ctx.keep(BookingData(booking_id=booking_id))
            await ctx.go(self.backup_file)
        else:
            ctx.finish()
            ctx.say(ctx.t("booking.what_next"), mine_and_menu(ctx))
        return True


async def _book(
    ctx: Context,
    data: BookingData,
    kind: SessionKind,
    start: datetime,
    hours: int,
    estimate: SessionEstimate,
) -> tuple[int, int]:
    """File the request (its card goes to managers) and take the slot."""
    phone, problem = data.need_phone(), data.need_problem()
    consents = data.need_consents()
    card = [
        cards.line("booking.card_kind", kind=cards.text(f"booking.kind_name_{kind.value}")),
        cards.line("booking.card_start", start=cards.moment(start), hours=hours),
        cards.line("booking.card_phone", phone=phone),
        cards.line("booking.card_problem", problem=problem),
        cards.line(
            "booking.card_time",
            hours=hours,
            rate=cards.money(estimate.hourly_rate),
            amount=cards.money(estimate.time_amount),
        ),
    ]
    if estimate.connection_fee:
        card.append(cards.line("booking.card_fee", amount=cards.money(estimate.connection_fee)))
    card.append(cards.line("booking.card_total", amount=cards.money(estimate.total)))
    for name in required_consents(data):
        card.append(
            cards.line(
                "booking.card_consent",
                consent=cards.text(f"booking.consent_name_{name}"),
                at=cards.moment(consents.need(name)),
            )
        )
    request_id = await file_request(
        ctx,
        RequestKind.BOOKING,
        card=card,
        amount=estimate.total,
        details=BookingDetails(
            topic=BOOKING_TOPIC,
            kind=kind,
            starts_at=start.astimezone(UTC),
            hours=hours,
            phone=phone,
            problem=problem,
            estimate=EstimateData.of(estimate),
            consents=consents,
            amount_in_lines=True,
        ).to_stored(),
    )
    booking_id = await bookings.create(
        ctx.unit,
        request_id=request_id,
        account_id=ctx.account.id,
        customer_id=ctx.customer_id,
        kind=kind.value,
        starts_at=start,
        hours=hours,
        connection_fee=estimate.connection_fee,
        estimate=estimate.total,
        now=ctx.now,
    )
    return booking_id, request_id


def _say_booked(
    ctx: Context, kind: SessionKind, start: datetime, hours: int, request_id: int
) -> None:
    t = ctx.t
    ctx.say(
        "\n\n".join(
            [
                t(
                    "booking.booked",
                    number=request_id,
                    kind=t(f"booking.kind_name_{kind.value}"),
                    when=local_when(t, ctx.policy, start),
                    hours=hours,
                ),
                t(
                    f"booking.prepare_{kind.value}",
                    voice=voice_program(ctx.policy),
                    **upload_limits(ctx, FileKind.BACKUP),
                ),
                t("booking.change_rule", hours=ctx.policy.sessions.change_until_hours),
            ]
        )
    )
