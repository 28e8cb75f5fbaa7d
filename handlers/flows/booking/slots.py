"""Choosing a slot: the days of the booking window with room left, the free start times,
and the session lengths that still fit; or a start written in words
(:mod:`handlers.flows.booking.typed_start`).

The same steps serve a new booking and moving one; when moving, the slot must fit the
booking's own length and the booking itself does not count as taken. No slot starts
sooner than ``policy.sessions.min_notice_hours`` from now; asking for a sooner one (in
words, or with a time button of an earlier message) is answered with the rule and the
earliest free time.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time

from handlers.engine.flow import Context
from handlers.engine.messages import Button, Incoming
from handlers.engine.payloads import Payload, encode
from handlers.flows.booking.common import local_when
from handlers.flows.booking.consents import consents_complete
from handlers.flows.booking.data import BookingData
from handlers.flows.booking.steps import BookingSteps
from handlers.flows.booking.typed_start import AskedStart, asked_start
from handlers.policy import Policy
from handlers.rules.calendar import WorkingCalendar, calendar_for
from handlers.rules.sessions import bookable_start
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

    async def earliest(self, ctx: Context) -> datetime | None:
        """The first free start of the booking window, or None."""
        days = await self.open_days(ctx)
        if not days:
            return None
        slots = await self.free(ctx, days[0], slot_hours(ctx))
        return slots[0] if slots else None

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
        if payload is None:
            return await self._written_start(ctx, msg, chosen_day=None)
        if payload.action != "booking.day":
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
            return await self._written_start(ctx, msg, chosen_day=ctx.read(BookingData).need_day())
        if payload.action == "booking.days":
            await ctx.go(self.day)
            return True
        if payload.action != "booking.time":
            return False
        day = ctx.read(BookingData).need_day()
        wanted = payload.arg(0)
        tz = ctx.policy.tz
        pressed = _button_time(wanted)
        if pressed is not None and not bookable_start(
            datetime.combine(day, pressed, tzinfo=tz), now=ctx.now, policy=ctx.policy
        ):
            await self._too_soon(ctx)  # a button of an earlier message, pressed late
            return True
        slots = await self.slots.free(ctx, day, slot_hours(ctx))
        start = next((s for s in slots if f"{s.astimezone(tz):%H%M}" == wanted), None)
        if start is None:
            ctx.say(ctx.t("booking.time_gone"))
            await ctx.go(self.time)
            return True
        await self._take_start(ctx, day, start)
        return True

    async def _take_start(self, ctx: Context, day: date, start: datetime) -> None:
        """A free start was chosen: on to the move's confirmation, or the duration (or the
        confirmation, when the terms agreed before still hold)."""
        data = replace(ctx.read(BookingData), day=day, start=start.astimezone(UTC))
        ctx.keep(data)
        if data.move is not None:
            await ctx.go(self.move_confirm)
        elif consents_complete(data) and data.hours in await self.slots.fitting_hours(
            ctx, day, start
        ):
            # A new time after "just taken": the terms already agreed still hold.
            await ctx.go(self.confirm)
        else:
            await ctx.go(self.duration)

    async def _too_soon(self, ctx: Context) -> None:
        """Not on the spot: the minimum notice, the earliest free time, the days again."""
        await say_too_soon(ctx, self.slots)
        await ctx.go(self.day)

    async def _written_start(self, ctx: Context, msg: Incoming, *, chosen_day: date | None) -> bool:
        """A day or a start written in words; False (the step's hint) when it names none."""
        if msg.attachments:
            return False
        asked = asked_start(ctx, msg.text, chosen_day=chosen_day)
        if asked is None:
            return False
        if asked.right_now:
            await self._too_soon(ctx)
            return True
        window = self.slots.calendar(ctx.policy).booking_window(ctx.now)
        if window and asked.day > window[-1]:
            ctx.say(
                ctx.t(
                    "booking.day_not_bookable",
                    day=day_label(ctx, asked.day),
                    days=ctx.policy.sessions.booking_days_ahead,
                )
            )
            await ctx.go(self.day)
            return True
        free = await self.slots.free(ctx, asked.day, slot_hours(ctx))
        if asked.start is not None and asked.until is None:
            await self._written_time(ctx, asked, asked.start, free)
            return True
        await self._written_day(ctx, asked, free)
        return True

    async def _written_time(
        self, ctx: Context, asked: AskedStart, start: datetime, free: list[datetime]
    ) -> None:
        if not bookable_start(start, now=ctx.now, policy=ctx.policy):
            await self._too_soon(ctx)
        elif start in free:
            await self._take_start(ctx, asked.day, start)
        else:
            ctx.say(ctx.t("booking.time_not_free", when=local_when(ctx.t, ctx.policy, start)))
            await self._offer_day(ctx, asked.day, free)

    async def _written_day(self, ctx: Context, asked: AskedStart, free: list[datetime]) -> None:
        """A day, or a part of it ("утром"): its free times, if it has any there."""
        calendar = self.slots.calendar(ctx.policy)
        begin = asked.start or calendar.day_start(asked.day)
        until = asked.until or calendar.day_end(asked.day)
        if any(begin <= slot < until for slot in free):
            await self._offer_day(ctx, asked.day, free)
        elif not bookable_start(begin, now=ctx.now, policy=ctx.policy):
            await self._too_soon(ctx)
        else:
            ctx.say(ctx.t("booking.day_full", day=day_label(ctx, asked.day)))
            await self._offer_day(ctx, asked.day, [])

    async def _offer_day(self, ctx: Context, day: date, free: list[datetime]) -> None:
        """The free times of ``day``; the days when it has none."""
        if free:
            ctx.keep(replace(ctx.read(BookingData), day=day))
            await ctx.go(self.time)
        else:
            await ctx.go(self.day)


async def say_too_soon(ctx: Context, slots: Slots) -> None:
    """A start sooner than the minimum notice was asked for (typed, an old button, or the
    notice ran out before the confirmation): the rule and the earliest free time."""
    lines = [ctx.t("booking.too_soon", hours=ctx.policy.sessions.min_notice_hours)]
    earliest = await slots.earliest(ctx)
    if earliest is not None:
        lines.append(ctx.t("booking.earliest", when=local_when(ctx.t, ctx.policy, earliest)))
    ctx.say("\n".join(lines))


def _button_time(wanted: str) -> time | None:
    """The start a time button carries ("1400"), or None when it is not one."""
    if len(wanted) != 4 or not wanted.isdigit():
        return None
    hour, minute = int(wanted[:2]), int(wanted[2:])
    return time(hour, minute) if hour < 24 and minute < 60 else None
