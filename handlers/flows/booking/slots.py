"""Choosing a slot: the days of the booking window with room left, the free start times,
and the session lengths that still fit.

The same steps serve a new booking and moving one; when moving, the slot must fit the
booking's own length and the booking itself does not count as taken.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from handlers.engine.flow import Context
from handlers.engine.messages import Button, Incoming
from handlers.engine.payloads import Payload, encode
from handlers.flows.booking.consents import consents_complete
from handlers.flows.booking.data import BookingData
from handlers.flows.booking.steps import BookingSteps
from handlers.policy import Policy
from handlers.rules.calendar import WorkingCalendar, calendar_for
from storage import bookings


class Slots:
    """Free slots of the booking window, read in the step's unit of work."""

    def calendar(self, policy: Policy) -> WorkingCalendar:
        """One calendar per policy (it caches holiday tables)."""
        return calendar_for(policy)

    async def _taken(self, ctx: Context, first: date, last: date) -> list[tuple[datetime, int]]:
        calendar = self.calendar(ctx.policy)
        return await bookings.confirmed_between(
            ctx.unit,
            calendar.day_start(first),
            calendar.day_end(last),
            exclude_id=ctx.read(BookingData).move,
        )

    async def open_days(self, ctx: Context) -> list[date]:
        """Working days of the booking window with at least one free slot."""
        calendar = self.calendar(ctx.policy)
        window = calendar.booking_window(ctx.now)
        if not window:
            return []
        taken = await self._taken(ctx, window[0], window[-1])
        hours = slot_hours(ctx)
        return [
            day for day in window if calendar.free_slots(day, taken=taken, now=ctx.now, hours=hours)
        ]

    async def free(self, ctx: Context, day: date, hours: int) -> list[datetime]:
        if day not in self.calendar(ctx.policy).booking_window(ctx.now):
            return []
        taken = await self._taken(ctx, day, day)
        return self.calendar(ctx.policy).free_slots(day, taken=taken, now=ctx.now, hours=hours)

    async def is_free(self, ctx: Context, day: date, start: datetime, hours: int) -> bool:
        """Whether a session of ``hours`` can still start at ``start`` on ``day``."""
        return start in await self.free(ctx, day, hours)

    async def fitting_hours(self, ctx: Context, day: date, start: datetime) -> list[int]:
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


def slot_hours(ctx: Context) -> int:
    """Length a slot must have: the booking's when moving it, else the shortest."""
    data = ctx.read(BookingData)
    if data.move is not None:
        return data.need_hours()
    return min(ctx.policy.sessions.durations_hours)


def day_label(ctx: Context, day: date) -> str:
    return ctx.t(
        "booking.day_button",
        weekday=ctx.t.weekday(day, "abbreviated"),
        date=ctx.t.date(day),
    )


class SlotSteps(BookingSteps):
    """The steps ``day`` and ``time`` of :class:`~handlers.flows.booking.BookingFlow`."""

    slots: Slots

    async def ask_day(self, ctx: Context) -> None:
        days = await self.slots.open_days(ctx)
        if not days:
            ctx.finish()
            ctx.say(
                ctx.t("booking.no_days", days=ctx.policy.sessions.booking_days_ahead),
                (ctx.menu_row(),),
            )
            return
        buttons = [
            Button(day_label(ctx, day), encode("booking.day", day.isoformat())) for day in days
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
        if day not in await self.slots.open_days(ctx):
            ctx.say(ctx.t("booking.day_gone"))
            await ctx.go(self.day)
            return True
        ctx.keep(replace(ctx.read(BookingData), day=day))
        await ctx.go(self.time)
        return True

    async def ask_time(self, ctx: Context) -> None:
        day = ctx.read(BookingData).need_day()
        slots = await self.slots.free(ctx, day, slot_hours(ctx))
        if not slots:
            ctx.say(ctx.t("booking.day_full", day=day_label(ctx, day)))
            await ctx.go(self.day)
            return
        tz = ctx.policy.tz
        buttons = [
            Button(
                ctx.t.time(slot.astimezone(tz)),
                encode("booking.time", f"{slot.astimezone(tz):%H%M}"),
            )
            for slot in slots
        ]
        rows = [tuple(buttons[i : i + 3]) for i in range(0, len(buttons), 3)]
        rows.append((ctx.button("booking.other_day", "booking.days"),))
        rows.append(ctx.menu_row())
        zone = ctx.t.zone(slots[0].astimezone(tz))
        ctx.say(ctx.t("booking.pick_time", day=day_label(ctx, day), zone=zone), tuple(rows))

    async def on_time(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None:
            return False
        if payload.action == "booking.days":
            await ctx.go(self.day)
            return True
        if payload.action != "booking.time":
            return False
        data = ctx.read(BookingData)
        day = data.need_day()
        wanted = payload.arg(0)
        tz = ctx.policy.tz
        slots = await self.slots.free(ctx, day, slot_hours(ctx))
        start = next((s for s in slots if f"{s.astimezone(tz):%H%M}" == wanted), None)
        if start is None:
            ctx.say(ctx.t("booking.time_gone"))
            await ctx.go(self.time)
            return True
        data = replace(data, start=start.astimezone(UTC))
        ctx.keep(data)
        if data.move is not None:
            await ctx.go(self.move_confirm)
            return True
        if consents_complete(data) and data.hours in await self.slots.fitting_hours(
            ctx, day, start
        ):
            # A new time after "just taken": the terms already agreed still hold.
            await ctx.go(self.confirm)
        else:
            await ctx.go(self.duration)
        return True
