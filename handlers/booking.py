"""Remote session booking (SPEC §5): a backup review or a direct connection, booked ahead.

New booking: kind → problem → personal-data consent (once) → phone → day → start time →
duration → the estimate with the consents, each its own button → confirmation. The
customer's bookings: list → one booking → cancel or move (until
``policy.sessions.change_until_hours`` before the start), or send the backup file.

Why the confirmation looks the way it does: the slot check and the insert happen in one
``BEGIN IMMEDIATE`` transaction (``ctx.unit.begin()`` before reading the slots taken), so
two customers confirming the last place of a slot, even from two processes, are
serialised by SQLite and the second one sees the first one's booking.

Entry points: the main-menu item (``go:booking``) and ``go:booking:mine`` (the customer's
bookings), which any message may carry as a button (reminders, the booked message).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from handlers import cards
from handlers.attachments import FileKind, accept_attachment, problem_text, upload_problem
from handlers.cards import file_request, send_card
from handlers.consent import require_consent
from handlers.flow import Context, Flow
from handlers.i18n import Texts, texts
from handlers.messages import Attachment, Button, Incoming
from handlers.payloads import Payload, PayloadError, encode
from handlers.policy import Policy
from handlers.rules.calendar import WorkingCalendar
from handlers.rules.sessions import SessionEstimate, SessionKind, booking_changeable
from handlers.rules.sessions import session_estimate as estimate_session
from handlers.rules.uploads import UploadProblem
from storage import bookings, customers, requests
from storage.bookings import Booking
from storage.models import RequestKind, RequestStatus
from storage.phones import normalize_phone
from storage.requests import StatusChangeRefused

#: A problem description shorter than this is not a description ("help").
PROBLEM_MIN_CHARS = 10
#: Longer descriptions are refused: the card must stay readable in a messenger.
PROBLEM_MAX_CHARS = 2000
#: Consents asked before a booking, in order; a backup review has no remote access.
CONSENTS = {
    SessionKind.BACKUP: ("pay", "backup"),
    SessionKind.DIRECT: ("pay", "access", "backup"),
}
#: Buttons of one booking's view; they work in any step of this flow (an older message's
#: button pressed later), each re-checking that the booking is the person's.
_BOOKING_ACTIONS = frozenset({"booking.cancel", "booking.move", "booking.backup", "booking.ask"})


class _Stale(Exception):
    """The chat's saved data no longer describes a booking in progress."""


def local_when(t: Texts, policy: Policy, moment: datetime) -> str:
    """'Wed 25 Nov 2026, 10:00 (MSK)' in the reader's language and the vendor's zone."""
    local = moment.astimezone(policy.tz)
    weekday = t(f"booking.weekday_{local.isoweekday()}")
    return t(
        "booking.when",
        weekday=weekday,
        date=t.date(local.date()),
        time=f"{local:%H:%M}",
        zone=local.tzname() or policy.timezone,
    )


def owns(ctx: Context, booking: Booking) -> bool:
    """Booked from this account, or by the customer this account is linked to."""
    if booking.account_id == ctx.account.id:
        return True
    return ctx.customer_id is not None and booking.customer_id == ctx.customer_id


class BookingFlow(Flow):
    name = "booking"
    menu_label = "booking.menu"
    for_managers = False

    def __init__(self) -> None:
        self._calendar_for: tuple[Policy, WorkingCalendar] | None = None

    # -- plumbing ---------------------------------------------------------------------

    def calendar(self, policy: Policy) -> WorkingCalendar:
        """One calendar per policy (it caches holiday tables)."""
        if self._calendar_for is None or self._calendar_for[0] is not policy:
            self._calendar_for = (policy, WorkingCalendar(policy))
        return self._calendar_for[1]

    async def begin(self, ctx: Context, payload: Payload) -> None:
        if payload.args[1:2] == ("mine",):
            await ctx.go("mine")
            return
        await ctx.go("kind")

    async def ask(self, ctx: Context, step: str) -> None:
        try:
            await super().ask(ctx, step)
        except _Stale:
            self._stale(ctx)

    async def handle(
        self, ctx: Context, step: str, message: Incoming, payload: Payload | None
    ) -> bool:
        try:
            if payload is not None and payload.action == "booking.open":
                return await self._open(ctx, payload.int_arg(0))
            if payload is not None and payload.action in _BOOKING_ACTIONS:
                return await self.on_booking(ctx, message, payload)
            return await super().handle(ctx, step, message, payload)
        except PayloadError:
            ctx.say(ctx.t("common.bad_button"))
            await self.ask(ctx, step)
            return True
        except _Stale:
            self._stale(ctx)
            return True

    def _stale(self, ctx: Context) -> None:
        ctx.finish()
        ctx.say(ctx.t("booking.stale"), (self._mine_row(ctx), ctx.menu_row()))

    def _mine_row(self, ctx: Context) -> tuple[Button, ...]:
        return (ctx.button("booking.my_bookings", "go", "booking", "mine"),)

    def _get(self, ctx: Context, key: str) -> Any:
        if key not in ctx.data:
            raise _Stale(key)
        return ctx.data[key]

    def _kind(self, ctx: Context) -> SessionKind:
        try:
            return SessionKind(self._get(ctx, "kind"))
        except ValueError as exc:
            raise _Stale("kind") from exc

    def _day(self, ctx: Context) -> date:
        try:
            return date.fromisoformat(self._get(ctx, "day"))
        except ValueError as exc:
            raise _Stale("day") from exc

    def _start(self, ctx: Context) -> datetime:
        try:
            return datetime.fromisoformat(self._get(ctx, "start"))
        except ValueError as exc:
            raise _Stale("start") from exc

    def _moving(self, ctx: Context) -> int | None:
        moving = ctx.data.get("move")
        return int(moving) if moving is not None else None

    # -- slots --------------------------------------------------------------------------

    def _slot_hours(self, ctx: Context) -> int:
        """Length a slot must have: the booking's when moving it, else the shortest."""
        if self._moving(ctx) is not None:
            return int(self._get(ctx, "hours"))
        return min(ctx.policy.sessions.durations_hours)

    async def _taken(self, ctx: Context, first: date, last: date) -> list[tuple[datetime, int]]:
        calendar = self.calendar(ctx.policy)
        return await bookings.confirmed_between(
            ctx.unit,
            calendar.day_start(first),
            calendar.day_end(last),
            exclude_id=self._moving(ctx),
        )

    async def _open_days(self, ctx: Context) -> list[date]:
        """Working days of the booking window with at least one free slot."""
        calendar = self.calendar(ctx.policy)
        window = calendar.booking_window(ctx.now)
        if not window:
            return []
        taken = await self._taken(ctx, window[0], window[-1])
        hours = self._slot_hours(ctx)
        return [
            day for day in window if calendar.free_slots(day, taken=taken, now=ctx.now, hours=hours)
        ]

    async def _free_slots(self, ctx: Context, day: date, hours: int) -> list[datetime]:
        if day not in self.calendar(ctx.policy).booking_window(ctx.now):
            return []
        taken = await self._taken(ctx, day, day)
        return self.calendar(ctx.policy).free_slots(day, taken=taken, now=ctx.now, hours=hours)

    async def _slot_free(self, ctx: Context, day: date, start: datetime, hours: int) -> bool:
        """Whether a session of ``hours`` can still start at ``start`` on ``day``."""
        return start in await self._free_slots(ctx, day, hours)

    async def _fitting_hours(self, ctx: Context, day: date, start: datetime) -> list[int]:
        """Bookable durations that still fit at ``start`` (one query for all of them)."""
        calendar = self.calendar(ctx.policy)
        if day not in calendar.booking_window(ctx.now):
            return []
        taken = await self._taken(ctx, day, day)
        return [
            hours
            for hours in ctx.policy.sessions.durations_hours
            if start in calendar.free_slots(day, taken=taken, now=ctx.now, hours=hours)
        ]

    async def _estimate(self, ctx: Context, kind: SessionKind, hours: int) -> SessionEstimate:
        """The estimate; the connection fee is due when this customer (or, unlinked, this
        account) has no direct session held or booked."""
        first_direct = False
        if kind is SessionKind.DIRECT:
            held = await bookings.count_direct_sessions(
                ctx.unit,
                customer_id=ctx.customer_id,
                account_id=ctx.account.id,
                include_confirmed=True,
            )
            first_direct = held == 0
        return estimate_session(
            kind=kind, hours=hours, first_direct_session=first_direct, policy=ctx.policy
        )

    # -- kind and problem -----------------------------------------------------------------

    async def ask_kind(self, ctx: Context) -> None:
        sessions = ctx.policy.sessions
        upcoming = await bookings.upcoming_of(
            ctx.unit, account_id=ctx.account.id, customer_id=ctx.customer_id, now=ctx.now
        )
        rows = [
            (ctx.button("booking.kind_backup", "booking.kind", SessionKind.BACKUP.value),),
            (ctx.button("booking.kind_direct", "booking.kind", SessionKind.DIRECT.value),),
        ]
        if upcoming:
            rows.append(
                (
                    ctx.button(
                        "booking.my_bookings_count", "go", "booking", "mine", count=len(upcoming)
                    ),
                )
            )
        rows.append(ctx.menu_row())
        ctx.say(
            ctx.t(
                "booking.kind_question",
                rate=ctx.money(sessions.hourly_rate),
                min_hours=sessions.minimum_hours,
                fee=ctx.money(sessions.connection_fee),
            ),
            tuple(rows),
        )

    async def on_kind(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None or payload.action != "booking.kind":
            return False
        try:
            kind = SessionKind(payload.arg(0))
        except ValueError:
            return False
        ctx.data = {"kind": kind.value}
        await ctx.go("problem")
        return True

    async def ask_problem(self, ctx: Context) -> None:
        key = (
            "booking.ask_problem_backup"
            if self._kind(ctx) is SessionKind.BACKUP
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
            await ctx.go("problem")
            return True
        ctx.data["problem"] = problem
        # The phone is personal data: consent first, then back here with nothing lost.
        if await require_consent(ctx, resume_step="phone"):
            return True
        await ctx.go("phone")
        return True

    # -- phone ------------------------------------------------------------------------------

    async def _known_phone(self, ctx: Context) -> str | None:
        if ctx.customer_id is None:
            return None
        customer = await customers.get(ctx.unit, ctx.customer_id)
        return normalize_phone(customer.phone) if customer and customer.phone else None

    async def ask_phone(self, ctx: Context) -> None:
        rows: list[tuple[Button, ...]] = []
        known = await self._known_phone(ctx)
        if known:
            rows.append((ctx.button("booking.use_known_phone", "booking.phone", phone=known),))
        rows.append(ctx.menu_row())
        ctx.say(ctx.t("booking.ask_phone"), tuple(rows), request_contact=True)

    async def on_phone(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if await require_consent(ctx, resume_step="phone"):
            return True  # consent was withdrawn meanwhile (/forget): asked again first
        if payload is not None:
            if payload.action != "booking.phone":
                return False
            phone = await self._known_phone(ctx)
        elif msg.contact is not None:
            shared = msg.contact.phone.strip()
            phone = normalize_phone(shared) or normalize_phone("+" + shared.lstrip("+"))
        else:
            phone = normalize_phone(msg.text)
        if phone is None:
            return False
        ctx.data["phone"] = phone
        await ctx.go("day")
        return True

    # -- day and time -----------------------------------------------------------------------

    def _day_label(self, ctx: Context, day: date) -> str:
        return ctx.t(
            "booking.day_button",
            weekday=ctx.t(f"booking.weekday_{day.isoweekday()}"),
            date=ctx.t.date(day),
        )

    async def ask_day(self, ctx: Context) -> None:
        days = await self._open_days(ctx)
        if not days:
            ctx.finish()
            ctx.say(
                ctx.t("booking.no_days", days=ctx.policy.sessions.booking_days_ahead),
                (ctx.menu_row(),),
            )
            return
        buttons = [
            Button(self._day_label(ctx, day), encode("booking.day", day.isoformat()))
            for day in days
        ]
        rows = [tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2)]
        rows.append(ctx.menu_row())
        ctx.say(ctx.t("booking.pick_day"), tuple(rows))

    async def on_day(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None or payload.action != "booking.day":
            return False
        try:
            day = date.fromisoformat(payload.arg(0))
        except ValueError:
            return False
        if day not in await self._open_days(ctx):
            ctx.say(ctx.t("booking.day_gone"))
            await ctx.go("day")
            return True
        ctx.data["day"] = day.isoformat()
        await ctx.go("time")
        return True

    async def ask_time(self, ctx: Context) -> None:
        day = self._day(ctx)
        slots = await self._free_slots(ctx, day, self._slot_hours(ctx))
        if not slots:
            ctx.say(ctx.t("booking.day_full", day=self._day_label(ctx, day)))
            await ctx.go("day")
            return
        tz = ctx.policy.tz
        buttons = [
            Button(
                f"{slot.astimezone(tz):%H:%M}",
                encode("booking.time", f"{slot.astimezone(tz):%H%M}"),
            )
            for slot in slots
        ]
        rows = [tuple(buttons[i : i + 3]) for i in range(0, len(buttons), 3)]
        rows.append((ctx.button("booking.other_day", "booking.days"),))
        rows.append(ctx.menu_row())
        zone = slots[0].astimezone(tz).tzname() or ctx.policy.timezone
        ctx.say(ctx.t("booking.pick_time", day=self._day_label(ctx, day), zone=zone), tuple(rows))

    async def on_time(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None:
            return False
        if payload.action == "booking.days":
            await ctx.go("day")
            return True
        if payload.action != "booking.time":
            return False
        day = self._day(ctx)
        wanted = payload.arg(0)
        tz = ctx.policy.tz
        slots = await self._free_slots(ctx, day, self._slot_hours(ctx))
        start = next((s for s in slots if f"{s.astimezone(tz):%H%M}" == wanted), None)
        if start is None:
            ctx.say(ctx.t("booking.time_gone"))
            await ctx.go("time")
            return True
        ctx.data["start"] = start.astimezone(UTC).isoformat()
        if self._moving(ctx) is not None:
            await ctx.go("move_confirm")
            return True
        hours = ctx.data.get("hours")
        if self._consents_complete(ctx) and hours in await self._fitting_hours(ctx, day, start):
            # A new time after "just taken": the terms already agreed still hold.
            await ctx.go("confirm")
        else:
            await ctx.go("duration")
        return True

    # -- duration and estimate --------------------------------------------------------------

    async def ask_duration(self, ctx: Context) -> None:
        start = self._start(ctx)
        fitting = await self._fitting_hours(ctx, self._day(ctx), start)
        if not fitting:
            ctx.say(ctx.t("booking.time_gone"))
            await ctx.go("time")
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
            await ctx.go("time")
            return True
        if payload.action != "booking.hours":
            return False
        hours = payload.int_arg(0)
        if hours not in await self._fitting_hours(ctx, self._day(ctx), self._start(ctx)):
            ctx.say(ctx.t("booking.duration_gone"))
            await ctx.go("duration")
            return True
        estimate = await self._estimate(ctx, self._kind(ctx), hours)
        ctx.data["hours"] = hours
        ctx.data["estimate"] = _estimate_to_data(estimate)
        ctx.data["consents"] = {}
        await ctx.go("consent_pay")
        return True

    def _estimate_text(self, ctx: Context) -> str:
        t, sessions = ctx.t, ctx.policy.sessions
        estimate = self._get(ctx, "estimate")
        kind = self._kind(ctx)
        lines = [
            t("booking.estimate_title"),
            t(
                "booking.estimate_time",
                hours=estimate["hours"],
                rate=t.money(Decimal(estimate["rate"])),
                amount=t.money(Decimal(estimate["time"])),
            ),
        ]
        fee = Decimal(estimate["fee"])
        if fee:
            lines.append(t("booking.estimate_fee", amount=t.money(fee)))
        elif kind is SessionKind.DIRECT:
            lines.append(t("booking.estimate_no_fee"))
        lines.append(t("booking.estimate_total", amount=t.money(Decimal(estimate["total"]))))
        lines.append(t("booking.estimate_note", min_hours=sessions.minimum_hours))
        return "\n".join(lines)

    # -- consents ---------------------------------------------------------------------------

    def _consents(self, ctx: Context) -> tuple[str, ...]:
        return CONSENTS[self._kind(ctx)]

    def _consents_complete(self, ctx: Context) -> bool:
        given = ctx.data.get("consents") or {}
        return "kind" in ctx.data and all(name in given for name in self._consents(ctx))

    async def _ask_consent(self, ctx: Context, name: str) -> None:
        required = self._consents(ctx)
        if name not in required:
            await self._next_after_consents(ctx)
            return
        if name == "pay":
            ctx.say(self._estimate_text(ctx))
        ctx.say(
            ctx.t(
                f"booking.consent_{name}",
                number=required.index(name) + 1,
                total=len(required),
                min_hours=ctx.policy.sessions.minimum_hours,
            ),
            (
                (ctx.button(f"booking.agree_{name}", "booking.agree", name),),
                (ctx.button("booking.decline", "booking.decline"),),
            ),
        )

    async def _on_consent(self, ctx: Context, name: str, payload: Payload | None) -> bool:
        if payload is None:
            return False
        if payload.action == "booking.decline":
            ctx.finish()
            ctx.say(ctx.t("booking.declined"), (ctx.menu_row(),))
            return True
        if payload.action != "booking.agree" or payload.arg(0) != name:
            return False
        given = dict(ctx.data.get("consents") or {})
        given[name] = ctx.now.isoformat()
        ctx.data["consents"] = given
        await self._next_after_consents(ctx)
        return True

    async def _next_after_consents(self, ctx: Context) -> None:
        given = ctx.data.get("consents") or {}
        missing = [name for name in self._consents(ctx) if name not in given]
        await ctx.go(f"consent_{missing[0]}" if missing else "confirm")

    async def ask_consent_pay(self, ctx: Context) -> None:
        await self._ask_consent(ctx, "pay")

    async def on_consent_pay(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return await self._on_consent(ctx, "pay", payload)

    async def ask_consent_access(self, ctx: Context) -> None:
        await self._ask_consent(ctx, "access")

    async def on_consent_access(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return await self._on_consent(ctx, "access", payload)

    async def ask_consent_backup(self, ctx: Context) -> None:
        await self._ask_consent(ctx, "backup")

    async def on_consent_backup(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return await self._on_consent(ctx, "backup", payload)

    # -- confirmation -----------------------------------------------------------------------

    async def ask_confirm(self, ctx: Context) -> None:
        if not self._consents_complete(ctx):
            await self._next_after_consents(ctx)
            return
        t = ctx.t
        estimate = self._get(ctx, "estimate")
        text = t(
            "booking.confirm_summary",
            kind=t(f"booking.kind_name_{self._kind(ctx).value}"),
            when=local_when(t, ctx.policy, self._start(ctx)),
            hours=self._get(ctx, "hours"),
            phone=self._get(ctx, "phone"),
            total=t.money(Decimal(estimate["total"])),
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
            await ctx.go("time")
            return True
        if payload.action != "booking.confirm":
            return False
        if not self._consents_complete(ctx):
            await self._next_after_consents(ctx)
            return True
        kind, day, start = self._kind(ctx), self._day(ctx), self._start(ctx)
        hours = int(self._get(ctx, "hours"))
        # The slot read decides the insert: take the write lock first (BEGIN IMMEDIATE).
        await ctx.unit.begin()
        if hours not in await self._fitting_hours(ctx, day, start):
            ctx.say(ctx.t("booking.slot_just_taken"))
            await ctx.go("time")
            return True
        estimate = await self._estimate(ctx, kind, hours)
        if _estimate_to_data(estimate) != ctx.data.get("estimate"):
            ctx.say(ctx.t("booking.estimate_changed"))
            ctx.data["estimate"] = _estimate_to_data(estimate)
            ctx.data["consents"] = {}
            await ctx.go("consent_pay")
            return True
        booking_id, request_id = await self._book(ctx, kind, start, hours, estimate)
        self._say_booked(ctx, kind, start, hours, request_id)
        if kind is SessionKind.BACKUP:
            ctx.data = {"booking_id": booking_id}
            await ctx.go("backup_file")
        else:
            ctx.finish()
            ctx.say(ctx.t("booking.what_next"), (self._mine_row(ctx), ctx.menu_row()))
        return True

    async def _book(
        self,
        ctx: Context,
        kind: SessionKind,
        start: datetime,
        hours: int,
        estimate: SessionEstimate,
    ) -> tuple[int, int]:
        """File the request (its card goes to managers) and take the slot."""
        phone, problem = str(self._get(ctx, "phone")), str(self._get(ctx, "problem"))
        consents: dict[str, str] = dict(self._get(ctx, "consents"))
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
        for name in self._consents(ctx):
            card.append(
                cards.line(
                    "booking.card_consent",
                    consent=cards.text(f"booking.consent_name_{name}"),
                    at=cards.moment(datetime.fromisoformat(consents[name])),
                )
            )
        request_id = await file_request(
            ctx,
            RequestKind.BOOKING,
            card=card,
            amount=estimate.total,
            details={
                "topic": "booking",
                "kind": kind.value,
                "starts_at": start.astimezone(UTC).isoformat(),
                "hours": hours,
                "phone": phone,
                "problem": problem,
                "estimate": _estimate_to_data(estimate),
                "consents": consents,
                "amount_in_lines": True,
            },
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
        self, ctx: Context, kind: SessionKind, start: datetime, hours: int, request_id: int
    ) -> None:
        t = ctx.t
        uploads = ctx.policy.uploads
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
                        max_mb=uploads.backup_max_mb,
                        types=", ".join(ext.upper() for ext in uploads.backup_types),
                    ),
                    t(
                        "booking.change_rule",
                        hours=ctx.policy.sessions.change_until_hours,
                    ),
                ]
            )
        )

    # -- the backup file --------------------------------------------------------------------

    async def ask_backup_file(self, ctx: Context) -> None:
        uploads = ctx.policy.uploads
        ctx.say(
            ctx.t(
                "booking.send_backup",
                max_mb=uploads.backup_max_mb,
                types=", ".join(ext.upper() for ext in uploads.backup_types),
            ),
            (
                (ctx.button("booking.backup_later", "booking.later"),),
                self._mine_row(ctx),
                ctx.menu_row(),
            ),
        )

    async def on_backup_file(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is not None:
            if payload.action != "booking.later":
                return False
            ctx.finish()
            ctx.say(ctx.t("booking.backup_later_ok"), (self._mine_row(ctx), ctx.menu_row()))
            return True
        if not msg.attachments:
            return False
        booking = await self._own_upcoming(ctx, int(self._get(ctx, "booking_id")))
        if booking is None or booking.kind != SessionKind.BACKUP.value:
            raise _Stale("booking_id")
        if await self._take_backups(ctx, booking, msg.attachments):
            ctx.finish()
            ctx.say(ctx.t("booking.backup_anything_else"), (self._mine_row(ctx), ctx.menu_row()))
        else:
            await ctx.go("backup_file")
        return True

    async def _take_backups(
        self, ctx: Context, booking: Booking, attachments: tuple[Attachment, ...]
    ) -> bool:
        """Record each acceptable file on the booking's request; True if any was taken."""
        taken: list[str] = []
        for attachment in attachments:
            problem = await accept_attachment(
                ctx,
                attachment,
                request_id=booking.request_id,
                role="backup",
                kind=FileKind.BACKUP,
            )
            if problem is None:
                taken.append(attachment.name)
            else:
                ctx.say(problem_text(ctx, problem, FileKind.BACKUP))
        if taken:
            ctx.say(
                ctx.t(
                    "booking.backup_received",
                    names=", ".join(taken),
                    number=booking.request_id,
                    when=local_when(ctx.t, ctx.policy, booking.starts_at),
                )
            )
            await send_card(ctx, booking.request_id)
        return bool(taken)

    async def on_idle(self, ctx: Context, message: Incoming) -> bool:
        """A backup file sent outside any conversation: for the next backup review.

        Only a message with a file of a backup type is taken (an oversized one is then
        refused with the reason); other files are left to the other flows (a scan sent as
        a follow-up to a request). Registered before the follow-up relay, so a backup
        goes to the booking rather than being refused there as a document.
        """
        if not any(
            upload_problem(ctx, attachment, FileKind.BACKUP) is not UploadProblem.WRONG_TYPE
            for attachment in message.attachments
        ):
            return False
        upcoming = await bookings.upcoming_of(
            ctx.unit, account_id=ctx.account.id, customer_id=ctx.customer_id, now=ctx.now
        )
        booking = next((b for b in upcoming if b.kind == SessionKind.BACKUP.value), None)
        if booking is None:
            return False
        await self._take_backups(ctx, booking, message.attachments)
        return True

    # -- the customer's bookings ------------------------------------------------------------

    async def _own(self, ctx: Context, booking_id: int) -> Booking | None:
        booking = await bookings.get(ctx.unit, booking_id)
        return booking if booking is not None and owns(ctx, booking) else None

    async def _own_upcoming(self, ctx: Context, booking_id: int) -> Booking | None:
        booking = await self._own(ctx, booking_id)
        if booking is None or booking.status != bookings.CONFIRMED:
            return None
        return booking if booking.starts_at > ctx.now else None

    def _booking_label(self, ctx: Context, booking: Booking) -> str:
        return ctx.t(
            "booking.booking_button",
            when=local_when(ctx.t, ctx.policy, booking.starts_at),
            kind=ctx.t(f"booking.kind_name_{booking.kind}"),
        )

    async def ask_mine(self, ctx: Context) -> None:
        upcoming = await bookings.upcoming_of(
            ctx.unit, account_id=ctx.account.id, customer_id=ctx.customer_id, now=ctx.now
        )
        new_row = (ctx.button("booking.new", "go", "booking"),)
        if not upcoming:
            ctx.say(ctx.t("booking.none_upcoming"), (new_row, ctx.menu_row()))
            return
        rows = [
            (Button(self._booking_label(ctx, b), encode("booking.open", b.id)),) for b in upcoming
        ]
        rows.extend([new_row, ctx.menu_row()])
        ctx.say(ctx.t("booking.mine_title", count=len(upcoming)), tuple(rows))

    async def on_mine(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return False  # its buttons are booking.open (handled in any step) and go:…

    async def _open(self, ctx: Context, booking_id: int) -> bool:
        booking = await self._own_upcoming(ctx, booking_id)
        if booking is None:
            ctx.say(ctx.t("booking.not_yours"))
            ctx.data = {}
            await ctx.go("mine")
            return True
        ctx.data = {"booking_id": booking.id}
        await ctx.go("booking")
        return True

    async def ask_booking(self, ctx: Context) -> None:
        booking = await self._own_upcoming(ctx, int(self._get(ctx, "booking_id")))
        if booking is None:
            raise _Stale("booking_id")
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
        rows.extend([self._mine_row(ctx), ctx.menu_row()])
        ctx.say("\n".join(lines), tuple(rows))

    async def on_booking(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None or payload.action not in _BOOKING_ACTIONS:
            return False
        booking = await self._own_upcoming(ctx, payload.int_arg(0))
        if booking is None:
            return await self._open(ctx, payload.int_arg(0))  # says "not yours / gone"
        ctx.data = {"booking_id": booking.id}
        if payload.action == "booking.backup":
            if booking.kind != SessionKind.BACKUP.value:
                return False
            await ctx.go("backup_file")
            return True
        if payload.action == "booking.ask":
            await self._ask_manager(ctx, booking)
            return True
        if not booking_changeable(start=booking.starts_at, now=ctx.now, policy=ctx.policy):
            self._too_late(ctx, booking)
            return True
        if payload.action == "booking.cancel":
            await ctx.go("cancel_confirm")
        else:
            ctx.data.update(move=booking.id, hours=booking.hours, kind=booking.kind)
            await ctx.go("day")
        return True

    def _too_late(self, ctx: Context, booking: Booking) -> None:
        """Too close to the start to change it here: offer to pass it to a manager."""
        ctx.step = "booking"
        ctx.data = {"booking_id": booking.id}
        ctx.say(
            ctx.t("booking.too_late", hours=ctx.policy.sessions.change_until_hours),
            (
                (ctx.button("booking.ask_manager", "booking.ask", booking.id),),
                self._mine_row(ctx),
                ctx.menu_row(),
            ),
        )

    async def _ask_manager(self, ctx: Context, booking: Booking) -> None:
        request = await requests.get(ctx.unit, booking.request_id)
        phone = str(request.details.get("phone", "—")) if request else "—"
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
                note="asked a manager to change the booking",
                now=ctx.now,
            )
        ctx.say(
            ctx.t(
                "booking.manager_asked" if queued else "booking.manager_asked_before", phone=phone
            ),
            (self._mine_row(ctx), ctx.menu_row()),
        )

    # -- cancel -----------------------------------------------------------------------------

    async def ask_cancel_confirm(self, ctx: Context) -> None:
        booking = await self._own_upcoming(ctx, int(self._get(ctx, "booking_id")))
        if booking is None:
            raise _Stale("booking_id")
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
        booking = await self._own_upcoming(ctx, payload.int_arg(0))
        if booking is None:
            return await self._open(ctx, payload.int_arg(0))
        if not booking_changeable(start=booking.starts_at, now=ctx.now, policy=ctx.policy):
            self._too_late(ctx, booking)
            return True
        await bookings.cancel(ctx.unit, booking.id, ctx.now)
        try:
            await requests.set_status(
                ctx.unit,
                booking.request_id,
                RequestStatus.CANCELLED,
                actor="customer",
                note="booking cancelled by the customer",
                now=ctx.now,
            )
        except StatusChangeRefused:
            await requests.add_note(
                ctx.unit,
                booking.request_id,
                actor="customer",
                note="booking cancelled by the customer",
                now=ctx.now,
            )
        await send_card(ctx, booking.request_id)
        ctx.finish()
        ctx.say(
            ctx.t("booking.cancelled", when=local_when(ctx.t, ctx.policy, booking.starts_at)),
            (self._mine_row(ctx), ctx.menu_row()),
        )
        return True

    # -- move -------------------------------------------------------------------------------

    async def ask_move_confirm(self, ctx: Context) -> None:
        booking = await self._own_upcoming(ctx, int(self._get(ctx, "move")))
        if booking is None:
            raise _Stale("move")
        t = ctx.t
        ctx.say(
            t(
                "booking.move_question",
                old=local_when(t, ctx.policy, booking.starts_at),
                new=local_when(t, ctx.policy, self._start(ctx)),
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
            await ctx.go("time")
            return True
        if payload.action != "booking.move_yes":
            return False
        # The slot read decides the update: take the write lock first (BEGIN IMMEDIATE).
        await ctx.unit.begin()
        booking = await self._own_upcoming(ctx, int(self._get(ctx, "move")))
        if booking is None:
            raise _Stale("move")
        if not booking_changeable(start=booking.starts_at, now=ctx.now, policy=ctx.policy):
            self._too_late(ctx, booking)
            return True
        day, start = self._day(ctx), self._start(ctx)
        if not await self._slot_free(ctx, day, start, booking.hours):
            ctx.say(ctx.t("booking.slot_just_taken"))
            await ctx.go("time")
            return True
        await bookings.move(ctx.unit, booking.id, start, ctx.now)
        await self._record_move(ctx, booking, start)
        ctx.finish()
        ctx.say(
            ctx.t(
                "booking.moved",
                when=local_when(ctx.t, ctx.policy, start),
                hours=booking.hours,
            ),
            (self._mine_row(ctx), ctx.menu_row()),
        )
        return True

    async def _record_move(self, ctx: Context, booking: Booking, start: datetime) -> None:
        """The card shows the new start and where it moved from; managers get it again."""
        request = await requests.get(ctx.unit, booking.request_id)
        if request is not None:
            details = dict(request.details)
            card: list[list[Any]] = []
            for key, values in details.get("card", []):
                if key == "booking.card_start":
                    values = {**values, "start": cards.moment(start)}
                card.append([key, values])
            card.append(
                [
                    "booking.card_moved",
                    {"old": cards.moment(booking.starts_at), "at": cards.moment(ctx.now)},
                ]
            )
            details["card"] = card
            details["starts_at"] = start.astimezone(UTC).isoformat()
            await requests.set_details(ctx.unit, booking.request_id, details, ctx.now)
        await requests.add_note(
            ctx.unit,
            booking.request_id,
            actor="customer",
            note=f"booking moved from {booking.starts_at.isoformat()} to "
            f"{start.astimezone(UTC).isoformat()}",
            now=ctx.now,
        )
        await send_card(ctx, booking.request_id)


def _estimate_to_data(estimate: SessionEstimate) -> dict[str, Any]:
    return {
        "hours": estimate.hours,
        "rate": format(estimate.hourly_rate, "f"),
        "time": format(estimate.time_amount, "f"),
        "fee": format(estimate.connection_fee, "f"),
        "total": format(estimate.total, "f"),
    }
